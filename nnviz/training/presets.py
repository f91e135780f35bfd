"""Ready-made demos: a name, a one-line description and a `Setup` that works the first time.

The textbook presets reproduce published hand calculations digit for digit:
- `mazur`: the 2-2-2 sigmoid network of the classic step-by-step backpropagation example,
  half_sse, α = 0.5, biases frozen as in the published example. Its error after the first round,
  0.291027924, was computed with the already-updated w5–w8 inside δ[1]; the published updated
  weights fed forward give 0.291027774 (what nnviz computes);
- `hagan`: the 1-2-1 network of the classic textbook calculation (sigmoid hidden layer, linear
  output, mse), input p = 1, target 1 + sin(π/4·p), α = 0.1;
- `xor-2-2-1`: a 2-2-1 sigmoid network on the XOR truth table, with small hand-picked weights.

`landscape` is a 1-1-1 network whose only learning parameters are two weights, for the cost
landscape and slope panels (`Preset.panels`, `Preset.landscape_params`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .setup import Setup


@dataclass(frozen=True)
class Preset:
    """`panels`: extra views the app opens with this preset ("landscape", "slope");
    `landscape_params`: the parameters those views show (the slope shows the first);
    `landscape_optima`: the two parameters' values that generated the data, near which J is
    least (marked "+"; the data's noise moves the minimum a little)."""

    name: str
    title: str
    description: str
    setup: Setup
    panels: tuple[str, ...] = ()
    landscape_params: tuple[str, ...] = ()
    landscape_optima: tuple[tuple[float, float], ...] = ()


def _model(layers, activations, loss, W, b, frozen=()):
    return {"format": "nnviz-model", "version": 1, "layers": layers,
            "activations": activations, "loss": loss, "W": W, "b": b, "frozen": list(frozen)}


_MAZUR = Setup(
    dataset="single", data=([[0.05], [0.10]], [[0.01], [0.99]]), hidden=(2,),
    activation="sigmoid", loss="half_sse", output_activation="sigmoid", lr=0.5, batch_size=1,
    frozen=("biases",),
    model=_model([2, 2, 2], ["sigmoid", "sigmoid"], "half_sse",
                 [[[0.15, 0.20], [0.25, 0.30]], [[0.40, 0.45], [0.50, 0.55]]],
                 [[0.35, 0.35], [0.60, 0.60]], frozen=("biases",)),
)

_HAGAN = Setup(
    dataset="hagan", data=([[1.0]], [[1.0 + math.sin(math.pi / 4)]]), hidden=(2,),
    activation="sigmoid", loss="mse", lr=0.1, batch_size=1,
    model=_model([1, 2, 1], ["sigmoid", "linear"], "mse",
                 [[[-0.27], [-0.41]], [[0.09, -0.17]]], [[-0.48, -0.13], [0.48]]),
)

_XOR_221 = Setup(
    dataset="xor_table", hidden=(2,), activation="sigmoid", loss="bce", lr=1.0, batch_size=4,
    test_fraction=0.0,
    model=_model([2, 2, 1], ["sigmoid", "sigmoid"], "bce",
                 [[[0.5, 0.4], [0.9, 1.0]], [[-1.2, 1.1]]], [[-0.8, 0.1], [-0.3]]),
)

# ŷ = W2·tanh(W1·x) on 9 points of y ≈ 1.2·tanh(1.5·x) (noise written out, two decimals); the
# biases are frozen at 0, so W1[1,1] and W2[1,1] are the only parameters that learn. Full batch,
# so the map (J over the training set) is exactly what each step descends.
_LANDSCAPE_X = [-2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0]
_LANDSCAPE_Y = [-1.16, -1.22, -1.07, -0.72, -0.03, 0.81, 1.07, 1.13, 1.2]
_LANDSCAPE = Setup(
    dataset="tanh_curve", data=([_LANDSCAPE_X], [_LANDSCAPE_Y]), hidden=(1,),
    activation="tanh", loss="mse", lr=0.1, batch_size=9, test_fraction=0.0, frozen=("biases",),
    model=_model([1, 1, 1], ["tanh", "linear"], "mse", [[[0.3]], [[-0.2]]], [[0.0], [0.0]],
                 frozen=("biases",)),
)

PRESETS: dict[str, Preset] = {p.name: p for p in (
    Preset("moons", "Two moons",
           "two interleaving half circles, 2-4-4-1 tanh, binary cross-entropy (the default)",
           Setup()),
    Preset("circles", "Circles", "a disc inside a ring, 2-4-4-1 tanh, binary cross-entropy",
           Setup(dataset="circles")),
    Preset("xor", "XOR (noisy quadrants)", "four noisy quadrants, 2-4-1 tanh, bce",
           Setup(dataset="xor", hidden=(4,), lr=0.3)),
    Preset("xor-table", "XOR truth table", "the 4-row XOR table, 2-4-1 tanh, bce, full batch",
           Setup(dataset="xor_table", hidden=(4,), lr=0.5, batch_size=4, test_fraction=0.0)),
    Preset("spiral", "Two-arm spiral", "a hard one: 2-16-16-1 tanh, bce, Adam",
           Setup(dataset="spiral", n_samples=400, hidden=(16, 16), optimizer="adam",
                 lr=0.01, batch_size=16, noise=0.05)),
    Preset("blobs", "Three blobs", "three gaussian blobs, 2-4-3 softmax, cross-entropy",
           Setup(dataset="blobs", hidden=(4,), loss="cross_entropy", lr=0.1)),
    Preset("sine", "Sine regression", "fit y = sin(x), 1-16-16-1 tanh, mse",
           Setup(dataset="sine", hidden=(16, 16), loss="mse", lr=0.05, batch_size=16)),
    Preset("mazur", "Textbook: 2-2-2 step by step",
           "the classic step-by-step backpropagation example (sigmoid, ½·SSE, α = 0.5, "
           "biases frozen). The published error after the first round, 0.291027924, used the "
           "already-updated w5–w8 inside δ[1]; feeding the published updated weights forward "
           "gives 0.291027774, which is what nnviz shows", _MAZUR),
    Preset("hagan", "Textbook: 1-2-1 calculation",
           "the classic 1-2-1 calculation: sigmoid hidden, linear output, mse, "
           "target 1 + sin(π/4), α = 0.1", _HAGAN),
    Preset("xor-2-2-1", "Textbook: XOR 2-2-1",
           "a 2-2-1 sigmoid network on the XOR truth table, one full pass", _XOR_221),
    Preset("landscape", "The cost landscape of two weights",
           "ŷ = W2·tanh(W1·x), 1-1-1 with the biases frozen, on 9 points of y ≈ 1.2·tanh(1.5x): "
           "W1[1,1] and W2[1,1] are the only parameters that learn, so the map of J over them "
           "is the whole picture. Look at the saddle at (0, 0), the two mirror-image valleys "
           "(W1, W2) and (−W1, −W2), and the descent path: it leaves the saddle quickly, then "
           "creeps along the flat valley floor. The slope panel: the tangent's slope is "
           "∂J/∂W, and the step is −α times it", _LANDSCAPE,
           panels=("landscape", "slope"), landscape_params=("W1[1,1]", "W2[1,1]"),
           # the weights that made the data, y = 1.2·tanh(1.5x), and their mirror image
           landscape_optima=((1.5, 1.2), (-1.5, -1.2))),
)}

DEFAULT_PRESET = "moons"


def get_preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(f"unknown preset {name!r}; run 'nnviz --list-presets' to see them: "
                         f"{', '.join(PRESETS)}") from None
