"""When the training loop evaluates the whole-set metrics, and the evaluation under way.

Train/test metrics are evaluated once an epoch while training plays, and at least every
`interval` seconds otherwise, but never more often than METRICS_MIN_INTERVAL and taking at most
METRICS_SHARE of the time: each evaluation is two forward passes over the data, taken from
training (64-32-10 on 2,000 examples: 2.5 ms, every 20 ms was 12%). A data set that is one slice
is evaluated at once; a larger one in slices (`evaluation.evaluation_steps`) between which the
loop applies commands. An evaluation belongs to a state (a key the loop gives); one of a state
the run has left is dropped, so no number of another state is ever shown.
"""

from __future__ import annotations

from .evaluation import evaluation_steps, fits_one_slice
from .point_logs import PointLog

METRICS_MIN_INTERVAL = 0.02
METRICS_SHARE = 0.03


class MetricsSchedule:
    """The metrics rows not sent yet (`rows`: step, train J, test J, train and test accuracy),
    when the last evaluation started (`last`, on `clock`) and of which step and state, and the
    evaluation under way (`job`: [state key, generator, seconds spent])."""

    def __init__(self, clock, interval: float = 0.1):
        self.clock = clock
        self.interval = interval
        self.rows = PointLog(5)
        self.last = -1.0
        self.step = -1
        self.gap = METRICS_MIN_INTERVAL  # (seconds) between two evaluations: the budget
        self.key = None  # the state the last finished evaluation was of
        self.job = None

    def due(self, now: float) -> bool:
        """Is an evaluation due by the clock (at least every `interval`, within the budget)?"""
        return now - self.last >= max(self.interval, self.gap)

    def epoch_due(self, now: float, step: int, steps_per_epoch: int) -> bool:
        """Has an epoch passed since the last evaluation, and does the budget allow one?"""
        return now - self.last >= self.gap and step - self.step >= steps_per_epoch

    def want(self, trainer, key, now: float) -> None:
        """Evaluate state `key` (the trainer's current one) unless it is evaluated or being
        evaluated: at once when the data set is one slice, else as the `job`."""
        if key == self.key or (self.job is not None and self.job[0] == key):
            return
        self.last, self.step = now, trainer.net.step
        if fits_one_slice(trainer):
            self.job = None
            self._record(trainer.evaluate().row(), key, self.clock() - now)
        else:
            self.job = [key, evaluation_steps(trainer), 0.0]

    def advance(self, key, commands) -> bool:
        """Evaluate slices of the job until a command comes or it ends; True when it ended (its
        row is in `rows`). A job of a state other than `key` is dropped."""
        job_key, steps, spent = self.job
        if job_key != key:
            self.job = None
            return False
        start = self.clock()
        try:
            while commands.empty():
                next(steps)
        except StopIteration as done:
            self.job = None
            self._record(done.value.row(), key, spent + self.clock() - start)
            return True
        self.job[2] = spent + self.clock() - start
        return False

    def clear(self) -> None:
        """Forget the rows not sent, the state evaluated and the job (a reset)."""
        self.rows.drain()
        self.step = -1
        self.key = self.job = None

    def _record(self, row, key, took: float) -> None:
        self.rows.add(*row)
        self.key = key
        self.gap = max(METRICS_MIN_INTERVAL, took / METRICS_SHARE)
