"""The map thread: the newest request only, results equal to the engine's, a clean stop."""

import threading

import numpy as np

from nnviz.engine.landscape import landscape
from nnviz.training.presets import get_preset
from nnviz.training.setup import build_trainer
from nnviz.ui.landscape_worker import (
    MapRequest,
    compute_map,
    create_map_worker,
    network_like,
    stop_map_worker,
)


def _requests(count: int):
    trainer = build_trainer(get_preset("moons").setup)
    net, data = trainer.net, trainer.data
    out = []
    for serial in range(1, count + 1):
        trainer.step()
        theta = net.theta.copy()
        theta.setflags(write=False)
        out.append(MapRequest(serial, 0, tuple(net.sizes), tuple(net.activations), net.loss,
                              net.l2, theta, data.X_train, data.Y_train, ("W1[1,1]", "W2[1,2]"),
                              1.5, 21, int(net.step)))
    return trainer, out


def test_only_the_newest_request_is_computed_and_it_is_the_engine_s_map(qtbot):
    trainer, requests = _requests(5)
    worker, thread = create_map_worker()
    got = []
    # (map_ready is emitted in the map thread, and a plain callable runs there, not here:
    # pytest-qt's waitSignal then races, quitting its loop before it runs, and waited forever)
    worker.map_ready.connect(got.append)
    for request in requests:  # all waiting before the thread starts: the newest wins
        worker.submit(request)
    thread.start()
    try:
        qtbot.waitUntil(lambda: len(got) > 0, timeout=5000)
        assert [r.request.serial for r in got] == [5]
        result = got[0]
        assert result.thread != threading.get_ident()
        net, data = trainer.net, trainer.data  # θ of the 5th request: the trainer's now
        expected = landscape(net, data.X_train, data.Y_train, ("W1[1,1]", "W2[1,2]"), span=1.5,
                             grid=21)
        np.testing.assert_array_equal(result.ls.J, expected.J)
        # contour ends in parameter values, inside the image (half a cell beyond the grid)
        (x0, x1), (y0, y1) = ((v[0], v[-1]) for v in expected.values)
        dx, dy = (x1 - x0) / 20, (y1 - y0) / 20
        ends = result.segments.reshape(-1, 2)
        assert ends.size and np.all((x0 - dx / 2 <= ends[:, 0]) & (ends[:, 0] <= x1 + dx / 2))
        assert np.all((y0 - dy / 2 <= ends[:, 1]) & (ends[:, 1] <= y1 + dy / 2))
        assert np.isclose(ends[:, 0].min(), x0 - dx / 2) or \
            np.isclose(ends[:, 1].min(), y0 - dy / 2)  # (some line reaches the border)
        assert np.all(np.diff(result.levels) > 0) and set(result.segment_level) <= set(range(8))
        worker.submit(requests[1])  # later requests are computed too
        qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)
        assert got[1].request.serial == 2
    finally:
        assert stop_map_worker(worker, thread)
    assert thread.isFinished()


def test_computed_here_the_map_is_the_same():
    trainer, (request,) = _requests(1)
    result = compute_map(request, network_like(request))
    assert result.thread == threading.get_ident()
    net = trainer.net
    assert network_like(request, net) is net  # the same shape: reused
    np.testing.assert_array_equal(result.ls.J, compute_map(request, net).ls.J)
