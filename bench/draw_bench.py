"""How long a full frame of the network view takes: batched NetworkView vs one item per edge.

A frame = colours updated from a new snapshot + render into a 1280×720 QImage. The reference
is the naive design: one QGraphicsLineItem per edge (and one QGraphicsEllipseItem per neuron)
in a NoIndex scene, recoloured with setPen from the same 16 bucket pens, drawn with the same
antialiasing policy. The two alternate in rounds in one process; medians are printed.

"live" frames come from a running training (snapshot.running: the view skips edge
antialiasing); "still" frames from a paused one (small nets antialiased).

    uv run python bench/draw_bench.py [--rounds 7] [--frames 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsScene

from nnviz.engine import Network
from nnviz.engine.snapshot import make_snapshot
from nnviz.ui import colors
from nnviz.ui.geometry import bucket_magnitude, flatten_layers, weight_buckets
from nnviz.ui.network_view import NetworkView
from nnviz.ui.styler import N_LEVELS, Styler

W, H = 1280, 720


def snapshots(sizes, count: int, running: bool) -> list:
    """`count` snapshots of a network in training (each after a few more steps)."""
    net = Network(sizes, activations="tanh", loss="mse", seed=0)
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(sizes[0], 32)), rng.uniform(size=(sizes[-1], 32))
    out = []
    for _ in range(count):
        for _ in range(3):
            net.train_step(X, Y, lr=0.2)
        out.append(make_snapshot(net, changed=True, running=running))
    return out


class Batched:
    def __init__(self):
        self.view = NetworkView()
        self.view.resize(W, H)
        self.view.show()
        self.image = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)

    def frame(self, snapshot) -> None:
        self.view.set_snapshot(snapshot)
        painter = QPainter(self.image)  # the scene's background brush fills the image
        self.view.render(painter, QRectF(0, 0, W, H), self.view.viewport().rect())
        painter.end()


class PerEdgeItems:
    """The reference: one QGraphicsLineItem per edge, same layout, pens and antialiasing.

    With `hide_faint`, edges whose colour the view skips as invisible are hidden too.
    """

    def __init__(self, batched: Batched, snapshot, hide_faint: bool = False):
        batched.frame(snapshot)
        lay = batched.view.item.layout
        st = Styler(snapshot, lay, None, None, smooth=not snapshot.running)
        self.smooth = st.smooth
        self.scene = QGraphicsScene(0, 0, W, H)
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.scene.setBackgroundBrush(colors.BACKGROUND)
        mags = bucket_magnitude(N_LEVELS)
        self.pens = [QPen(c, st.widths[m]) for c, m in zip(st.bucket_colors, mags, strict=True)]
        self.shown = [not hide_faint or colors.visible(c) for c in st.bucket_colors]
        self.lines = [self.scene.addLine(*seg) for seg in lay.segments]
        r = lay.radius
        self.nodes = [self.scene.addEllipse(x - r, y - r, 2 * r, 2 * r) for x, y in lay.pos]
        self.image = QImage(W, H, QImage.Format.Format_ARGB32_Premultiplied)

    def frame(self, snapshot) -> None:
        buckets, _ = weight_buckets(flatten_layers(snapshot.W), None, N_LEVELS)
        pens = self.pens
        shown = self.shown
        for item, b in zip(self.lines, buckets.tolist(), strict=True):
            item.setPen(pens[b])
            item.setVisible(shown[b])
        means = np.concatenate([snapshot.a[l].mean(axis=1) for l in range(len(snapshot.sizes))])
        for item, c in zip(self.nodes, colors.sequential_colors(0.5 + 0.5 * means), strict=True):
            item.setBrush(QBrush(c))
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, self.smooth)
        self.scene.render(painter, QRectF(0, 0, W, H), QRectF(0, 0, W, H))
        painter.end()


def time_frames(impl, snaps, frames: int) -> list[float]:
    out = []
    for i in range(frames):
        t0 = time.perf_counter()
        impl.frame(snaps[i % len(snaps)])
        out.append((time.perf_counter() - t0) * 1e3)
    return out


def bench(sizes, running: bool, rounds: int, frames: int,
          hide_faint: bool = False) -> tuple[float, float]:
    snaps = snapshots(sizes, 20, running)
    batched = Batched()
    naive = PerEdgeItems(batched, snaps[0], hide_faint)
    time_frames(batched, snaps, 5)  # warm-up
    time_frames(naive, snaps, 5)
    tb, tn = [], []
    for _ in range(rounds):
        tb += time_frames(batched, snaps, frames)
        tn += time_frames(naive, snaps, frames)
    mb, mn = statistics.median(tb), statistics.median(tn)
    edges = sum(sizes[l] * sizes[l - 1] for l in range(1, len(sizes)))
    mode = ("live " if running else "still") + (" hide-faint" if hide_faint else "")
    print(f"{'-'.join(map(str, sizes)):>10} ({edges:5d} edges) {mode} "
          f"(AA {'on ' if naive.smooth else 'off'}): batched {mb:6.2f} ms   "
          f"per-edge items {mn:6.2f} ms   ratio {mn / mb:4.1f}x")
    batched.view.close()
    return mb, mn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--frames", type=int, default=30)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])
    print(f"offscreen {W}×{H}, medians of {args.rounds}×{args.frames} frames, alternating")
    big = bench((64, 32, 10), True, args.rounds, args.frames)
    small = bench((2, 8, 8, 1), True, args.rounds, args.frames)
    bench((64, 32, 10), False, args.rounds, args.frames)
    bench((2, 8, 8, 1), False, args.rounds, args.frames)
    fair = bench((64, 32, 10), True, args.rounds, args.frames, hide_faint=True)
    print(f"(reference also hiding the edges the view skips as invisible: "
          f"{fair[1] / fair[0]:.1f}x)")
    ok_big = big[1] / big[0] >= 2.5 and big[0] <= 8.0
    print(f"targets (live frames): 64-32-10 ≥ 2.5× and ≤ 8 ms: {'ok' if ok_big else 'MISSED'};"
          f" 2-8-8-1 ≤ 2 ms: {'ok' if small[0] <= 2.0 else 'MISSED'}")
    del app


if __name__ == "__main__":
    main()
