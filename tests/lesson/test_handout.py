"""The take-home handout: every phase, every neuron and weight, the published numbers, layer
indices on every symbol, and arithmetic that adds up as printed."""

import re

import numpy as np
import pytest

from nnviz.engine import Network
from nnviz.lesson.handout import build_handout, handout_html, handout_markdown
from nnviz.training.presets import get_preset
from nnviz.training.setup import Setup, build_trainer

from .arith import check_chains

# Mazur, "A Step by Step Backpropagation Example": every intermediate value and updated weight,
# at the precision it is printed with.
MAZUR_PUBLISHED = [
    "0.3775", "0.593269992", "0.596884378", "1.105905967", "0.75136507", "0.772928465",
    "0.274811083", "0.023560026", "0.298371109", "0.74136507", "0.186815602", "0.082167041",
    "0.35891648", "0.408666186", "0.511301270", "0.561370121", "0.138498562", "0.055399425",
    "-0.019049119", "0.036350306", "0.241300709", "0.000438568", "0.149780716", "0.19956143",
    "0.24975114", "0.29950229",
]


def plain(handout) -> str:
    """Every line of the handout as plain text."""
    lines = [handout.title, *handout.facts, *handout.notation]
    for phase in handout.phases:
        lines += [phase.title, *(str(ex) for ex in phase.explanations), phase.note]
    return "\n".join([*lines, *handout.after])


def numbers_in(text: str) -> list[str]:
    return re.findall(r"-?\d+\.\d+|-?\d+", text.replace("−", "-"))


@pytest.fixture(scope="module")
def mazur():
    return build_trainer(get_preset("mazur").setup).trace_step()


def test_mazur_handout_has_every_phase_and_the_published_numbers(mazur):
    text = handout_markdown(mazur)
    for title in ("Forward · layer 1 of 2", "Forward · layer 2 of 2", "Cost",
                  "Backward · layer 2 of 2", "Backward · layer 1 of 2", "Update"):
        assert f". {title}\n" in text, title
    for number in ("0.3775", "0.5933", "0.7514", "0.2984", "0.1385", "0.08217", "0.3589"):
        assert number in text, number
    assert "W\\[2\\] = \\[0.3589, 0.4087; 0.5113, 0.5614\\]" in text


@pytest.mark.parametrize("published", MAZUR_PUBLISHED)
def test_mazur_published_values_at_their_precision(mazur, published):
    # to one unit of the last published decimal (the page rounds its intermediate values), and
    # printed with as many significant digits (9 at most)
    def decimals(x: str) -> int:
        return len(x.split(".")[1])

    def significant(x: str) -> int:
        return len(x.replace("-", "").replace(".", "").lstrip("0"))

    printed = numbers_in(plain(build_handout(mazur, digits=9)))
    close = [p for p in printed if "." in p and abs(float(p) - float(published))
             <= 1.01 * 10 ** -decimals(published) + 0.5 * 10 ** -decimals(p)]
    assert any(significant(p) >= min(9, significant(published)) for p in close), \
        (published, close)


_SUBS = "₀₁₂₃₄₅₆₇₈₉ₖⱼᵢₚ"
_SYMBOL = re.compile(rf"(?<![A-Za-z])([wbzaδ])(_[jkpi]+|[{_SUBS}][{_SUBS},]*)?(.?)")


def assert_layer_on_every_symbol(text: str) -> int:
    """Every w, b, z, a, δ with an index (and every δ) is followed by its [layer]."""
    count = 0
    for line in text.splitlines():
        for mt in _SYMBOL.finditer(line):
            letter, index, after = mt.groups()
            if index is None and letter != "δ":
                continue  # an ordinary word or a vector name
            assert after == "[", f"{letter}{index or ''} without its layer in {line!r}"
            count += 1
    return count


TRACES = {
    "mazur": lambda: build_trainer(get_preset("mazur").setup).trace_step(),
    "hagan": lambda: build_trainer(get_preset("hagan").setup).trace_step(),
    "xor-2-2-1": lambda: build_trainer(get_preset("xor-2-2-1").setup).trace_step(),
}


@pytest.mark.parametrize("name", TRACES)
def test_every_symbol_carries_its_layer(name):
    trace = TRACES[name]()
    assert assert_layer_on_every_symbol(plain(build_handout(trace, example=1 % trace.X.shape[1])))\
        > 20


