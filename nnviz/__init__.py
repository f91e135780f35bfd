"""nnviz: watch a fully connected neural network learn."""

__version__ = "0.1.0"
