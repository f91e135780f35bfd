"""nnviz: watch a fully connected neural network learn."""

import os as _os

__version__ = "0.1.0"

# One BLAS thread. nnviz's matrices are small: a second OpenBLAS thread makes no step faster
# (64-32-10 batch 128: the same steps/s with one or two), but it spins on the second core
# after every product, the core the window draws on, and took ten times the training
# thread's CPU time (measured in bench/gui_bench.py's 64-32-10 scenario). Set before NumPy
# loads OpenBLAS; a variable the user set wins.
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_name, "1")
