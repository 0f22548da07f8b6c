"""embedding_bag (ATen's CPU _embedding_bag) beside EmbeddingBagBackward0: each bag's rows added in index order in
the weight's type (times its per-sample weight), a mean divided by the bag's size, a max taken per column with the
row it came from; rows at padding_idx are skipped and do not count."""
import numpy as np

from . import dtypes, messages
from .autograd import NOTHING_SAVED, Node, SavedTensor, edge_of
from .composite_backward import undifferentiable
from .convolution import refuse_sparse_gradient
from .errors import runtime
from .ops.core import NONE_EDGE, NotImplementedNode, attach, fresh, needs_grad, operand_edge
from .ops.sorting import _order
from .saved_names import unsigned

_MODES = {0: "sum", 1: "mean", 2: "max"}


class EmbeddingBagBackward0(Node):
    __slots__ = ("mode", "padding_idx", "scale", "sparse", "num_weights", "bags", "argmax", "sizes")
    # (result1..3: _embedding_bag's offset2bag, bag_size and max_indices; weight only where per_sample_weights
    # requires grad, the one formula reading it; padding_idx -1 where none was given, shown as its uint64)
    saved_names = ("weight", "indices", "offsets", "per_sample_weights", "result1", "result2", "result3")
    saved_values = {"mode": "mode", "padding_idx": lambda node: unsigned(-1 if node.padding_idx is None
                                                                          else node.padding_idx),
                    "scale_grad_by_freq": "scale", "sparse": "sparse", "weight_sym_argsize_0": "num_weights"}

    def __init__(self, weight, indices, offsets, psw, mode, padding_idx, scale, sparse, bags, argmax, sizes, aux):
        Node.__init__(self, (edge_of(weight), operand_edge(psw) if psw is not None else NONE_EDGE))  # (an absent
        # per_sample_weights is an undefined input: its edge (None, 0))
        self.mode, self.padding_idx, self.scale, self.sparse = mode, padding_idx, scale, bool(sparse)
        self.num_weights, self.bags, self.argmax, self.sizes = weight._shape[0], bags, argmax, sizes
        self.saved = (SavedTensor(weight) if needs_grad(psw) else NOTHING_SAVED, SavedTensor(indices),
                      SavedTensor(offsets), SavedTensor(psw) if psw is not None else NOTHING_SAVED) + \
            tuple(SavedTensor(a) for a in aux)

    def backward(self, g):
        refuse_sparse_gradient(self)
        saved = self.unpack()
        weight, indices = saved[0], saved[1]
        psw = saved[3]._np if saved[3] is not None else None
        rnd = dtypes.rounding(g.dtype) if g.dtype in (dtypes.float16, dtypes.bfloat16) else None
        gn = g._np.astype(np.float32) if rnd is not None else g._np
        idx = indices._np.reshape(-1)
        dt = gn.dtype
        gw = np.zeros((self.num_weights, gn.shape[1]), dt)
        counts = None
        if self.scale:  # (ATen divides by counts[sorted_indices[g]], g the row's ordinal among the distinct rows)
            counts = np.bincount(idx, minlength=self.num_weights)
            rows = np.unique(idx)
            counts = dict(zip(rows.tolist(), counts[np.sort(idx)[:rows.size]].tolist()))
        gpsw = np.zeros(idx.shape, dt) if weight is not None else None  # (weight: saved where psw requires grad)
        if self.mode == 2:
            for b, members in enumerate(self.bags):
                if members:
                    for col, row in enumerate(self.argmax[b]):
                        if row >= 0:
                            gw[row, col] += gn[b, col]
        else:
            bag_of = {k: b for b, members in enumerate(self.bags) for k in members}
            for k in _order(idx, 0, False, stable=False).tolist():  # (the indices sorted, not stably, as ATen's)
                if k not in bag_of:
                    continue
                b, i = bag_of[k], idx[k]  # (axpy of the bag's gradient times a scale worked out in double)
                scale = float(psw[k]) if psw is not None else 1.0
                if counts is not None:
                    scale /= counts[i]
                if self.mode == 1 and self.sizes[b] != 0:
                    scale /= self.sizes[b]
                gw[i] = _axpy(scale, gn[b], gw[i], rnd)
                if gpsw is not None:
                    gpsw[k] = np.dot(gn[b].astype(np.float64), weight._np[i].astype(np.float64))
        if gpsw is not None and rnd is not None:
            gpsw = rnd(gpsw)
        out = [fresh(gw.astype(g._np.dtype), g.dtype), None]
        if psw is not None:
            out[1] = fresh(gpsw.astype(g._np.dtype), g.dtype) if self.next_functions[1][0] is not None else None
            if out[1] is not None and needs_grad(g, weight):  # (create_graph: ATen's op without a derivative)
                attach(out[1], NotImplementedNode("_embedding_bag_per_sample_weights_backward", g, weight))
        undifferentiable(out[:1], "EmbeddingBagBackwardBackward0", "_embedding_bag_backward",
                         (g, saved[3]))
        return tuple(out)


