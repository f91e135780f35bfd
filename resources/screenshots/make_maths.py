"""Render the maths panels' screenshots offscreen (the panels on their own, as on a projector).

    uv run python resources/screenshots/make_maths.py [landscape] [slope_overshoot] [hidden]

landscape:        the `landscape` preset after 150 steps: the map, its contours, the path and
                  the known optima (+)
slope_overshoot:  J(W2[1,1]) at the start with α = 8: the step jumps over the valley floor
hidden:           moons after 1,000 steps, as hidden layer 2 sees the data (not saved by
                  default: pass its name)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
ZOOM = 1.4


def trainer(preset: str):
    from nnviz.training.presets import get_preset
    from nnviz.training.setup import build_trainer

    return build_trainer(get_preset(preset).setup)


def shoot(app, panel, name: str, size) -> None:
    panel.resize(*size)
    panel.show()
    for _ in range(5):
        app.processEvents()
    panel.draw(panel.snapshot)  # (the arrow's angle needs the final geometry)
    app.processEvents()
    panel.grab().save(str(HERE / f"{name}.png"))
    print(f"{name}.png")


def landscape(app) -> None:
    from nnviz.engine.snapshot import make_snapshot
    from nnviz.training.presets import get_preset
    from nnviz.ui.landscape_panel import LandscapePanel

    t = trainer("landscape")
    panel = LandscapePanel()
    panel.set_zoom(ZOOM)
    panel.set_data(t.data)
    panel.set_params("W1[1,1]", "W2[1,1]")
    panel.set_optima(get_preset("landscape").landscape_optima)  # the data's own weights: +
    panel.resize(1200, 950)
    panel.show()
    for _ in range(151):  # one drawn snapshot per step
        panel.draw(make_snapshot(t.net))
        t.step()
    shoot(app, panel, "landscape", (1200, 950))


def slope_overshoot(app) -> None:
    from nnviz.engine.snapshot import make_snapshot
    from nnviz.ui.slope_panel import SlopePanel

    t = trainer("landscape")
    t.net.lr = 8.0
    panel = SlopePanel()
    panel.set_zoom(ZOOM)
    panel.set_data(t.data)
    panel.set_param("W2[1,1]")
    panel.resize(1200, 800)
    panel.show()
    panel.draw(make_snapshot(t.net))
    shoot(app, panel, "slope_overshoot", (1200, 800))


def hidden(app) -> None:
    from nnviz.engine.snapshot import make_snapshot
    from nnviz.ui.hidden_panel import HiddenPanel

    t = trainer("moons")
    for _ in range(1000):
        t.step()
    panel = HiddenPanel()
    panel.set_zoom(ZOOM)
    panel.set_data(t.data)
    panel.set_layer(2)
    panel.draw(make_snapshot(t.net))
    shoot(app, panel, "hidden_layer", (1000, 850))


def main(names) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    for name in names or ("landscape", "slope_overshoot"):
        {"landscape": landscape, "slope_overshoot": slope_overshoot, "hidden": hidden}[name](app)


if __name__ == "__main__":
    main(sys.argv[1:])
