"""One LSTM layer as PyTorch's CPU float32 LSTM runs it (oneDNN's mkldnn_rnn_layer): the layer's output, hy and cy
share one node, MkldnnRnnLayerBackward0, whose edges are (input, w_ih, w_hh, b_ih, b_hh, hx, cx). The values are
those of ATen's native cell sequence (RNN.cpp's LSTMCell over a precomputed input projection), which oneDNN's agree
with to the last bit or two; backward recomputes that sequence and differentiates it (with a graph of its own
under create_graph=True, where PyTorch's gradient is its own composite)."""
from .. import autograd
from ..autograd import Node, edge_of
from ..linear import linear
from .core import NONE_EDGE, needs_grad
from .joining import stack


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
        leaves = operands if create_graph else [
            t.detach().requires_grad_(edge is not NONE_EDGE) if t is not None else None
            for t, edge in zip(operands, self.next_functions)]
        with autograd.enable_grad():
            outputs = lstm_layer(*leaves, self.reverse)
        pairs = [(o, g) for o, g in zip(outputs, grads) if g is not None]
        wanted = [t for t, edge in zip(leaves, self.next_functions) if t is not None and edge is not NONE_EDGE]
        found = autograd.run_backward([o for o, _ in pairs], [g for _, g in pairs], create_graph, create_graph,
                                      inputs=wanted, allow_unused=True)
        by_leaf = dict(zip(map(id, wanted), found))
        return tuple(by_leaf.get(id(t)) if t is not None else None for t in leaves)


def mkldnn_lstm_layer(input, w_ih, w_hh, b_ih, b_hh, hx, cx, reverse=False):
    """(output, hy, cy) of one layer and direction, with one MkldnnRnnLayerBackward0 when any operand needs grad."""
    operands = (input, w_ih, w_hh, b_ih, b_hh, hx, cx)
    with autograd.no_grad():
        outputs = lstm_layer(*operands, reverse)
    if needs_grad(*operands):
        node = MkldnnRnnLayerBackward0(operands, outputs, reverse)
        for nr, out in enumerate(outputs):
            out._grad_fn, out._output_nr = node, nr
    return outputs
