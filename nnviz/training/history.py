"""The last N training states shown, to step back to any of them and replay from there.

The training loop records the state behind every snapshot it sends: each step when stepping or
training slowly, about 12 states a second at full speed.

A ring buffer of parameter vectors θ (one row per recorded step) with their step, epoch and
batch position; memory is bounded by `max_bytes` as well as by the number of entries. A step
taken phase by phase also keeps its `StepTrace` (every phase's values), within `max_trace_bytes`
(the oldest traces go first). Going back keeps the later states (a scrubber: one can go forward
to them again) until a new step is recorded from the earlier state, which drops that future.
Restoring a state sets θ exactly; the batches that follow are the
ones that followed the first time (each entry keeps the trainer's shuffle state); the
optimizer's running averages (momentum, Adam) start afresh.
"""

from __future__ import annotations

import numpy as np

from ..engine import DivergenceError


def latest_at_or_before(steps: np.ndarray, step: int) -> int:
    """The index in ascending `steps` of the latest step ≤ `step` (0 if there is none)."""
    return max(int(np.searchsorted(steps, step, side="right")) - 1, 0)


class History:
    """Keeps θ after each of the last `size` steps (fewer for very large networks)."""

    def __init__(self, size: int = 1000, max_bytes: int = 64 * 2**20,
                 max_trace_bytes: int = 64 * 2**20):
        self.size = size
        self.max_bytes = max_bytes
        self.max_trace_bytes = max_trace_bytes
        self._traces: dict[int, object] = {}  # ring row → StepTrace of the step kept there
        self._trace_bytes = 0
        self._theta: np.ndarray | None = None
        self._meta: np.ndarray | None = None  # rows of (step, epoch, position)
        self._shuffle: list = []  # per row: the trainer's shuffle state for that epoch
        self._next = 0
        self._count = 0
        self._cursor: int | None = None  # ring row of the trainer's current state

    def __len__(self) -> int:
        return self._count

    @property
    def last_step(self) -> int | None:
        """The step of the newest entry (None when empty)."""
        if not self._count:
            return None
        return int(self._meta[(self._next - 1) % len(self._theta), 0])

    @property
    def current_step(self) -> int | None:
        """The step of the entry the trainer is at (the newest, unless it went back)."""
        if not self._count:
            return None
        return int(self._meta[self._cursor, 0])

    def clear(self) -> None:
        self._next = self._count = 0
        self._cursor = None
        self._traces.clear()
        self._trace_bytes = 0

    @property
    def trace_bytes(self) -> int:
        """Bytes held by the kept traces."""
        return self._trace_bytes

    def record(self, trainer, trace=None) -> None:
        """Remember the trainer's current state (after a step or a reset), and the `trace` of
        the step that led to it if it was taken phase by phase."""
        theta = trainer.net.theta
        self._allocate(theta.size)
        if self._count and self._cursor != (self._next - 1) % len(self._theta):
            ahead = (self._cursor + 1) % len(self._theta)
            if self._same_state(ahead, trainer):  # stepped onto the kept future: walk it
                self._cursor = ahead
                if trace is not None:
                    self._keep_trace(ahead, trace)
                return
            self._drop_future()
        i = self._put(theta, trainer.net.step, trainer.epoch, trainer._position,
                      trainer.shuffle_state)
        if trace is not None:
            self._keep_trace(i, trace)

    def _allocate(self, size: int) -> None:
        """Ring buffers for θ of `size` entries (emptied when the size changes)."""
        if self._theta is None or self._theta.shape[1] != size:
            rows = max(1, min(self.size, self.max_bytes // (8 * size)))
            self._theta = np.empty((rows, size))
            self._meta = np.empty((rows, 3), dtype=np.int64)
            self._shuffle = [None] * rows
            self.clear()

    def _put(self, theta, step: int, epoch: int, position: int, shuffle) -> int:
        """Store a state as the newest entry and the current one; its ring row."""
        i = self._next
        self._drop_trace(i)
        np.copyto(self._theta[i], theta)
        self._meta[i] = (step, epoch, position)
        self._shuffle[i] = shuffle
        self._cursor = i
        self._next = (i + 1) % len(self._theta)
        self._count = min(self._count + 1, len(self._theta))
        return i

    def _same_state(self, row: int, trainer) -> bool:
        """Is the trainer exactly in the state kept at `row` (θ bit for bit, step, place)?"""
        meta = self._meta[row]
        return (meta[0] == trainer.net.step and meta[1] == trainer.epoch
                and meta[2] == trainer._position
                and np.array_equal(self._theta[row], trainer.net.theta))

    def _drop_future(self) -> None:
        """Forget the entries after the cursor: a future that no longer happened."""
        row = self._cursor
        later = (self._next - 1 - row) % len(self._theta)
        for k in range(later):
            self._drop_trace((row + 1 + k) % len(self._theta))
        self._count -= later
        self._next = (row + 1) % len(self._theta)

    def _drop_trace(self, row: int) -> None:
        trace = self._traces.pop(row, None)
        if trace is not None:
            self._trace_bytes -= trace.nbytes

    def _row(self, step: int) -> int | None:
        """The ring row holding `step` (the newest such entry), or None."""
        for i in range(self._count):
            row = (self._next - 1 - i) % len(self._theta)
            if self._meta[row, 0] == step:
                return row
        return None

    def trace(self, step: int):
        """The StepTrace of step `step` if it was taken phase by phase and is still kept."""
        row = self._row(step)
        return None if row is None else self._traces.get(row)

    def attach_trace(self, step: int, trace) -> None:
        """Keep `trace` as the pass of the kept step `step` (within the trace budget)."""
        row = self._row(step)
        if row is not None:
            self._keep_trace(row, trace)

    def retrace(self, trainer, step: int):
        """The pass of kept step `step` taken again phase by phase from the kept step before
        it, when that reproduces `step`'s weights bit for bit (same θ, same batch, plain SGD
        with the same α), and kept; None otherwise. Leaves the trainer at `step` exactly."""
        if step < 1 or self.theta(step - 1) is None:
            return None
        theta = self.theta(step)
        self.restore(trainer, step - 1)
        try:
            trace = trainer.trace_step()
        except DivergenceError:
            trace = None
        self.restore(trainer, step)
        if trace is None or not np.array_equal(trace.find("update")["theta_after"], theta):
            return None  # momentum, Adam, another α: not the step that was taken
        self.attach_trace(step, trace)
        return trace

    def _keep_trace(self, row: int, trace) -> None:
        """Keep `trace` at ring row `row`; over the budget, the oldest other traces go."""
        if trace.nbytes > self.max_trace_bytes:
            return
        self._drop_trace(row)
        self._traces[row] = trace
        self._trace_bytes += trace.nbytes
        while self._trace_bytes > self.max_trace_bytes:  # oldest: nearest after `_next`
            self._drop_trace(min((r for r in self._traces if r != row),
                                 key=lambda r: (r - self._next) % len(self._theta)))

    def theta(self, step: int) -> np.ndarray | None:
        """A copy of θ kept after `step`, or None."""
        row = self._row(step)
        return None if row is None else self._theta[row].copy()

    def steps(self) -> np.ndarray:
        """The recorded step numbers, oldest first."""
        if not self._count:
            return np.empty(0, dtype=np.int64)
        order = (self._next - self._count + np.arange(self._count)) % len(self._theta)
        return self._meta[order, 0].copy()

    def amend(self, trainer) -> None:
        """The current entry now holds the trainer's θ (a parameter still being dragged)."""
        if self._count and self._meta[self._cursor, 0] == trainer.net.step:
            self._drop_trace(self._cursor)
            np.copyto(self._theta[self._cursor], trainer.net.theta)
        else:
            self.record(trainer)

    def entries(self) -> list[dict]:
        """The kept states, oldest first, for a session file: {"step", "epoch", "position",
        "shuffle_state", "theta"} (θ copied)."""
        if not self._count:
            return []
        order = (self._next - self._count + np.arange(self._count)) % len(self._theta)
        return [{"step": int(self._meta[r, 0]), "epoch": int(self._meta[r, 1]),
                 "position": int(self._meta[r, 2]), "shuffle_state": self._shuffle[r],
                 "theta": self._theta[r].copy()} for r in order]

    def load(self, entries, trainer) -> None:
        """Keep `entries` (as `entries()` gives them, oldest first, steps ascending) instead of
        what is kept; the trainer's current state is recorded last unless an entry already
        is that state. ValueError if an entry does not fit `trainer` (nothing is changed)."""
        checked = []
        for i, e in enumerate(entries):
            theta = np.asarray(e["theta"], dtype=np.float64)
            if theta.shape != trainer.net.theta.shape:
                raise ValueError(f"history entry {i} has {theta.size} parameters, the network "
                                 f"{trainer.net.theta.size}")
            try:  # the shuffling stream's state must be one the trainer's generator takes
                np.random.default_rng().bit_generator.state = e["shuffle_state"]
                meta = (int(e["step"]), int(e["epoch"]), int(e["position"]))
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"history entry {i}: {exc}") from None
            if checked and meta[0] <= checked[-1][0][0]:
                raise ValueError(f"history entry {i}: steps must increase")
            checked.append((meta, e["shuffle_state"], theta))
        self._allocate(trainer.net.theta.size)
        self.clear()
        current = None
        for (step, epoch, position), shuffle, theta in checked:
            if step > trainer.net.step:
                break  # (a saved future after going back: dropped, as a new step would)
            row = self._put(theta, step, epoch, position, shuffle)
            current = row if self._same_state(row, trainer) else None
        if current is None:
            self.record(trainer)

    def restore(self, trainer, step: int) -> None:
        """Put the trainer back to the state recorded after `step` (KeyError if not kept)."""
        row = self._row(step)
        if row is None:
            kept = self.steps()
            span = f"{kept[0]}…{kept[-1]}" if len(kept) else "none"
            raise KeyError(f"step {step} is no longer in the history (kept: {span})")
        np.copyto(trainer.net.theta, self._theta[row])
        trainer.net.forget_last_pass()
        trainer.net.step = int(self._meta[row, 0])
        trainer.net.optimizer.reset()
        trainer.restore_position(int(self._meta[row, 1]), int(self._meta[row, 2]),
                                 self._shuffle[row])
        self._cursor = row  # later entries stay until a new step is recorded from here
