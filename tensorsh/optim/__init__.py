"""torch.optim as the language sees it: optimisers and schedulers, loops of in-place engine ops under no_grad.

Loaded the first time a program reads `torch.optim` (or imports it), never at start-up. `NAMESPACE` maps each
public name of `torch.optim` to its object; `lr_scheduler` is a namespace.
"""
from tensorsh.engine.torch_api import Namespace

lr_scheduler = Namespace("torch.optim.lr_scheduler", {})

NAMESPACE = {"lr_scheduler": lr_scheduler}
