"""The status bar's line about the training run, and the gradient check's report."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # the "MainWindow" context


def status_text(s) -> str:
    """Epoch, step, cost, accuracies, speed and α of snapshot `s`, for the status bar."""
    parts = [translate("MainWindow", "epoch %d") % s.epoch,
             translate("MainWindow", "step %d") % s.step]
    if s.cost == s.cost:
        parts.append(translate("MainWindow", "cost J = %.4g") % s.cost)
    if len(s.metrics):
        acc = s.metrics[-1, 3]
        if acc == acc:
            parts.append(translate("MainWindow", "train accuracy %.1f%%") % (100 * acc))
        test = s.metrics[-1, 4]
        if test == test:
            parts.append(translate("MainWindow", "test accuracy %.1f%%") % (100 * test))
    if s.running:
        parts.append(translate("MainWindow", "%s steps/s") % f"{s.steps_per_second:,.0f}")
    parts.append(translate("MainWindow", "α = %g") % s.lr)
    return "   ·   ".join(parts)


def gradient_check_html(checks, m: int) -> str:
    """The gradient check's result per layer (a list of LayerCheck) on m examples."""
    rows = "".join(
        f"<tr><td>{c.layer}</td><td>{c.max_rel_error:.2e}</td>"
        f"<td>{'✓' if c.max_rel_error < 1e-6 else '✗'}</td></tr>" for c in checks)
    intro = translate("MainWindow", "<p>Backprop's ∂J/∂W, ∂J/∂b against central finite "
                                    "differences (J(θ+ε) − J(θ−ε))/2ε, ε = 1e−5, on %d "
                                    "example(s):</p>") % m
    head = "<tr><th>{}</th><th>{}</th><th></th></tr>".format(
        translate("MainWindow", "layer"),
        translate("MainWindow", "largest relative error"))
    return f"{intro}<table cellspacing=8>{head}{rows}</table>"
