"""Classification metrics on hand-made outputs and targets."""

import math

import numpy as np
import pytest

from nnviz.engine.metrics import accuracy, confusion_matrix, predicted_classes, true_classes


def test_one_output_row_is_thresholded_at_one_half():
    A = np.array([[0.2, 0.5, 0.7, 0.49, 1.0]])
    pred = predicted_classes(A)
    np.testing.assert_array_equal(pred, [0, 1, 1, 0, 1])
    assert pred.shape == (5,) and pred.dtype == np.int64


def test_several_rows_take_the_argmax():
    A = np.array([[0.7, 0.1, 0.2, 0.3],
                  [0.2, 0.1, 0.5, 0.3],
                  [0.1, 0.8, 0.3, 0.4]])
    np.testing.assert_array_equal(predicted_classes(A), [0, 2, 1, 2])


def test_a_flat_array_is_one_row():
    np.testing.assert_array_equal(predicted_classes([0.1, 0.9]), [0, 1])


def test_bad_shapes_are_refused():
    with pytest.raises(ValueError, match="shape"):
        predicted_classes(np.zeros((0, 3)))
    with pytest.raises(ValueError, match="shape"):
        predicted_classes(np.zeros((2, 2, 2)))


def test_true_classes_decode_both_encodings():
    np.testing.assert_array_equal(true_classes([[0.0, 1.0, 1.0, 0.0]]), [0, 1, 1, 0])
    one_hot = np.array([[1, 0, 0], [0, 0, 1], [0, 1, 0]], dtype=float)
    np.testing.assert_array_equal(true_classes(one_hot), [0, 2, 1])


def test_accuracy_counts_matches():
    A = np.array([[0.9, 0.2, 0.6, 0.4]])
    Y = np.array([[1.0, 0.0, 0.0, 0.0]])
    assert accuracy(A, Y) == 0.75
    assert accuracy(Y, Y) == 1.0 and accuracy(1 - Y, Y) == 0.0
    A3 = np.array([[0.8, 0.1], [0.1, 0.1], [0.1, 0.8]])
    Y3 = np.array([[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]])
    assert accuracy(A3, Y3) == 0.5


def test_accuracy_of_no_examples_is_nan():
    assert math.isnan(accuracy(np.zeros((1, 0)), np.zeros((1, 0))))
    assert math.isnan(accuracy(np.zeros((3, 0)), np.zeros((3, 0))))


def test_accuracy_needs_as_many_outputs_as_targets():
    with pytest.raises(ValueError, match="number of examples"):
        accuracy(np.zeros((1, 3)), np.zeros((1, 4)))


def test_confusion_matrix_rows_are_true_columns_predicted():
    true = [0, 0, 1, 1, 1, 2]
    pred = [0, 1, 1, 1, 2, 0]
    C = confusion_matrix(true, pred, 3)
    np.testing.assert_array_equal(C, [[1, 1, 0],
                                      [0, 2, 1],
                                      [1, 0, 0]])
    assert C.dtype == np.int64 and C.sum() == 6
    assert np.trace(C) / C.sum() == pytest.approx(0.5)


def test_confusion_matrix_has_a_row_for_an_absent_class():
    C = confusion_matrix([0, 0, 2], [0, 2, 2], 4)
    assert C.shape == (4, 4)
    np.testing.assert_array_equal(C[1], 0)
    np.testing.assert_array_equal(C[3], 0)
    np.testing.assert_array_equal(confusion_matrix([], [], 2), [[0, 0], [0, 0]])


def test_confusion_matrix_agrees_with_accuracy():
    rng = np.random.default_rng(0)
    A, labels = rng.random((3, 50)), rng.integers(0, 3, 50)
    Y = np.eye(3)[:, labels]
    C = confusion_matrix(true_classes(Y), predicted_classes(A), 3)
    assert np.trace(C) / 50 == pytest.approx(accuracy(A, Y))
    np.testing.assert_array_equal(C.sum(axis=1), np.bincount(labels, minlength=3))


def test_confusion_matrix_refuses_bad_classes():
    with pytest.raises(ValueError, match="0..1"):
        confusion_matrix([0, 2], [0, 1], 2)
    with pytest.raises(ValueError, match="0..1"):
        confusion_matrix([0, 1], [-1, 1], 2)
    with pytest.raises(ValueError, match="length"):
        confusion_matrix([0, 1], [0], 2)
