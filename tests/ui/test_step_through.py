"""Step-through mode on the classic 2-2-2 example: phases in order, the inspector's numbers."""

import pytest

from nnviz.training.presets import get_preset
from nnviz.ui.geometry import Selection
from nnviz.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, settings):
    w = MainWindow(setup=get_preset("mazur").setup, settings=settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.snapshot is not None)
    yield w
    w.shutdown()


def enter(qtbot, window):
    window.set_step_through(True)
    qtbot.waitUntil(lambda: window.step_through.trace is not None, timeout=5000)
    return window.step_through


def test_phases_walk_forward_cost_backward_update_with_published_numbers(qtbot, window):
    st = enter(qtbot, window)
    assert st.trace.step == 1
    assert "Forward · layer 1 of 2" in window.phase_bar.text()
    assert "0.3775" in window.inspector.toPlainText()  # z₁[1], neuron 1 of layer 1
    assert "0.5933" in window.inspector.toPlainText()  # a₁[1]
    window.network_view.set_selection(Selection("neuron", 2, 0))
    titles = []
    texts = {}
    while True:
        titles.append(st.title().split("   ")[0])
        texts[titles[-1]] = window.inspector.toPlainText()
        if st.at_end():
            break
        window.next_phase()
    assert titles == ["Forward · layer 1 of 2", "Forward · layer 2 of 2", "Cost:  J = 0.2984",
                      "Backward · layer 2 of 2", "Backward · layer 1 of 2", "Update"]
    assert "0.7514" in texts["Forward · layer 2 of 2"]
    assert "0.2984" in texts["Cost:  J = 0.2984"]
    assert "0.1385" in texts["Backward · layer 2 of 2"]  # δ₁[2]
    window.network_view.set_selection(Selection("edge", 2, 0, 0))
    assert "0.3589" in window.inspector.toPlainText()  # w₁₁[2]: 0.4 − 0.5·0.08217


def test_previous_phase_and_next_pass(qtbot, window):
    st = enter(qtbot, window)
    window.next_phase()
    window.next_phase()
    assert st.phase.kind == "cost"
    window.previous_phase()
    assert st.phase.kind == "forward" and st.phase.layer == 2
    st.to_end()
    window.next_phase()  # past the end: the next pass
    qtbot.waitUntil(lambda: st.trace is not None and st.trace.step == 2, timeout=5000)
    assert st.index == 0


def test_leaving_the_mode_restores_live_drawing(qtbot, window):
    enter(qtbot, window)
    assert not window.inspector_dock.isHidden()
    window.set_step_through(False)
    assert window.inspector_dock.isHidden() and window.phase_bar.isHidden()
    assert not window.network_view.is_animating()
    window.step()
    qtbot.waitUntil(lambda: window.snapshot.step == 2)


def test_the_diagram_shows_each_phases_numbers(qtbot, window):
    """Each phase's numbers, with their symbols (δ, ∂J/∂w, ∂J/∂b), and every bias (b)."""
    st = enter(qtbot, window)
    edges, nodes = st.diagram_texts()
    assert nodes[:2] == ["0.05", "0.1"]  # x
    assert nodes[2] == "z 0.3775\na 0.5933\nb 0.35"  # z₁ a₁[1] and b₁[1]
    assert nodes[4:] == ["b 0.6", "b 0.6"]  # the output is not computed yet: its biases only
    assert edges[:2] == ["0.15", "0.2"]
    window.next_phase()
    window.next_phase()  # → cost: a and y at the output
    assert st.diagram_texts()[1][4] == "a 0.7514\ny 0.01\nb 0.6"
    window.next_phase()  # → backward · layer 2
    edges, nodes = st.diagram_texts()
    assert nodes[4] == "δ 0.1385\n∂J/∂b 0.1385"  # δ₁[2]
    assert edges[4] == "∂J/∂w 0.08217"  # ∂J/∂w₁₁[2]
    assert nodes[2] == "a 0.5933\nb 0.35"  # layer 1: not reached by the backward pass yet
    window.next_phase()
    edges, nodes = st.diagram_texts()  # → backward · layer 1
    assert nodes[2].startswith("δ ") and "∂J/∂b" in nodes[2]
    assert all(t.startswith("∂J/∂w ") for t in edges)
    window.next_phase()  # → update
    assert st.phase.kind == "update"
    edges, nodes = st.diagram_texts()
    assert edges[4] == "0.4→0.3589"  # old → new w₁₁[2] = 0.35891648
    assert "\nb 0.6→" in nodes[4]  # old → new b₁[2] (this preset keeps its biases)
    window.controls.digits.setValue(3)  # the diagram follows the digits control
    assert st.diagram_texts()[0][4] == "0.4→0.359"


