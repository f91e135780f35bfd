"""The "landscape" preset: two weights learn, visibly, at the preset's own learning rate."""

import numpy as np

from nnviz.engine.landscape import landscape, steepest_params
from nnviz.engine.params import param_index
from nnviz.training.presets import PRESETS, get_preset
from nnviz.training.setup import build_trainer


def test_landscape_preset_trains_its_two_weights_down_the_map():
    preset = get_preset("landscape")
    assert preset.panels == ("landscape", "slope")
    trainer = build_trainer(preset.setup)
    net, data = trainer.net, trainer.data
    X, Y = data.X_train, data.Y_train
    names = preset.landscape_params
    assert set(steepest_params(net, X, Y, count=4)) == set(names)  # the only ones that learn
    i, j = (param_index(net.sizes, n) for n in names)
    ls = landscape(net, X, Y, names, span=2.0, grid=41)
    J0 = net.cost(X, Y)
    path = [net.theta[[i, j]].copy()]
    for _ in range(60):
        trainer.step()
        path.append(net.theta[[i, j]].copy())
    path = np.array(path)
    assert net.cost(X, Y) < J0 / 50                       # it learns at the default α
    assert np.linalg.norm(np.diff(path, axis=0), axis=1).sum() > 1.0  # the path shows
    assert not ls.is_stale(net.theta)                     # the biases stayed frozen
    assert ls.contains(path[-1])
    assert net.cost(X, Y) < 10 * ls.J.min()               # down in the map's valley


def test_presets_keep_their_other_fields():
    assert all(p.panels == () and p.landscape_params == () for n, p in PRESETS.items()
               if n != "landscape")
