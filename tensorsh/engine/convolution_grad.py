"""A convolution's gradients (what ConvolutionBackward0 computes), a differentiable op under create_graph=True:
grad_input, grad_weight and grad_bias as the three outputs of one ConvolutionBackwardBackward0, whose backward is
ATen's _convolution_double_backward — ggO = conv(ggI, w) + conv(x, ggW) + ggb, gI from ggW, gW from ggI. The
values are summed in double and rounded once, as the first gradients are (not PyTorch's last bits)."""
import numpy as np

from .autograd import Node, SavedTensor
from .ops.core import fresh, needs_grad, operand_edge


class ConvolutionBackwardBackward0(Node):
    __slots__ = ("geometry",)
    name_ = "ConvolutionBackwardBackward0"
    n_outputs = 3

    def __init__(self, g, x, w, geometry):
        Node.__init__(self, (operand_edge(g), operand_edge(x), operand_edge(w)))
        self.geometry = geometry
        self.saved = (SavedTensor(g), SavedTensor(x), SavedTensor(w))

    def backward(self, grads):
        from .convolution import convolution
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
    from .convolution import _conv2d_grads
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
