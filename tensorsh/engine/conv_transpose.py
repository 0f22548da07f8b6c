"""Transposed convolution (conv_transpose1d/2d): the adjoint of convolution, beside its ConvolutionBackward0
(transposed=True). Its values are the input-gradient of the matching convolution, summed in double and rounded
once (PyTorch's col2im/oneDNN order can differ in the last bit); the bias is added after, as slow_conv_transpose
adds it. Its gradients are the convolution's own ops: grad_input is a convolution of the gradient, grad_weight the
convolution's weight-gradient with the roles of input and gradient exchanged."""
import numpy as np

from . import dtypes
from .autograd import Node, SavedTensor, edge_of
from .convolution import _conv2d_grads, _use_onednn, _shape_str, _tuple, convolution, convolution_backward
from .errors import runtime, type_error
from .tensorimpl import Tensor
from .ops.core import attach, fresh, needs_grad, operand_edge, type_name


def _per_dim(node, attr):
    return tuple(getattr(node, attr)[1:] if node.dim1 else getattr(node, attr))


class ConvolutionBackward0(Node):
    __slots__ = ("stride", "padding", "dilation", "output_padding", "groups", "dim1", "bias_shape")
    saved_names = ("input", "weight")
    saved_values = {"stride": lambda n: _per_dim(n, "stride"), "padding": lambda n: _per_dim(n, "padding"),
                    "dilation": lambda n: _per_dim(n, "dilation"), "groups": "groups", "transposed": lambda n: True,
                    "output_padding": lambda n: _per_dim(n, "output_padding"), "bias_sym_sizes_opt": "bias_shape"}

    def __init__(self, x, w, b, stride, padding, dilation, output_padding, groups, dim1):
        Node.__init__(self, (operand_edge(x), edge_of(w)) + ((operand_edge(b),) if b is not None else ((None, 0),)))
        self.stride, self.padding, self.dilation, self.groups = stride, padding, dilation, groups
        self.output_padding, self.dim1 = output_padding, dim1
        self.bias_shape = b._shape if b is not None else (0,)
        self.saved = (SavedTensor(x), SavedTensor(w))

    def backward(self, g):
        x, w = self.unpack()
        dims = 1 if self.dim1 else 2
        geometry = [_per_dim(self, a) for a in ("stride", "padding", "dilation")]
        wanted = [n is not None for n, _ in self.next_functions]
        if needs_grad(g, x, w):  # create_graph: the three gradients are the outputs of one ConvolutionBackwardBackward0
            from . import autograd
            with autograd.no_grad():
                outs = self._grads(g, x, w, dims, geometry, wanted)
            node = TransposedConvolutionBackwardBackward0(g, x, w, self, geometry, dims)
            for i, o in enumerate(outs):
                if o is not None:
                    o._grad_fn, o._output_nr = node, i
            return outs
        return self._grads(g, x, w, dims, geometry, wanted)

    def _grads(self, g, x, w, dims, geometry, wanted):
        gx = gw = gb = None
        if wanted[0]:
            gx = convolution(g, w, None, *geometry, self.groups, dims, "conv")
        if wanted[1]:  # the weight-gradient of convolution(g, w) -> x, reached with x as that convolution's gradient
            gw = convolution_backward(x, g, w, (self.stride, self.padding, self.dilation, self.groups, self.dim1),
                                      (False, True, False))[1]
        if wanted[2]:
            gb = g.sum([0] + list(range(2, g.dim())))
        return (gx, gw, gb)


def weight_dims(weight, dims, stride):
    """ATen's _convolution: the weight's dimensions, then the stride's length against them."""
    if weight.dim() < 3:
        raise runtime("weight should have at least three dimensions")
    if weight.dim() - 2 != dims:
        raise runtime(f"expected stride to be a single integer value or a list of {weight.dim() - 2} values to match "
                      f"the convolution dimensions, but got stride={list(stride)}")


class TransposedConvolutionBackwardBackward0(Node):
    """A transposed convolution's gradients as recorded under create_graph: outputs (grad_input, grad_weight,
    grad_bias) of (grad_output, input, weight); its backward is the double backward of y = conv_transpose(x, w) + b."""
    __slots__ = ("geometry", "dims", "groups", "output_padding", "raw")
    name_ = "ConvolutionBackwardBackward0"
    n_outputs = 3

    def __init__(self, g, x, w, first, geometry, dims):
        Node.__init__(self, (operand_edge(g), operand_edge(x), operand_edge(w)))
        self.geometry, self.dims, self.groups = geometry, dims, first.groups
        self.output_padding = _per_dim(first, "output_padding")
        self.raw = (first.stride, first.padding, first.dilation)
        self.saved = (SavedTensor(g), SavedTensor(x), SavedTensor(w))

    def backward(self, grads):
        g, x, w = self.unpack()
        ggx, ggw, ggb = grads
        stride, padding, dilation = self.geometry
        name = f"conv_transpose{self.dims}d"
        gg = gx = gw = None
        if self.next_functions[0][0] is not None:
            terms = []
            if ggx is not None:
                terms.append(conv_transpose(ggx, w, None, stride, padding, self.output_padding, self.groups, dilation,
                                            self.dims, name))
            if ggw is not None:
                terms.append(conv_transpose(x, ggw, None, stride, padding, self.output_padding, self.groups, dilation,
                                            self.dims, name))
            if ggb is not None:
                terms.append(ggb.reshape([1, -1] + [1] * self.dims).expand(g.shape))
            for t in terms:
                gg = t if gg is None else gg + t
        if self.next_functions[1][0] is not None and ggw is not None:
            gx = convolution(g, ggw, None, stride, padding, dilation, self.groups, self.dims, "conv")
        if self.next_functions[2][0] is not None and ggx is not None:
            gw = convolution_backward(ggx, g, w, self.raw + (self.groups, self.dims == 1), (False, True, False))[1]
        return (gg, gx, gw)