def test_handout_export_and_gradient_check(qtbot, window, tmp_path):
    enter(qtbot, window)
    path = tmp_path / "worked.md"
    assert window.files.save_handout(str(path))
    text = path.read_text(encoding="utf-8")
    assert "## 6. Update" in text and "0.3589" in text
    pdf = tmp_path / "worked.pdf"
    assert window.files.save_handout(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.read_bytes().rstrip().endswith(b"%%EOF")
    window.gradient_check()  # in the worker: the report comes back as a dialog
    qtbot.waitUntil(lambda: window.files.dialog is not None, timeout=5000)
    report = window.files.dialog.text()
    assert report.count("✓") == 2 and "✗" not in report  # both layers agree


def test_digits_are_adjustable(qtbot, window):
    enter(qtbot, window)
    assert "0.3775" in window.inspector.toPlainText()
    window.controls.digits.setValue(7)
    assert "0.3775" in window.inspector.toPlainText()  # exact at any precision
    assert "0.5932700" in window.inspector.toPlainText()  # a₁[1] = 0.593269992…
    window.controls.digits.setValue(2)
    assert "0.59" in window.inspector.toPlainText()


def test_history_slider_goes_back_to_a_traced_pass_with_its_exact_values(qtbot, window):
    st = enter(qtbot, window)
    first = st.trace
    window.next_pass()
    qtbot.waitUntil(lambda: st.trace is not None and st.trace.step == 2, timeout=5000)
    bar = window.history_bar
    qtbot.waitUntil(lambda: list(bar.steps) == [0, 1, 2], timeout=5000)
    assert bar.isEnabled() and bar.slider.value() == 2
    bar.slider.setValue(1)  # as on releasing the slider there
    qtbot.waitUntil(lambda: window.snapshot.step == 1, timeout=5000)
    assert st.trace is first  # the very pass of step 1, every phase's numbers
    assert "0.3775" in window.inspector.toPlainText()
    assert window.cost_plot.here_line.isVisible()
    window.step_forward()  # Shift+Backspace: forward again, the later state was kept
    qtbot.waitUntil(lambda: window.snapshot.step == 2, timeout=5000)
    assert st.trace.step == 2
    window.step_back()
    qtbot.waitUntil(lambda: window.snapshot.step == 1, timeout=5000)
    assert window.step_through_on and st.trace is first


def test_going_back_to_plain_steps_shows_their_pass_or_says_what_to_do(qtbot, window):
    window.step()
    window.step()
    qtbot.waitUntil(lambda: window.snapshot.step == 2, timeout=5000)
    st = enter(qtbot, window)
    assert st.trace.step == 3
    window.go_to_step(1)  # taken as a plain step: its pass is taken again, exactly
    qtbot.waitUntil(lambda: window.snapshot.step == 1 and st.trace is not None, timeout=5000)
    assert st.trace.step == 1 and "0.3775" in window.inspector.toPlainText()
    window.worker.loop.set_learning_rate(5.0)  # now step 2 can't be retaken as it was
    window.go_to_step(2)
    qtbot.waitUntil(lambda: window.snapshot.step == 2, timeout=5000)
    assert st.trace is None and "→" in window.phase_bar.text()
    window.next_phase()  # takes pass 3 again, phase by phase, with α = 5
    qtbot.waitUntil(lambda: st.trace is not None and st.trace.step == 3, timeout=5000)
    assert st.trace.lr == 5.0


def test_fixed_data_presets_disable_the_fields_that_do_not_apply(qtbot, window):
    c = window.controls
    assert not c.samples.isEnabled() and not c.noise.isEnabled()  # mazur: one example
    assert not c.regenerate.isEnabled() and c.dataset.isEnabled()
    x0, x1 = window.data_panel._ranges[0]
    assert x1 - x0 > 1  # a single point gets a plane around it, not a 1e-9 sliver
    (v0, v1), _ = window.data_panel.plot.viewRange()
    assert v1 - v0 > 1
    c.dataset.setCurrentIndex(c.dataset.findData("moons"))
    assert c.samples.isEnabled() and c.regenerate.isEnabled()
    c.dataset.setCurrentIndex(c.dataset.findText("xor_table"))
    assert not c.noise.isEnabled()
    window.load_preset("hagan")  # inline data under its own name
    assert not c.samples.isEnabled()


def test_going_back_draws_the_kept_pass_not_the_undone_step(qtbot, window):
    st = enter(qtbot, window)
    first = st.trace
    window.next_pass()
    qtbot.waitUntil(lambda: st.trace is not None and st.trace.step == 2, timeout=5000)
    window.step_back()
    qtbot.waitUntil(lambda: window.snapshot.step == 1 and st.trace is first, timeout=5000)
    drawn = st.diagram_snapshot()
    for l in (1, 2):
        assert (drawn.a[l] == first.find("forward", l)["a"]).all()
        assert (drawn.delta[l] == first.find("backward", l)["delta"]).all()
        assert (drawn.dW[l] == first.find("backward", l)["dW"]).all()
    W0, W1 = first.params("before")[0], first.params("after")[0]
    assert (drawn.W_change[2] == W1[2] - W0[2]).all()
    assert window.snapshot.a[1] is None  # the worker forgot the undone step's pass
    assert window.data_panel.snapshot.step == 1  # the data panel follows, too


def test_the_history_slider_holds_still_while_dragged(qtbot, window):
    bar = window.history_bar
    for _ in range(3):
        window.step()
    qtbot.waitUntil(lambda: list(bar.steps) == [0, 1, 2, 3], timeout=5000)
    bar.slider.setSliderDown(True)
    window.step()
    qtbot.waitUntil(lambda: window.snapshot.step == 4, timeout=5000)
    assert list(bar.steps) == [0, 1, 2, 3]  # positions keep their meaning while held
    requested = []
    bar.step_requested.connect(requested.append)
    bar.slider.setValue(1)
    assert requested == [1]
    bar.slider.setSliderDown(False)
