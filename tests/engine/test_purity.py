"""The engine is pure NumPy: importing it (every module of it) never imports Qt or pyqtgraph."""

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import nnviz.engine as engine
names = [m.name for m in pkgutil.iter_modules(engine.__path__, "nnviz.engine.")]
for name in names:
    importlib.import_module(name)
gui = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6"))
print(len(names), gui)
assert "PySide6" not in sys.modules and "pyqtgraph" not in sys.modules, gui
"""


def test_engine_imports_without_qt():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    count, gui = result.stdout.split(maxsplit=1)
    assert gui.strip() == "[]"
    # network, activations, losses, optimizers, trace, model_io, gradcheck, snapshot at least
    assert int(count) >= 8
