"""embedding_bag (ATen's CPU _embedding_bag) beside EmbeddingBagBackward0: each bag's rows added in index order in
the weight's type (times its per-sample weight), a mean divided by the bag's size, a max taken per column with the
row it came from; rows at padding_idx are skipped and do not count."""
import numpy as np

from . import dtypes
from .autograd import Node, SavedTensor, edge_of
from .composite_backward import undifferentiable
from .errors import runtime
from .ops.core import NotImplementedNode, attach, fresh, needs_grad, operand_edge

_MODES = {0: "sum", 1: "mean", 2: "max"}


class EmbeddingBagBackward0(Node):
    __slots__ = ("mode", "padding_idx", "scale", "num_weights", "bags", "argmax")
    saved_names = ("weight", "indices", "offsets", "per_sample_weights")
    saved_values = {"mode": "mode", "padding_idx": "padding_idx", "scale_grad_by_freq": "scale",
                    "sparse": lambda n: False, "weight_sym_argsize_0": "num_weights"}

    def __init__(self, weight, indices, offsets, psw, mode, padding_idx, scale, bags, argmax):
        Node.__init__(self, (edge_of(weight),) + ((operand_edge(psw),) if psw is not None else ()))
        self.mode, self.padding_idx, self.scale = mode, padding_idx, scale
        self.num_weights, self.bags, self.argmax = weight._shape[0], bags, argmax
        self.saved = (SavedTensor(weight), SavedTensor(indices), SavedTensor(offsets)) + \
            ((SavedTensor(psw),) if psw is not None else ())

    def backward(self, g):
        saved = self.unpack()
        weight, indices = saved[0], saved[1]
        psw = saved[3]._np if len(saved) > 3 else None
        gn = g._np
        idx = indices._np.reshape(-1)
        dt = gn.dtype
        gw = np.zeros((self.num_weights, gn.shape[1]), dt)
        counts = np.bincount(idx, minlength=self.num_weights) if self.scale else None
        gpsw = np.zeros(idx.shape, dt) if psw is not None else None
        for b, members in enumerate(self.bags):
            if self.mode == 2:
                if members:
                    for col, row in enumerate(self.argmax[b]):
                        if row >= 0:
                            gw[row, col] += gn[b, col]
                continue
            share = gn[b] / dt.type(len(members)) if self.mode == 1 and members else gn[b]
            for k in members:
                i = idx[k]
                term = share * psw[k] if psw is not None else share
                gw[i] += term / dt.type(counts[i]) if counts is not None else term
                if gpsw is not None:
                    gpsw[k] = np.dot(gn[b].astype(np.float64), weight._np[i].astype(np.float64))
        out = [fresh(gw, g.dtype)]
        if psw is not None:
            out.append(fresh(gpsw.astype(dt), g.dtype) if self.next_functions[1][0] is not None else None)
            if out[1] is not None and needs_grad(g, weight):  # (create_graph: ATen's op without a derivative)
                attach(out[1], NotImplementedNode("_embedding_bag_per_sample_weights_backward", g, weight))
        undifferentiable(out[:1], "EmbeddingBagBackwardBackward0", "_embedding_bag_backward",
                         (g, saved[3] if len(saved) > 3 else None))
        return tuple(out)


def embedding_bag(weight, indices, offsets, scale_grad_by_freq=False, mode=0, sparse=False, per_sample_weights=None,
                  include_last_offset=False, padding_idx=None):
    if indices.dtype not in (dtypes.int64, dtypes.int32):
        raise runtime(f"Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, "
                      f"Int; but got torch.{dtypes.SCALAR_NAMES[indices.dtype.name]}Tensor instead (while checking "
                      "arguments for embedding_bag)")
    idx = indices._np.reshape(-1)
    offs = offsets._np.reshape(-1).tolist()
    n = weight._shape[0]
    if idx.size and (idx.min() < 0 or idx.max() >= n):
        k = int(np.nonzero((idx < 0) | (idx >= n))[0][0])
        raise runtime(f"Index {k} of input takes value {idx[k]} which is not in the valid range [0, {n})")
    if offs and offs[0] != 0:
        raise runtime(f"offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from "
                      f"position 0. However, got {offs[0]}\n[ torch.{dtypes.SCALAR_NAMES[offsets.dtype.name]}Tensor{{}} ]")
    # (ATen streams offsets[0], a 0-dim tensor: its value, then its C++ type line)
    if offs and offs[-1] > idx.size:
        raise runtime(f"offsets[-1] can not be greater than input's length {idx.size} but got offsets[-1] of "
                      f"{offs[-1]}")
    pad = -1 if padding_idx is None else padding_idx
    ends = offs[1:] + [idx.size]
    if include_last_offset:
        ends, offs = offs[1:], offs[:-1]
    bags = [[k for k in range(a, b) if idx[k] != pad] for a, b in zip(offs, ends)]
    w = weight._np
    dt = w.dtype
    psw = per_sample_weights._np.reshape(-1) if per_sample_weights is not None else None
    out = np.zeros((len(bags), w.shape[1]), dt)
    argmax = None
    if mode == 2:
        argmax = np.full((len(bags), w.shape[1]), -1, np.int64)
    for b, members in enumerate(bags):
        if mode == 2:
            for k in members:
                row = w[idx[k]]
                take = (argmax[b] < 0) | (row > out[b])
                out[b] = np.where(take, row, out[b])
                argmax[b] = np.where(take, idx[k], argmax[b])
            continue
        acc = np.zeros(w.shape[1], dt)
        for k in members:
            if psw is not None:  # (a fused multiply-add per row, as fbgemm's kernel)
                acc = (w[idx[k]].astype(np.float64) * float(psw[k]) + acc).astype(dt)
            else:
                acc = (acc + w[idx[k]]).astype(dt)
        if mode == 1 and members:
            acc = (acc / dt.type(len(members))).astype(dt)
        out[b] = acc
    result = fresh(out, weight.dtype)
    if needs_grad(weight, per_sample_weights):
        attach(result, EmbeddingBagBackward0(weight, indices, offsets, per_sample_weights, mode, padding_idx,
                                             scale_grad_by_freq, bags, argmax))
    return result
