"""Per-neuron heatmaps: each neuron's activation over the input plane, as a small disc image.

The network view draws them inside the neurons (H); the frame clock asks for them with the
snapshot it is about to draw, so they are exactly as live as the weights.
"""

from __future__ import annotations

import functools

import numpy as np
from PySide6.QtGui import QImage

from .boundary import grid, layer_outputs, neuron_values_rgb

THUMB = 32  # a coarser grid than the data panel's is plenty for a neuron-sized picture


def span(lo, hi):
    """(lo, hi) widened by 10% each side; a single value gets ±1 around it (scalars or arrays)."""
    pad = np.where(hi > lo, 0.1 * (hi - lo), 1.0)
    return lo - pad, hi + pad


def plane_ranges(data) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """((x0, x1), (y0, y1)) around every example of 2-D data in raw units, else None."""
    base = data.n_inputs - len(data.features)  # features are extra rows after x1, x2
    if base != 2:
        return None
    every = np.concatenate([data.raw(data.X_train)[:base], data.raw(data.X_test)[:base]],
                           axis=1)
    lo, hi = span(every.min(axis=1), every.max(axis=1))
    return (float(lo[0]), float(hi[0])), (float(lo[1]), float(hi[1]))


@functools.cache
def _disc_alpha(n: int) -> np.ndarray:
    yy, xx = np.mgrid[0:n, 0:n] + 0.5 - n / 2
    return np.where(xx**2 + yy**2 <= (n / 2) ** 2, 255, 0).astype(np.uint8)


def neuron_images(snapshot, data, ranges, n: int = THUMB) -> list:
    """One QImage per neuron of the network over the plane `ranges` (None for the inputs).

    Discs, transparent outside: the diagram draws them with no clip path (clipping every
    neuron on every frame was the most expensive part of a frame). Each layer's neurons are
    coloured in one NumPy pass (a frame-clock tick draws them ten times a second).
    """
    X, _, _ = grid(*ranges, n)
    images = [None] * snapshot.sizes[0]
    alpha = _disc_alpha(n)
    for l, a in enumerate(layer_outputs(snapshot, data.transform(X)), start=1):
        rgba = np.empty((a.shape[0], n, n, 4), dtype=np.uint8)
        rgba[..., :3] = neuron_values_rgb(a, snapshot.activations[l - 1], n)[:, ::-1]
        rgba[..., 3] = alpha
        for j in range(a.shape[0]):
            image = QImage(rgba[j].data, n, n, 4 * n, QImage.Format.Format_RGBA8888)
            images.append(image.convertToFormat(
                QImage.Format.Format_ARGB32_Premultiplied))  # a copy that owns its pixels
    return images


class NeuronHeatmaps:
    """Feeds the network view its heatmaps from the snapshots the frame clock draws: every
    frame when still, every PLAYING_EVERY-th frame while training plays (about a quarter of a
    frame's GUI time; the weights still change every frame)."""

    PLAYING_EVERY = 2

    def __init__(self, view):
        self.view = view
        self.on = True
        self.data = self.ranges = None
        self._frames = 0

    def set_data(self, data) -> None:
        self.data, self.ranges = data, plane_ranges(data)
        self.view.set_neuron_images(None)

    def set_on(self, on: bool) -> None:
        self.on = on
        if not on:
            self.view.set_neuron_images(None)

    def draw(self, snapshot) -> None:
        if not self.on or self.ranges is None or snapshot.sizes[0] != self.data.n_inputs:
            return
        self._frames += 1
        if snapshot.running and self._frames % self.PLAYING_EVERY:
            return
        self.view.set_neuron_images(neuron_images(snapshot, self.data, self.ranges))
