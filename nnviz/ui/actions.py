"""The main window's commands as QActions (one table), and its menus and toolbar.

Every command is a QAction with its shortcuts, added to the window so that its keys work
wherever the focus is; menus, toolbar and the F1 list are built from the same actions.
Texts are translated in the "MainWindow" context (each literal on its own line for lupdate).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from ..lesson.names import preset_description, preset_title
from ..training.presets import PRESETS

#: actions only step-through mode enables
STEP_THROUGH_KEYS = ("next_phase", "previous_phase", "end_of_pass", "next_pass")
_KEY = Qt.Key
#: Step's keys outside step-through mode (there, → and Page Down are "next phase")
STEP_KEYS = [_KEY.Key_S, _KEY.Key_Right, _KEY.Key_PageDown]
_STD = QKeySequence.StandardKey
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def _show_compare(w) -> None:
    # imported when first asked for: the Compare window and the stacked engine behind it were
    # a twentieth of the window's start-up
    from .compare_dialog import show_compare

    show_compare(w)


def _show_shortcuts(w) -> None:
    w.files.show_box(QMessageBox(
        QMessageBox.Icon.NoIcon, translate("MainWindow", "Keyboard shortcuts"),
        shortcuts_html(w.actions_by_name), QMessageBox.StandardButton.Ok, w))


def _show_about(w) -> None:
    from .. import __version__

    QMessageBox.about(w, translate("MainWindow", "About nnviz"), translate(
        "MainWindow",
        "<h3>nnviz %s</h3><p>Watch a fully connected neural network learn: the cost "
        "function, gradient descent and backpropagation.</p>") % __version__)


def _table(w) -> list[tuple]:
    """(name, text, slot, shortcut(s), tip, checkable) of every command of window `w`."""
    k, files = _KEY, w.files
    return [
        ("play", translate("MainWindow", "&Play"), w.toggle_play, k.Key_Space,
         translate("MainWindow", "Play / pause training"), False),
        ("step", translate("MainWindow", "&Step"), w.step, STEP_KEYS,
         translate("MainWindow", "Take one mini-batch step"), False),
        ("back", translate("MainWindow", "&Back one step"), w.step_back, k.Key_Backspace,
         translate("MainWindow", "Return to the previous step's weights (the last %d states "
                                 "are kept); then step again, perhaps with another learning "
                                 "rate") % 1000, False),
        ("forward", translate("MainWindow", "&Forward one step"), w.step_forward,
         "Shift+Backspace",
         translate("MainWindow", "After going back: forward to the next kept step"), False),
        ("epoch", translate("MainWindow", "&Epoch"), w.step_epoch, k.Key_E,
         translate("MainWindow", "Train until the end of this epoch"), False),
        ("reset", translate("MainWindow", "&Reset"), w.reset, k.Key_R,
         translate("MainWindow", "Back to step 0, same initial weights"), False),
        ("new_seed", translate("MainWindow", "&New seed"), w.new_seed, k.Key_N,
         translate("MainWindow", "Fresh random initial weights"), False),
        ("step_through", translate("MainWindow", "Step &through one pass"),
         w.set_step_through, k.Key_T,
         translate("MainWindow", "Take a step phase by phase: forward, cost, backward, "
                                 "update"), True),
        ("next_phase", translate("MainWindow", "Next phase"), w.next_phase,
         [k.Key_Right, k.Key_PageDown], "", False),
        ("previous_phase", translate("MainWindow", "Previous phase"), w.previous_phase,
         [k.Key_Left, k.Key_PageUp], "", False),
        ("end_of_pass", translate("MainWindow", "To the end of the pass"), w.end_of_pass,
         k.Key_End, "", False),
        ("next_pass", translate("MainWindow", "Next pass"), w.next_pass,
         [k.Key_Return, k.Key_Enter], "", False),
        ("open", translate("MainWindow", "&Open model or session…"), files.open_dialog,
         _STD.Open, "", False),
        ("open_csv", translate("MainWindow", "Open CSV &data…"), files.open_csv_dialog,
         "Ctrl+Shift+O", "", False),
        ("save", translate("MainWindow", "&Save model…"), files.save_model_dialog, _STD.Save,
         "", False),
        ("save_session", translate("MainWindow", "Save s&ession…"),
         files.save_session_dialog, "Ctrl+Shift+S", "", False),
        ("export", translate("MainWindow", "&Export network image…"), files.export_dialog,
         "Ctrl+E", translate("MainWindow", "Save the network view as PNG or SVG"), False),
        ("handout", translate("MainWindow", "Export &worked example…"), files.handout_dialog,
         "Ctrl+H",
         translate("MainWindow", "The pass being stepped through, every phase with its "
                                 "numbers and diagram, as PDF, HTML or Markdown"), False),
        ("gradcheck", translate("MainWindow", "&Gradient check"), w.gradient_check, "Ctrl+G",
         translate("MainWindow", "Backprop against finite differences on the current network "
                                 "and batch"), False),
        ("compare", translate("MainWindow", "&Compare runs…"), lambda *_: _show_compare(w),
         "Ctrl+K", translate("MainWindow", "Train the set-up once per value of one setting "
                                           "(learning rate, …) and compare the costs"), False),
        ("quit", translate("MainWindow", "&Quit"), w.close, _STD.Quit, "", False),
        ("fit", translate("MainWindow", "&Fit network to window"), w.network_view.fit,
         k.Key_F, "", False),
        ("log", translate("MainWindow", "&Log-scale cost"), w.cost_plot.set_log_scale,
         k.Key_L, "", True),
        ("values", translate("MainWindow", "Show weight &values"),
         w.network_view.set_show_values, k.Key_V, "", True),
        ("animate", translate("MainWindow", "&Animate each step"), lambda on: None, k.Key_A,
         translate("MainWindow", "Animate the forward and backward pass of single steps and "
                                 "of slow training"), True),
        ("heatmaps", translate("MainWindow", "Neuron &heatmaps"), w.set_heatmaps, k.Key_H,
         translate("MainWindow", "Each neuron shows its activation over the input plane "
                                 "(2-D data)"), True),
        ("fullscreen", translate("MainWindow", "F&ull screen"), w.set_full_screen,
         k.Key_F11, "", True),
        ("presentation", translate("MainWindow", "&Presentation mode"),
         w.presentation.set_on, k.Key_F5,
         translate("MainWindow", "Only the network, the cost and the data, large, for a "
                                 "lecture hall; the keys still work"), True),
        ("zoom_in", translate("MainWindow", "&Larger"), w.presentation.zoom_in,
         [_STD.ZoomIn, "Ctrl+="], translate("MainWindow", "Everything larger"), False),
        ("zoom_out", translate("MainWindow", "S&maller"), w.presentation.zoom_out,
         _STD.ZoomOut, translate("MainWindow", "Everything smaller"), False),
        ("zoom_reset", translate("MainWindow", "&Normal size"), w.presentation.reset_zoom,
         "Ctrl+0", "", False),
        ("maths", translate("MainWindow", "Slope and &cost landscape"), w.maths.set_shown,
         k.Key_G,
         translate("MainWindow", "J as a function of the selected weight (its tangent is "
                                 "∂J/∂w), and J over two weights with the descent path"), True),
        ("settings_panel", translate("MainWindow", "&Settings panel"),
         lambda on: w.settings_dock.setVisible(on), k.Key_F9,
         translate("MainWindow", "Show or hide the settings (data, network, training)"), True),
        ("shortcuts", translate("MainWindow", "&Keyboard shortcuts"), lambda *_: _show_shortcuts(w),
         k.Key_F1, "", False),
        ("about", translate("MainWindow", "&About nnviz"), lambda *_: _show_about(w), None, "",
         False),
    ]


def build_actions(w) -> dict[str, QAction]:
    """Every command of window `w` as a QAction added to it (shortcuts work anywhere)."""
    actions = {}
    for name, text, slot, shortcut, tip, checkable in _table(w):
        action = QAction(text, w)
        plain = text.replace("&", "")
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
            names = ", ".join(filter(None, (
                QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)))
            tip = f"{tip or plain} ({names})" if names else tip  # (no Quit key on some systems)
        action.setToolTip(tip or plain)
        action.setStatusTip(action.toolTip())
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        w.addAction(action)
        actions[name] = action
    actions["animate"].setChecked(True)
    actions["heatmaps"].setChecked(True)
    actions["settings_panel"].setChecked(True)
    w.settings_dock.visibilityChanged.connect(actions["settings_panel"].setChecked)
    w.maths.dock.visibilityChanged.connect(actions["maths"].setChecked)
    for key in STEP_THROUGH_KEYS:
        actions[key].setEnabled(False)
    w.network_view.set_hint(first_hint())
    for action in actions.values():  # the first command hides the hint
        action.triggered.connect(lambda *_: w.network_view.set_hint(""))
    return actions


def build_menus(w, a: dict[str, QAction], history_bar) -> None:
    """The menu bar (File, Train, View, Help) and the training toolbar with the history."""
    menu = w.menuBar()
    file_menu = menu.addMenu(translate("MainWindow", "&File"))
    for key in ("open", "open_csv", "save", "save_session", "export", "handout"):
        file_menu.addAction(a[key])
    presets = file_menu.addMenu(translate("MainWindow", "&Presets"))
    for name in PRESETS:
        act = presets.addAction(preset_title(name))
        act.setToolTip(preset_description(name))
        act.setStatusTip(preset_description(name))
        act.triggered.connect(lambda checked=False, n=name: w.load_preset(n))
    file_menu.addSeparator()
    file_menu.addAction(a["quit"])
    train_menu = menu.addMenu(translate("MainWindow", "&Train"))
    for key in ("play", "step", "back", "forward", "epoch", "reset", "new_seed"):
        train_menu.addAction(a[key])
    train_menu.addSeparator()
    for key in ("step_through", *STEP_THROUGH_KEYS, "gradcheck", "compare"):
        train_menu.addAction(a[key])
    view_menu = menu.addMenu(translate("MainWindow", "&View"))
    for key in ("fit", "values", "animate", "heatmaps", "log", "fullscreen"):
        view_menu.addAction(a[key])
    view_menu.addSeparator()
    for key in ("maths", "presentation", "zoom_in", "zoom_out", "zoom_reset", "settings_panel"):
        view_menu.addAction(a[key])
    help_menu = menu.addMenu(translate("MainWindow", "&Help"))
    help_menu.addAction(a["shortcuts"])
    help_menu.addAction(a["about"])

    toolbar = w.training_toolbar = w.addToolBar(translate("MainWindow", "Training"))
    toolbar.setObjectName("training-toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for key in ("play", "step", "back", "epoch", "reset", "new_seed", "step_through"):
        toolbar.addAction(a[key])
    toolbar.addSeparator()
    toolbar.addWidget(history_bar)


def first_hint() -> str:
    """The line a first-time user sees on the diagram until the first command."""
    def key(k) -> str:
        return QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)

    return translate("MainWindow", "%1: train   ·   %2: one step   ·   %3: step through "
                                   "one pass").replace("%1", key(Qt.Key.Key_Space)) \
        .replace("%2", key(Qt.Key.Key_S)).replace("%3", key(Qt.Key.Key_T))


def shortcuts_html(actions: dict[str, QAction]) -> str:
    """Every action with a shortcut, as an HTML table (the F1 list)."""
    native = QKeySequence.SequenceFormat.NativeText
    rows = "".join(
        f"<tr><td><b>{', '.join(k.toString(native) for k in act.shortcuts())}</b></td>"
        f"<td>{act.text().replace('&', '')}</td></tr>"
        for act in actions.values() if act.shortcuts())
    return f"<table cellspacing=6>{rows}</table>"
