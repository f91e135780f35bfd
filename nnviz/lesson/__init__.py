"""Lesson material built on a StepTrace: the equation inspector's text (no Qt)."""

from .equations import Explanation, explain
from .notation import SelectionLike, phase_title
from .numbers import fmt

__all__ = ["Explanation", "SelectionLike", "explain", "fmt", "phase_title"]
