"""Display names: what the interface shows for the code names of data sets, presets, losses,
activations, optimizers and input features, in the user's language.

Code names ("moons", "half_sse", "leaky_relu", "sgd", "sin x1") stay what files and the
command line use; the widgets keep them as item data and show these names instead. Qt-free:
every text goes through `translate("Names", "literal")` (one literal per call, on its own line,
so that `pyside6-lupdate` finds it); without a translator the English is returned. A code name
this table does not know is shown as it is (a CSV file's name, a newer engine's loss).
"""

from __future__ import annotations

import re

from .text import translate


def _datasets() -> dict[str, tuple[str, str]]:
    """code name → (name, description); the English descriptions are `DATASETS`'."""
    return {
        "xor": (
            translate("Names", "XOR (four quadrants)"),
            translate("Names", "points in four quadrants, class 1 where x1 and x2 have the same "
                               "sign (2 classes)"),
        ),
        "circles": (
            translate("Names", "circles"),
            translate("Names", "a disc inside a ring (2 classes)"),
        ),
        "moons": (
            translate("Names", "two moons"),
            translate("Names", "two interleaving half circles (2 classes)"),
        ),
        "spiral": (
            translate("Names", "spiral"),
            translate("Names", "two interleaved spiral arms (2 classes, hard)"),
        ),
        "blobs": (
            translate("Names", "blobs"),
            translate("Names", "gaussian blobs, one per class (2 or more classes)"),
        ),
        "sine": (
            translate("Names", "sine"),
            translate("Names", "regression: y = sin(x) on [−π, π]"),
        ),
        "plane": (
            translate("Names", "plane"),
            translate("Names", "regression: y = 0.8·x1 − 0.5·x2 + 0.3"),
        ),
        "xor_table": (
            translate("Names", "XOR truth table"),
            translate("Names", "the 4-row XOR truth table, inputs 0/1 (no test split)"),
        ),
        "single": (
            translate("Names", "one example"),
            translate("Names", "one example for hand-worked calculations: x = (0.05, 0.10), "
                               "y = (0.01, 0.99)"),
        ),
        "hagan": (
            translate("Names", "one example (1-2-1)"),
            translate("Names", "the single example of the 1-2-1 textbook calculation"),
        ),
    }


def _presets() -> dict[str, tuple[str, str]]:
    """preset name → (title, description); the English ones are `PRESETS`'."""
    return {
        "moons": (
            translate("Names", "Two moons"),
            translate("Names", "two interleaving half circles, 2-4-4-1 tanh, binary "
                               "cross-entropy (the default)"),
        ),
        "circles": (
            translate("Names", "Circles"),
            translate("Names", "a disc inside a ring, 2-4-4-1 tanh, binary cross-entropy"),
        ),
        "xor": (
            translate("Names", "XOR (noisy quadrants)"),
            translate("Names", "four noisy quadrants, 2-4-1 tanh, bce"),
        ),
        "xor-table": (
            translate("Names", "XOR truth table"),
            translate("Names", "the 4-row XOR table, 2-4-1 tanh, bce, full batch"),
        ),
        "spiral": (
            translate("Names", "Two-arm spiral"),
            translate("Names", "a hard one: 2-16-16-1 tanh, bce, Adam"),
        ),
        "blobs": (
            translate("Names", "Three blobs"),
            translate("Names", "three gaussian blobs, 2-4-3 softmax, cross-entropy"),
        ),
        "sine": (
            translate("Names", "Sine regression"),
            translate("Names", "fit y = sin(x), 1-16-16-1 tanh, mse"),
        ),
        "mazur": (
            translate("Names", "Textbook: 2-2-2 step by step"),
            translate("Names", "the classic step-by-step backpropagation example (sigmoid, "
                               "½·SSE, α = 0.5, biases frozen). The published error after the "
                               "first round, 0.291027924, used the already-updated w5–w8 "
                               "inside δ[1]; feeding the published updated weights forward "
                               "gives 0.291027774, which is what nnviz shows"),
        ),
        "hagan": (
            translate("Names", "Textbook: 1-2-1 calculation"),
            translate("Names", "the classic 1-2-1 calculation: sigmoid hidden, linear output, "
                               "mse, target 1 + sin(π/4), α = 0.1"),
        ),
        "xor-2-2-1": (
            translate("Names", "Textbook: XOR 2-2-1"),
            translate("Names", "a 2-2-1 sigmoid network on the XOR truth table, one full pass"),
        ),
        "landscape": (
            translate("Names", "The cost landscape of two weights"),
            translate("Names", "ŷ = W2·tanh(W1·x), 1-1-1 with the biases frozen, on 9 points "
                               "of y ≈ 1.2·tanh(1.5x): W1[1,1] and W2[1,1] are the only "
                               "parameters that learn, so the map of J over them is the whole "
                               "picture. Look at the saddle at (0, 0), the two mirror-image "
                               "valleys (W1, W2) and (−W1, −W2), and the descent path: it "
                               "leaves the saddle quickly, then creeps along the flat valley "
                               "floor. The slope panel: the tangent's slope is ∂J/∂W, and the "
                               "step is −α times it"),
        ),
    }


