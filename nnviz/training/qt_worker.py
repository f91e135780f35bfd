"""The training loop in a QThread: Qt signals out, the loop's command methods in.

    worker, thread = create_worker(trainer)
    worker.snapshot_ready.connect(view.set_snapshot)   # connect first …
    thread.start()                                      # … then start: no snapshot is lost
    worker.loop.play()                                  # commands are thread-safe method calls
    ...
    stop_worker(worker, thread)                         # the thread has ended on return
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

from .loop import TrainingLoop


class TrainingWorker(QObject):
    """Owns the TrainingLoop (and through it the network) inside the worker thread.

    `result_ready(name, value)` carries what a task computed (e.g. "gradient_check")."""

    snapshot_ready = Signal(object)
    errored = Signal(str)
    diverged = Signal(str)
    result_ready = Signal(str, object)
    finished = Signal()

    def __init__(self, trainer, min_emit_interval: float = 1 / 10):
        super().__init__()
        self.loop = TrainingLoop(trainer, emit=self.snapshot_ready.emit,
                                 on_error=self.errored.emit, on_diverged=self.diverged.emit,
                                 on_result=self.result_ready.emit,
                                 min_emit_interval=min_emit_interval)

    @Slot()
    def work(self) -> None:
        try:
            self.loop.run()
        finally:
            self.finished.emit()


def in_new_thread(worker: QObject, name: str, parent=None) -> QThread:
    """Move `worker` (with a `work` slot and a `finished` signal) to a new QThread, not
    started yet: connect its signals, then `thread.start()` (a signal emitted before a
    connection exists is lost)."""
    thread = QThread(parent)
    thread.setObjectName(name)
    worker.moveToThread(thread)
    thread.started.connect(worker.work)
    worker.finished.connect(thread.quit)
    return thread


def end_thread(thread: QThread, timeout_ms: int = 10_000) -> bool:
    """Wait for `thread` (asked to stop) to end; True if it did within the timeout. Should it
    still not end, it is terminated rather than left running: Qt aborts the process when a
    running QThread is destroyed."""
    thread.quit()
    if thread.wait(timeout_ms):
        return True
    thread.terminate()
    thread.wait()
    return False


def create_worker(trainer, parent=None, **kwargs) -> tuple[TrainingWorker, QThread]:
    """A TrainingWorker in a new QThread, not started yet (see `in_new_thread`)."""
    worker = TrainingWorker(trainer, **kwargs)
    return worker, in_new_thread(worker, "nnviz-training", parent)


def stop_worker(worker: TrainingWorker, thread: QThread, timeout_ms: int = 10_000) -> bool:
    """Stop the loop and wait for the thread to end; True if it did within the timeout.

    Every command the loop runs is sliced (tasks look at the queue between slices), so the
    stop is honoured within a slice."""
    worker.loop.stop()
    return end_thread(thread, timeout_ms)
