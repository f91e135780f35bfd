"""A training set-up: everything needed to build the same network, data and trainer again.

`Setup` is plain data (JSON-ready through `to_dict`/`from_dict`); `build_trainer(setup)` turns it
into a `Trainer` around a fresh `Network` and `Dataset`. The desktop app, the presets and the
`nnviz train` command all go through it, so a lecturer's demo is reproducible from its set-up.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np

from ..engine import DEFAULT_OUTPUT, Network
from ..engine.datasets import Dataset, make_dataset
from ..engine.trainer import Trainer


@dataclass(frozen=True)
class Setup:
    """Data, architecture and training settings. Hidden layers only: inputs and outputs follow
    from the data. `model` (a model-file dict) fixes the initial weights instead of `seed`."""

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
    frozen: tuple[str, ...] = ()
    #: inline data for hand-worked examples: (X, Y) as nested lists, shapes (n_0, m), (n_L, m)
    data: tuple | None = None
    model: dict | None = field(default=None, compare=False)

    def replace(self, **changes) -> Setup:
        return dataclasses.replace(self, **changes)

    @property
    def output(self) -> str:
        return self.output_activation or DEFAULT_OUTPUT[self.loss]

    def to_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["hidden"], d["frozen"] = list(self.hidden), list(self.frozen)
        d["features"] = list(self.features)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Setup:
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(d) - known
        if unknown:
            raise ValueError(f"unknown set-up entries: {', '.join(sorted(unknown))}")
        d = dict(d)
        for key in ("hidden", "frozen", "features"):
            if key in d:
                d[key] = tuple(d[key])
        if d.get("data") is not None:
            d["data"] = tuple(d["data"])
        return cls(**d)


def build_data(setup: Setup) -> Dataset:
    """The set-up's dataset, with targets encoded for its loss (and standardised if asked)."""
    if setup.data is not None:
        X, Y = (np.array(v, dtype=np.float64) for v in setup.data)
        empty = np.zeros((X.shape[0], 0))
        data = Dataset(
            name=setup.dataset, X_train=X, Y_train=Y, X_test=empty,
            Y_test=np.zeros((Y.shape[0], 0)), task="regression",
            input_names=tuple(f"x{k + 1}" for k in range(X.shape[0])),
            output_names=tuple(["y"] if Y.shape[0] == 1 else
                               [f"y{k + 1}" for k in range(Y.shape[0])]))
    elif setup.csv_path:
        from ..engine.csv_data import load_csv

        data = load_csv(setup.csv_path).with_split(setup.test_fraction, setup.data_seed)
    else:
        data = make_dataset(setup.dataset, n_samples=setup.n_samples, noise=setup.noise,
                            test_fraction=setup.test_fraction, seed=setup.data_seed,
                            n_classes=setup.n_classes)
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
                      loss=setup.loss, seed=setup.seed)
    net.lr, net.l2 = float(setup.lr), float(setup.l2)
    net.set_optimizer(setup.optimizer)
    if setup.frozen:
        net.freeze(*setup.frozen)
    net.input_names = list(data.input_names)
    net.output_names = list(data.output_names)
    return net


def build_trainer(setup: Setup) -> Trainer:
    """Data, network and trainer for `setup`; ValueError with a clear message if they clash."""
    data = build_data(setup)
    return Trainer(build_network(setup, data), data, batch_size=setup.batch_size,
                   seed=setup.seed)
