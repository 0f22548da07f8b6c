"""Convolution (1-d and 2-d, and its gradient as a differentiable op), max/avg pooling, constant padding and
embedding lookups, each beside its node.

A convolution adds its products in the order of the kernel PyTorch picks on the CPU (measured against it):
oneDNN (a batch above 1, groups, 4x4+ kernels or large inputs) starts from the bias and fuses each product into
the sum, input channels in blocks of 8, kernel positions outside; the native im2col path adds rounded products
channel by channel. Gradients are summed in double and rounded once (their last bits can differ)."""
import numpy as np

from . import autograd, dtypes, messages
from .autograd import Node, SavedTensor, edge_of
from .saved_names import unsigned
from .errors import index_error, runtime, type_error, warn_once
from .tensorimpl import Tensor
from .ops.core import InputNode, attach, fresh, needs_grad, operand_edge, type_name


def _tuple(v, n):
    if isinstance(v, (tuple, list)):  # (a one-element list stands for every dim, as ATen expands it)
        return tuple(v) * n if len(v) == 1 else tuple(v)
    return (v,) * n


def _shape_str(shape):
    return "[" + ", ".join(map(str, shape)) + "]"


def _use_onednn(n, c, h, w, kh, kw, groups, strided):
    """PyTorch's use_mkldnn for a float32 CPU convolution (ConvUtils.h)."""
    return groups > 1 or (kw > 3 and kh > 3) or n > 1 or n * c * h * w > 20480


def _fma(a, b, c):
    return (a.astype(np.float64) * b + c).astype(np.float32)  # one rounding to float32 (double first)