def _check(input, weight, bias, stride, padding, output_padding, dilation, groups, dims, name):
    for arg, pos, v in (("input", 1, input), ("weight", 2, weight)):
        if not isinstance(v, Tensor):
            raise type_error(f"{name}(): argument '{arg}' (position {pos}) must be Tensor, not {type_name(v)}")
    if input.dim() not in (dims + 1, dims + 2):
        raise runtime(f"Expected {dims + 1}D (unbatched) or {dims + 2}D (batched) input to {name}, but got input of "
                      f"size: {_shape_str(input._shape)}")
    weight_dims(weight, dims, stride)
    labels = ("height", "width")[2 - dims:] if dims <= 2 else ("depth", "height", "width")
    if any(s <= 0 for s in stride):
        raise runtime("non-positive stride is not supported")
    if any(p < 0 for p in padding):
        raise runtime("negative padding is not supported")
    if any(d <= 0 for d in dilation):
        raise runtime("dilation should be greater than zero, but got " + ", ".join(
            f"dilation_{lab}: {d}" for lab, d in zip(labels, dilation)))
    if groups <= 0:
        raise runtime("non-positive groups is not supported")
    if weight._shape[0] % groups:
        raise runtime(f"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, but got "
                      f"weight of size [{_shape_str(weight._shape)}] instead")


def conv_transpose(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1, dims=2,
                   name="conv_transpose2d"):
    if isinstance(padding, str):
        raise type_error(f"{name}(): argument 'padding' must be tuple of ints, not str")
    stride, padding, dilation = _tuple(stride, dims), _tuple(padding, dims), _tuple(dilation, dims)
    output_padding = _tuple(output_padding, dims)
    _check(input, weight, bias, stride, padding, output_padding, dilation, groups, dims, name)
    if input.dim() == dims + 1:  # unbatched: a batch dimension added and taken away again
        return conv_transpose(input.unsqueeze(0), weight, bias, stride, padding, output_padding, groups, dilation,
                              dims, name).squeeze(0)
    labels = ("height", "width")[2 - dims:] if dims <= 2 else ("depth", "height", "width")
    c = input._shape[1]
    if weight._shape[0] != c:
        raise runtime(f"Given transposed=1, weight of size {_shape_str(weight._shape)}, expected "
                      f"input{_shape_str(input._shape)} to have {weight._shape[0]} channels, but got {c} channels "
                      "instead")
    out_channels = weight._shape[1] * groups
    if bias is not None and (bias.dim() != 1 or bias._shape[0] != out_channels):
        raise runtime(f"Given transposed=1, weight of size {_shape_str(weight._shape)}, expected bias to be "
                      f"1-dimensional with {out_channels} elements, but got bias of size {_shape_str(bias._shape)} "
                      "instead")
    if any(op >= s and op >= d for op, s, d in zip(output_padding, stride, dilation)):
        raise runtime("output padding must be smaller than either stride or dilation, but got " + " ".join(
            [f"output_padding_{lab}: {v}" for lab, v in zip(labels, output_padding)]
            + [f"stride_{lab}: {v}" for lab, v in zip(labels, stride)]
            + [f"dilation_{lab}: {v}" for lab, v in zip(labels, dilation)]))
    sizes = [(input._shape[2 + i] - 1) * stride[i] - 2 * padding[i] + dilation[i] * (weight._shape[2 + i] - 1)
             + output_padding[i] + 1 for i in range(dims)]
    h, wd = (input._shape[2:] + (1,))[:2] if dims == 1 else input._shape[2:4]
    kh, kw = (weight._shape[2:] + (1,))[:2] if dims == 1 else weight._shape[2:4]
    onednn = _use_onednn(input._shape[0], c, h, wd, kh, kw, groups, False)
    if any(s < 0 for s in sizes) or (not onednn and any(s == 0 for s in sizes)):  # (oneDNN's path gives empties)
        raise runtime(f"Given input size per channel: ({' x '.join(str(s) for s in input._shape[2:])}). Calculated "
                      f"output size per channel: ({' x '.join(map(str, sizes))}). Output size is too small")
    for other in (weight, bias):
        if other is not None and other.dtype is not input.dtype:
            raise runtime(f"expected scalar type {dtypes.SCALAR_NAMES[input.dtype.name]} but found "
                          f"{dtypes.SCALAR_NAMES[other.dtype.name]}")
    x, w = input._np, weight._np
    st, pd, dl, op = stride, padding, dilation, output_padding
    if dims == 1:
        x, w = x[:, :, None, :], w[:, :, None, :]
        st, pd, dl, op, sizes = (1,) + st, (0,) + pd, (1,) + dl, (0,) + op, [1] + sizes
    n = x.shape[0]
    canvas = np.zeros((n, out_channels) + tuple(sizes), np.float64)
    if canvas.size:
        out, _ = _conv2d_grads(canvas, w.astype(np.float64), x.astype(np.float64), st, pd, dl, groups)
    out = (out if canvas.size else canvas).astype(input.dtype.np)
    if bias is not None:
        out += bias._np.reshape(1, -1, 1, 1)
    if dims == 1:
        out = out[:, :, 0]
    result = fresh(np.ascontiguousarray(out), input.dtype)
    if needs_grad(input, weight, bias):
        attach(result, ConvolutionBackward0(input, weight, bias, st, pd, dl, op, groups, dims == 1))
    return result
