"""A `Comparison` trained in a QThread: chunks out as signals, `cancel()` in.

    worker, thread = create_compare_worker(comparison)
    worker.chunk_ready.connect(dialog.on_chunk)      # connect first …
    thread.start()                                   # … then start: no chunk is lost
    ...
    stop_compare_worker(worker, thread)              # the thread has ended on return

The worker's `work()` is a plain loop (no event loop runs in the thread): `advance(chunk)`,
emit the new points, look at the cancel flag, again. The chunk adapts so that one takes about
`chunk_seconds` (default 60 ms): a Stop is honoured within about that, and the GUI thread gets
the GIL between chunks. `Comparison.cancel()` only sets a flag, so it is safe from the GUI
thread.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..training.qt_worker import end_thread, in_new_thread


@dataclass(frozen=True)
class Chunk:
    """What one chunk produced: the `Update` (new points per run), progress in steps (a
    diverged run counts as done), each run's wall time so far and whether all are done."""

    comparison: object  # which comparison (a late chunk of a stopped one is told apart)
    update: object
    done_steps: int
    total_steps: int
    wall_times: tuple[float, ...]
    done: bool


class CompareWorker(QObject):
    """Trains `comparison` chunk by chunk inside the worker thread.

    Signals: `chunk_ready(Chunk)`, `errored(str)` (a traceback), `finished()` (always last).
    """

    chunk_ready = Signal(object)
    errored = Signal(str)
    finished = Signal()

    def __init__(self, comparison, chunk_seconds: float = 0.06, first_chunk: int = 20):
        super().__init__()
        self.comparison = comparison
        self.chunk_seconds = chunk_seconds
        self.chunk_steps = first_chunk

    @Slot()
    def work(self) -> None:
        c = self.comparison
        try:
            while not c.cancelled:
                t0 = time.perf_counter()
                update = c.advance(self.chunk_steps)
                elapsed = time.perf_counter() - t0
                self.chunk_ready.emit(self._chunk(update))
                if update.done:
                    break
                # aim at chunk_seconds per chunk, growing at most 4× at a time
                rate = self.chunk_steps / max(elapsed, 1e-4)
                self.chunk_steps = int(min(max(rate * self.chunk_seconds, 1),
                                           4 * self.chunk_steps))
        except Exception:  # noqa: BLE001 (reported, never lost with the thread)
            self.errored.emit(traceback.format_exc())
        finally:
            self.finished.emit()

    def _chunk(self, update) -> Chunk:
        runs = self.comparison.runs
        done = sum(r.total_steps if r.diverged_at else min(r.step, r.total_steps)
                   for r in runs)
        return Chunk(self.comparison, update, done, sum(r.total_steps for r in runs),
                     tuple(r.wall_time for r in runs), update.done)


def create_compare_worker(comparison, parent=None, **kwargs) -> tuple[CompareWorker, QThread]:
    """A CompareWorker in a new QThread, not started yet: connect, then `start()`."""
    worker = CompareWorker(comparison, **kwargs)
    return worker, in_new_thread(worker, "nnviz-compare", parent)


def stop_compare_worker(worker: CompareWorker, thread: QThread, timeout_ms: int = 10_000) -> bool:
    """Cancel the comparison and wait for the thread to end; True if it did in time."""
    worker.comparison.cancel()
    return end_thread(thread, timeout_ms)