def _axpy(a, x, y, rnd):
    """cpublas::axpy's y + a * x: in float32 a product and a sum (measured against MKL's saxpy); in half and bfloat16
    (x, y as float32 values) the product in float and rounded, then the sum (cpublas_axpy_impl's `y += a * x`
    through c10's operator+=)."""
    if rnd is not None:
        return rnd(y + rnd(np.float32(rnd(np.float32(a))[()]) * x))
    if x.dtype == np.float32:
        return (np.float32(a) * x + y).astype(np.float32)
    return y + a * x


def embedding_bag(weight, indices, offsets, scale_grad_by_freq=False, mode=0, sparse=False, per_sample_weights=None,
                  include_last_offset=False, padding_idx=None, with_aux=False):
    """ATen's _embedding_bag on the CPU: the bags' sums, means or maxima; with_aux (torch.embedding_bag) also its
    offset2bag (empty for a sum on the fast path), bag_size (zeros for a sum) and max_indices (bag_size unless
    a max), in the indices' promoted type."""
    n = weight._shape[0]
    if padding_idx is not None:
        if not -n <= padding_idx < n:
            raise runtime(f"padding_idx must be within the number of embeddings, {-n} through {n - 1}, but got "
                          f"{padding_idx}")
        padding_idx = padding_idx + n if padding_idx < 0 else padding_idx
    if offsets.dim() != 1:
        raise runtime(f"offsets has to be a 1D Tensor, but got Tensor of dimension {offsets.dim()}")
    common = dtypes.promote(indices.dtype, offsets.dtype)  # (promoteIndicesAndOffsets, then check_arguments)
    if common not in (dtypes.int64, dtypes.int32):
        raise runtime(f"Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, "
                      f"Int; but got {_type(common)} instead (while checking arguments for embedding_bag)")
    if weight.dtype not in (dtypes.float16, dtypes.bfloat16, dtypes.float32, dtypes.float64):
        raise runtime(f"Expected tensor for argument #1 'weight' to have one of the following scalar types: Half, "
                      f"BFloat16, Float, Double; but got {_type(weight.dtype)} instead (while checking arguments for "
                      "embedding_bag)")
    idx = indices._np.reshape(-1)
    offs = offsets._np.reshape(-1).tolist()
    if offs and offs[0] != 0:
        raise runtime(f"offsets[0] has to be 0, i.e., the first sequence in the mini-batch has to start from "
                      f"position 0. However, got {offs[0]}\n[ {_type(common)}{{}} ]")
    # (ATen streams offsets[0], a 0-dim tensor: its value, then its C++ type line)
    if offs and offs[-1] > idx.size:
        raise runtime(f"offsets[-1] can not be greater than input's length {idx.size} but got offsets[-1] of "
                      f"{offs[-1]}")
    if per_sample_weights is not None:
        if mode != 0:
            raise runtime("embedding_bag: per_sample_weights only supported with mode='sum'")
        if per_sample_weights.dtype is not weight.dtype:
            raise runtime(f"Expected tensor for argument #1 'weight' to have the same type as tensor for argument #1 "
                          f"'per_sample_weights'; but type {_type(weight.dtype)} does not equal "
                          f"{_type(per_sample_weights.dtype)} (while checking arguments for embedding_bag)")
        for check, holds in (("dim() == 1", per_sample_weights.dim() == 1),
                             ("numel() == indices.numel()", per_sample_weights.numel() == idx.size)):
            if not holds:
                raise runtime(messages.check_failed(f"per_sample_weights.value().{check}"))
    if include_last_offset and not offs:
        raise runtime("include_last_offset: number of offset should be at least 1")
    if mode not in (0, 1, 2):
        raise runtime("`mode` must be sum, mean, or max.")
    pad = -1 if padding_idx is None else padding_idx
    starts = offs[:-1] if include_last_offset else offs
    # offset2bag (make_offset2bag: ones added at the kept offsets, cumsum): an index past the last kept offset
    # belongs to the last bag; bag_size: the offsets' differences, the last bag to the end of the indices
    marks = np.zeros(idx.size + 1, np.int64)
    np.add.at(marks, np.asarray(starts, np.int64), 1)
    if marks.size:
        marks[0] -= 1
    offset2bag = np.cumsum(marks)[:idx.size]
    sizes = [b - a for a, b in zip(starts, starts[1:])] + ([idx.size - starts[-1]] if starts else [])
    rnd = dtypes.rounding(weight.dtype) if weight.dtype in (dtypes.float16, dtypes.bfloat16) else None
    w = weight._np.astype(np.float32) if rnd is not None else weight._np  # (half and bfloat16 added in float)
    dt = w.dtype
    psw = per_sample_weights._np.reshape(-1) if per_sample_weights is not None else None
    fast = mode != 2 and pad < 0 and weight.dtype in (dtypes.float32, dtypes.float16, dtypes.bfloat16) and \
        weight._stride[1] == 1 and (per_sample_weights is None or per_sample_weights._stride[0] == 1)
    bags = [[] for _ in starts]
    for k in range(idx.size):
        if not fast and not 0 <= idx[k] < n:
            raise runtime(f"embedding_bag: Expected idx >= 0 && idx < num_embeddings but found idx to be {idx[k]}")
        if idx[k] != pad:
            bags[offset2bag[k]].append(k)
        else:
            sizes[offset2bag[k]] -= 1
    if fast:  # fbgemm's kernel: each bag's own range of the indices, thread chunk by thread chunk
        ends = offs[1:] if include_last_offset else offs[1:] + [idx.size]
        _fbgemm_checks(idx, starts + ends[-1:], n)
        members = [list(range(a, b)) for a, b in zip(starts, ends)]
    else:
        members = bags
    out = np.zeros((len(starts), w.shape[1]), dt)
    argmax = None
    if mode == 2:
        argmax = np.full((len(starts), w.shape[1]), -1, np.int64)
    for b, ks in enumerate(members):
        if mode == 2:
            for k in ks:
                row = w[idx[k]]
                take = (argmax[b] < 0) | (row > out[b])
                out[b] = np.where(take, row, out[b])
                argmax[b] = np.where(take, idx[k], argmax[b])
            continue
        acc = np.zeros(w.shape[1], dt)
        for k in ks:
            if psw is not None:  # (a fused multiply-add per row, as fbgemm's kernel)
                acc = (w[idx[k]].astype(np.float64) * float(psw[k]) + acc).astype(dt)
            else:
                acc = acc + w[idx[k]]
        out[b] = acc
    if rnd is not None:  # (fbgemm writes bfloat16 rounding ties up: 0x8000 added, the low half cut)
        out = _bfloat16_ties_up(out) if fast and weight.dtype is dtypes.bfloat16 else rnd(out)
    if mode == 1:  # (apply_bag_size: divided by the bag's size, at least 1)
        out = out / np.maximum(np.asarray(sizes, np.int64), 1).astype(dt)[:, None]
        out = rnd(out) if rnd is not None else out
    result = fresh(out.astype(weight._np.dtype), weight.dtype)
    index = np.dtype(common.np)
    bag_size = np.asarray(sizes if mode else [0] * len(starts), index)
    aux = (offset2bag[:0] if mode == 0 and fast else offset2bag, bag_size, argmax if mode == 2 else bag_size.copy())
    aux = tuple(fresh(np.ascontiguousarray(a, index), common) for a in aux)
    if needs_grad(weight, per_sample_weights):
        attach(result, EmbeddingBagBackward0(weight, indices, offsets, per_sample_weights, mode, padding_idx,
                                             scale_grad_by_freq, sparse, bags, argmax, sizes, aux))
    return (result,) + aux if with_aux else result