def _losses() -> dict[str, str]:
    return {
        "mse": translate("Names", "mean squared error (MSE)"),
        "half_sse": translate("Names", "½ · sum of squared errors"),
        "bce": translate("Names", "binary cross-entropy"),
        "cross_entropy": translate("Names", "cross-entropy (softmax)"),
    }


def _activations() -> dict[str, str]:
    return {
        "sigmoid": translate("Names", "sigmoid"),
        "tanh": translate("Names", "tanh"),
        "relu": translate("Names", "ReLU"),
        "leaky_relu": translate("Names", "leaky ReLU"),
        "linear": translate("Names", "linear"),
        "softmax": translate("Names", "softmax"),
    }


def _optimizers() -> dict[str, str]:
    return {
        "sgd": translate("Names", "stochastic gradient descent (SGD)"),
        "momentum": translate("Names", "momentum"),
        "adam": translate("Names", "Adam"),
        "momentum_ema": translate("Names", "momentum (exponential moving average)"),
    }


def _features() -> dict[str, str]:
    return {
        "sin x1": translate("Names", "sin x1"),
        "sin x2": translate("Names", "sin x2"),
    }


def dataset_name(code: str) -> str:
    """A data set's display name ("two moons" for "moons")."""
    entry = _datasets().get(code)
    return entry[0] if entry else str(code)


def dataset_description(code: str) -> str:
    entry = _datasets().get(code)
    return entry[1] if entry else ""


def preset_title(name: str) -> str:
    entry = _presets().get(name)
    if entry:
        return entry[0]
    from ..training.presets import PRESETS  # (Qt-free too)

    return PRESETS[name].title if name in PRESETS else name


def preset_description(name: str) -> str:
    entry = _presets().get(name)
    if entry:
        return entry[1]
    from ..training.presets import PRESETS

    return PRESETS[name].description if name in PRESETS else ""


def loss_name(code: str) -> str:
    return _losses().get(code, code)


def activation_name(code: str) -> str:
    return _activations().get(code, code)


def optimizer_name(code: str) -> str:
    return _optimizers().get(code, code)


def feature_name(code: str) -> str:
    """An extra input feature's display name ("sen x1" in Spanish); math ones are unchanged."""
    return _features().get(code, code)


def input_name(code: str) -> str:
    """A data input's display name: its feature's if it is one (x1, x2, x1² stay)."""
    return feature_name(code)


_CLASS = re.compile(r"class (\d+)")


def class_name(code: str) -> str:
    """A class's display name: "class 2" → the language's "class 2"; others ("0", "1") stay."""
    match = _CLASS.fullmatch(str(code))
    if match:
        return translate("Names", "class %1").replace("%1", match.group(1))
    return str(code)