def _net_trace(optimizer="sgd", l2=0.0, m=1, steps_before=0, loss="half_sse"):
    net = Network([3, 2, 2], activations=["tanh", "sigmoid"], loss=loss, seed=4,
                  optimizer=optimizer, l2=l2)
    rng = np.random.default_rng(3)
    X, Y = rng.normal(size=(3, m)), rng.uniform(size=(2, m))
    for _ in range(steps_before):
        net.train_step(X, Y, 0.3)
    return net.trace_step(X, Y, 0.3)


@pytest.mark.parametrize(("optimizer", "l2", "m", "before"), [
    ("sgd", 0.0, 1, 0), ("sgd", 0.3, 1, 0), ("sgd", 0.3, 4, 0),
    ("momentum", 0.0, 1, 2), ("momentum_ema", 0.1, 3, 2), ("adam", 0.0, 1, 0),
    ("adam", 0.05, 2, 3),
])
@pytest.mark.parametrize("digits", [4, 6])
def test_printed_arithmetic_adds_up(optimizer, l2, m, before, digits):
    trace = _net_trace(optimizer, l2, m, before)
    text = plain(build_handout(trace, digits=digits))
    assert check_chains(text, digits) > 30
    assert_layer_on_every_symbol(text)


def test_l2_is_its_own_term_in_cost_and_gradients():
    trace = _net_trace("sgd", l2=0.3, m=1)
    text = plain(build_handout(trace))
    assert "J = L + (λ/2) Σ_l ‖W[l]‖² = " in text
    assert re.search(r"∂J/∂w₁₁\[2\] = δ₁\[2\]·a₁\[1\] \+ λ·w₁₁\[2\] = \S+·\S+ \+ 0\.3·\S+ = ", text)
    assert "(λ/2)·(‖W[1]‖² + ‖W[2]‖²) = (0.3/2)·(" in text


def test_momentum_and_adam_write_their_state():
    text = plain(build_handout(_net_trace("momentum", steps_before=2)))
    assert "v ← β·v + ∂J/∂w₁₁[1] = 0.9·" in text and "w₁₁[1] ← w₁₁[1] − α·v = " in text
    assert "PyTorch" in text and "momentum_ema" in text
    text = plain(build_handout(_net_trace("momentum_ema", steps_before=2)))
    assert "v ← β·v + (1 − β)·∂J/∂w₁₁[1] = 0.9·" in text
    text = plain(build_handout(_net_trace("adam", steps_before=2)))
    assert "t = 3" in text and "m̂ = m/(1 − β₁ᵗ) = " in text and "(1 − 0.9³)" in text
    assert "v̂ = v/(1 − β₂ᵗ) = " in text and "/(√" in text


def test_update_titles_do_not_name_an_example():
    h = build_handout(_net_trace(m=4), example=2)
    update = h.phases[-1]
    assert update.explanations and all("example" not in ex.title for ex in update.explanations)
    assert "example 3 of 4" in h.phases[0].explanations[0].title


def test_the_loss_is_written_as_a_formula(mazur):
    text = plain(build_handout(mazur))
    assert "L = ½ Σₖ (yₖ − aₖ[2])²" in text and "half_sse" not in text


def test_complete_by_default_and_summary_on_request():
    trainer = build_trainer(Setup(dataset="moons", hidden=(16,), batch_size=4))
    trace = trainer.trace_step()
    text = handout_markdown(trace, example=2)
    assert "more, computed the same way" not in text
    assert "the example shown is number 3" in text
    assert text.count("#### Backward · layer 1 of 2 — weight") == 2 * 16
    assert text.count("#### Forward · layer 1 of 2 — neuron") == 16
    assert text.count("#### Update — weight") == 2 * 16 + 16
    assert "more, computed the same way" in handout_markdown(trace, summary=True)


def test_html_is_a_page_with_images(mazur):
    from html.parser import HTMLParser

    page = handout_html(mazur, images={0: "phase-1.png"})
    tags = []

    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append((tag, dict(attrs)))

    P().feed(page)
    assert page.startswith("<!DOCTYPE html>")
    assert ("img", {"class": "diagram", "src": "phase-1.png", "alt": "Forward · layer 1 of 2",
                    "width": "560"}) in tags
    assert sum(t == "h2" for t, _ in tags) == len(mazur.phases) + 1
