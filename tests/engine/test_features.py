"""Input features for 2-D data: rows appended after (x1, x2), applied to grids too."""

import numpy as np
import pytest

from nnviz.engine.builtin_data import make_dataset
from nnviz.engine.features import expand


def test_expand_appends_the_named_rows_in_order():
    X = np.array([[1.0, 2.0], [3.0, -1.0]])
    out = expand(X, ["x1²", "x1·x2", "sin x2"])
    np.testing.assert_array_equal(out[:2], X)
    np.testing.assert_allclose(out[2:], [[1.0, 4.0], [3.0, -2.0], np.sin([3.0, -1.0])])


def test_dataset_with_features_transforms_raw_points_the_same_way():
    data = make_dataset("circles").with_features(["x1²", "x2²"]).standardized()
    assert data.n_inputs == 4 and data.input_names[2:] == ("x1²", "x2²")
    raw = make_dataset("circles").X_train
    np.testing.assert_allclose(data.transform(raw), data.X_train)


def test_unknown_feature_and_non_2d_data_are_refused():
    with pytest.raises(ValueError, match="unknown input features"):
        make_dataset("moons").with_features(["x3"])
    with pytest.raises(ValueError, match="2-D"):
        make_dataset("sine").with_features(["x1²"])