def _conv2d_values(x, w, b, stride, padding, dilation, groups):
    n, c, h, wd = x.shape
    o, cg, kh, kw = w.shape
    sh, sw = stride
    ph, pw = padding
    dh, dw = dilation
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw))) if ph or pw else x
    oh = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    ow = (wd + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    og = o // groups
    dt = x.dtype
    acc = np.zeros((n, o, oh, ow), dt) if b is None else np.broadcast_to(b[None, :, None, None], (n, o, oh, ow)).copy()
    onednn = _use_onednn(n, c, h, wd, kh, kw, groups, sh > 1 or sw > 1)
    exact = dt == np.float32
    for g in range(groups):
        out = acc[:, g * og:(g + 1) * og]
        if onednn:
            order = [(ci, i, j) for cb in range(0, cg, 8) for i in range(kh) for j in range(kw)
                     for ci in range(cb, min(cb + 8, cg))]
        else:
            order = [(ci, i, j) for ci in range(cg) for i in range(kh) for j in range(kw)]
        for ci, i, j in order:
            patch = xp[:, None, g * cg + ci, i * dh:i * dh + sh * (oh - 1) + 1:sh, j * dw:j * dw + sw * (ow - 1) + 1:sw]
            wv = w[None, g * og:(g + 1) * og, ci, i, j, None, None]
            if onednn and exact:
                out[...] = _fma(wv, patch, out)
            else:
                out += (wv * patch).astype(dt)
    return acc


def _geometry(attr):
    """A convolution's stride/padding/dilation as PyTorch saves them (a conv1d's one number per dim)."""
    return lambda node: tuple(getattr(node, attr)[1:] if node.dim1 else getattr(node, attr))


class ConvolutionBackward0(Node):
    __slots__ = ("stride", "padding", "dilation", "groups", "has_bias", "dim1", "bias_shape")
    saved_names = ("input", "weight")
    saved_values = {"stride": _geometry("stride"), "padding": _geometry("padding"), "dilation": _geometry("dilation"),
                    "groups": "groups", "transposed": lambda node: False,
                    "output_padding": lambda node: (0,) * (1 if node.dim1 else 2), "bias_sym_sizes_opt": "bias_shape"}

    def __init__(self, x, w, b, stride, padding, dilation, groups, dim1):
        Node.__init__(self, (operand_edge(x), edge_of(w)) + ((operand_edge(b),) if b is not None else ((None, 0),)))
        self.stride, self.padding, self.dilation, self.groups = stride, padding, dilation, groups
        self.has_bias, self.dim1 = b is not None, dim1
        self.bias_shape = b._shape if b is not None else (0,)
        self.saved = (SavedTensor(x), SavedTensor(w))

    def backward(self, g):
        x, w = self.unpack()  # (with create_graph, convolution_backward records ConvolutionBackwardBackward0)
        return convolution_backward(g, x, w, (self.stride, self.padding, self.dilation, self.groups, self.dim1),
                                    tuple(n is not None for n, _ in self.next_functions))


def _conv2d_grads(x, w, g, stride, padding, dilation, groups):
    n, c, h, wd = x.shape
    o, cg, kh, kw = w.shape
    sh, sw = stride
    ph, pw = padding
    dh, dw = dilation
    oh, ow = g.shape[2:]
    og = o // groups
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    gxp = np.zeros_like(xp)
    gw = np.zeros_like(w)
    for gi in range(groups):
        gg = g[:, gi * og:(gi + 1) * og]
        for i in range(kh):
            for j in range(kw):
                rows = slice(i * dh, i * dh + sh * (oh - 1) + 1, sh)
                cols = slice(j * dw, j * dw + sw * (ow - 1) + 1, sw)
                patch = xp[:, gi * cg:(gi + 1) * cg, rows, cols]
                gw[gi * og:(gi + 1) * og, :, i, j] = np.einsum("nohw,nchw->oc", gg, patch)
                gxp[:, gi * cg:(gi + 1) * cg, rows, cols] += np.einsum("nohw,oc->nchw", gg,
                                                                     w[gi * og:(gi + 1) * og, :, i, j])
    gx = gxp[:, :, ph:ph + h, pw:pw + wd]
    return gx, gw


# A convolution's gradients (what ConvolutionBackward0 computes) are a differentiable op under create_graph=True:
# grad_input, grad_weight and grad_bias as the three outputs of one ConvolutionBackwardBackward0, whose backward is
# ATen's _convolution_double_backward (ggO = conv(ggI, w) + conv(x, ggW) + ggb, gI from ggW, gW from ggI). The
# values are summed in double and rounded once, as the first gradients are (not PyTorch's last bits).

class ConvolutionBackwardBackward0(Node):
    __slots__ = ("geometry",)
    name_ = "ConvolutionBackwardBackward0"
    n_outputs = 3

    def __init__(self, g, x, w, geometry):
        Node.__init__(self, (operand_edge(g), operand_edge(x), operand_edge(w)))
        self.geometry = geometry
        self.saved = (SavedTensor(g), SavedTensor(x), SavedTensor(w))

    def backward(self, grads):
        g, x, w = self.unpack()
        ggx, ggw, ggb = grads
        stride, padding, dilation, groups, dim1 = self.geometry
        dims = 1 if dim1 else 2
        plain = [t[1:] if dim1 else t for t in (stride, padding, dilation)]
        gg_out = gx = gw = None
        if self.next_functions[0][0] is not None:
            if ggx is not None:
                gg_out = convolution(ggx, w, None, *plain[:2], plain[2], groups, dims, "conv")
            if ggw is not None:
                term = convolution(x, ggw, None, *plain[:2], plain[2], groups, dims, "conv")
                gg_out = term if gg_out is None else gg_out + term
            if ggb is not None:
                view = ggb.reshape([1, -1] + [1] * dims).expand(g.shape)
                gg_out = view if gg_out is None else gg_out + view
        if self.next_functions[1][0] is not None and ggw is not None:
            gx = convolution_backward(g, x, ggw, self.geometry, (True, False, False))[0]
        if self.next_functions[2][0] is not None and ggx is not None:
            gw = convolution_backward(g, ggx, w, self.geometry, (False, True, False))[1]
        return (gg_out, gx, gw)


def convolution_backward(g, x, w, geometry, mask):
    """(grad_input, grad_weight, grad_bias) of a convolution, each where mask asks for it; recorded as the outputs
    of one ConvolutionBackwardBackward0 when they need grad."""
    stride, padding, dilation, groups, dim1 = geometry
    xn, wn, gn = x._np, w._np, g._np
    if dim1:
        xn, wn, gn = xn[:, :, None, :], wn[:, :, None, :], gn[:, :, None, :]
    gx, gw = _conv2d_grads(xn.astype(np.float64), wn.astype(np.float64), gn.astype(np.float64), stride, padding,
                           dilation, groups)
    if dim1:
        gx, gw = gx[:, :, 0], gw[:, :, 0]
    dt = x.dtype
    gb = gn.astype(np.float64).sum(axis=(0, 2, 3))
    outs = [fresh(np.ascontiguousarray(v.astype(dt.np)), dt) if wanted else None
            for v, wanted in zip((gx, gw, gb), mask)]
    if needs_grad(g, x, w):
        node = ConvolutionBackwardBackward0(g, x, w, geometry)
        for i, o in enumerate(outs):
            if o is not None:
                o._grad_fn, o._output_nr = node, i
    return tuple(outs)


def convolution(input, weight, bias, stride, padding, dilation, groups, dims, name):
    for arg, pos, v in (("input", 1, input), ("weight", 2, weight)):
        if not isinstance(v, Tensor):
            raise type_error(f"{name}(): argument '{arg}' (position {pos}) must be Tensor, not {type_name(v)}")
    stride, padding, dilation = _tuple(stride, dims), padding, _tuple(dilation, dims)
    if input.dim() not in (dims + 1, dims + 2):
        raise runtime(f"Expected {dims + 1}D (unbatched) or {dims + 2}D (batched) input to {name}, but got input of "
                      f"size: {_shape_str(input._shape)}")
    if input.dim() == dims + 1:  # an unbatched input: PyTorch adds the batch dimension and takes it away again
        return convolution(input.unsqueeze(0), weight, bias, stride, padding, dilation, groups, dims,
                           name).squeeze(0)
    c = input._shape[1]
    if weight._shape[1] * groups != c:
        raise runtime(f"Given groups={groups}, weight of size {_shape_str(weight._shape)}, expected "
                      f"input{_shape_str(input._shape)} to have {weight._shape[1] * groups} channels, but got {c} "
                      "channels instead")
    if isinstance(padding, str):
        if padding == "valid":
            padding = (0,) * dims
        elif padding != "same":
            raise runtime(f"Invalid padding string: '{padding}'")
        elif any(s != 1 for s in stride):
            raise runtime("padding='same' is not supported for strided convolutions")
        else:  # 'same' (stride 1): the extra element of an even kernel goes on the right, as PyTorch pads
            total = [d * (k - 1) for d, k in zip(dilation, weight._shape[2:])]
            if any(t % 2 for t in total):  # ATen's _convolution_same: constant_pad_nd on the right first
                warn_once("Using padding='same' with even kernel lengths and odd dilation may require a zero-padded "
                          "copy of the input be created")
                input = constant_pad_nd(input, [p for t in reversed(total) for p in (0, t % 2)], 0)
            padding = tuple(t // 2 for t in total)
    padding = _tuple(padding, dims)
    if input.dtype is not weight.dtype:
        raise runtime(f"Input type ({dtypes.C_NAMES[input.dtype.name].title()}) and weight type "
                      f"({dtypes.C_NAMES[weight.dtype.name].title()}) should be the same")
    x, w = input._np, weight._np
    b = bias._np if bias is not None else None
    if dims == 1:
        x, w = x[:, :, None, :], w[:, :, None, :]
        stride, padding, dilation = (1,) + stride, (0,) + padding, (1,) + dilation
    spatial = [x.shape[2 + i] + 2 * padding[i] - dilation[i] * (w.shape[2 + i] - 1) for i in range(2)]
    if any(s < 1 for s in spatial):
        raise runtime(f"Calculated padded input size per channel: ({' x '.join(str(x.shape[2 + i] + 2 * padding[i]) for i in range(2 - dims, 2))}). "
                      f"Kernel size: ({' x '.join(str(w.shape[2 + i]) for i in range(2 - dims, 2))}). Kernel size can't "
                      "be greater than actual input size")
    out = _conv2d_values(x, w, b, stride, padding, dilation, groups)
    if dims == 1:
        out = out[:, :, 0]
    result = fresh(np.ascontiguousarray(out), input.dtype)
    if needs_grad(input, weight, bias):
        attach(result, ConvolutionBackward0(input, weight, bias, stride, padding, dilation, groups, dims == 1))
    return result


# ------------------------------------------------------------------ pooling

def _pool_geometry(x, kernel_size, stride, padding, ceil_mode, dilation=(1, 1)):
    kh, kw = _tuple(kernel_size, 2)
    sh, sw = _tuple(stride if stride not in (None, []) else kernel_size, 2)
    ph, pw = _tuple(padding, 2)
    dh, dw = _tuple(dilation, 2)
    if ph > kh // 2 or pw > kw // 2:
        raise runtime(f"pad should be at most half of effective kernel size, but got pad={ph if ph > kh // 2 else pw}, "
                      f"kernel_size={kh if ph > kh // 2 else kw} and dilation={dh}")
    h, w = x.shape[-2:]

    def out_size(size, k, s, p, d):
        num = size + 2 * p - d * (k - 1) - 1 + (s - 1 if ceil_mode else 0)
        o = num // s + 1
        if ceil_mode and (o - 1) * s >= size + p:
            o -= 1
        return o
    return (kh, kw), (sh, sw), (ph, pw), (dh, dw), (out_size(h, kh, sh, ph, dh), out_size(w, kw, sw, pw, dw))


def _given_pair(v):
    """A pooling's int[2] argument as PyTorch's parser makes it and its node saves it: an int twice, None empty."""
    return () if v is None else (v, v) if isinstance(v, int) else tuple(v)


def _pool_value(i):
    return lambda node: node.args[i]


class MaxPool2DWithIndicesBackward0(Node):
    __slots__ = ("shape", "args")
    saved_names = ("self", "result1")
    saved_values = {"kernel_size": _pool_value(0), "stride": _pool_value(1), "padding": _pool_value(2),
                    "dilation": _pool_value(3), "ceil_mode": _pool_value(4)}

    def __init__(self, x, indices, args=None):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.args = x._shape, args
        self.saved = (SavedTensor(x), SavedTensor(indices))

    def backward(self, g):
        x, idx = self.unpack()
        out = self._values(g, idx)
        if needs_grad(g, x):  # (create_graph: max_pool2d_with_indices_backward is an op with its own node)
            attach(out, self.double(g, x, idx))
        return (out,)

    def _values(self, g, idx):
        lead = int(np.prod(self.shape[:-2]))
        plane = self.shape[-2] * self.shape[-1]
        out = np.zeros((lead, plane), g.dtype.np)
        gi, ii = g._np.reshape(lead, -1), idx._np.reshape(lead, -1)
        for r in range(lead):
            np.add.at(out[r], ii[r], gi[r])
        return fresh(out.reshape(self.shape), g.dtype)


class _PoolBackwardBackward(Node):
    """A pooling gradient recorded under create_graph: linear in the incoming gradient (its gradient pools gg as the
    forward did), zeros for the input, as derivatives.yaml says."""
    __slots__ = ("x_shape", "x_dtype", "extra")

    def __init__(self, g, x, extra):
        Node.__init__(self, (operand_edge(g), operand_edge(x)))
        self.x_shape, self.x_dtype, self.extra = x._shape, x.dtype, extra

    def backward(self, gg):
        return self.pooled(gg), fresh(np.zeros(self.x_shape, self.x_dtype.np), self.x_dtype)


class MaxPool2DWithIndicesBackwardBackward0(_PoolBackwardBackward):
    def pooled(self, gg):  # (max_pool_double_backward: gg gathered at the indices)
        idx = self.extra
        flat = gg._np.reshape(gg._shape[:-2] + (-1,))
        return fresh(np.take_along_axis(flat, idx._np.reshape(idx._shape[:-2] + (-1,)), -1).reshape(idx._shape),
                     gg.dtype)


MaxPool2DWithIndicesBackward0.double = MaxPool2DWithIndicesBackwardBackward0


class AvgPool2DBackwardBackward0(_PoolBackwardBackward):
    def pooled(self, gg):
        kernel, stride, padding, ceil_mode, count_include_pad, divisor_override = self.extra
        with autograd.no_grad():
            return avg_pool2d(gg, kernel, stride or None, padding, ceil_mode, count_include_pad, divisor_override)


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    x = input._np
    (kh, kw), (sh, sw), (ph, pw), (dh, dw), (oh, ow) = _pool_geometry(x, kernel_size, stride, padding, ceil_mode,
                                                                     _tuple(dilation, 2))
    h, w = x.shape[-2:]
    lead = x.shape[:-2]
    rows = np.arange(oh) * sh - ph  # each window's first (possibly padded) row and column
    cols = np.arange(ow) * sw - pw
    first = np.maximum(rows, 0)[:, None] * w + np.maximum(cols, 0)[None, :]  # the kernel's starting index
    best = np.full(lead + (oh, ow), -np.inf, x.dtype)
    index = np.broadcast_to(first, lead + (oh, ow)).astype(np.int64)
    for i in range(kh):
        for j in range(kw):
            r, c = rows[:, None] + i * dh, cols[None, :] + j * dw
            inside = (r >= 0) & (r < h) & (c >= 0) & (c < w)
            v = x[..., np.clip(r, 0, h - 1), np.clip(c, 0, w - 1)]
            take = inside & ((v > best) | np.isnan(v))  # (val > maxval) || isnan(val), PyTorch's test
            best = np.where(take, v, best)
            index = np.where(take, r * w + c, index)
    out = fresh(np.ascontiguousarray(best), input.dtype)
    indices = fresh(np.ascontiguousarray(index), dtypes.int64)
    if needs_grad(input):
        attach(out, MaxPool2DWithIndicesBackward0(input, indices, tuple(map(_given_pair, (
            kernel_size, stride, padding, dilation))) + (ceil_mode,)))
    return (out, indices) if return_indices else out


class AvgPool2DBackward0(Node):
    __slots__ = ("geometry", "shape", "args")
    saved_names = ("self",)
    saved_values = {"kernel_size": _pool_value(0), "stride": _pool_value(1), "padding": _pool_value(2),
                    "ceil_mode": _pool_value(3), "count_include_pad": _pool_value(4),
                    "divisor_override": _pool_value(5)}

    def __init__(self, x, geometry, args=None):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.geometry, self.args = x._shape, geometry, args
        self.saved = (SavedTensor(x),)

    def backward(self, g):
        x, = self.unpack()
        out = self._values(g)
        if needs_grad(g, x) and self.args is not None:  # (create_graph: avg_pool2d_backward has its own node)
            attach(out, AvgPool2DBackwardBackward0(g, x, self.args))
        return (out,)

    def _values(self, g):
        (kh, kw), (sh, sw), (ph, pw), divisors, (oh, ow) = self.geometry
        h, w = self.shape[-2:]
        out = np.zeros(self.shape[:-2] + (h + 2 * ph + sh * oh + kh, w + 2 * pw + sw * ow + kw), g.dtype.np)
        share = g._np / divisors
        for i in range(kh):
            for j in range(kw):
                out[..., i:i + sh * (oh - 1) + 1:sh, j:j + sw * (ow - 1) + 1:sw] += share
        return fresh(np.ascontiguousarray(out[..., ph:ph + h, pw:pw + w]).astype(g.dtype.np), g.dtype)


def avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=None):
    x = input._np
    (kh, kw), (sh, sw), (ph, pw), _, (oh, ow) = _pool_geometry(x, kernel_size, stride, padding, ceil_mode)
    h, w = x.shape[-2:]
    xp = np.zeros(x.shape[:-2] + (h + 2 * ph + sh * oh + kh, w + 2 * pw + sw * ow + kw), x.dtype)
    xp[..., ph:ph + h, pw:pw + w] = x
    acc = np.zeros(x.shape[:-2] + (oh, ow), x.dtype)
    for i in range(kh):  # the window's sum in row-major order, as PyTorch's loop adds it
        for j in range(kw):
            acc += xp[..., i:i + sh * (oh - 1) + 1:sh, j:j + sw * (ow - 1) + 1:sw]
    r0 = np.arange(oh) * sh - ph
    c0 = np.arange(ow) * sw - pw
    r1 = np.minimum(r0 + kh, h + ph)
    c1 = np.minimum(c0 + kw, w + pw)
    pool = (r1 - r0)[:, None] * (c1 - c0)[None, :]
    rs, cs = np.maximum(r0, 0), np.maximum(c0, 0)
    re, ce = np.minimum(r1, h), np.minimum(c1, w)
    if divisor_override:
        divisors = np.full((oh, ow), divisor_override)
    elif count_include_pad:
        divisors = pool
    else:
        divisors = (re - rs)[:, None] * (ce - cs)[None, :]
    out = fresh(np.ascontiguousarray((acc / divisors.astype(x.dtype)).astype(x.dtype)), input.dtype)
    if needs_grad(input):
        attach(out, AvgPool2DBackward0(input, ((kh, kw), (sh, sw), (ph, pw), divisors.astype(x.dtype), (oh, ow)),
                                       tuple(map(_given_pair, (kernel_size, stride, padding))) +
                                       (ceil_mode, count_include_pad, divisor_override)))
    return out


def _adaptive_windows(size, out):
    """Output cell i covers input [floor(i * size / out), ceil((i + 1) * size / out))."""
    return [((i * size) // out, -((-(i + 1) * size) // out)) for i in range(out)]


class AdaptiveAvgPool2DBackward0(Node):
    __slots__ = ("shape", "rows", "cols")
    saved_names = ("self",)

    def __init__(self, x, rows, cols):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.rows, self.cols = x._shape, rows, cols
        self.saved = (SavedTensor(x),)

    def backward(self, g):
        """Each output's gradient divided by its window's height, then width, added over its window in turn."""
        x, = self.unpack()
        out = self._values(g)
        if needs_grad(g, x):  # (create_graph: _adaptive_avg_pool2d_backward has its own node)
            attach(out, AdaptiveAvgPool2DBackwardBackward0(g, x, (len(self.rows), len(self.cols))))
        return (out,)

    def _values(self, g):
        ga = g._np
        out = np.zeros(self.shape, ga.dtype)
        for i, (h0, h1) in enumerate(self.rows):
            for j, (w0, w1) in enumerate(self.cols):
                share = (ga[..., i, j] / ga.dtype.type(h1 - h0) / ga.dtype.type(w1 - w0))[..., None, None]
                out[..., h0:h1, w0:w1] += share
        return fresh(out, g.dtype)


class AdaptiveAvgPool2DBackwardBackward0(_PoolBackwardBackward):
    def pooled(self, gg):
        with autograd.no_grad():
            return adaptive_avg_pool2d(gg, self.extra)


def adaptive_avg_pool2d(input, output_size):
    """ATen's adaptive average pooling: an output of 1x1 is the mean over the last two dims; otherwise each cell
    sums its window row by row in the input's type, then divides by the window's height and width."""
    oh, ow = output_size
    if oh < 0 or ow < 0:
        raise runtime(f"adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but "
                      f"received {{{oh}, {ow}}}")
    if (oh, ow) == (1, 1):
        return input.mean((-1, -2), keepdim=True)
    if input.dim() not in (3, 4):
        raise runtime(f"adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got {list(input._shape)}")
    for d in range(1, input.dim()):
        if input._shape[d] == 0:
            raise runtime("adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but "
                          f"input has sizes {list(input._shape)} with dimension {d} being empty")
    x = input._np
    rows, cols = _adaptive_windows(x.shape[-2], oh), _adaptive_windows(x.shape[-1], ow)
    out = np.empty(x.shape[:-2] + (oh, ow), x.dtype)
    one = x.dtype.type
    for i, (h0, h1) in enumerate(rows):
        for j, (w0, w1) in enumerate(cols):
            acc = np.zeros(x.shape[:-2], x.dtype)
            for a in range(h0, h1):
                for b in range(w0, w1):
                    acc += x[..., a, b]
            out[..., i, j] = acc / one(h1 - h0) / one(w1 - w0)
    result = fresh(out, input.dtype)
    if needs_grad(input):
        attach(result, AdaptiveAvgPool2DBackward0(input, rows, cols))
    return result


# ------------------------------------------------------------------ padding and embedding

class ConstantPadNdBackward0(InputNode):
    fields = ("pad",)
    saved_values = {"pad": lambda node: tuple(unsigned(p) for p in node.pad)}

    def backward(self, g):
        return (constant_pad_nd(g, [-p for p in self.pad], 0.0),)


def constant_pad_nd(input, pad, value=0.0):
    x = input._np
    nd = x.ndim
    widths = [(0, 0)] * nd
    for k in range(len(pad) // 2):
        widths[nd - 1 - k] = (pad[2 * k], pad[2 * k + 1])
    crop = tuple(slice(max(-a, 0), x.shape[d] - max(-b, 0)) for d, (a, b) in enumerate(widths))
    new_shape = [x.shape[d] + a + b for d, (a, b) in enumerate(widths)]
    if any(s < 0 for s in new_shape):
        raise runtime(f"The input size {x.shape[-1]}, plus negative padding {pad[0]} and {pad[1]} resulted in a "
                      f"negative output size, which is invalid. Check dimension {nd - 1} of your input.")
    grown = np.pad(x[crop], [(max(a, 0), max(b, 0)) for a, b in widths], constant_values=value)
    out = fresh(np.ascontiguousarray(grown.astype(x.dtype)), input.dtype)
    if needs_grad(input):
        attach(out, ConstantPadNdBackward0(input, list(pad)))
    return out


class EmbeddingBackward0(Node):
    __slots__ = ("num_weights", "padding_idx", "scale")
    saved_names = ("indices",)
    saved_values = {"padding_idx": lambda node: unsigned(-1 if node.padding_idx is None else node.padding_idx),
                    "scale_grad_by_freq": "scale", "sparse": lambda node: False,
                    "weight_sym_argsize_0": "num_weights"}

    def __init__(self, weight, indices, padding_idx, scale):
        Node.__init__(self, (edge_of(weight),))
        self.num_weights, self.padding_idx, self.scale = weight._shape[0], padding_idx, scale
        self.saved = (SavedTensor(indices),)

    def backward(self, g):
        idx, = self.unpack()
        flat = idx._np.reshape(-1)
        gn = g._np.reshape(len(flat), -1)
        out = np.zeros((self.num_weights, gn.shape[1]), g.dtype.np)
        counts = np.bincount(flat, minlength=self.num_weights) if self.scale else None
        for k, i in enumerate(flat.tolist()):  # accumulated in index order, as PyTorch's embedding_backward does
            if i != self.padding_idx:
                out[i] += gn[k] / (counts[i] if counts is not None else 1)
        return (fresh(out, g.dtype),)


def embedding(weight, indices, padding_idx=-1, scale_grad_by_freq=False):
    if not isinstance(indices, Tensor) or indices.dtype not in (dtypes.int64, dtypes.int32):
        name = dtypes.SCALAR_NAMES[indices.dtype.name] if isinstance(indices, Tensor) else type(indices).__name__
        raise runtime(f"Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, "
                      f"Int; but got torch.{name}Tensor instead (while checking arguments for embedding)")
    flat = indices._np.reshape(-1)
    n = weight._shape[0]
    bad = flat[(flat < 0) | (flat >= n)]
    if bad.size:
        raise index_error(messages.INDEX_OUT_OF_RANGE_SELF)
    out = fresh(np.ascontiguousarray(weight._np[indices._np]), weight.dtype)
    if needs_grad(weight):
        attach(out, EmbeddingBackward0(weight, indices, padding_idx, scale_grad_by_freq))
    return out
