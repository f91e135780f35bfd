"""Lesson material built on a StepTrace: the equation inspector's text (no Qt)."""

from .equations import Explanation, SelectionLike, explain, fmt, phase_title

__all__ = ["Explanation", "SelectionLike", "explain", "fmt", "phase_title"]
