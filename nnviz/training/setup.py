"""A training set-up: everything needed to build the same network, data and trainer again.

`Setup` is plain data (JSON-ready through `to_dict`/`from_dict`); `build_trainer(setup)` turns it
into a `Trainer` around a fresh `Network` and `Dataset`. The desktop app, the presets and the
`nnviz train` command all go through it, so a lecturer's demo is reproducible from its set-up.

`from_dict` and `build_trainer` check every entry first (`setup_check`): they succeed or raise
SetupError (a ValueError) naming the entry; nothing is half-built.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np

from ..engine import DEFAULT_OUTPUT, Network
from ..engine.builtin_data import make_dataset
from ..engine.datasets import Dataset
from ..engine.trainer import Trainer
from .setup_check import SetupError, check_setup_dict

__all__ = ["Setup", "SetupError", "build_data", "build_network", "build_trainer", "load_data"]


@dataclass(frozen=True)
class Setup:
    """Data, architecture and training settings. Hidden layers only: inputs and outputs follow
    from the data. `seed` draws the initial weights and shuffles the mini-batches (`nnviz train
    --seed`); `weight_seed`, when given, draws the weights instead, the batches keeping `seed`'s
    order (`nnviz train --weight-seed`). `model` (a model-file dict) fixes the initial weights
    instead of either."""

    dataset: str = "moons"
    n_samples: int = 200
    noise: float = 0.1
    test_fraction: float = 0.25
    data_seed: int = 0
    n_classes: int = 3
    standardize: bool = False
    csv_path: str | None = None
    features: tuple[str, ...] = ()  # extra inputs for 2-D data: "x1²", "x1·x2", "sin x1", …
    hidden: tuple[int, ...] = (4, 4)
    activation: str = "tanh"
    loss: str = "bce"
    output_activation: str | None = None
    lr: float = 0.1
    batch_size: int = 16
    optimizer: str = "sgd"
    l2: float = 0.0
    seed: int = 0
    weight_seed: int | None = None
    frozen: tuple[str, ...] = ()
    #: inline data for hand-worked examples: (X, Y) as nested lists, shapes (n_0, m), (n_L, m)
    data: tuple | None = None
    model: dict | None = field(default=None, compare=False)

    def replace(self, **changes) -> Setup:
        return dataclasses.replace(self, **changes)

    @property
    def weight_seed_or_seed(self) -> int:
        """The seed of the initial weights."""
        return self.seed if self.weight_seed is None else self.weight_seed

    @property
    def output(self) -> str:
        return self.output_activation or DEFAULT_OUTPUT[self.loss]

    def to_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["hidden"], d["frozen"] = list(self.hidden), list(self.frozen)
        d["features"] = list(self.features)
        if self.weight_seed is None:  # files as before weight_seed existed
            del d["weight_seed"]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Setup:
        """The Setup `d` describes; SetupError names any entry that is wrong."""
        return cls(**check_setup_dict(d, _defaults()))

    def checked(self) -> Setup:
        """This set-up after checking every entry (SetupError if one is wrong)."""
        check_setup_dict({f.name: getattr(self, f.name) for f in dataclasses.fields(self)},
                         _defaults())
        return self


def _defaults() -> dict:
    return {f.name: f.default for f in dataclasses.fields(Setup)}


def load_data(setup: Setup) -> Dataset:
    """The set-up's examples and split, before encoding: a CSV file is read here, once."""
    if setup.data is not None:
        X, Y = (np.array(v, dtype=np.float64) for v in setup.data)
        empty = np.zeros((X.shape[0], 0))
        return Dataset(
            name=setup.dataset, X_train=X, Y_train=Y, X_test=empty,
            Y_test=np.zeros((Y.shape[0], 0)), task="regression",
            input_names=tuple(f"x{k + 1}" for k in range(X.shape[0])),
            output_names=tuple(["y"] if Y.shape[0] == 1 else
                               [f"y{k + 1}" for k in range(Y.shape[0])]))
    if setup.csv_path:
        from ..engine.csv_data import load_csv

        return load_csv(setup.csv_path).with_split(setup.test_fraction, setup.data_seed)
    return make_dataset(setup.dataset, n_samples=setup.n_samples, noise=setup.noise,
                        test_fraction=setup.test_fraction, seed=setup.data_seed,
                        n_classes=setup.n_classes)


def build_data(setup: Setup, raw: Dataset | None = None) -> Dataset:
    """The set-up's dataset, with targets encoded for its loss (and standardised if asked).

    `raw` is `load_data(setup)` if the caller has it already (a CSV file is then not read
    again)."""
    data = load_data(setup) if raw is None else raw
    data = data.encoded_for(setup.loss).with_features(setup.features)
    return data.standardized() if setup.standardize else data


def build_network(setup: Setup, data: Dataset) -> Network:
    """A network shaped for the data: [n_inputs, *hidden, n_outputs]."""
    if setup.model is not None:
        net = Network.from_dict(setup.model)
        if net.sizes[0] != data.n_inputs or net.sizes[-1] != data.Y_train.shape[0]:
            raise ValueError(
                f"the model has {net.sizes[0]} inputs and {net.sizes[-1]} outputs, but the "
                f"data '{data.name}' has {data.n_inputs} inputs and {data.Y_train.shape[0]} "
                f"targets per example. Open data that fits (File → Open CSV data), or a "
                f"session file, which carries its data.")
    else:
        sizes = [data.n_inputs, *setup.hidden, data.Y_train.shape[0]]
        net = Network(sizes, activations=[setup.activation] * len(setup.hidden) + [setup.output],
                      loss=setup.loss, seed=setup.weight_seed_or_seed)
    net.lr, net.l2 = float(setup.lr), float(setup.l2)
    net.set_optimizer(setup.optimizer)
    if setup.frozen:
        net.freeze(*setup.frozen)
    net.input_names = list(data.input_names)
    net.output_names = list(data.output_names)
    return net


def build_trainer(setup: Setup, raw: Dataset | None = None) -> Trainer:
    """Data, network and trainer for `setup`; SetupError with a clear message (and nothing
    built) if an entry is wrong or they clash. `raw`: see `build_data`."""
    setup.checked()
    try:
        with np.errstate(all="ignore"):  # huge data: training reports it (DivergenceError)
            data = build_data(setup, raw)
        return Trainer(build_network(setup, data), data, batch_size=setup.batch_size,
                       seed=setup.seed)
    except SetupError:
        raise
    except ValueError as exc:  # DataFileError, ModelFileError, a clash of data and network
        raise SetupError(str(exc)) from exc
