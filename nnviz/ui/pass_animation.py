"""The pass animation of the network view: forward wave, backward wave, update flash.

The engine knows nothing about it: it only replays one snapshot's step. Frames are driven by the
window's frame clock (`FrameClock.add_animation`), and progress comes from elapsed time, so a slow
frame skips ahead, never lags. A held phase (`hold`, step-through mode) shows one phase's picture
with that phase's numbers until stopped.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QElapsedTimer

from .styler import Styler, animation_frame


def pass_phases(n_layers: int) -> list[tuple[str, int]]:
    """The phases of a step of a network with `n_layers` = L weight layers, in order:
    ("forward", 1 … L), ("backward", L … 1), ("update", 0)."""
    L = n_layers
    return ([("forward", l) for l in range(1, L + 1)] +
            [("backward", l) for l in range(L, 0, -1)] + [("update", 0)])


class PassAnimation:
    """The animation state of one NetworkView (`view`): which snapshot, which phase, how far.

    It draws through `view.item` and `view._restyle`, and reports through the view's signals
    animation_phase_changed(kind, layer) and animation_finished(completed).
    """

    def __init__(self, view):
        self.view = view
        self.duration_ms = 4000
        self.snapshot = None  # the step animated (None: not animating)
        self.held_texts = None  # (edge texts, node texts) of a phase held by `hold`
        self.held_caption: str | None = None
        self.phases: list[tuple[str, int]] = []
        self.index = -1
        self.t = 0.0
        self.styler: Styler | None = None  # colours of the animated snapshot, once computed
        self._elapsed = QElapsedTimer()

    @property
    def active(self) -> bool:
        return self.snapshot is not None

    @property
    def phase(self) -> tuple[str, int] | None:
        """The phase shown while animating, else None."""
        return self.phases[self.index] if self.active and self.index >= 0 else None

    def start(self, snapshot) -> None:
        """Animate `snapshot`'s step from its first phase, on the view's frame clock."""
        self.snapshot = snapshot
        self.held_texts = None
        self.phases = pass_phases(len(snapshot.sizes) - 1)
        self.index, self.t = -1, 0.0
        self.styler = None
        self._elapsed.start()
        self.view.clock.add_animation(self.advance)
        self.advance()

    def hold(self, snapshot, kind: str, layer: int, edge_texts, node_texts,
             caption: str | None) -> None:
        """Show phase (kind, layer) of `snapshot`'s step, with its numbers, until `stop`."""
        self.snapshot = snapshot
        self.phases = [(kind, layer)]
        self.index, self.t = 0, 1.0
        self.styler = None
        # kept, so that a restyle (a resize, a new scale) draws the phase with its numbers again
        self.held_texts = (edge_texts, node_texts)
        self.held_caption = caption

    def advance(self) -> bool:
        """One frame (a frame-clock callback); False once it is over, or when a held phase
        (step-through) replaced it."""
        if self.snapshot is None or self.held_texts is not None:
            return False
        per_phase = self.duration_ms / len(self.phases)
        elapsed = self._elapsed.elapsed()
        index = min(int(elapsed // per_phase), len(self.phases))
        while self.index < index and self.index < len(self.phases) - 1:
            self.index += 1  # announce every phase, even those a slow frame skipped
            self.view.animation_phase_changed.emit(*self.phases[self.index])
        if index >= len(self.phases):
            self.stop(completed=True)
            return False
        self.t = float(np.clip((elapsed - index * per_phase) / per_phase, 0.0, 1.0))
        if self.styler is None:
            self.view._restyle()
        else:
            self.draw_frame()
        return True

    def draw_frame(self, styler: Styler | None = None) -> None:
        """Draw the current phase at its progress with `styler` (default: the last one)."""
        if styler is not None:
            self.styler = styler
        st, item = self.styler, self.view.item
        kind, layer = self.phases[max(self.index, 0)]
        groups, fills, rings = animation_frame(st, kind, layer, self.t)
        item.set_edge_groups(groups, st.smooth)
        item.set_nodes(fills, rings)
        edge_texts, node_texts = self.held_texts or (None, None)
        if edge_texts is not None or node_texts is not None:
            item.set_values(edge_texts, node_texts, [st.bucket_colors[b] for b in st.buckets])
        else:
            item.set_values(None, None)
        self.view.viewport().update()

    def stop(self, completed: bool) -> None:
        """End the animation (or the held phase): live colours again."""
        self.snapshot, self.styler = None, None
        self.held_texts = None
        self.index = -1
        self.view._restyle()
        self.view.animation_finished.emit(completed)
