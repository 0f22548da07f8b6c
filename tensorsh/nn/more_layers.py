"""Layers past the first set, with their torch.nn.functional forms: GroupNorm, InstanceNorm1d/2d, MaxPool1d,
AvgPool1d, AdaptiveMaxPool1d/2d, Upsample (nearest) with interpolate, PixelShuffle, CosineSimilarity,
PairwiseDistance and the losses TripletMarginLoss, MarginRankingLoss, CosineEmbeddingLoss — PyTorch's Python
(checks, texts, reprs) over ATen's composites (so grad_fn chains are PyTorch's), kernels from the engine."""
import math

from tensorsh.engine import autograd, creation, dtypes
from tensorsh.engine.errors import make, runtime, type_error, value_error, warn
from tensorsh.engine.normalization import batch_norm as _batch_norm, group_norm as _group_norm
from tensorsh.engine.pooling import adaptive_max_pool2d as _adaptive_max_pool2d, avg_pool2d as _avg_pool2d, \
    max_pool2d as _max_pool2d
from tensorsh.engine.resampling import upsample_nearest
from tensorsh.engine.scalars import checked_scalar
from tensorsh.engine.loss import reduction_enum
from tensorsh.engine.ops.scalar_arith import number_minus, sub_scalar
from tensorsh.engine.tensor import Tensor
from tensorsh.engine.torch_api import NAMESPACE
from . import functional as F
from .c_functions import C
from .conv import _AvgPoolNd, _MaxPoolNd, _NormBase, affine_parameters, reset_affine
from .functional import _get_enum, _legacy_reduction, _list_with_default
from .loss import _Loss
from .module import Module
from tensorsh.engine.autocast import fp32_op


def _in(module_name):
    return "torch.nn.modules." + module_name


def _single(v):
    return v[0] if isinstance(v, (tuple, list)) else v


# ------------------------------------------------------------------ normalization

