"""The training loop in a QThread: Qt signals out, the loop's command methods in.

    worker, thread = start_worker(trainer)
    worker.snapshot_ready.connect(view.set_snapshot)
    worker.loop.play()                      # commands are thread-safe method calls
    ...
    stop_worker(worker, thread)             # synchronous: the thread has ended on return
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

from .loop import TrainingLoop


class TrainingWorker(QObject):
    """Owns the TrainingLoop (and through it the network) inside the worker thread."""

    snapshot_ready = Signal(object)
    errored = Signal(str)
    diverged = Signal(str)
    finished = Signal()

    def __init__(self, trainer, min_emit_interval: float = 1 / 12):
        super().__init__()
        self.loop = TrainingLoop(trainer, emit=self.snapshot_ready.emit,
                                 on_error=self.errored.emit, on_diverged=self.diverged.emit,
                                 min_emit_interval=min_emit_interval)

    @Slot()
    def work(self) -> None:
        try:
            self.loop.run()
        finally:
            self.finished.emit()


def start_worker(trainer, parent=None, **kwargs) -> tuple[TrainingWorker, QThread]:
    """A TrainingWorker running in a new QThread (already started)."""
    thread = QThread(parent)
    thread.setObjectName("nnviz-training")
    worker = TrainingWorker(trainer, **kwargs)
    worker.moveToThread(thread)
    thread.started.connect(worker.work)
    worker.finished.connect(thread.quit)
    thread.start()
    return worker, thread


def stop_worker(worker: TrainingWorker, thread: QThread, timeout_ms: int = 5000) -> bool:
    """Stop the loop and wait for the thread to end; True if it did within the timeout."""
    worker.loop.stop()
    thread.quit()
    return thread.wait(timeout_ms)
