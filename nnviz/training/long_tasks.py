"""The training loop's long commands as generators: one slice of work per `next()`, yielding the
fraction done, so that the loop can look at its commands between slices."""

from __future__ import annotations

from collections.abc import Callable, Generator

from ..engine.gradcheck import gradient_check_steps

#: steps between two looks at the clock and the command queue (as when playing at full speed)
CHECK_EVERY = 8


def epoch_steps(trainer, costs, after_slice: Callable[[int], None]) -> Generator[float]:
    """Steps to the end of the current epoch, CHECK_EVERY per slice, each (step, J) into
    `costs`; `after_slice(n)` after each slice of n steps; yields the fraction of the epoch
    done."""
    net, epoch = trainer.net, trainer.epoch
    while trainer.epoch == epoch:
        n = 0
        for _ in range(CHECK_EVERY):
            J = trainer.step()
            costs.add(net.step, J)  # (the step after it)
            n += 1
            if trainer.epoch != epoch:
                break
        after_slice(n)
        yield trainer.epoch_fraction


def gradient_check_on_copy(net, X, Y, params=None) -> Generator[float]:
    """The gradient check of a copy of `net`, with parameters `params` = (W, b) per layer if
    given; returns the list of LayerCheck (StopIteration.value)."""
    net = net.copy()
    if params is not None:
        W, b = params
        for l in range(1, net.L + 1):
            net.W[l], net.b[l] = W[l], b[l]
    return (yield from gradient_check_steps(net, X, Y))
