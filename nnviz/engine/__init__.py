"""nnviz's training engine: pure NumPy, no Qt. Usable on its own, e.g. in a notebook.

Notation (the course's): layers l = 1..L, n_l neurons in layer l, m examples in a batch.

    W[l]  (n_l, n_{l−1})    b[l]  (n_l, 1)     a[0] = X  (n_0, m)
    z[l] = W[l]·a[l−1] + b[l],   a[l] = g(z[l]),   δ[l] = ∂J/∂a[l] ⊙ g′(z[l])
    dW[l] = (1/m) δ[l]·a[l−1]ᵀ,  db[l] = (1/m) Σᵢ δ[l]⁽ⁱ⁾

The edge from neuron k of layer l−1 to neuron j of layer l carries the weight W[l][j, k]:
the drawing, the inspector and the model file all rely on this.

>>> from nnviz.engine import Network
>>> net = Network([2, 2, 2], activations="sigmoid", loss="half_sse", seed=0)
>>> cost = net.train_step(X, Y, lr=0.5)      # J before the update
"""

from .activations import ACTIVATIONS, Activation, get_activation
from .divergence import DivergenceError
from .gradcheck import gradient_check
from .losses import DEFAULT_OUTPUT, LOSSES, Loss, get_loss
from .model_io import ModelFileError, load_model, save_model
from .network import Network
from .optimizers import OPTIMIZERS
from .trace import Phase, StepTrace

__all__ = [
    "ACTIVATIONS", "Activation", "DEFAULT_OUTPUT", "DivergenceError", "LOSSES", "Loss",
    "ModelFileError", "Network", "OPTIMIZERS", "Phase", "StepTrace", "get_activation",
    "get_loss", "gradient_check", "load_model", "save_model",
]