def group_norm(input, num_groups, weight=None, bias=None, eps=1e-5):
    if input.dim() < 2:
        raise runtime(f"Expected at least 2 dimensions for input tensor but received {input.dim()}")
    size = [input.size(0) * input.size(1) // num_groups, num_groups] + list(input.size()[2:])
    prod = size[0]
    for s in size[2:]:
        prod *= s
    if prod == 1:
        raise value_error(f"Expected more than 1 value per channel when training, got input size {size}")
    C.group_norm(input, num_groups, weight, bias, eps, True)
    return _group_norm(input, num_groups, weight, bias, eps)


def instance_norm(input, running_mean=None, running_var=None, weight=None, bias=None, use_input_stats=True,
                  momentum=0.1, eps=1e-5):
    """ATen's instance_norm: the batch folded into the channels ((1, N*C, ...)), batch_norm with the parameters
    and running statistics repeated N times, the statistics' mean over N copied back in place."""
    if use_input_stats:
        size = input.size()
        prod = 1
        for s in list(size)[2:]:
            prod *= s
        if prod == 1:
            raise value_error(f"Expected more than 1 spatial element when training, got input size {size}")
    C.instance_norm(input, weight, bias, running_mean, running_var, use_input_stats, momentum, eps, True)
    return instance_norm_values(input, running_mean, running_var, weight, bias, use_input_stats, momentum, eps)


def instance_norm_values(input, running_mean, running_var, weight, bias, use_input_stats, momentum, eps):
    """ATen's instance_norm (torch.instance_norm's C function), past torch/nn/functional.py's checks."""
    if not use_input_stats and (running_mean is None or running_var is None):
        raise runtime("Expected running_mean and running_var to be defined when use_input_stats is false")
    b, c = input.size(0), input.size(1)
    shape = [1, b * c] + list(input.size()[2:])

    def rep(t):
        return t.repeat(b) if t is not None else None
    running_mean_, running_var_ = rep(running_mean), rep(running_var)
    out = _batch_norm(input.contiguous().view(shape), running_mean_, running_var_, rep(weight), rep(bias),
                      use_input_stats, momentum, eps)  # (ATen's instance_norm calls at::batch_norm: no Python checks)
    with autograd.no_grad():  # (only where the input's statistics were used: eval leaves them as they are)
        if running_mean is not None and use_input_stats:
            running_mean.copy_(running_mean_.view(b, c).mean(0))
        if running_var is not None and use_input_stats:
            running_var.copy_(running_var_.view(b, c).mean(0))
    return out.view(input.size())


class GroupNorm(Module):
    __module__ = _in("normalization")

    def __init__(self, num_groups, num_channels, eps=1e-5, affine=True, device=None, dtype=None, *, bias=True):
        super().__init__()
        if num_channels % num_groups != 0:
            raise value_error(f"num_channels ({num_channels}) must be divisible by num_groups ({num_groups})")
        self.num_groups = num_groups
        self.num_channels = num_channels
        self.eps = eps
        self.affine = affine
        affine_parameters(self, num_channels, affine, bias, dtype)
        self.reset_parameters()

    def reset_parameters(self):
        if self.affine:
            reset_affine(self)

    def forward(self, input):
        return group_norm(input, self.num_groups, self.weight, self.bias, self.eps)

    def extra_repr(self):
        return (f"{self.num_groups}, {self.num_channels}, eps={self.eps}, affine={self.affine}, "
                f"bias={self.bias is not None}")


class _InstanceNorm(_NormBase):
    __module__ = _in("instancenorm")

    def __init__(self, num_features, eps=1e-5, momentum=0.1, affine=False, track_running_stats=False, device=None,
                 dtype=None, *, bias=True):
        super().__init__(num_features, eps, momentum, affine, track_running_stats, device, dtype, bias=bias)

    def _load_from_state_dict(self, state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys,
                              error_msgs):
        """A state dict without metadata holding running stats this InstanceNorm does not track: PyTorch's error
        (a checkpoint from before 0.4.0), the keys dropped."""
        if local_metadata.get("version", None) is None and not self.track_running_stats:
            keys = [prefix + n for n in ("running_mean", "running_var") if prefix + n in state_dict]
            if keys:
                klass = self.__class__.__name__
                error_msgs.append(
                    "Unexpected running stats buffer(s) {names} for {klass} with track_running_stats=False. If "
                    "state_dict is a checkpoint saved before 0.4.0, this may be expected because {klass} does not "
                    "track running stats by default since 0.4.0. Please remove these keys from state_dict. If the "
                    "running stats are actually needed, instead set track_running_stats=True in {klass} to enable "
                    "them. See the documentation of {klass} for details.".format(
                        names=" and ".join(f'"{k}"' for k in keys), klass=klass))
                for key in keys:
                    state_dict.pop(key)
        super()._load_from_state_dict(state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys,
                                      error_msgs)

    def _apply_instance_norm(self, input):
        return instance_norm(input, self.running_mean, self.running_var, self.weight, self.bias,
                             self.training or not self.track_running_stats,
                             self.momentum if self.momentum is not None else 0.0, self.eps)

    def forward(self, input):
        self._check_input_dim(input)
        feature_dim = input.dim() - self._no_batch_dim
        if input.size(feature_dim) != self.num_features:
            if self.affine:
                raise value_error(f"expected input's size at dim={feature_dim} to match num_features "
                                  f"({self.num_features}), but got: {input.size(feature_dim)}.")
            warn(f"input's size at dim={feature_dim} does not match num_features. You can silence this warning by "
                 "not passing in num_features, which is not used because affine=False")
        if input.dim() == self._no_batch_dim:
            return self._apply_instance_norm(input.unsqueeze(0)).squeeze(0)
        return self._apply_instance_norm(input)


class InstanceNorm1d(_InstanceNorm):
    __module__ = _in("instancenorm")
    _no_batch_dim = 2

    def _check_input_dim(self, input):
        if input.dim() not in (2, 3):
            raise value_error(f"expected 2D or 3D input (got {input.dim()}D input)")


class InstanceNorm2d(_InstanceNorm):
    __module__ = _in("instancenorm")
    _no_batch_dim = 3

    def _check_input_dim(self, input):
        if input.dim() not in (3, 4):
            raise value_error(f"expected 3D or 4D input (got {input.dim()}D input)")


# ------------------------------------------------------------------ 1-d and adaptive max pooling

def _check_1d(name, arg, value):
    if isinstance(value, (tuple, list)) and len(value) != 1:
        raise runtime(f"{name}() argument '{arg}' should contain one int (got {len(value)})")
    return _single(value)


def _sizes1(value):
    return list(value) if isinstance(value, (tuple, list)) else [] if value is None else [value]


def _check_max_pool1d(input, kernel_size, stride, padding, dilation, ceil_mode):
    """ATen's max_pool1d (the overload without indices): its non-empty check, then check_max_pool1d's."""
    shape = input._shape
    if not (len(shape) == 2 and shape[0] and shape[1] or len(shape) == 3 and shape[1] and shape[2]):
        raise runtime("max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, "
                      f"but got:{list(shape)}")
    k, s, p, d = _sizes1(kernel_size), _sizes1(stride), _sizes1(padding), _sizes1(dilation)
    for what, values, allowed in (("kernel_size must be an int, list of ints", k, (1,)),
                                  ("stride must be None, an int, list of ints,", s, (0, 1)),
                                  ("padding must be an int, list of ints,", p, (1,)),
                                  ("dilation must be an int, list of ints", d, (1,))):
        if len(values) not in allowed:
            raise runtime(f"max_pool1d() {what} or tuple of ints of size 1 but got size {len(values)}")
    k, s, p, d = k[0], (s or k)[0], p[0], d[0]
    for ok, text in ((k > 0, f"kernel_size must be greater than zero, but got {k}"),
                     (s > 0, f"stride must be greater than zero, but got {s}"),
                     (p >= 0, f"padding must be non-negative, but got {p}"),
                     (p <= k // 2, f"padding should be at most half of kernel size, but got padding={p} and "
                                   f"kernel_size={k}"),
                     (d > 0, f"dilation must be greater than zero, but got {d}")):
        if not ok:
            raise runtime(f"max_pool1d() {text}")
    num = shape[-1] + 2 * p - d * (k - 1) - 1 + (s - 1 if ceil_mode else 0)  # (pooling_output_shape)
    ow = num // s + 1
    if ceil_mode and (ow - 1) * s >= shape[-1] + p:
        ow -= 1
    if ow <= 0:
        raise runtime(f"max_pool1d() Invalid computed output size: {ow}")
    if input.dtype.category != 2 and not (input.requires_grad and autograd.is_grad_enabled()):
        # (max_pool1d_impl's kernel, real floating types only; an input that requires grad goes to
        # max_pool1d_with_indices, whose 2-d kernel names itself)
        raise make("NotImplementedError",
                   f"\"max_pool1d_impl\" not implemented for '{dtypes.SCALAR_NAMES[input.dtype.name]}'")


def max_pool1d_impl(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    """ATen's max_pool1d_with_indices (max_pool1d's own checks first without indices): the 2-d kernel over an
    unsqueezed row, then squeeze(-2)."""
    if return_indices:
        F.check_2_to_3_dims("max_pool1d", input)
    else:
        _check_max_pool1d(input, kernel_size, stride, padding, dilation, ceil_mode)
    k = _check_1d("max_pool1d", "kernel_size", kernel_size)
    s = k if stride is None or stride == [] or stride == () else _check_1d("max_pool1d", "stride", stride)
    p, d = _check_1d("max_pool1d", "padding", padding), _check_1d("max_pool1d", "dilation", dilation)
    out, idx = _max_pool2d(input.unsqueeze(-2), (1, k), (1, s), (0, p), (1, d), ceil_mode, True)
    if return_indices:
        return out.squeeze(-2), idx.squeeze(-2)
    if not (input.requires_grad and autograd.is_grad_enabled()):  # (max_pool1d_impl: a fresh result, no view)
        return out.squeeze(-2).clone()
    return out.squeeze(-2)


def avg_pool1d_impl(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
    F.check_2_to_3_dims("avg_pool1d", input)
    k = _check_1d("avg_pool1d", "kernel_size", kernel_size)
    s = k if stride is None or stride == [] or stride == () else _check_1d("avg_pool1d", "stride", stride)
    p = _check_1d("avg_pool1d", "padding", padding)
    return _avg_pool2d(input.unsqueeze(-2), (1, k), (1, s), (0, p), ceil_mode, count_include_pad).squeeze(-2)


def adaptive_max_pool1d_impl(input, output_size, return_indices=False):
    F.check_2_to_3_dims("adaptive_max_pool1d", input)
    for dim in range(1, input.dim()):  # (ATen's own check, before the 2-D kernel's)
        if input.shape[dim] == 0:
            raise runtime(f"adaptive_max_pool1d(): Expected input to have non-zero size for non-batch dimensions, but "
                          f"input has sizes {list(input.shape)} with dimension {dim} being empty")
    size = _check_1d("adaptive_max_pool1d", "output_size", output_size)
    out, idx = _adaptive_max_pool2d(input.unsqueeze(-2), (1, size))
    return (out.squeeze(-2), idx.squeeze(-2)) if return_indices else out.squeeze(-2)


def adaptive_max_pool2d_impl(input, output_size, return_indices=False):
    size = _list_with_default(output_size, input.size())
    size = (size, size) if isinstance(size, int) else tuple(size)
    out, idx = _adaptive_max_pool2d(input, size)
    return (out, idx) if return_indices else out


class MaxPool1d(_MaxPoolNd):
    __module__ = _in("pooling")

    def forward(self, input):
        return F.max_pool1d(input, self.kernel_size, self.stride, self.padding, self.dilation, ceil_mode=self.ceil_mode,
                          return_indices=self.return_indices)


class AvgPool1d(_AvgPoolNd):
    __module__ = _in("pooling")

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
        Module.__init__(self)  # (_AvgPoolNd's __init__ is AvgPool2d's and AvgPool3d's)
        as_tuple = lambda v: tuple(v) if isinstance(v, (tuple, list)) else (v,)  # noqa: E731 (_single)
        self.kernel_size = as_tuple(kernel_size)
        self.stride = as_tuple(stride if stride is not None else kernel_size)
        self.padding = as_tuple(padding)
        self.ceil_mode = ceil_mode
        self.count_include_pad = count_include_pad

    def forward(self, input):
        return F.avg_pool1d(input, self.kernel_size, self.stride, self.padding, self.ceil_mode, self.count_include_pad)


class _AdaptiveMaxPoolNd(Module):
    __module__ = _in("pooling")

    def __init__(self, output_size, return_indices=False):
        super().__init__()
        self.output_size = output_size
        self.return_indices = return_indices

    def extra_repr(self):
        return f"output_size={self.output_size}"


class AdaptiveMaxPool1d(_AdaptiveMaxPoolNd):
    __module__ = _in("pooling")

    def forward(self, input):
        return F.adaptive_max_pool1d(input, self.output_size, self.return_indices)


class AdaptiveMaxPool2d(_AdaptiveMaxPoolNd):
    __module__ = _in("pooling")

    def forward(self, input):
        return F.adaptive_max_pool2d(input, self.output_size, self.return_indices)


# ------------------------------------------------------------------ upsampling

def interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None, recompute_scale_factor=None,
                antialias=False):
    """torch.nn.functional.interpolate (torch/nn/functional.py): its checks, then the kernel of the mode and the
    input's dimensions."""
    if mode in ("nearest", "area", "nearest-exact"):
        if align_corners is not None:
            raise value_error("align_corners option can only be set with the interpolating modes: linear | "
                              "bilinear | bicubic | trilinear")
    elif align_corners is None:
        align_corners = False
    dim = input.dim() - 2
    if size is not None and scale_factor is not None:
        raise value_error("only one of size or scale_factor should be defined")
    if size is not None:
        scale_factors = None
        if isinstance(size, (list, tuple)):
            if len(size) != dim:
                raise value_error(
                    "Input and output must have the same number of spatial dimensions, but got input with spatial "
                    f"dimensions of {list(input.shape[2:])} and output size of {size}. Please provide input tensor "
                    "in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.")
            if not all(isinstance(x, int) or isinstance(x, Tensor) and not x.is_floating_point() for x in size):
                raise type_error("expected size to be one of int or Tuple[int] or Tuple[int, int] or Tuple[int, int, "
                                 f"int], but got size with types {[type(x) for x in size]}")
            output_size = list(size)
        else:
            output_size = [size for _ in range(dim)]
    elif scale_factor is not None:
        output_size = None
        if isinstance(scale_factor, (list, tuple)):
            if len(scale_factor) != dim:
                raise value_error(
                    "Input and scale_factor must have the same number of spatial dimensions, but got input with "
                    f"spatial dimensions of {list(input.shape[2:])} and scale_factor of shape {scale_factor}. "
                    "Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,"
                    "sK) format.")
            scale_factors = list(scale_factor)
        else:
            scale_factors = [scale_factor for _ in range(dim)]
    else:
        raise value_error("either size or scale_factor should be defined")
    if recompute_scale_factor is not None and recompute_scale_factor and size is not None:
        raise value_error("recompute_scale_factor is not meaningful with an explicit size.")
    if mode == "area" and output_size is None:
        recompute_scale_factor = True
    if recompute_scale_factor:
        output_size = [math.floor(input.size(i + 2) * scale_factors[i]) for i in range(dim)]
        scale_factors = None
    if antialias and not (mode in ("bilinear", "bicubic", "lanczos") and input.dim() == 4):
        raise value_error("Anti-alias option is restricted to bilinear, bicubic, and lanczos modes and requires a 4-D "
                          "tensor as input")
    key = (mode, input.dim()) if isinstance(mode, str) else None
    kind = {("nearest", 3): "nearest", ("nearest", 4): "nearest", ("nearest", 5): "nearest",
            ("nearest-exact", 3): "exact", ("nearest-exact", 4): "exact", ("nearest-exact", 5): "exact",
            ("area", 3): "area", ("area", 4): "area", ("area", 5): "area", ("linear", 3): "linear",
            ("bilinear", 4): "linear", ("trilinear", 5): "linear", ("bicubic", 4): "cubic"}.get(key)
    if kind is None or antialias and mode == "lanczos":
        wrong = {("bilinear", 3): "Got 3D input, but bilinear mode needs 4D input",
                 ("trilinear", 3): "Got 3D input, but trilinear mode needs 5D input",
                 ("linear", 4): "Got 4D input, but linear mode needs 3D input",
                 ("trilinear", 4): "Got 4D input, but trilinear mode needs 5D input",
                 ("linear", 5): "Got 5D input, but linear mode needs 3D input",
                 ("bilinear", 5): "Got 5D input, but bilinear mode needs 4D input"}.get(key)
        if key == ("lanczos", 4) and (align_corners or not antialias):
            raise value_error("Lanczos mode does not support align_corners=True" if align_corners else
                              "Lanczos mode requires antialias=True")
        if wrong is None and not antialias:  # (every other pairing falls through to interpolate's last raise)
            wrong = ("Input Error: Only 3D, 4D and 5D input Tensors supported (got {}D) for the modes: nearest | "
                     "linear | bilinear | bicubic | trilinear | lanczos | area | nearest-exact (got {})").format(
                         input.dim(), mode)
        if wrong is not None:
            raise make("NotImplementedError", wrong)
        raise make("NotImplementedError", f"tensorsh: interpolate has no kernel for mode={mode!r}"
                   + (" with antialias" if antialias else "") + f" on {input.dim()}-D input")
    if kind == "area":
        return (F.adaptive_avg_pool1d, F.adaptive_avg_pool2d, F.adaptive_avg_pool3d)[dim - 1](input, output_size)
    if kind in ("nearest", "exact"):  # (the C function torch's Python calls: its parser sees the sizes and scales)
        getattr(C, ("upsample_nearest{}d" if kind == "nearest" else "_upsample_nearest_exact{}d").format(dim))(
            input, output_size, scale_factors)
    else:
        getattr(C, ("_{}_aa" if antialias else "{}").format(
            {"linear": "upsample_linear1d", "bilinear": "upsample_bilinear2d", "trilinear": "upsample_trilinear3d",
             "bicubic": "upsample_bicubic2d"}[mode]))(input, output_size, align_corners, scale_factors)
    scales = tuple(scale_factors) if scale_factors else (None,) * dim
    if output_size is None:
        output_size = [int(checked_scalar(dtypes.int64, float(input.size(i + 2) * scale_factors[i])))
                       for i in range(dim)]  # (compute_output_size's c10::checked_convert<int64_t>)
    if 0 in input.shape[2:] or any(o <= 0 for o in output_size):  # (ATen's upsample_*_common_check)
        names = "DHW"[3 - dim:]
        sizes = [", ".join(f"{n}: {v}" for n, v in zip(names, values)) for values in (input.shape[2:], output_size)]
        raise runtime(f"Input and output sizes should be greater than 0, but got input ({sizes[0]})"
                      f"{' and' if dim == 1 else ''} output ({sizes[1]})")
    if input._shape[1] == 0:  # (the upsample metas allow an empty batch only; the sizes are checked above)
        raise runtime(f"Non-empty {input.dim()}D data tensor expected but got a tensor with sizes {list(input.shape)}")
    if antialias:  # (separable_upsample_generic_Nd_kernel_impl's weights: float and double; uint8's int16 path)
        if input.dtype not in (dtypes.float32, dtypes.float64, dtypes.uint8):
            raise make("NotImplementedError", "\"compute_index_ranges_weights\" not implemented for "
                       f"'{dtypes.SCALAR_NAMES[input.dtype.name]}'")
    else:
        _upsample_dispatch(kind, dim, input)
    if kind in ("linear", "cubic"):
        from tensorsh.engine.interpolation import upsample
        return upsample(input, tuple(output_size), align_corners, scales, cubic=kind == "cubic", antialias=antialias)
    return upsample_nearest(input, tuple(output_size), scales, exact=kind == "exact")


def _upsample_dispatch(kind, dim, input):
    """The upsampling kernels' dispatch (after their size checks): floating types, and uint8 for the nearest modes,
    bilinear and bicubic; the 2-d nearest and bilinear kernels are named by their channels-last loop."""
    dt = input.dtype
    if dt.is_floating_point or dt is dtypes.uint8 and (kind in ("nearest", "exact") or dim == 2):
        return
    if dim == 2 and kind in ("nearest", "exact", "linear"):
        name = "upsample_{}2d_channels_last".format("bilinear" if kind == "linear" else "nearest")
    else:
        name = "compute_indices_weights_" + {"exact": "nearest"}.get(kind, kind)
    raise make("NotImplementedError", f"\"{name}\" not implemented for '{dtypes.SCALAR_NAMES[dt.name]}'")


def gumbel_softmax(logits, tau=1, hard=False, eps=1e-10, dim=-1):
    """torch.nn.functional.gumbel_softmax, op for op: Gumbel noise from exponential_, softmax of the perturbed
    logits over tau, and with hard=True the straight-through one-hot."""
    if eps != 1e-10:
        warn("`eps` parameter is deprecated and has no effect.")
    gumbels = -creation.empty_like(logits, memory_format=NAMESPACE["legacy_contiguous_format"]).exponential_().log()
    gumbels = (logits + gumbels) / tau
    y_soft = gumbels.softmax(dim)
    if hard:
        index = y_soft.max(dim, keepdim=True)[1]
        y_hard = creation.zeros_like(logits).scatter_(dim, index, 1.0)
        return y_hard - y_soft.detach() + y_soft
    return y_soft


def affine_grid(theta, size, align_corners=None):
    """torch.nn.functional.affine_grid: its checks and warnings, then torch.affine_grid_generator."""
    if align_corners is None:
        warn("Default grid_sample and affine_grid behavior has changed to align_corners=False since 1.3.0. Please "
             "specify align_corners=True if the old behavior is desired. See the documentation of grid_sample for "
             "details.")
        align_corners = False
    if not theta.is_floating_point():
        raise value_error(f"Expected theta to have floating point type, but got {theta.dtype}")
    if len(size) == 4:
        if theta.dim() != 3 or theta.shape[-2] != 2 or theta.shape[-1] != 3:
            raise value_error(f"Expected a batch of 2D affine matrices of shape Nx2x3 for size {size}. Got "
                              f"{theta.shape}.")
        spatial_size = size[-2:]
    elif len(size) == 5:
        if theta.dim() != 3 or theta.shape[-2] != 3 or theta.shape[-1] != 4:
            raise value_error(f"Expected a batch of 3D affine matrices of shape Nx3x4 for size {size}. Got "
                              f"{theta.shape}.")
        spatial_size = size[-3:]
    else:
        raise make("NotImplementedError", "affine_grid only supports 4D and 5D sizes, for 2D and 3D affine "
                                          f"transforms, respectively. Got size {size}.")
    if align_corners and min(spatial_size) == 1:
        warn("Since version 1.3.0, affine_grid behavior has changed for unit-size grids when align_corners=True. This "
             "is not an intended use case of affine_grid. See the documentation of affine_grid for details.")
    elif min(size) <= 0:
        raise value_error(f"Expected non-zero, positive output size. Got {size}")
    return NAMESPACE["affine_grid_generator"](theta, size, align_corners)


@fp32_op
def grid_sample(input, grid, mode="bilinear", padding_mode="zeros", align_corners=None):
    """torch.nn.functional.grid_sample: its checks and warning, then torch.grid_sampler."""
    if mode not in ("bilinear", "nearest", "bicubic"):
        raise value_error(f"nn.functional.grid_sample(): expected mode to be 'bilinear', 'nearest' or 'bicubic', but "
                          f"got: '{mode}'")
    if padding_mode not in ("zeros", "border", "reflection"):
        raise value_error("nn.functional.grid_sample(): expected padding_mode to be 'zeros', 'border', or "
                          f"'reflection', but got: '{padding_mode}'")
    if align_corners is None:
        warn("Default grid_sample and affine_grid behavior has changed to align_corners=False since 1.3.0. Please "
             "specify align_corners=True if the old behavior is desired. See the documentation of grid_sample for "
             "details.")
        align_corners = False
    return NAMESPACE["grid_sampler"](input, grid, ("bilinear", "nearest", "bicubic").index(mode),
                                     ("zeros", "border", "reflection").index(padding_mode), align_corners)


class Upsample(Module):
    __module__ = _in("upsampling")

    def __init__(self, size=None, scale_factor=None, mode="nearest", align_corners=None,
                 recompute_scale_factor=None):
        super().__init__()
        self.name = type(self).__name__
        self.size = size
        if isinstance(scale_factor, tuple):
            self.scale_factor = tuple(float(factor) for factor in scale_factor)
        else:
            self.scale_factor = float(scale_factor) if scale_factor else None
        self.mode = mode
        self.align_corners = align_corners
        self.recompute_scale_factor = recompute_scale_factor

    def forward(self, input):
        return interpolate(input, self.size, self.scale_factor, self.mode, self.align_corners,
                           recompute_scale_factor=self.recompute_scale_factor)

    def extra_repr(self):
        info = ("scale_factor=" + repr(self.scale_factor)) if self.scale_factor is not None else \
            ("size=" + repr(self.size))
        return info + ", mode=" + repr(self.mode)


class PixelShuffle(Module):
    __module__ = _in("pixelshuffle")

    def __init__(self, upscale_factor):
        super().__init__()
        self.upscale_factor = upscale_factor

    def forward(self, input):
        return pixel_shuffle(input, self.upscale_factor)

    def extra_repr(self):
        return f"upscale_factor={self.upscale_factor}"


# ------------------------------------------------------------------ distances and their losses

pairwise_distance, cosine_similarity = NAMESPACE["pairwise_distance"], NAMESPACE["cosine_similarity"]  # (torch's)
pixel_shuffle = NAMESPACE["pixel_shuffle"]


def _apply_reduction(output, reduction):
    return output.mean() if reduction == "mean" else output.sum() if reduction == "sum" else output


@fp32_op
def triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-6, swap=False, size_average=None,
                        reduce=None, reduction="mean"):
    reduction = reduction_enum(_get_enum(_legacy_reduction(size_average, reduce, reduction)))
    if margin <= 0:
        raise value_error(f"margin must be greater than 0, got {margin}")
    C.triplet_margin_loss(anchor, positive, negative, margin, p, eps, swap, 1)
    return triplet_margin_values(anchor, positive, negative, margin, p, eps, swap, reduction)


def triplet_margin_values(anchor, positive, negative, margin, p, eps, swap, reduction):
    """ATen's triplet_margin_loss (torch.triplet_margin_loss's C function): no check of the margin's sign."""
    a, pos, neg = anchor.dim(), positive.dim(), negative.dim()
    if not (a == pos and pos == neg):
        raise runtime(f"The anchor, positive, and negative tensors are expected to have the same number of "
                      f"dimensions, but got: anchor {a}D, positive {pos}D, and negative {neg}D inputs")
    dist_pos = pairwise_distance(anchor, positive, p, eps)
    dist_neg = pairwise_distance(anchor, negative, p, eps)
    if swap:
        dist_neg = dist_neg.minimum(pairwise_distance(positive, negative, p, eps))
    return _apply_reduction((F._add_scalar(dist_pos, margin) - dist_neg).clamp_min(0), reduction)  # (C++'s
    # `margin + dist_pos`: add.Scalar)


@fp32_op
def margin_ranking_loss(input1, input2, target, margin=0, size_average=None, reduce=None, reduction="mean"):
    reduction = reduction_enum(_get_enum(_legacy_reduction(size_average, reduce, reduction)))
    if input1.dim() != input2.dim() or input1.dim() != target.dim():
        raise runtime(f"margin_ranking_loss : All input tensors should have same dimension but got sizes: input1: "
                      f"{input1.size()}, input2: {input2.size()}, target: {target.size()} ")
    C.margin_ranking_loss(input1, input2, target, margin, 1)
    return margin_ranking_values(input1, input2, target, margin, reduction)


def margin_ranking_values(input1, input2, target, margin, reduction):
    """ATen's margin_ranking_loss (torch.margin_ranking_loss's C function): no check of the dimensions."""
    diff = input1 - input2  # (ATen's order: the difference before -target; margin a double: add.Scalar)
    return _apply_reduction(F._add_scalar(-target * diff, float(margin)).clamp_min_(0), reduction)


@fp32_op
def cosine_embedding_loss(input1, input2, target, margin=0, size_average=None, reduce=None, reduction="mean"):
    reduction = reduction_enum(_get_enum(_legacy_reduction(size_average, reduce, reduction)))
    C.cosine_embedding_loss(input1, input2, target, margin, 1)
    margin = float(margin)  # (a double to ATen)
    targ_dim = target.dim()
    if targ_dim not in (0, 1):
        raise runtime("0D or 1D target tensor expected, multi-target not supported")
    if targ_dim == 1:
        if input1.dim() != 2 or input2.dim() != 2:
            raise runtime(f"1D target tensor expects 2D input tensors, but found inputs with sizes "
                          f"{list(input1.shape)} and {list(input2.shape)}.")
    elif input1.dim() != 1 or input2.dim() != 1:
        raise runtime(f"0D target tensor expects 1D input tensors, but found inputs with sizes "
                      f"{list(input1.shape)} and {list(input2.shape)}.")
    eps = 1e-12
    prod_sum = (input1 * input2).sum(targ_dim)
    mag_square1 = F._add_scalar((input1 * input1).sum(targ_dim), eps)  # (C++'s `t + EPSILON`: add.Scalar)
    mag_square2 = F._add_scalar((input2 * input2).sum(targ_dim), eps)
    denom = (mag_square1 * mag_square2).sqrt_()
    cos = prod_sum / denom
    zeros = creation.zeros_like(cos)
    pos = number_minus(1, cos)  # (`1 - cos`: filled, then sub_; `cos - margin`: sub.Scalar)
    neg = sub_scalar(cos, margin).clamp_min_(0)
    output = pos.where(target == 1, zeros) + neg.where(target == -1, zeros)
    return _apply_reduction(output, reduction)


class PairwiseDistance(Module):
    __module__ = _in("distance")

    def __init__(self, p=2.0, eps=1e-6, keepdim=False):
        super().__init__()
        self.norm = p
        self.eps = eps
        self.keepdim = keepdim

    def forward(self, x1, x2):
        return pairwise_distance(x1, x2, self.norm, self.eps, self.keepdim)


class CosineSimilarity(Module):
    __module__ = _in("distance")

    def __init__(self, dim=1, eps=1e-8):
        super().__init__()
        self.dim = dim
        self.eps = eps

    def forward(self, x1, x2):
        return cosine_similarity(x1, x2, self.dim, self.eps)


class TripletMarginLoss(_Loss):
    __module__ = _in("loss")

    def __init__(self, margin=1.0, p=2.0, eps=1e-6, swap=False, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        if margin <= 0:
            raise value_error(f"TripletMarginLoss: expected margin to be greater than 0, got {margin} instead")
        self.margin = margin
        self.p = p
        self.eps = eps
        self.swap = swap

    def forward(self, anchor, positive, negative):
        return triplet_margin_loss(anchor, positive, negative, margin=self.margin, p=self.p, eps=self.eps,
                                   swap=self.swap, reduction=self.reduction)


class MarginRankingLoss(_Loss):
    __module__ = _in("loss")

    def __init__(self, margin=0.0, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input1, input2, target):
        return margin_ranking_loss(input1, input2, target, margin=self.margin, reduction=self.reduction)


class CosineEmbeddingLoss(_Loss):
    __module__ = _in("loss")

    def __init__(self, margin=0.0, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.margin = margin

    def forward(self, input1, input2, target):
        return cosine_embedding_loss(input1, input2, target, margin=self.margin, reduction=self.reduction)


FUNCTIONAL = ("group_norm instance_norm interpolate "
              "pairwise_distance cosine_similarity triplet_margin_loss margin_ranking_loss "
              "cosine_embedding_loss affine_grid grid_sample gumbel_softmax").split()
