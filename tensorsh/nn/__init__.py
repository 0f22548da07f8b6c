"""torch.nn as the language sees it: modules, parameters, layers, losses, init — built from engine ops only.

Loaded the first time a program reads `torch.nn` (or imports it), never at start-up. `NAMESPACE` maps each
public name of `torch.nn` to its object; submodules (`functional`, `init`, `utils`) are namespaces.
"""
from tensorsh.engine.torch_api import NAMESPACE as NAMESPACE_TORCH, Namespace
from . import adaptive, attention, container, conv, embedding_bag as _embedding_bag, functional as _functional, fusion, \
    init as _init, layers, lazy, loss, module_utils, more_layers, more_losses, norm_hooks, padding, parametrize, \
    pooling_extras, prune, random_layers, rearranging, recurrent, rnn_utils, torch_builtins as _torch_builtins, \
    transformer, utils as _utils, volumetric
from .module import Module
from .parameter import Buffer, Parameter

_FUNCTIONAL = ("linear relu relu6 leaky_relu elu gelu silu hardtanh softplus sigmoid tanh softmax log_softmax "
               "dropout mse_loss l1_loss smooth_l1_loss huber_loss nll_loss cross_entropy binary_cross_entropy "
               "binary_cross_entropy_with_logits one_hot normalize pad embedding selu celu hardswish "
               "hardsigmoid threshold hardshrink softshrink mish logsigmoid glu prelu softmin softsign tanhshrink dropout1d "
               "dropout2d dropout3d kl_div").split()
_POOLING = [f"{kind}{n}d{tail}" for n in (1, 2, 3) for kind, tail in (
    ("max_pool", ""), ("max_pool", "_with_indices"), ("avg_pool", ""), ("adaptive_avg_pool", ""),
    ("adaptive_max_pool", ""), ("adaptive_max_pool", "_with_indices"))]
_OPTIONAL = ("conv1d conv2d layer_norm batch_norm "
             "bilinear conv_transpose1d conv_transpose2d conv3d conv_transpose3d").split()

# torch's C functions F binds as they are (F.relu_ is torch.relu_, F.pixel_shuffle torch.pixel_shuffle)
_TORCH_BUILTINS = {name: NAMESPACE_TORCH[name] for name in ("relu_", "celu_", "selu_", "threshold_", "pixel_shuffle",
                                                      "pixel_unshuffle", "channel_shuffle")}
_TORCH_BUILTINS["pdist"] = _torch_builtins.function("pdist")
functional = Namespace("torch.nn.functional", {
    **_TORCH_BUILTINS, **{name: getattr(_functional, name) for name in ("elu_", "leaky_relu_", "hardtanh_", "rrelu_")},
    **{name: getattr(_functional, name) for name in _FUNCTIONAL + _POOLING + [n for n in _OPTIONAL if hasattr(_functional, n)]},
    **{name: getattr(mod, name) for mod in (_embedding_bag, more_layers, more_losses, pooling_extras, random_layers,
                                            rearranging, volumetric, attention) for name in mod.FUNCTIONAL}})
init = Namespace("torch.nn.init", {name: getattr(_init, name) for name in _init.NAMES})
utils = Namespace("torch.nn.utils", {
    **{name: getattr(_utils, name) for name in (
        "clip_grad_norm_", "clip_grad_norm", "clip_grad_value_", "parameters_to_vector", "vector_to_parameters", "get_total_norm",
        "clip_grads_with_norm_", "skip_init")},
    **{name: getattr(norm_hooks, name) for name in norm_hooks.NAMES},
    "parametrize": Namespace("torch.nn.utils.parametrize", {n: getattr(parametrize, n) for n in parametrize.PARAMETRIZE}),
    "parametrizations": Namespace("torch.nn.utils.parametrizations",
                                  {n: getattr(parametrize, n) for n in parametrize.PARAMETRIZATIONS}),
    "rnn": Namespace("torch.nn.utils.rnn", {name: getattr(rnn_utils, name) for name in rnn_utils.NAMES}),
    "prune": Namespace("torch.nn.utils.prune", {name: getattr(prune, name) for name in prune.NAMES}),
    "fusion": Namespace("torch.nn.utils.fusion", {name: getattr(fusion, name) for name in fusion.FUSION}),
    "stateless": Namespace("torch.nn.utils.stateless", {"functional_call": fusion.functional_call}),
    **{name: getattr(fusion, name) for name in fusion.FUSION}})

NAMESPACE = {"functional": functional, "init": init, "utils": utils, "Module": Module, "Parameter": Parameter,
             "Buffer": Buffer, "UninitializedParameter": lazy.UninitializedParameter,
             "UninitializedBuffer": lazy.UninitializedBuffer}
NAMESPACE["parameter"] = Namespace("torch.nn.parameter", {  # (`from torch.nn.parameter import Parameter`)
    name: NAMESPACE[name] for name in ("Parameter", "Buffer", "UninitializedParameter", "UninitializedBuffer")})
for _mod in (adaptive, attention, container, conv, _embedding_bag, layers, lazy, loss, more_layers, more_losses, padding,
             pooling_extras, random_layers, rearranging, recurrent, transformer, volumetric):
    NAMESPACE.update({k: v for k, v in vars(_mod).items()
                      if isinstance(v, type) and issubclass(v, Module) and not k.startswith("_")
                      and v.__module__.startswith("torch.")})
from . import module as _module
# The private bases PyTorch's torch.nn.modules.<file> define that tensorsh's classes share (init code imports them
# for isinstance checks: `from torch.nn.modules.batchnorm import _BatchNorm`).
_PRIVATE_BASES = frozenset({"_NormBase", "_BatchNorm", "_ConvNd", "_ConvTransposeNd", "_DropoutNd", "_InstanceNorm",
                            "_Loss", "_WeightedLoss", "_MaxPoolNd", "_AdaptiveAvgPoolNd", "_AdaptiveMaxPoolNd",
                            "_ConstantPadNd", "_ReflectionPadNd", "_ReplicationPadNd"})


def _module_files():
    """torch.nn.modules.<file> for each file a layer's class names as its module: its classes and private bases."""
    files = {}
    for cls in {c for v in NAMESPACE.values() if isinstance(v, type) and issubclass(v, Module) for c in v.__mro__}:
        public = not cls.__name__.startswith("_") or cls.__name__ in _PRIVATE_BASES
        if public and cls.__module__.startswith("torch.nn.modules.") and cls.__module__.count(".") == 3:
            files.setdefault(cls.__module__, {})[cls.__name__] = cls
    return {name.rsplit(".", 1)[1]: Namespace(name, dict(sorted(members.items())))
            for name, members in files.items() if name != "torch.nn.modules.module"}


NAMESPACE["modules"] = Namespace("torch.nn.modules", {  # (the layers' classes, and module.py's global hooks)
    **{k: v for k, v in NAMESPACE.items() if isinstance(v, type) and issubclass(v, Module)},
    **_module_files(),
    "module": Namespace("torch.nn.modules.module", {"Module": Module,
                                                    **{n: getattr(_module, n) for n in _module.GLOBAL_HOOKS}}),
    "utils": Namespace("torch.nn.modules.utils", {n: getattr(module_utils, n) for n in module_utils.NAMES})})

from tensorsh.engine import forward_ad as _forward_ad
_forward_ad.layer_loaded()  # (torch.nn first read inside a dual level: forward AD's tangents for it too)
