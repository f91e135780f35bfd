"""From the Compare window to the main window and back: a run as a Trainer, the main run's label.

Opening run i (`trainer_for_run`) gives the main window a `Trainer` that continues that run
exactly: a network built from the run's set-up (so Reset still goes back to step 0 and the
shared initial weights), with the run's θ, α, λ, optimizer state and step count, and the batch
position of the run: the next steps take the very mini-batches the comparison would have given
it next (the epoch count and the shuffling stream are restored from the base set-up's seed,
which shuffled every run's batches). A run that diverged opens at its last finite weights.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from ..engine.trainer import Trainer
from ..training.setup import build_network
from .compare_runs import value_label


def trainer_for_run(comparison, i: int):
    """(setup, trainer) of the comparison's run `i`, ready to train on (see above)."""
    run = comparison.runs[i]
    data = comparison.data
    trainer = Trainer(build_network(run.setup, data), data, batch_size=run.setup.batch_size,
                      seed=comparison.base.seed)
    trainer.net.set_state(comparison.network(i).get_state())
    continue_position(trainer, trainer.net.step)
    return run.setup, trainer


def continue_position(trainer: Trainer, steps: int) -> None:
    """Put `trainer` where a fresh one would be after `steps` steps: epoch, batch position and
    shuffling stream (the weights are left alone)."""
    if steps <= 0:
        return
    m, B = trainer.data.m_train, trainer.effective_batch_size
    per_epoch = -(-m // B)
    epoch, batch = divmod(steps, per_epoch)
    shuffles = epoch if batch else epoch - 1  # orders drawn before the current one
    rng = np.random.default_rng([trainer.seed, 1])  # the Trainer's shuffling stream
    for _ in range(shuffles):
        rng.permutation(m)
    trainer.restore_position(epoch, batch * B if batch else m, rng.bit_generator.state)


#: the set-up's fields a kept curve's label may name, in this order (the data, then the net)
_NAMED = ("dataset", "n_samples", "noise", "test_fraction", "data_seed", "n_classes",
          "standardize", "features", "csv_path", "hidden", "activation", "loss",
          "output_activation", "lr", "batch_size", "optimizer", "l2", "seed", "frozen")
_LIVE = ("lr", "batch_size", "optimizer")  # changed in the main window while training


def main_setup(window):
    """The main window's set-up as its run trains now (α, batch size and optimizer can change
    while it trains: the newest snapshot has them)."""
    newest = window.clock.newest
    if newest is None:
        return window.setup
    return window.setup.replace(**{k: getattr(newest, k) for k in _LIVE})


def setup_differences(main, base, vary: str) -> list[str]:
    """"α = 0.1", "hidden = 8-8", …: the varied setting's value, then every other field in
    which `main` differs from `base`."""
    texts = [value_label(vary, getattr(main, vary))]
    for name in _NAMED:
        if name != vary and getattr(main, name) != getattr(base, name):
            texts.append(value_label(name, getattr(main, name)))
    return texts


def pin_label(window, vary: str, base=None) -> tuple[str, object, int]:
    """(label, value, steps per epoch) of the main window's run, saying what differs from
    `base` (the comparison's base set-up; None: the main window's set-up), e.g.
    "main, step 10: α = 0.1, hidden = 8-8"."""
    setup = main_setup(window)
    newest = window.clock.newest
    step = newest.step if newest is not None else 0
    differences = setup_differences(setup, base if base is not None else window.setup, vary)
    label = QCoreApplication.translate("CompareDialog", "main, step %1: %2")
    label = label.replace("%1", str(step)).replace("%2", ", ".join(differences))
    m = window.data.m_train
    per_epoch = -(-m // max(1, min(setup.batch_size, m)))
    return label, getattr(setup, vary), per_epoch
