"""The settings panel: data, network and training controls that emit intents.

Training settings (learning rate, batch size, optimizer, L2, speed) apply to the running network
(`*_changed` signals). Data and architecture settings need a new network: they emit
`rebuild_requested`, and `setup()` returns the Setup the panel describes.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..engine.activations import ACTIVATIONS
from ..engine.builtin_data import DATASETS
from ..engine.features import FEATURES
from ..engine.losses import LOSSES
from ..engine.optimizers import OPTIMIZERS
from ..lesson.names import (
    activation_name,
    dataset_description,
    dataset_name,
    feature_name,
    loss_name,
    optimizer_name,
)
from ..training.setup import Setup
from .lr_control import LearningRateControl

#: speed slider positions, steps per second (None: as fast as possible)
SPEEDS = (1, 2, 5, 10, 30, 100, 300, 1000, None)
#: the first speed: a class can watch learning happen (moons' boundary forms in about 8 s)
DEFAULT_SPEED = 100
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


class ControlsPanel(QWidget):
    """Every setting of a run, in three groups: data, network, training."""

    learning_rate_changed = Signal(float)
    batch_size_changed = Signal(int)
    optimizer_changed = Signal(str)
    l2_changed = Signal(float)
    speed_changed = Signal(object)  # steps per second, or None for "as fast as possible"
    freeze_biases_changed = Signal(bool)
    animation_seconds_changed = Signal(float)
    weight_scale_changed = Signal(object)  # None: automatic (largest |w|), else a fixed clamp
    example_changed = Signal(object)  # None: batch mean, else the example's index in the batch
    digits_changed = Signal(int)
    rebuild_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._model = None  # explicit initial weights of a preset, kept until the net changes
        self._inline_data = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_data_group())
        layout.addWidget(self._build_network_group())
        layout.addWidget(self._build_training_group())
        layout.addWidget(self._build_view_group())
        layout.addStretch(1)
        self.set_setup(Setup())
        for spin in self.findChildren(QAbstractSpinBox):
            spin.setKeyboardTracking(False)  # a value applies on Enter, not per keystroke

    # --- groups --------------------------------------------------------------------------------
    def _build_data_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Data"))
        form = QFormLayout(box)
        self.dataset = QComboBox()
        for name, description in DATASETS.items():
            self.dataset.addItem(dataset_name(name), name)
            self.dataset.setItemData(self.dataset.count() - 1,
                                     dataset_description(name) or description, _TOOLTIP)
        self.samples = QSpinBox()
        self.samples.setRange(4, 100_000)
        self.samples.setSingleStep(50)
        self.noise = QDoubleSpinBox()
        self.noise.setRange(0.0, 2.0)
        self.noise.setSingleStep(0.05)
        self.test_fraction = QDoubleSpinBox()
        self.test_fraction.setRange(0.0, 0.9)
        self.test_fraction.setSingleStep(0.05)
        self.data_seed = QSpinBox()
        self.data_seed.setRange(0, 2**31 - 1)
        self.standardize = QCheckBox(self.tr("standardise inputs (x − mean) / std"))
        self.feature_boxes = {}
        features_row = QHBoxLayout()
        for name in FEATURES:
            check = QCheckBox(feature_name(name))
            check.setToolTip(self.tr("Give the network %s as an extra input (2-D data)")
                             % feature_name(name))
            check.toggled.connect(self._on_structure_changed)
            self.feature_boxes[name] = check
            features_row.addWidget(check)
        self.regenerate = QPushButton(self.tr("Regenerate"))
        self.regenerate.setToolTip(self.tr("Draw new points (next data seed)"))
        self.regenerate.clicked.connect(self._on_regenerate)
        form.addRow(self.tr("dataset"), self.dataset)
        form.addRow(self.tr("points"), self.samples)
        form.addRow(self.tr("noise"), self.noise)
        form.addRow(self.tr("test split"), self.test_fraction)
        form.addRow(self.tr("data seed"), self.data_seed)
        form.addRow(self.standardize)
        form.addRow(self.tr("extra inputs"), features_row)
        form.addRow(self.regenerate)
        for w in (self.dataset,):
            w.currentIndexChanged.connect(self._on_structure_changed)
            w.currentIndexChanged.connect(self._enable_data_fields)
        for w in (self.samples, self.data_seed):
            w.valueChanged.connect(self._on_structure_changed)
        for w in (self.noise, self.test_fraction):
            w.valueChanged.connect(self._on_structure_changed)
        self.standardize.toggled.connect(self._on_structure_changed)
        return box

    def _build_network_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Network"))
        form = QFormLayout(box)
        self.hidden = QLineEdit()
        self.hidden.setToolTip(self.tr("Neurons per hidden layer, e.g. 4, 4 (empty: none)"))
        self.hidden.editingFinished.connect(self._on_structure_changed)
        add, remove = QPushButton(self.tr("+ layer")), QPushButton(self.tr("− layer"))
        add.setToolTip(self.tr("Add a hidden layer"))
        remove.setToolTip(self.tr("Remove the last hidden layer"))
        add.clicked.connect(lambda: self._change_layers(+1))
        remove.clicked.connect(lambda: self._change_layers(-1))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        self.activation = QComboBox()
        for name in ACTIVATIONS:
            if name != "softmax":
                self.activation.addItem(activation_name(name), name)
        self.loss = QComboBox()
        for name, loss in LOSSES.items():
            self.loss.addItem(loss_name(name), name)
            self.loss.setItemData(self.loss.count() - 1, loss.formula, _TOOLTIP)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(self.tr("Seed of the initial weights"))
        self.freeze_biases = QCheckBox(self.tr("freeze biases"))
        self.freeze_biases.setToolTip(self.tr("Keep every b[l] fixed (as some hand-worked "
                                              "examples do)"))
        self.freeze_biases.toggled.connect(self.freeze_biases_changed)
        form.addRow(self.tr("hidden layers"), self.hidden)
        form.addRow(buttons)
        form.addRow(self.tr("activation"), self.activation)
        form.addRow(self.tr("loss"), self.loss)
        form.addRow(self.tr("weight seed"), self.seed)
        form.addRow(self.freeze_biases)
        self.activation.currentIndexChanged.connect(self._on_structure_changed)
        self.loss.currentIndexChanged.connect(self._on_structure_changed)
        self.seed.valueChanged.connect(self._on_structure_changed)
        return box

    def _build_training_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Training"))
        form = QFormLayout(box)
        self.lr = LearningRateControl()
        self.lr.value_changed.connect(self.learning_rate_changed)
        self.batch_size = QSpinBox()
        self.batch_size.setRange(1, 100_000)
        self.batch_size.setToolTip(self.tr("Examples per gradient step (m)"))
        self.batch_size.valueChanged.connect(self.batch_size_changed)
        self.optimizer = QComboBox()
        for name in OPTIMIZERS:
            self.optimizer.addItem(optimizer_name(name), name)
        self.optimizer.currentIndexChanged.connect(
            lambda: self.optimizer_changed.emit(self.optimizer.currentData()))
        self.l2 = QDoubleSpinBox()
        self.l2.setDecimals(5)
        self.l2.setRange(0.0, 1.0)
        self.l2.setSingleStep(0.001)
        self.l2.setToolTip(self.tr("L2 coefficient λ: J + (λ/2)·Σ‖W‖²"))
        self.l2.valueChanged.connect(self.l2_changed)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(0, len(SPEEDS) - 1)
        self.speed.setValue(SPEEDS.index(DEFAULT_SPEED))
        self.speed.setToolTip(self.tr("Training speed in steps per second; at the right end, "
                                      "as fast as the computer can"))
        self.speed_label = QLabel()
        self.speed.valueChanged.connect(self._on_speed_moved)
        speed_row = QHBoxLayout()
        speed_row.addWidget(self.speed, 1)
        speed_row.addWidget(self.speed_label)
        self._on_speed_moved(self.speed.value())
        form.addRow(self.tr("learning rate α"), self.lr)
        form.addRow(self.tr("batch size"), self.batch_size)
        form.addRow(self.tr("optimizer"), self.optimizer)
        form.addRow(self.tr("L2 λ"), self.l2)
        form.addRow(self.tr("speed"), speed_row)
        self.animation_seconds = QDoubleSpinBox()
        self.animation_seconds.setRange(0.3, 20.0)
        self.animation_seconds.setSingleStep(0.5)
        self.animation_seconds.setValue(3.0)
        self.animation_seconds.setSuffix(" s")
        self.animation_seconds.setToolTip(self.tr("How long the forward/backward animation of "
                                                  "one step lasts"))
        self.animation_seconds.valueChanged.connect(self.animation_seconds_changed)
        form.addRow(self.tr("pass animation"), self.animation_seconds)
        return box

    def _build_view_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Drawing"))
        form = QFormLayout(box)
        self.weight_scale = QDoubleSpinBox()
        self.weight_scale.setRange(0.0, 100.0)
        self.weight_scale.setSingleStep(0.5)
        self.weight_scale.setSpecialValueText(self.tr("auto"))
        self.weight_scale.setToolTip(self.tr("Colour scale of the weights: 'auto' follows the "
                                             "largest |w|; a value fixes it (larger |w| clamp)"))
        self.weight_scale.valueChanged.connect(
            lambda v: self.weight_scale_changed.emit(v if v > 0 else None))
        self.example = QSpinBox()
        self.example.setRange(0, 100_000)
        self.example.setSpecialValueText(self.tr("batch mean"))
        self.example.setToolTip(self.tr("Neurons show the activation of this example of the "
                                        "batch, or the batch mean"))
        self.example.valueChanged.connect(
            lambda v: self.example_changed.emit(v - 1 if v > 0 else None))
        self.digits = QSpinBox()
        self.digits.setRange(2, 10)
        self.digits.setValue(4)
        self.digits.setToolTip(self.tr("Significant digits of the numbers in the inspector "
                                       "and the worked example"))
        self.digits.valueChanged.connect(self.digits_changed)
        form.addRow(self.tr("weight scale"), self.weight_scale)
        form.addRow(self.tr("neurons show"), self.example)
        form.addRow(self.tr("digits"), self.digits)
        return box

    # --- state ---------------------------------------------------------------------------------
    def setup(self) -> Setup:
        """The Setup these controls describe."""
        return Setup(
            dataset=self.dataset.currentData(), n_samples=self.samples.value(),
            noise=self.noise.value(), test_fraction=self.test_fraction.value(),
            data_seed=self.data_seed.value(), standardize=self.standardize.isChecked(),
            hidden=self.hidden_sizes(), activation=self.activation.currentData(),
            loss=self.loss.currentData(), lr=self.lr.value(),
            batch_size=self.batch_size.value(), optimizer=self.optimizer.currentData(),
            l2=self.l2.value(), **self._seed_fields(),
            frozen=("biases",) if self.freeze_biases.isChecked() else (),
            data=self._inline_data, model=self._model, features=self.features(),
            output_activation=self._output_activation,
        )

    def set_setup(self, setup: Setup) -> None:
        """Show `setup` without emitting anything."""
        widgets = self.findChildren(QWidget)
        for w in widgets:
            w.blockSignals(True)
        try:
            _select(self.dataset, setup.dataset, add=True)
            self.samples.setValue(setup.n_samples)
            self.noise.setValue(setup.noise)
            self.test_fraction.setValue(setup.test_fraction)
            self.data_seed.setValue(setup.data_seed)
            self.standardize.setChecked(setup.standardize)
            for name, box in self.feature_boxes.items():
                box.setChecked(name in setup.features)
            self.hidden.setText(", ".join(map(str, setup.hidden)))
            _select(self.activation, setup.activation)
            _select(self.loss, setup.loss)
            self.seed.setValue(setup.weight_seed_or_seed)  # (the box is the weights' seed)
            self.freeze_biases.setChecked("biases" in setup.frozen)
            self.lr.set_value(setup.lr)
            self.lr._on_spin_changed(setup.lr)
            self.batch_size.setValue(setup.batch_size)
            _select(self.optimizer, setup.optimizer)
            self.l2.setValue(setup.l2)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._model = setup.model
        self._inline_data = setup.data
        self._output_activation = setup.output_activation
        self._seeds = (setup.seed, setup.weight_seed)
        self._last_structure = self._structure()
        self._enable_data_fields()

    def set_seed(self, seed: int) -> None:
        """Show a new seed for the weights and the batches (no signal)."""
        with QSignalBlocker(self.seed):
            self.seed.setValue(seed)
        self._seeds = (seed, None)

    def _seed_fields(self) -> dict:
        """The box's seed: `seed` (weights and batches), or, for a set-up with a weight seed of
        its own (a compared run opened here), `weight_seed`, the batches keeping their seed."""
        batches, weights = self._seeds
        if weights is None:
            return {"seed": self.seed.value(), "weight_seed": None}
        return {"seed": batches, "weight_seed": self.seed.value()}

    #: data sets whose points are fixed: the number of points, noise, split and seed don't apply
    #: (as for a preset's inline data or a CSV file, whose names are not in DATASETS)
    FIXED_DATA = ("single", "xor_table")

    def _enable_data_fields(self) -> None:
        name = self.dataset.currentData() or self.dataset.currentText()
        generated = name in DATASETS and name not in self.FIXED_DATA
        for w in (self.samples, self.noise, self.test_fraction, self.data_seed, self.regenerate):
            w.setEnabled(generated)

    def features(self) -> tuple[str, ...]:
        return tuple(n for n, box in self.feature_boxes.items() if box.isChecked())

    def hidden_sizes(self) -> tuple[int, ...]:
        text = self.hidden.text().replace(";", ",").strip()
        if not text:
            return ()
        try:
            sizes = tuple(int(s) for s in text.split(",") if s.strip())
        except ValueError:
            return self._last_structure[5] if hasattr(self, "_last_structure") else (4, 4)
        return tuple(min(max(n, 1), 256) for n in sizes)

    def speed_value(self):
        return SPEEDS[self.speed.value()]

    def _structure(self) -> tuple:
        return (self.dataset.currentData(), self.samples.value(), self.noise.value(),
                self.test_fraction.value(), self.data_seed.value(), self.hidden_sizes(),
                self.activation.currentData(), self.loss.currentData(), self.seed.value(),
                self.standardize.isChecked(), self.features())

    def _on_structure_changed(self, *args) -> None:
        structure = self._structure()
        if structure == getattr(self, "_last_structure", None):
            return
        self._last_structure = structure
        # the preset's explicit weights and inline data no longer describe this network
        self._model = None
        if self._inline_data is not None and structure[0] != "single":
            self._inline_data = None
        self._output_activation = None
        self.hidden.setText(", ".join(map(str, structure[5])))
        self.rebuild_requested.emit()

    def _change_layers(self, delta: int) -> None:
        sizes = list(self.hidden_sizes())
        if delta > 0 and len(sizes) < 8:
            sizes.append(sizes[-1] if sizes else 4)
        elif delta < 0 and sizes:
            sizes.pop()
        self.hidden.setText(", ".join(map(str, sizes)))
        self._on_structure_changed()

    def _on_regenerate(self) -> None:
        self.data_seed.setValue(self.data_seed.value() + 1)

    def _on_speed_moved(self, position: int) -> None:
        sps = SPEEDS[position]
        self.speed_label.setText(self.tr("max") if sps is None else
                                 self.tr("%n steps/s", "", sps))
        self.speed_changed.emit(sps)


def _select(combo: QComboBox, data, add: bool = False) -> None:
    index = combo.findData(data)
    if index < 0 and add:
        combo.addItem(dataset_name(str(data)), data)  # inline data or a CSV file's name
        index = combo.count() - 1
    if index >= 0:
        combo.setCurrentIndex(index)
