"""The take-home handout holds every phase of the pass with its substituted numbers."""

from nnviz.lesson.handout import handout_markdown
from nnviz.training.presets import get_preset
from nnviz.training.setup import Setup, build_trainer


def test_mazur_handout_has_every_phase_and_the_published_numbers():
    trace = build_trainer(get_preset("mazur").setup).trace_step()
    text = handout_markdown(trace)
    for title in ("Forward · layer 1 of 2", "Forward · layer 2 of 2", "Cost",
                  "Backward · layer 2 of 2", "Backward · layer 1 of 2", "Update"):
        assert f". {title}\n" in text, title
    for number in ("0.3775", "0.5933", "0.7514", "0.2984", "0.1385", "0.08217", "0.3589"):
        assert number in text, number
    assert "W[2] = [0.3589, 0.4087; 0.5113, 0.5614]" in text


def test_wide_layers_are_cut_and_batches_name_the_example():
    trainer = build_trainer(Setup(dataset="moons", hidden=(16,), batch_size=4))
    text = handout_markdown(trainer.trace_step(), example=2)
    assert "more, computed the same way" in text
    assert "the example shown is number 3" in text