_type = dtypes.type_string


def _bfloat16_ties_up(values):
    bits = np.ascontiguousarray(values, np.float32).view(np.uint32)
    return ((bits + np.uint32(0x8000)) & np.uint32(0xFFFF0000)).view(np.float32)


def _fbgemm_checks(idx, bounds, n):
    """The fast path's kernel runs on parallel_for's chunks of bags; a chunk whose kernel fails (a length past its
    indices, an index out of range) reports through fbgemm_spmdm_report_error_, whose loop reads the chunk's
    offsets as positions in its own slice of the indices."""
    from .torch_api import NAMESPACE
    bags = len(bounds) - 1
    threads = NAMESPACE["get_num_threads"]()
    if bags <= 1 or threads == 1:
        chunks = [(0, bags)] if bags > 0 else []
    else:
        step = -(-bags // min(threads, bags))
        chunks = [(s, min(bags, s + step)) for s in range(0, bags, step)]
    for s, e in chunks:
        base, size = bounds[s], bounds[e] - bounds[s]
        current, ok = 0, True
        for m in range(s, e):
            length = bounds[m + 1] - bounds[m]
            if current + length > size or any(not 0 <= idx[base + current + j] < n for j in range(max(length, 0))):
                ok = False
                break
            current += length
        if ok and current == size:
            continue
        for m in range(s, e):
            for i in range(bounds[m], bounds[m + 1]):
                if not i < size:
                    raise runtime("Expected i < index_size to be true, but got false.  (Could this error message be "
                                  "improved?  If so, please report an enhancement request to PyTorch.)")
                if base + i < idx.size and not 0 <= idx[base + i] < n:
                    raise runtime(f"Index {i} of input takes value {idx[base + i]} which is not in the valid range "
                                  f"[0, {n})")
        if bounds[e] != size:
            raise runtime("Your input appears to be incorrect: the last offset value should be the size of the "
                          "indices tensor, but it seems not to be the case.")
