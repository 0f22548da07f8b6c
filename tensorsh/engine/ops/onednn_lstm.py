"""One LSTM layer as PyTorch's CPU float32 LSTM runs it (oneDNN's mkldnn_rnn_layer): the layer's output, hy and cy
share one node, MkldnnRnnLayerBackward0, whose edges are (input, w_ih, w_hh, b_ih, b_hh, hx, cx). The values are
those of ATen's native cell sequence (RNN.cpp's LSTMCell over a precomputed input projection), which oneDNN's agree
with to the last bit or two; backward recomputes that sequence and differentiates it (with a graph of its own
under create_graph=True, where PyTorch's gradient is its own composite)."""
import numpy as np

from .. import autograd, dtypes
from ..autograd import Node, edge_of
from ..linear import linear
from .core import NONE_EDGE, fresh, needs_grad
from .joining import stack
from .. import autocast
from ..autocast import ACTIVE as AUTOCAST


def lstm_layer(input, w_ih, w_hh, b_ih, b_hh, hx, cx, reverse=False):
    """The native layer: per step gates = linear(h, w_hh, b_hh) + x_proj; i, f, g, o; c' = f*c + i*g; h' = o*tanh(c')."""
    steps = linear(input, w_ih, b_ih).unbind(0)
    h, c = hx, cx
    outputs = []
    for x_proj in (steps[::-1] if reverse else steps):
        ingate, forgetgate, cellgate, outgate = (linear(h, w_hh, b_hh) + x_proj).unsafe_chunk(4, 1)
        c = forgetgate.sigmoid() * c + ingate.sigmoid() * cellgate.tanh()
        h = outgate.sigmoid() * c.tanh()
        outputs.append(h)
    return stack(outputs[::-1] if reverse else outputs, 0), h, c


class MkldnnRnnLayerBackward0(Node):
    n_outputs = 3

    def __init__(self, operands, outputs, reverse):
        Node.__init__(self, tuple(edge_of(t) if t is not None and t.requires_grad else NONE_EDGE for t in operands))
        self.reverse = reverse
        self.save(*operands)
        self.n_operands = len(operands)

    def backward(self, grads):
        operands = self.unpack()
        create_graph = autograd._grad_enabled[0]  # (backward under create_graph=True runs with grad mode on)
        # the gradient's own graph reaches the real operands under create_graph; else detached copies suffice
        # oneDNN's bfloat16 backward computes in float: the native cells' gradient in float, rounded at the end, is
        # nearer its bits than one in bfloat16 (a third of the elements equal, not all)
        low = operands[0].dtype is dtypes.bfloat16 and not create_graph
        leaves = operands if create_graph else [
            (t.float() if low else t).detach().requires_grad_(edge is not NONE_EDGE) if t is not None else None
            for t, edge in zip(operands, self.next_functions)]
        with autograd.enable_grad():
            outputs = lstm_layer(*leaves, self.reverse)
        pairs = [(o, g.float() if low else g) for o, g in zip(outputs, grads) if g is not None]
        wanted = [t for t, edge in zip(leaves, self.next_functions) if t is not None and edge is not NONE_EDGE]
        found = autograd.run_backward([o for o, _ in pairs], [g for _, g in pairs], create_graph, create_graph,
                                      inputs=wanted, allow_unused=True)
        by_leaf = dict(zip(map(id, wanted), found))
        back = [by_leaf.get(id(t)) if t is not None else None for t in leaves]
        if low:
            back = [g.to(t.dtype) if g is not None else None for g, t in zip(back, operands)]
        return tuple(back)


def _bfloat16_layer(input, w_ih, w_hh, b_ih, b_hh, hx, cx, reverse):
    """oneDNN's bfloat16 LSTM (measured): the gates in float from bfloat16 products, plus the bias b_ih + b_hh
    rounded to bfloat16; the cell state in float within a step, stored rounded to bfloat16 (unless cx is float);
    h from the float state, rounded."""
    f32, f64 = np.float32, np.float64
    rnd = dtypes.to_bfloat16
    x, wi, wh = input._np.astype(f64), w_ih._np.astype(f64).T, w_hh._np.astype(f64).T
    bias = rnd(b_ih._np + b_hh._np) if b_ih is not None else np.zeros(wh.shape[1], f32)
    keep_c = (lambda v: v) if cx.dtype is dtypes.float32 else rnd
    h, c = hx._np.astype(f32), cx._np.astype(f32)
    steps = range(x.shape[0] - 1, -1, -1) if reverse else range(x.shape[0])
    out = np.zeros(x.shape[:2] + (wh.shape[0],), f32)

    def sigmoid(z):
        return (1 / (1 + np.exp(-z.astype(f64)))).astype(f32)

    def tanh(z):
        return np.tanh(z.astype(f64)).astype(f32)
    for t in steps:
        gates = (x[t] @ wi + h.astype(f64) @ wh).astype(f32) + bias
        i, f, g, o = np.split(gates, 4, axis=-1)
        state = sigmoid(f) * c + sigmoid(i) * tanh(g)
        h = rnd(sigmoid(o) * tanh(state))
        c = keep_c(state)
        out[t] = h
    return fresh(out, dtypes.bfloat16), fresh(h, dtypes.bfloat16), fresh(c, cx.dtype)


def mkldnn_lstm_layer(input, w_ih, w_hh, b_ih, b_hh, hx, cx, reverse=False):
    """(output, hy, cy) of one layer and direction, with one MkldnnRnnLayerBackward0 when any operand needs grad
    (its backward: the native cells' gradient)."""
    if AUTOCAST[0]:
        return autocast.lower(mkldnn_lstm_layer, input, w_ih, w_hh, b_ih, b_hh, hx, cx, reverse)
    operands = (input, w_ih, w_hh, b_ih, b_hh, hx, cx)
    with autograd.no_grad():
        outputs = _bfloat16_layer(*operands, reverse) if input.dtype is dtypes.bfloat16 else \
            lstm_layer(*operands, reverse)
    if needs_grad(*operands):
        node = MkldnnRnnLayerBackward0(operands, outputs, reverse)
        for nr, out in enumerate(outputs):
            out._grad_fn, out._output_nr = node, nr
    return outputs
