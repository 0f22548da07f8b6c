"""torch.optim as the language sees it: optimisers and schedulers, loops of in-place engine ops under no_grad.

Loaded the first time a program reads `torch.optim` (or imports it), never at start-up. `NAMESPACE` maps each
public name of `torch.optim` to its object; `lr_scheduler` is a namespace.
"""
from tensorsh.engine.namespaces import LazyMember
from tensorsh.engine.torch_api import Namespace

from . import schedules as _schedulers
from .algorithms import SGD, Adagrad, Adam, AdamW, RMSprop
from .lbfgs import LBFGS
from .optimizer import (Optimizer, register_optimizer_step_post_hook, register_optimizer_step_pre_hook,
                        required)
from .variants import ASGD, NAdam, RAdam, Adadelta, Adafactor, Adamax, Muon, Rprop, SparseAdam

lr_scheduler = Namespace("torch.optim.lr_scheduler", _schedulers.CLASSES)
OPTIMIZER = Namespace("torch.optim.optimizer", {"Optimizer": Optimizer, "required": required,
                                                "register_optimizer_step_pre_hook": register_optimizer_step_pre_hook,
                                                "register_optimizer_step_post_hook": register_optimizer_step_post_hook})

# type(opt) and a scheduler's default repr name PyTorch's modules
for _cls, _module in ((Optimizer, "optimizer"), (SGD, "sgd"), (Adam, "adam"), (AdamW, "adamw"), (RMSprop, "rmsprop"),
                      (Adagrad, "adagrad"), (Adamax, "adamax"), (NAdam, "nadam"), (RAdam, "radam"),
                      (Adadelta, "adadelta"), (Rprop, "rprop"), (ASGD, "asgd"), (LBFGS, "lbfgs"),
                      (SparseAdam, "sparse_adam"), (Adafactor, ""), (Muon, "")):
    _cls.__module__ = "torch.optim." + _module if _module else "torch.optim"  # (Adafactor's, Muon's say torch.optim)
for _cls in _schedulers.CLASSES.values():
    _cls.__module__ = "torch.optim.lr_scheduler"

NAMESPACE = {"lr_scheduler": lr_scheduler, "Optimizer": Optimizer, "SGD": SGD, "Adam": Adam, "AdamW": AdamW,
             "RMSprop": RMSprop, "Adagrad": Adagrad, "Adamax": Adamax, "NAdam": NAdam, "RAdam": RAdam,
             "Adadelta": Adadelta, "Rprop": Rprop, "ASGD": ASGD, "LBFGS": LBFGS, "Adafactor": Adafactor,
             "SparseAdam": SparseAdam, "Muon": Muon,
             "swa_utils": LazyMember(lambda: __import__("tensorsh.optim.swa_utils", fromlist=["NAMESPACE"]).NAMESPACE)}
