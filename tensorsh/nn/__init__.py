"""torch.nn as the language sees it: modules, parameters, layers, losses, init — built from engine ops only.

Loaded the first time a program reads `torch.nn` (or imports it), never at start-up. `NAMESPACE` maps each
public name of `torch.nn` to its object; submodules (`functional`, `init`, `utils`) are namespaces.
"""
from tensorsh.engine import functions as _F
from tensorsh.engine.torch_api import Namespace

functional = Namespace("torch.nn.functional", {
    "relu": _F.relu, "sigmoid": _F.sigmoid, "tanh": _F.tanh, "softmax": _F.softmax, "log_softmax": _F.log_softmax,
    "mse_loss": _F.mse_loss,
})

NAMESPACE = {"functional": functional}
