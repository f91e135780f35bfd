"""Render the README's screenshots offscreen, at 1600×950.

    uv run python resources/screenshots/make.py [NAME ...]

Each picture is the real window driven as a user would (preset, steps, step-through keys);
without names, all of them are made. Look at them before committing.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
SIZE = (1600, 950)


def wait_until(app, predicate, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.005)


def open_window(app, preset: str):
    from PySide6.QtCore import QSettings

    from nnviz.training.presets import get_preset
    from nnviz.ui.main_window import MainWindow

    ini = Path(tempfile.mkdtemp()) / "nnviz.ini"
    window = MainWindow(setup=get_preset(preset).setup,
                        settings=QSettings(str(ini), QSettings.Format.IniFormat))
    window.ask_before_discarding = False
    window.resize(*SIZE)
    window.show()
    wait_until(app, lambda: window.snapshot is not None)
    window.network_view.set_hint("")  # (the first-time hint goes at the first key pressed)
    return window


def train(app, window, steps: int, pause: bool = True) -> None:
    """Play at full speed until at least `steps` steps, then pause (or keep playing)."""
    window.controls.speed.setValue(window.controls.speed.maximum())
    window.play()
    wait_until(app, lambda: window.snapshot.step >= steps, timeout=60)
    if pause:
        window.pause()
        wait_until(app, lambda: not window.snapshot.running)


def save(app, window, name: str) -> None:
    wait_until(app, lambda: not window.clock.animating)  # a pass animation
    grab(app, window, name)


def grab(app, widget, name: str, frames: int = 20, pause: float = 0.02) -> None:
    """`name`.png of `widget` after `frames` turns of the event loop (`pause` s apart: the
    frame clock draws every view meanwhile)."""
    for _ in range(frames):
        app.processEvents()
        time.sleep(pause)
    path = HERE / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def step_through_to(app, window, kind: str, layer: int | None = None):
    st = window.step_through
    window.set_step_through(True)
    wait_until(app, lambda: st.trace is not None)
    while not (st.phase.kind == kind and (layer is None or st.phase.layer == layer)):
        window.next_phase()
    return st


def main_window(app):
    """Taken while training plays (every view is live): circles at about step 1,500."""
    window = open_window(app, "circles")
    train(app, window, 1500, pause=False)
    save(app, window, "main_window")
    window.pause()
    window.shutdown()


def presentation(app):
    """Presentation mode (F5) at 1920×1080: mazur's backward pass, the inspector beside it."""
    window = open_window(app, "mazur")
    window.resize(1920, 1080)
    window.actions_by_name["presentation"].trigger()
    step_through_to(app, window, "backward", 2)
    save(app, window, "presentation_1080")
    window.shutdown()


def small_screen(app):
    """A 1280×720 projector: the window fits, the settings panel folded away (F9); moons
    while it trains at the default pace."""
    from PySide6.QtCore import QRect

    from nnviz.ui.window_layout import fit_to_screen

    window = open_window(app, "moons")
    fit_to_screen(window, QRect(0, 0, 1280, 720))
    window.play()
    wait_until(app, lambda: window.snapshot.step >= 400, timeout=60)
    save(app, window, "small_screen_720")
    window.pause()
    window.shutdown()


def spiral_training(app):
    window = open_window(app, "spiral")
    train(app, window, 6000)
    save(app, window, "spiral_training")
    window.shutdown()


def step_through_forward(app):
    from nnviz.ui.geometry import Selection

    window = open_window(app, "mazur")
    window.network_view.set_selection(Selection("neuron", 1, 0))
    step_through_to(app, window, "forward", 1)
    save(app, window, "step_through_forward")
    window.shutdown()


def step_through_backward(app):
    from nnviz.ui.geometry import Selection

    window = open_window(app, "mazur")
    step_through_to(app, window, "backward", 2)
    window.network_view.set_selection(Selection("edge", 2, 0, 0))
    save(app, window, "step_through_backward")
    window.shutdown()


def step_backward(app):
    """One step (S) animated: the backward wave reaching layer 1."""
    window = open_window(app, "mazur")
    window.network_view.set_animation_duration(10_000)  # 2 s a phase: easy to catch
    window.step()
    wait_until(app, lambda: window.network_view.animation_phase == ("backward", 1))
    grab(app, window, "step_backward", frames=100, pause=0.01)  # a good way into the phase
    window.shutdown()


def history(app):
    """What if α were smaller? Back to step 5, α 0.1 → 0.03, 35 steps again (the first run
    stays dotted), then back to step 20 to look: the slider, the 'here' line."""
    window = open_window(app, "hagan")
    for _ in range(40):
        window.step()
    wait_until(app, lambda: window.snapshot.step == 40)
    window.go_to_step(5)
    wait_until(app, lambda: window.snapshot.step == 5)
    window.controls.lr.set_value(0.03)
    for _ in range(35):
        window.step()
    wait_until(app, lambda: window.snapshot.step == 40)
    window.go_to_step(20)
    wait_until(app, lambda: window.snapshot.step == 20)
    window.actions_by_name["log"].trigger()  # log-scale cost: the two runs apart
    save(app, window, "history")
    window.shutdown()


def step_through_es(app):
    from nnviz.app import install_translation
    from nnviz.ui.geometry import Selection

    translator = install_translation(app, "es")
    window = open_window(app, "xor-2-2-1")
    window.network_view.set_selection(Selection("neuron", 2, 0))
    step_through_to(app, window, "backward", 2)
    save(app, window, "step_through_es")
    window.shutdown()
    app.removeTranslator(translator)


def compare(app):
    """The course's experiment (Ctrl+K): α = 0.001, 0.01, 0.1, 1 on moons for 20 epochs."""
    from nnviz.ui.compare_dialog import show_compare

    window = open_window(app, "moons")
    dialog = show_compare(window)
    dialog.length.setValue(20)
    dialog.start()
    wait_until(app, lambda: dialog.comparison is not None and dialog.comparison.done, 120)
    grab(app, dialog, "compare", frames=30, pause=0.01)  # (the last redraw)
    dialog.close()
    window.shutdown()


SHOTS = {f.__name__: f for f in (main_window, spiral_training, step_backward,
                                 step_through_forward, step_through_backward, history,
                                 step_through_es, presentation, small_screen, compare)}


def main(argv: list[str]) -> int:
    from nnviz.app import make_application

    app = make_application(lang="en")
    for name in argv or list(SHOTS):
        SHOTS[name](app)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
