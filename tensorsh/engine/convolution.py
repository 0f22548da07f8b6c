"""Convolution as PyTorch has it: one op (at::convolution) for conv1d/2d/3d and conv_transpose1d/2d/3d, beside its
one node ConvolutionBackward0 and its gradient as a differentiable op (ConvolutionBackwardBackward0); then constant
padding and embedding lookups, each beside its node. Pooling is pooling.py's.

The checks are ATen's _convolution's in its order (a 1-d convolution is a 2-d one of height 1 from its kernel's
checks on, as ATen views it). A float32 convolution adds its products in the order of the kernel PyTorch picks on
the CPU (measured against it): on an AVX-512 CPU oneDNN (a batch above 1, groups, 4x4+ kernels or large inputs)
sums blocks of 16 input channels (_onednn_avx512), and its gradients likewise (_onednn_input_grad,
_onednn_weight_grads); the single-sample path is MKL's sgemm of the unfolded input (_native_gemm, _native_grads);
on other CPUs oneDNN's older order (blocks of 8 from the bias); a float32 1-/2-d transposed convolution off oneDNN's
path is slow_conv_transpose2d's sgemm columns col2im'd in float. What no measured order covers (3-d and oneDNN's
transposed convolutions, a strided input-gradient, most grouped gradients) is summed in double and rounded once."""
import itertools

import numpy as np

from . import autograd, dtypes, kernels, layout, messages, undo
from .autograd import Node, SavedTensor, edge_of
from .composite_backward import recorded
from .saved_names import unsigned
from .errors import index_error, runtime, type_error, warn_once
from .tensorimpl import Tensor, _contiguous_strides
from .ops.complex_refusals import no_complex_autograd
from .ops.real_complex import view_as_real
from .ops.scalar_arith import cxx_inplace_number, mul_scalar
from .ops.core import (InputNode, attach, check_inplace, fresh, inference_saved_by, needs_grad, operand_edge, type_name,
                       written)
from . import autocast
from .autocast import ACTIVE as AUTOCAST


def _tuple(v, n):
    if isinstance(v, (tuple, list)):  # (a one-element list stands for every dim, as ATen expands it)
        return tuple(v) * n if len(v) == 1 else tuple(v)
    return (v,) * n


def _shape_str(shape):
    return "[" + ", ".join(map(str, shape)) + "]"


def _expand(values, name, nd):
    """ATen's expand_param_if_needed: one value stands for each of the weight's nd spatial dims."""
    if len(values) == 1:
        return values * nd
    if len(values) != nd:
        raise runtime(f"expected {name} to be a single integer value or a list of {nd} values to match the "
                      f"convolution dimensions, but got {name}={list(values)}")
    return values


def _same_type(input, weight, bias, tail):
    """ATen's check_input_same_type_as_parameters: the weight's then the bias's type is the input's."""
    for label, other in (("weight", weight), ("bias", bias)):
        if other is not None and other.dtype is not input.dtype:
            raise runtime(f"Input type ({dtypes.type_string(input.dtype)}) and {label} type "
                          f"({dtypes.type_string(other.dtype)}) should be the same{tail.format(label)}")


def _onednn_checks(input, weight, bias, dilation, transposed):
    """ConvBackend::Mkldnn(Transpose)'s: the types, then mkldnn_convolution's dilation check, or oneDNN's refusal
    to build a primitive of a zero dilation (transposed) or an empty kernel."""
    _same_type(input, weight, bias, " or input should be a MKLDNN tensor and {} is a dense tensor")
    if any(d == 0 for d in dilation) and not transposed:
        raise runtime("non-positive dilation is not supported")
    if any(d == 0 for d in dilation) or 0 in weight._shape[2:]:
        kind = "deconvolution" if transposed else "convolution"
        raise runtime(f"could not create a primitive descriptor for the {kind} forward propagation primitive. Run "
                      "workload with environment variable ONEDNN_VERBOSE=all to get additional diagnostic information.")


def _use_onednn(n, c, spatial, kernel, groups):
    """PyTorch's use_mkldnn for a float32 CPU convolution (ConvUtils.h), of its last two spatial dims."""
    (h, w), (kh, kw) = spatial[-2:], kernel[-2:]
    return groups > 1 or (kw > 3 and kh > 3) or n > 1 or n * c * h * w > 20480


def _output_format(input, weight, groups):
    """The memory format of a convolution's output (and gradients): channels_last for a 2-d one when the input or
    the weight suggests it (the oneDNN and thnn kernels both take it); channels_last_3d for a 3-d one only on
    oneDNN's path (float32, use_mkldnn: the slow 3-d kernel is contiguous); else contiguous."""
    if input.dim() == 3:
        return _view4d_format(input, weight)
    fmt = layout.op_format(input, weight)
    if fmt.rank == 5 and not (input.dtype is dtypes.float32 and _use_onednn(
            input._shape[0], input._shape[1], input._shape[2:4], weight._shape[2:], groups)):
        return layout.CONTIGUOUS_FORMAT  # (use_mkldnn's size test reads input.size(2) * input.size(3))
    return fmt


def _view4d_format(input, weight):
    """A 1-d convolution's output format: ATen's _convolution makes the input contiguous (a copy only where it is
    not: a permuted input of one channel is contiguous already) and views both operands as 4-d (unsqueeze(2), whose
    stride is size(2) * stride(2)), so such an input's strides read as channels_last, and the output is that layout's
    with its height taken away."""
    for t, kept in ((input, input.is_contiguous()), (weight, True)):
        shape, stride = t._shape, t._stride if kept else _contiguous_strides(t._shape)
        if layout.channels_last(shape[:2] + (1,) + shape[2:], stride[:2] + (shape[2] * stride[2],) + stride[2:]):
            return layout.CHANNELS_LAST
    return layout.CONTIGUOUS_FORMAT


def _in_output_format(out, dt, fmt, nd):
    """A convolution's fresh output laid out in fmt (channels_last or _3d); a 1-d one's (out: of height 1, as the
    kernels computed it) with the 4-d layout's strides, the height's taken away."""
    if nd != 1:
        return layout.in_format(out, dt, fmt)
    src = Tensor._new(np.ascontiguousarray(out[:, :, 0]), dt)
    n, c, w = src._shape
    result = layout.over_storage(np.empty(src._np.size, src._np.dtype), dt, None, (w * c, 1, c), (n, c, w))
    result._np[...] = src._np
    return result


def _wide(a):
    """An array in double, or complex double for a complex one (the sums the rounding once below is of)."""
    return a.astype(np.complex128 if a.dtype.kind == "c" else np.float64)


def _fma(a, b, c):
    return (a.astype(np.float64) * b + c).astype(np.float32)  # one rounding to float32 (double first)


def _pad(x, padding):
    return np.pad(x, [(0, 0), (0, 0)] + [(p, p) for p in padding])


def _windows(kernel, stride, dilation, out):
    """Per kernel offset (row-major), the slices of the padded input that meet the output grid."""
    for offs in itertools.product(*(range(k) for k in kernel)):
        yield offs, tuple(slice(o * d, o * d + s * (m - 1) + 1, s) for o, d, s, m in zip(offs, dilation, stride, out))


def _correlate(x, w, b, stride, padding, dilation, groups, ordered=False):
    """x (N, C, *S) cross-correlated with w (O, C/groups, *K), plus b, in x's type: in PyTorch's order for a 2-d
    one, summed in double and rounded once for a 3-d one; ordered: each sum in the unfolded input's order (input
    channel, then kernel offsets), the bias added last."""
    n, c = x.shape[:2]
    o, cg = w.shape[:2]
    kernel = w.shape[2:]
    nd = len(kernel)
    xp = _pad(x, padding) if any(padding) else x
    out_sp = tuple((xp.shape[2 + i] - dilation[i] * (kernel[i] - 1) - 1) // stride[i] + 1 for i in range(nd))
    og = o // groups
    dt = x.dtype
    windows = list(_windows(kernel, stride, dilation, out_sp))
    if nd == 3:
        xp, w = _wide(xp), _wide(w)
        acc = np.zeros((n, o) + out_sp, xp.dtype)
        for g in range(groups):
            for offs, sl in windows:
                acc[:, g * og:(g + 1) * og] += np.einsum(
                    "nc...,oc->no...", xp[(slice(None), slice(g * cg, (g + 1) * cg)) + sl],
                    w[(slice(g * og, (g + 1) * og), slice(None)) + offs])
        return (acc if b is None else acc + _wide(b).reshape((1, o, 1, 1, 1))).astype(dt)
    onednn = _use_onednn(n, c, x.shape[2:], kernel, groups) and not ordered
    if dt == np.float32 and onednn and kernels.AVX512_CORE:
        return _onednn_avx512(xp, w, b, windows, (n, o) + out_sp, groups)
    if (dt == np.float64 or dt == np.float32 and not onednn) and not ordered:  # (float32 not oneDNN's: one group)
        out = _native_gemm(xp, w, b, windows, out_sp, groups)
        if out is not None:
            return out
    if dt == np.float16:  # (slow_conv2d's half gemm: each dot summed in float, the bias added in float, one rounding)
        return _correlate(x.astype(np.float32), w.astype(np.float32), None if b is None else b.astype(np.float32),
                          stride, padding, dilation, groups, ordered=True).astype(dt)
    acc = np.zeros((n, o) + out_sp, dt) if b is None or ordered else \
        np.broadcast_to(b.reshape((1, o) + (1,) * nd), (n, o) + out_sp).copy()
    exact = dt == np.float32
    for g in range(groups):
        out = acc[:, g * og:(g + 1) * og]
        if onednn:
            order = [(ci, offs, sl) for cb in range(0, cg, 8) for offs, sl in windows
                     for ci in range(cb, min(cb + 8, cg))]
        else:
            order = [(ci, offs, sl) for ci in range(cg) for offs, sl in windows]
        for ci, offs, sl in order:
            patch = xp[(slice(None), g * cg + ci) + sl][:, None]
            wv = w[(slice(g * og, (g + 1) * og), ci) + offs].reshape((1, og) + (1,) * nd)
            if onednn and exact:
                out[...] = _fma(wv, patch, out)
            else:
                out += (wv * patch).astype(dt)
    return acc if b is None or not ordered else acc + b.reshape((1, o) + (1,) * nd)


def _onednn_avx512(xp, w, b, windows, shape, groups):
    """A float32 2-d convolution as oneDNN's AVX-512 kernels sum it (measured against PyTorch on this CPU): each
    block of 16 input channels from zero in fused multiply-adds, kernel positions outside and channels inside, the
    bias added to the first block's sum and the others' added after; a 1x1 kernel fused from the bias channel by
    channel. Grouped: a depthwise one fused from the bias; 1-3 channels a group into 16k outputs from the bias;
    4-16 channels a group (multiples of 4) into as many or more (multiples of 4) in blocks as above; other groups
    through oneDNN's gemm, each channel's kernel positions in turn, from zero, the bias after."""
    o, cg = w.shape[:2]
    og = o // groups
    one_by_one = all(k == 1 for k in w.shape[2:])
    out = np.empty(shape, np.float32)
    for g in range(groups):
        bias = None if b is None else b[g * og:(g + 1) * og].reshape((1, og, 1, 1))

        def products(channels, positions, acc):
            for offs, sl in positions:
                for ci in channels:
                    acc = _fma(w[(slice(g * og, (g + 1) * og), ci) + offs].reshape((1, og, 1, 1)),
                               xp[(slice(None), g * cg + ci) + sl][:, None], acc)
            return acc
        zero = np.zeros((shape[0], og) + shape[2:], np.float32)
        from_bias = zero if bias is None else np.broadcast_to(bias, zero.shape).astype(np.float32)
        if groups == 1 and one_by_one or groups > 1 and (cg == og == 1 or cg < 4 and og % 16 == 0):
            acc = products(range(cg), windows, from_bias)
        elif groups == 1 or cg % 4 == 0 and og % 4 == 0 and cg <= 16 and og >= cg:
            acc = _in_blocks_of_16(lambda block: products(block, windows, zero), cg, bias)
        else:
            acc = zero
            for ci in range(cg):
                acc = products((ci,), windows, acc)
            acc = acc if bias is None else acc + bias
        out[:, g * og:(g + 1) * og] = acc
    return out


def _in_blocks_of_16(partial, channels, bias=None):
    """oneDNN's AVX-512 sum over input channels: each block of 16 summed on its own (partial(block)), the bias added
    to the first block's and the others' added in order."""
    acc = None
    for start in range(0, channels, 16):
        part = partial(range(start, min(start + 16, channels)))
        acc = (part if bias is None else part + bias) if acc is None else acc + part
    return acc


def _onednn_input_grad(g, w, in_shape, stride, padding, dilation):
    """The input-gradient of a float32 2-d convolution as oneDNN's AVX-512 backward-data kernel sums it: output
    channels in blocks of 16, each block's products fused from zero into the input positions they reach, kernel
    positions in order outside and channels inside; the blocks' sums added in order. Strided along the width with
    input columns the windows leave over at the right, each kernel column's products are summed apart and those
    sums added in order (measured on batches of 2 and more: a batch of one, shared among threads by rows, and some
    of three follow neither)."""
    o, c = w.shape[:2]
    padded = (g.shape[0], c) + tuple(n + 2 * p for n, p in zip(in_shape[2:], padding))
    windows = list(_windows(w.shape[2:], stride, dilation, g.shape[2:]))
    left_over = (padded[3] - dilation[1] * (w.shape[3] - 1) - 1) % stride[1]
    columns = [[win for win in windows if win[0][1] == kw] for kw in range(w.shape[3])] if left_over else [windows]

    def partial(block):
        total = None
        for column in columns:
            acc = np.zeros(padded, np.float32)
            for offs, sl in column:
                at = (slice(None), slice(None)) + sl
                for co in block:
                    acc[at] = _fma(w[(co, slice(None)) + offs].reshape((1, c, 1, 1)), g[:, co][:, None], acc[at])
            total = acc if total is None else total + acc
        return total
    out = _in_blocks_of_16(partial, o)
    return out[:, :, padding[0]:padding[0] + in_shape[2], padding[1]:padding[1] + in_shape[3]]


def _minibatch_shares(n, rows, by_rows, shared):
    """How oneDNN's AVX-512 backward-weights kernel shares a batch of n samples of `rows` output rows among PyTorch's
    threads (balance211, the first threads one more), each share a list of (sample, its rows): by samples, or, with
    by_rows (measured: 10 output rows and more, a kernel larger than 1x1, fewer than 4 input channels or 16), by the
    batch's rows taken in order; one share unless `shared` (where the kernel splits the channels among threads
    instead, _shares_batch)."""
    threads = kernels.num_threads()
    if not shared or threads < 2:
        return [[(i, range(rows)) for i in range(n)]]
    units = n * rows if by_rows else n
    big, small = -(-units // threads), -(-units // threads) - 1
    first = units - small * threads
    shares, start = [], 0
    for t in range(min(threads, units)):
        size = big if t < first else small
        if by_rows:
            share = {}
            for u in range(start, start + size):
                share.setdefault(u // rows, []).append(u % rows)
            shares.append(list(share.items()))
        else:
            shares.append([(i, range(rows)) for i in range(start, start + size)])
        start += size
    return shares


def _shares_batch(c, o, bias):
    """Whether oneDNN's backward-weights kernel shares the batch among threads, as measured on 2 threads: for the
    bias up to 16 output channels with fewer than 4 input channels or 16 and more, else up to 8; for the weights
    likewise, but never with 9 to 15 input channels or more than 16."""
    if not bias and (8 < c < 16 or c > 16):
        return False
    return o <= (16 if c < 4 or c >= 16 else 8)


def _onednn_weight_grads(g, x, w_shape, stride, padding, dilation, want_weight):
    """The weight- and bias-gradients of a float32 2-d convolution as oneDNN's AVX-512 backward-weights kernel sums
    them: each thread's share of the batch (_minibatch_shares) fused from zero over its samples and output
    positions in order, the shares added in thread order; the bias the same with plain adds (_shares_batch says
    which of the two the kernel shares). An unpadded, unstrided 1x1 kernel's weights: its own kernel's order
    (_pointwise_weight_grad)."""
    o, c, kh, kw = w_shape
    n, _, ho, wo = g.shape
    xp = _pad(x, padding)
    rows = np.arange(kh)[:, None] * dilation[0]
    cols = np.arange(kw)[None, :] * dilation[1]
    windows = list(_windows((kh, kw), stride, dilation, (ho, wo)))

    compiled = getattr(kernels.compiled, "fma_outer", None) is not None
    ordered = n * ho * wo * o * c * kh * kw <= _COMPILED_PRODUCTS if compiled else n * ho * wo <= _STEPS
    if kh * kw == 1 and not any(padding) and tuple(stride) == (1, 1) and want_weight and ordered:
        # (a strided 1x1's order, measured on a few shapes, is neither this nor the general kernel's: left)
        return _pointwise_weight_grad(g, x), _onednn_weight_grads(g, x, w_shape, stride, padding, dilation, False)[1]

    def weight_share(share):
        acc = np.zeros((o, c, kh, kw), np.float32)
        loop = getattr(kernels.compiled, "fma_outer", None)
        for i, ys in share:
            if loop is not None:  # (each output position's products fused into acc, in order, in one call)
                unfolded = _unfolded(xp[i], windows).reshape(c * kh * kw, ho, wo)[:, list(ys)].reshape(c * kh * kw, -1)
                grads = g[i][:, list(ys)].reshape(o, -1)
                loop(np.ascontiguousarray(grads.T), np.ascontiguousarray(unfolded.T), acc, o, c * kh * kw)
                continue
            for y in ys:
                for z in range(wo):
                    patch = xp[i][:, y * stride[0] + rows, z * stride[1] + cols]  # (c, kh, kw)
                    acc = _fma(g[i, :, y, z].reshape((o, 1, 1, 1)), patch[None], acc)
        return acc

    def bias_share(share):
        flat = np.concatenate([g[i][:, list(ys)].reshape(o, -1) for i, ys in share], axis=1)
        return np.cumsum(flat, axis=1, dtype=np.float32)[:, -1] if flat.shape[1] else np.zeros(o, np.float32)

    def added(parts):
        total = parts[0]
        for part in parts[1:]:
            total = total + part
        return total
    by_rows = ho >= 10 and kh * kw > 1 and (c < 4 or c % 16 == 0)
    gw = added([weight_share(s) for s in _minibatch_shares(n, ho, by_rows, _shares_batch(c, o, False))]) \
        if want_weight and ordered else None
    gb = added([bias_share(s) for s in _minibatch_shares(n, ho, by_rows, _shares_batch(c, o, True))])
    return gw, gb


def _best_divider(value, low, high, find_max):
    """oneDNN's best_divider: the divider in [low, high] (tried from high down) whose rounding up of value wastes
    the least share of it (a float ratio), the largest of the least with find_max, else the smallest."""
    high = max(1, min(high, value))
    low = max(1, min(low, high))
    best, least = high, np.float32(np.inf)
    for divider in range(high, low - 1, -1):
        padded = -(-value // divider) * divider
        loss = np.float32(padded - value) / np.float32(padded)
        if loss < least or not find_max and loss == least:
            best, least = divider, loss
    return best


def _pointwise_weight_grad(g, x):
    """The weight-gradient of a float32 unpadded, unstrided 1x1 convolution as oneDNN's 1x1 backward-weights kernel
    sums it: each sample's output positions cut into reduce blocks (init_conf: best_divider(positions, 7, 16), else
    of the width; one position past 256), the batch's blocks shared among threads (balance211) up to 16 input and
    output channels, a share's blocks of one sample fused from zero in order, its samples' sums added, then the
    shares added in thread order (measured on 2 threads)."""
    n, o, ho, wo = g.shape
    c = x.shape[1]
    positions = ho * wo
    block = _best_divider(positions, 7, 16, True)
    if positions % block:
        block = _best_divider(wo, 4, wo, False)
    block = 1 if block > 256 else block
    grads, inputs = g.reshape(n, o, positions), x.reshape(n, c, positions)
    loop = getattr(kernels.compiled, "fma_outer", None)

    def fused(i, blocks):
        acc = np.zeros((o, c), np.float32)
        at = [p for b in blocks for p in range(b * block, (b + 1) * block)]
        if loop is not None:
            loop(np.ascontiguousarray(grads[i][:, at].T), np.ascontiguousarray(inputs[i][:, at].T), acc, o, c)
            return acc
        for p in at:
            acc = _fma(grads[i][:, p, None], inputs[i][None, :, p], acc)
        return acc

    total = None
    for share in _minibatch_shares(n, positions // block, True, c <= 16 and o <= 16):
        part = None
        for i, blocks in share:
            part = fused(i, blocks) if part is None else part + fused(i, blocks)
        total = part if total is None else total + part
    return total.reshape(o, c, 1, 1)


_STEPS = 1024  # (output positions times batch up to which the weight-gradient takes oneDNN's order, one numpy step
# each; a larger one is summed in double, the last bits not PyTorch's)
_COMPILED_PRODUCTS = 1 << 26  # (the same with the compiled loop, up to this many products: ~0.1 s)


def _unfolded(sample, windows):
    """im2col of one padded sample (C, *S): a row per (channel, kernel position), the output positions along it."""
    return np.stack([sample[(ci,) + sl].reshape(-1) for ci in range(sample.shape[0]) for _, sl in windows])


def _native_grads(g, x, w, padding, windows, mask):
    """The input- and weight-gradients of ATen's slow_conv2d, sample by sample: the input's as MKL's gemm of the
    transposed weight and the output-gradient (float32: fused in order; MKL's AVX2 code on AMD CPUs from 12 output
    positions, the products rounded below; float64: kernels.blas_matmul's order), folded back (col2im: kernel
    positions in order, plain adds); the weight's as kernels.blas_matmul orders the output-gradient times the
    unfolded input, each sample's added to the sum of those before (beta 1). None for either whose order is not
    known."""
    o, c = w.shape[:2]
    gi = gw = None
    w2 = w.reshape(o, -1)
    if mask[0]:
        gi = np.empty(x.shape, x.dtype)
        for i in range(x.shape[0]):
            g2 = g[i].reshape(o, -1)
            if x.dtype == np.float64:
                cols = kernels.blas_matmul(np.ascontiguousarray(w2.T), np.ascontiguousarray(g2))
                if cols is None:
                    gi = None
                    break
            else:
                cols = np.zeros((w2.shape[1], g2.shape[1]), np.float32)
                add = _fma if g2.shape[1] >= 12 or kernels.MKL_ON_INTEL else lambda a, b, acc: acc + a * b
                for co in range(o):
                    cols = add(w2[co][:, None], g2[co][None, :], cols)
            xp = np.zeros((c,) + tuple(n + 2 * p for n, p in zip(x.shape[2:], padding)), x.dtype)
            cols = cols.reshape((c, len(windows)) + g.shape[2:])
            for ci in range(c):
                for k, (_, sl) in enumerate(windows):
                    xp[(ci,) + sl] += cols[ci, k]
            gi[i] = xp[(slice(None),) + tuple(slice(p, p + n) for p, n in zip(padding, x.shape[2:]))]
    if mask[1]:
        xp = _pad(x, padding)
        for i in range(x.shape[0]):
            gw = kernels.blas_matmul(np.ascontiguousarray(g[i].reshape(o, -1)), _unfolded(xp[i], windows).T,
                                     None if i == 0 else gw)
            if gw is None:
                break
        gw = None if gw is None else gw.reshape(w.shape)
    return gi, gw


def _native_gemm(xp, w, b, windows, out_sp, groups=1):
    """ATen's slow_conv2d (float32: a batch of one, small; float64: every one), sample by sample and group by group:
    the bias copied into the output, then MKL's gemm of the weight (out x in*kh*kw) and the unfolded input, beta 1
    (kernels.blas_matmul's orders); None where that order is not known."""
    o = w.shape[0]
    og, cg = o // groups, w.shape[1]
    if 0 in out_sp or 0 in w.shape:
        return None
    out = np.empty((xp.shape[0], o) + out_sp, xp.dtype)
    for i in range(xp.shape[0]):
        for gr in range(groups):
            cols = _unfolded(xp[i, gr * cg:(gr + 1) * cg], windows)
            bias = np.zeros((og, 1), xp.dtype) if b is None else b[gr * og:(gr + 1) * og].reshape((og, 1))
            res = kernels.blas_matmul(np.ascontiguousarray(w[gr * og:(gr + 1) * og].reshape(og, -1)), cols, bias)
            if res is None:
                return None
            out[i, gr * og:(gr + 1) * og] = res.reshape((og,) + out_sp)
    return out


def _letters(nd):
    return "dhw"[3 - nd:]


def _input_grad(gout, w, in_shape, stride, padding, dilation, groups, single=False, col2im=False):
    """The adjoint of a correlation in its input (a transposed convolution of gout), in double; single: in float
    as slow_conv_transpose2d's half kernel, each column summed over the channels in order, col2im adding the columns
    kernel offset by offset; col2im: float32's slow_conv_transpose2d, each column sgemm's (the channels' products fused
    in order) added into the float output kernel offset by offset."""
    sp = _letters(len(in_shape) - 2)
    gxp = np.zeros(tuple(in_shape[:2]) + tuple(n + 2 * p for n, p in zip(in_shape[2:], padding)),
                   np.float32 if single or col2im else gout.dtype)
    o, cg = w.shape[:2]
    og = o // groups
    for g in range(groups):
        for offs, sl in _windows(w.shape[2:], stride, dilation, gout.shape[2:]):
            gs, ws = gout[:, g * og:(g + 1) * og], w[(slice(g * og, (g + 1) * og), slice(None)) + offs]
            if single:  # (the reduced-type gemm's dot: four partial sums, k % 4, then added in order)
                partial = [np.zeros((gs.shape[0], cg) + gs.shape[2:], np.float32) for _ in range(4)]
                for k in range(og):
                    partial[k % 4 if k < og - og % 4 else 0] += np.einsum(
                        f"n{sp},c->nc{sp}", gs[:, k].astype(np.float32), ws[k].astype(np.float32))
                column = ((partial[0] + partial[1]) + partial[2]) + partial[3]
            else:
                if col2im:  # (sgemm's dot over the input channels in order, each product fused into the float sum)
                    column = np.zeros((gs.shape[0], cg) + gs.shape[2:], np.float32)
                    for k in range(og):
                        column = (column + np.einsum(f"n{sp},c->nc{sp}", gs[:, k], ws[k])).astype(np.float32)
                else:
                    column = np.einsum(f"no{sp},oc->nc{sp}", gs, ws)
            gxp[(slice(None), slice(g * cg, (g + 1) * cg)) + sl] += column
    return gxp[(slice(None), slice(None)) + tuple(slice(p, p + n) for p, n in zip(padding, in_shape[2:]))]


def _weight_grad(gout, x, w_shape, stride, padding, dilation, groups):
    """The adjoint of a correlation in its weight, in double."""
    sp = _letters(x.ndim - 2)
    xp = _pad(x, padding)
    gw = np.zeros(w_shape, np.result_type(gout, x))
    o, cg = w_shape[:2]
    og = o // groups
    for g in range(groups):
        for offs, sl in _windows(w_shape[2:], stride, dilation, gout.shape[2:]):
            gw[(slice(g * og, (g + 1) * og), slice(None)) + offs] = np.einsum(
                f"no{sp},nc{sp}->oc", gout[:, g * og:(g + 1) * og], xp[(slice(None), slice(g * cg, (g + 1) * cg)) + sl])
    return gw


def _as2d(nd, *arrays):
    """A 1-d convolution's arrays as ATen's kernels see them: 2-d, of height 1."""
    return tuple(a[:, :, None] for a in arrays) if nd == 1 else arrays


def _kernel_geometry(geometry):
    """(stride, padding, dilation, groups, transposed, output_padding) as the kernels see them (1-d as 2-d)."""
    stride, padding, dilation, groups, transposed, output_padding = geometry
    if len(stride) == 1:
        return (1,) + stride, (0,) + padding, (1,) + dilation, groups, transposed, (0,) + output_padding
    return geometry


def _transposed_sizes(in_spatial, kernel, geometry):
    stride, padding, dilation, _, _, output_padding = geometry
    return tuple((n - 1) * s - 2 * p + d * (k - 1) + op + 1
                 for n, k, s, p, d, op in zip(in_spatial, kernel, stride, padding, dilation, output_padding))


def _values(x, w, b, geometry):
    """The convolution's values as arrays, of the kernel geometry (1-d viewed as 2-d)."""
    stride, padding, dilation, groups, transposed, _ = geometry
    if not transposed:
        return _correlate(x, w, b, stride, padding, dilation, groups)
    shape = (x.shape[0], w.shape[1] * groups) + _transposed_sizes(x.shape[2:], w.shape[2:], geometry)
    half = x.dtype == np.float16 and x.ndim < 5
    if 0 in shape:
        out = np.zeros(shape, x.dtype)
    elif half:
        out = _input_grad(x, w, shape, stride, padding, dilation, groups, single=True)
    else:  # (float32 off oneDNN's path: slow_conv_transpose2d's sgemm columns, col2im'd in float)
        col2im = x.dtype == np.float32 and x.ndim < 5 and not _use_onednn(
            x.shape[0], x.shape[1], x.shape[2:], w.shape[2:], groups)
        out = _input_grad(_wide(x), _wide(w), shape, stride, padding, dilation, groups, col2im=col2im)
    # (slow_conv_transpose3d adds the bias in the sum, the half 1-/2-d kernels in float after it, others after rounding)
    in_sum = x.ndim == 5 or half
    if b is not None and in_sum:
        out = out + b.astype(out.dtype).reshape((1, -1) + (1,) * (x.ndim - 2))
    out = out.astype(x.dtype)
    if b is not None and not in_sum:
        out += b.reshape((1, -1) + (1,) * (x.ndim - 2))
    return out


class ConvolutionBackward0(Node):
    __slots__ = ("stride", "padding", "dilation", "groups", "transposed", "output_padding", "bias_shape")
    saved_names = ("input", "weight")
    saved_values = {"stride": "stride", "padding": "padding", "dilation": "dilation", "groups": "groups",
                    "transposed": "transposed", "output_padding": "output_padding", "bias_sym_sizes_opt": "bias_shape"}

    def __init__(self, x, w, b, geometry):
        Node.__init__(self, (operand_edge(x), edge_of(w)) + ((operand_edge(b),) if b is not None else ((None, 0),)))
        self.stride, self.padding, self.dilation, self.groups, self.transposed, self.output_padding = geometry
        self.bias_shape = b._shape if b is not None else (0,)
        self.saved = (SavedTensor(x), SavedTensor(w))

    def geometry(self):
        return self.stride, self.padding, self.dilation, self.groups, self.transposed, self.output_padding

    def backward(self, g):
        x, w = self.unpack()  # (with create_graph, convolution_backward records ConvolutionBackwardBackward0)
        return convolution_backward(g, x, w, self.geometry(), tuple(n is not None for n, _ in self.next_functions))


def _measured_grads(g, x, w, stride, padding, dilation, groups, mask):
    """(grad_input, grad_weight, grad_bias) of a float32 or float64 2-d convolution in the order measured for
    PyTorch's kernel, None for each whose order is not known (or not asked for): oneDNN's AVX-512 kernels (float32:
    the input-gradient of a stride-1 one, or of a strided one on a batch above 1; a depthwise one's input- and
    weight-gradients, _depthwise_input_grad and _depthwise_weight_grad; a grouped one's bias-gradient:
    depthwise, or groups of multiples of 8 channels in and out in the blocked kernel's order, else the gemm-based
    kernel's, _gemm_bias_grad), or slow_conv2d's gemms (float32: a batch
    of one; float64: every one, group by group)."""
    if 0 in g.shape or 0 in w.shape:
        return None, None, None
    if g.dtype == np.float32 and _use_onednn(x.shape[0], x.shape[1], x.shape[2:], w.shape[2:], groups):
        if not kernels.AVX512_CORE:
            return None, None, None
        gi = gw = gb = None
        cg, og = w.shape[1], w.shape[0] // groups
        if groups == 1:
            if mask[0] and (tuple(stride) == (1, 1) or tuple(dilation) == (1, 1) and x.shape[0] > 1):
                gi = _onednn_input_grad(g, w, x.shape, stride, padding, dilation)
            if mask[1] or mask[2]:
                gw, gb = _onednn_weight_grads(g, x, w.shape, stride, padding, dilation, mask[1])
            return gi, gw, gb
        if mask[0] and cg == og == 1 and tuple(dilation) == (1, 1):  # (depthwise: its own kernel's order)
            gi = _depthwise_input_grad(g, w, x.shape, stride, padding)
        if mask[2] and (cg == og == 1 or cg % 8 == 0 and og % 8 == 0):  # (depthwise, or blocks of 8 channels)
            gb = _onednn_weight_grads(g, x, w.shape, stride, padding, dilation, False)[1]
            if mask[1] and cg == og == 1:
                gw = _depthwise_weight_grad(g, x, w.shape, stride, padding, dilation)
        elif mask[1] and cg == og == 1:
            gw = _depthwise_weight_grad(g, x, w.shape, stride, padding, dilation)
        elif mask[2] or mask[1]:  # (other groups: oneDNN's gemm-based kernel)
            gb = _gemm_bias_grad(g) if mask[2] else None
            gw = _gemm_weight_grad(g, x, w.shape, stride, padding, dilation, groups) if mask[1] else None
        return gi, gw, gb
    if not (mask[0] or mask[1]):
        return None, None, None
    windows = list(_windows(w.shape[2:], stride, dilation, g.shape[2:]))
    og, cg = w.shape[0] // groups, w.shape[1]  # (float32 and not oneDNN's: one group, a batch of one)
    parts = [_native_grads(g[:, i * og:(i + 1) * og], x[:, i * cg:(i + 1) * cg], w[i * og:(i + 1) * og], padding,
                           windows, mask) for i in range(groups)]
    return tuple(None if any(p[j] is None for p in parts) else np.concatenate([p[j] for p in parts], axis=1 - j)
                 for j in (0, 1)) + (None,)


def _depthwise_input_grad(g, w, in_shape, stride, padding):
    """The input-gradient of a float32 undilated depthwise 2-d convolution as oneDNN's depthwise backward-data
    kernel sums it: each input position's products fused from zero over the kernel taps in order (row by row),
    one tap at a time over the whole gradient (measured on kernels 2x2 to 7x7, paddings 0-3, strides 1-3)."""
    n, c, h, wd = in_shape
    kh, kw = w.shape[2:]
    ho, wo = g.shape[2:]
    acc = np.zeros((n, c, h + 2 * padding[0], wd + 2 * padding[1]), np.float32)
    for a in range(kh):
        for b in range(kw):
            rows = slice(a, a + stride[0] * (ho - 1) + 1, stride[0])
            cols = slice(b, b + stride[1] * (wo - 1) + 1, stride[1])
            acc[:, :, rows, cols] = _fma(g, w[:, 0, a, b][None, :, None, None], acc[:, :, rows, cols])
    return acc[:, :, padding[0]:padding[0] + h, padding[1]:padding[1] + wd]


def _depthwise_weight_grad(g, x, w_shape, stride, padding, dilation):
    """The weight-gradient of a float32 depthwise 2-d convolution (one input and one output channel a group) as
    oneDNN's AVX-512 depthwise backward-weights kernel sums it: each kernel tap's products fused from zero over its
    share of the batch, sample by sample and output position by position in order, the threads' shares added in
    thread order; the threads share the batch (balance211) when there are fewer blocks of 16 channels than threads,
    else the channels (each thread the whole batch). Measured with PyTorch's 2 threads on kernels up to 3x3 with a
    padding of at most 1 and a stride at most the kernel, undilated; None elsewhere (another kernel's order, not
    measured: a 5x5 or dilated kernel, a padding of 2, a stride past the kernel) and past _STEPS positions."""
    c, _, kh, kw = w_shape
    n, _, ho, wo = g.shape
    if (kh > 3 or kw > 3 or tuple(dilation) != (1, 1) or max(padding) > 1 or stride[0] > kh or stride[1] > kw
            or n * ho * wo > _STEPS):
        return None
    xp = _pad(x, padding)
    shares = _minibatch_shares(n, ho, False, -(-c // 16) < kernels.num_threads())
    total = None
    for share in shares:
        acc = np.zeros((c, kh, kw), np.float32)
        for i, rows in share:
            for y in rows:
                for z in range(wo):
                    patch = xp[i, :, y * stride[0]:y * stride[0] + kh, z * stride[1]:z * stride[1] + kw]
                    acc = _fma(g[i, :, y, z][:, None, None], patch, acc)
        total = acc if total is None else total + acc
    return total[:, None]


def _gemm_bias_grad(g):
    """The bias-gradient of a float32 grouped 2-d convolution that oneDNN runs on its gemm-based kernel (the groups
    its blocked and depthwise kernels do not take): per output channel, each output row (a sample's row of
    positions; a 1-d convolution's whole sample) summed in order from zero, the rows added in order (sample by
    sample, top to bottom) into the channel's sum (gemm_convolution_bwd_weights, measured on 1-d and 2-d shapes)."""
    rows = np.cumsum(g, axis=3, dtype=np.float32)[..., -1]  # (n, o, h)
    by_channel = rows.transpose(1, 0, 2).reshape(g.shape[1], -1)
    return np.cumsum(by_channel, axis=1, dtype=np.float32)[:, -1] if by_channel.shape[1] else \
        np.zeros(g.shape[1], np.float32)


def _gemm_weight_grad(g, x, w_shape, stride, padding, dilation, groups):
    """The weight-gradient of a float32 grouped 2-d convolution on oneDNN's gemm-based kernel (see _gemm_bias_grad):
    group by group, each sample's unfolded input (a row per channel and kernel position) times its output-gradient
    as the gemm sums it, each result in 16 lanes (lane j: the products of output positions j, j + 16, ... fused in
    order from zero), the lanes halved (0-7 plus 8-15, ...), and the samples' results added in order (measured on
    1-d and 2-d shapes with PyTorch's 2 threads, 2 to 12 output channels a group). None with more threads than
    groups (oneDNN then shares the batch among them), with one output channel a group or 16 (other orders, not
    measured further) or past _COMPILED_PRODUCTS products."""
    o, cg, kh, kw = w_shape
    n, og, positions = g.shape[0], o // groups, g.shape[2] * g.shape[3]
    if kernels.num_threads() > groups or not 1 < og < 16 or n * positions * o * cg * kh * kw > _COMPILED_PRODUCTS:
        return None
    xp = _pad(x, padding)
    windows = list(_windows((kh, kw), stride, dilation, g.shape[2:]))
    out = np.empty(w_shape, np.float32)
    for gr in range(groups):
        total = None
        for i in range(n):
            cols = _unfolded(xp[i, gr * cg:(gr + 1) * cg], windows)  # (cg * kh * kw, positions)
            grads = g[i, gr * og:(gr + 1) * og].reshape(og, -1)
            lanes = np.zeros((cols.shape[0], og, 16), np.float32)
            for start in range(0, positions, 16):
                width = min(16, positions - start)
                lanes[..., :width] = kernels.fma(cols[:, None, start:start + width], grads[None, :, start:start + width],
                                                 lanes[..., :width])
            part = kernels._halved(lanes)
            total = part if total is None else total + part
        out[gr * og:(gr + 1) * og] = total.T.reshape(og, cg, kh, kw)
    return out


def _slow_bias_grad(g, groups, dilated):
    """The bias-gradient of ATen's slow 2-d convolutions (float64): each group's output-gradient made contiguous and
    summed over the batch and positions at once (slow_conv2d), or sample by sample into the sum
    (slow_conv_dilated2d)."""
    og, spatial = g.shape[1] // groups, list(range(1, g.dim() - 1))
    parts = []
    for i in range(groups):
        part = g.narrow(1, i * og, og).contiguous()
        if dilated:  # (from zeros: a sample's -0 sum adds to +0)
            total = np.zeros(og)
            for n in range(part.shape[0]):
                total += part[n].sum(spatial)._np
        else:
            total = part.sum([0] + [d + 1 for d in spatial])._np
        parts.append(total)
    return fresh(np.concatenate(parts), g.dtype)


def convolution_backward(g, x, w, geometry, mask):
    """(grad_input, grad_weight, grad_bias) of a convolution, each where mask asks for it; recorded as the outputs
    of one ConvolutionBackwardBackward0 when they need grad."""
    nd = len(geometry[0])
    stride, padding, dilation, groups, transposed, _ = _kernel_geometry(geometry)
    xn, wn = (x._np.conj(), w._np.conj()) if x.dtype.is_complex else (x._np, w._np)  # (complex: conj's adjoints)
    gn, xn, wn = _as2d(nd, g._np, xn, wn)
    gi = gw = bias_grad = None
    if not transposed and xn.shape[1] == 0:  # (an input with no channels: an output with none, gradients of zeros)
        gi, gw, bias_grad = (np.zeros(s, xn.dtype) for s in (xn.shape, wn.shape, w._shape[:1]))
    elif not transposed and nd < 3 and x.dtype in (dtypes.float32, dtypes.float64):
        gi, gw, bias_grad = _measured_grads(gn, xn, wn, stride, padding, dilation, groups, mask)
    if mask[0] and gi is None or mask[1] and gw is None:  # (the rest summed in double, rounded once)
        g64, x64, w64 = (_wide(a) for a in (gn, xn, wn))
        if mask[0] and gi is None:  # (transposed: the convolution of the gradient)
            gi = _correlate(gn, wn, None, stride, padding, dilation, groups) if transposed else \
                _input_grad(g64, w64, xn.shape, stride, padding, dilation, groups)
        if mask[1] and gw is None:  # (transposed: the weight-gradient of the convolution g -> x)
            gw = _weight_grad(x64, g64, wn.shape, stride, padding, dilation, groups) if transposed else \
                _weight_grad(g64, x64, wn.shape, stride, padding, dilation, groups)
    values = [gi if mask[0] else None, gw if mask[1] else None]
    dt = x.dtype
    fmt = _output_format(x, w, groups) if nd > 1 else layout.CONTIGUOUS_FORMAT  # (a channels_last convolution's
    # gradients are channels_last; a 1-d one's, as its input's height strides read, not measured: contiguous)
    outs = [layout.in_format((v[:, :, 0] if nd == 1 else v).astype(dt.np), dt, fmt) if v is not None else None
            for v in values]
    if mask[2] and bias_grad is not None:
        outs.append(fresh(bias_grad, dt))
    elif mask[2]:
        with autograd.no_grad():  # (the engine's float sum: ATen's order)
            if dt is dtypes.float64 and not transposed and nd < 3:
                outs.append(_slow_bias_grad(g, groups, any(d > 1 for d in dilation)))
            else:
                outs.append(g.sum([0] + list(range(2, g.dim()))))
    else:
        outs.append(None)
    if needs_grad(g, x, w):
        node = ConvolutionBackwardBackward0(g, x, w, geometry)
        for i, o in enumerate(outs):
            if o is not None:
                o._grad_fn, o._output_nr = node, i
    return tuple(outs)


# A convolution's gradients (what ConvolutionBackward0 computes) are a differentiable op under create_graph=True:
# grad_input, grad_weight and grad_bias as the three outputs of one ConvolutionBackwardBackward0, whose backward is
# ATen's _convolution_double_backward (ggO = conv(ggI, w) + conv(x, ggW) + ggb, gI from ggW, gW from ggI). The
# values are summed in double and rounded once, as the first gradients are (not PyTorch's last bits).

class ConvolutionBackwardBackward0(Node):
    __slots__ = ("geometry",)
    n_outputs = 3
    saved_names = ("grad_output", "input", "weight")
    saved_values = {k: (lambda node, i=i: node.geometry[i]) for i, k in enumerate(
        ("stride", "padding", "dilation", "groups", "transposed", "output_padding"))}

    def __init__(self, g, x, w, geometry):
        Node.__init__(self, (operand_edge(g), operand_edge(x), operand_edge(w)))
        self.geometry = geometry
        self.saved = (SavedTensor(g), SavedTensor(x), SavedTensor(w))

    def backward(self, grads):
        g, x, w = self.unpack()
        ggx, ggw, ggb = grads
        geometry = self.geometry
        gg_out = gx = gw = None
        if self.next_functions[0][0] is not None:
            terms = [] if ggx is None else [_convolution(ggx, w, None, geometry)]
            if ggw is not None:
                terms.append(_convolution(x, ggw, None, geometry))
            if ggb is not None:
                terms.append(ggb.reshape([1, -1] + [1] * len(geometry[0])).expand(g.shape))
            for t in terms:
                gg_out = t if gg_out is None else gg_out + t
        if self.next_functions[1][0] is not None and ggw is not None:
            if geometry[4]:  # (transposed: the convolution of g by ggW)
                gx = _convolution(g, ggw, None, geometry[:4] + (False, (0,) * len(geometry[0])))
            else:
                gx = convolution_backward(g, x, ggw, geometry, (True, False, False))[0]
        if self.next_functions[2][0] is not None and ggx is not None:
            gw = convolution_backward(g, ggx, w, geometry, (False, True, False))[1]
        return (gg_out, gx, gw)


def _labelled(name, values):
    return [f"{name}_{label}: {v}" for label, v in zip(("depth", "height", "width")[3 - len(values):], values)]


def convolution(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1, dims=2, name="conv2d",
                transposed=False, output_padding=0):
    """conv<dims>d, or conv_transpose<dims>d when transposed: the arguments as torch.nn.functional takes them."""
    if AUTOCAST[0]:
        return autocast.lower(convolution, input, weight, bias, stride, padding, dilation, groups, dims, name,
                              transposed, output_padding)
    for arg, pos, v in (("input", 1, input), ("weight", 2, weight)):
        if not isinstance(v, Tensor):
            raise type_error(f"{name}(): argument '{arg}' (position {pos}) must be Tensor, not {type_name(v)}")
    if isinstance(padding, str) and transposed:
        raise type_error(f"{name}(): argument 'padding' must be tuple of ints, not str")
    if not transposed and bias is not None and bias.dtype is not input.dtype:
        raise runtime(f"Input type ({dtypes.C_NAMES[input.dtype.name]}) and bias type "
                      f"({dtypes.C_NAMES[bias.dtype.name]}) should be the same")
    if input.dtype.is_complex:  # (complex_convolution's check_input_same_type_as_parameters, before any other)
        _same_type(input, weight, bias, "")
    stride, dilation, output_padding = _tuple(stride, dims), _tuple(dilation, dims), _tuple(output_padding, dims)
    if input.dim() not in (dims + 1, dims + 2):
        raise runtime(f"Expected {dims + 1}D (unbatched) or {dims + 2}D (batched) input to {name}, but got input of "
                      f"size: {_shape_str(input._shape)}")
    if input.dim() == dims + 1:  # an unbatched input: PyTorch adds the batch dimension and takes it away again
        return convolution(input.unsqueeze(0), weight, bias, stride, padding, dilation, groups, dims, name,
                           transposed, output_padding).squeeze(0)
    if input.dtype.is_complex:
        return _complex_convolution(input, weight, bias, lambda x, w, b: convolution(
            x, w, b, stride, padding, dilation, groups, dims, name, transposed, output_padding))
    if isinstance(padding, str):
        input, padding = _padding_mode(input, weight, padding, stride, dilation, groups)
    return _convolution(input, weight, bias, (stride, _tuple(padding, dims), dilation, groups, transposed,
                                              output_padding))


def _complex_parts(t):
    """complex_to_real: the real and imaginary parts of t (its conjugation resolved) as views of view_as_real."""
    parts = view_as_real(t.resolve_conj())
    return parts.select(-1, 0), parts.select(-1, 1)


def _complex_convolution(input, weight, bias, conv):
    """ATen's complex_convolution (conv1d/2d/3d, their padding-string and transposed forms): three real
    convolutions by Gauss's trick, a = conv(xr, wr, br), b = conv(xi, wi), c = conv(xr + xi, wr + wi, br + bi),
    then a - b + i (c - a - b): its values round as those real ops do, and its graph ends in AddBackward0."""
    x_r, x_i = _complex_parts(input)
    w_r, w_i = _complex_parts(weight)
    if bias is None:
        b_r = b_sum = None
    else:
        b_r, b_i = _complex_parts(bias)
        b_sum = b_r + b_i
    a = conv(x_r, w_r, b_r)
    b = conv(x_i, w_i, None)
    c = conv(x_r + x_i, w_r + w_i, b_sum)
    return a - b + mul_scalar(c - a - b, 1j)  # (C++'s `i * t` is t.mul(i), mul.Scalar: MulBackward1)


def _padding_mode(input, weight, padding, stride, dilation, groups):
    """ATen's _convolution_mode: 'valid' is no padding; 'same' (stride 1) pads the extra element of an even kernel on
    the right, as PyTorch pads."""
    if padding == "valid":
        return input, 0
    if padding != "same":
        raise runtime(f"Invalid padding string: '{padding}'")
    if weight.dim() < 3:
        raise runtime("weight should have at least three dimensions")
    if groups <= 0:
        raise runtime("non-positive groups is not supported")
    k = weight.dim()
    if input.dim() != k:
        raise runtime(f"Expected {k}-dimensional input for {k}-dimensional weight{_shape_str(weight._shape)}, but got "
                      f"{input.dim()}-dimensional input of size {_shape_str(input._shape)} instead")
    for name, values in (("stride", stride), ("dilation", dilation)):
        if len(values) not in (1, k - 2):
            raise runtime(f"{name} cannot broadcast to {k - 2} dimensions")
    if any(s != 1 for s in stride):
        raise runtime("padding='same' is not supported for strided convolutions")
    total = [d * (k - 1) for d, k in zip(dilation, weight._shape[2:])]
    if any(t % 2 for t in total):  # ATen's _convolution_same: constant_pad_nd on the right first
        warn_once("Using padding='same' with even kernel lengths and odd dilation may require a zero-padded copy of "
                  "the input be created")
        input = constant_pad_nd(input, [p for t in reversed(total) for p in (0, t % 2)], 0)
    return input, tuple(t // 2 for t in total)


def _convolution(input, weight, bias, geometry):
    """ATen's _convolution: its checks in its order, then the values and the node."""
    inference_saved_by((input, weight, bias), (input, weight))  # (ConvolutionBackward0's formula reads both)
    stride, padding, dilation, groups, transposed, output_padding = geometry
    k = weight.dim()
    if k < 3:
        raise runtime("weight should have at least three dimensions")
    if groups <= 0:
        raise runtime("non-positive groups is not supported")
    nd = k - 2
    stride, padding, dilation, output_padding = (_expand(v, label, nd) for v, label in (
        (stride, "stride"), (padding, "padding"), (dilation, "dilation"), (output_padding, "output_padding")))
    if any(p < 0 for p in padding):
        raise runtime("negative padding is not supported")
    if any(p < 0 for p in output_padding):
        raise runtime("negative output_padding is not supported")
    if any(s <= 0 for s in stride):
        raise runtime("non-positive stride is not supported")
    if any(d < 0 for d in dilation):
        raise runtime("dilation should be greater than zero")
    ws, c = weight._shape, input._shape[1]
    if input.dim() != k:
        raise runtime(f"Expected {k}-dimensional input for {k}-dimensional weight {_shape_str(ws)}, but got "
                      f"{input.dim()}-dimensional input of size {_shape_str(input._shape)} instead")
    if ws[0] < groups:
        raise runtime(f"Given groups={groups}, expected weight to be at least {groups} at dimension 0, but got weight "
                      f"of size {_shape_str(ws)} instead")
    if ws[0] % groups:
        raise runtime(f"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, but got "
                      f"weight of size [{_shape_str(ws)}] instead")
    given = "transposed=1" if transposed else f"groups={groups}"
    channels, out_channels = (ws[0], ws[1] * groups) if transposed else (ws[1] * groups, ws[0])
    if c != channels:
        raise runtime(f"Given {given}, weight of size {_shape_str(ws)}, expected input{_shape_str(input._shape)} to "
                      f"have {channels} channels, but got {c} channels instead")
    if bias is not None and (bias.dim() != 1 or bias._shape[0] != out_channels):
        raise runtime(f"Given {'transposed=1, ' if transposed else ''}weight of size {_shape_str(ws)}, expected bias "
                      f"to be 1-dimensional with {out_channels} elements, but got bias of size "
                      f"{_shape_str(bias._shape)} instead")
    if not transposed:
        padded = [n + 2 * p for n, p in zip(input._shape[2:], padding)]
        spans = [d * (n - 1) + 1 for d, n in zip(dilation, ws[2:])]
        if any(p < s for p, s in zip(padded, spans)):
            raise runtime(f"Calculated padded input size per channel: ({' x '.join(map(str, padded))}). Kernel size: "
                          f"({' x '.join(map(str, spans))}). Kernel size can't be greater than actual input size")
    if input._shape[0] and c and not input.numel():  # (_select_conv_backend: only a batch or channels of none is
        shape = input._shape[:2] + (1,) + input._shape[2:] if nd == 1 else input._shape  # Empty; a 1-d one as 2-d)
        raise runtime(f"Only zero batch or zero channel inputs are supported, but got input shape: {list(shape)}")
    geometry = (stride, padding, dilation, groups, transposed, output_padding if transposed else (0,) * nd)
    x, w = _as2d(nd, input._np, weight._np)
    big = transposed and any(op >= s for op, s in zip(output_padding, stride))  # (is_output_padding_big: not oneDNN)
    if input._shape[0] and input._shape[1] and not big and (input.dtype is dtypes.bfloat16 or (
            input.dtype is dtypes.float32 and _use_onednn(input._shape[0], c, x.shape[2:4], w.shape[2:], groups))):
        _onednn_checks(input, weight, bias, dilation, transposed)  # (ConvBackend::Mkldnn's; the slow kernels' below)
    _kernel_checks(x, w, _kernel_geometry(geometry))
    for other in (weight, bias) if transposed and nd == 3 else (weight,):  # (slow_conv_transpose3d's bias check)
        if other is not None and other.dtype is not input.dtype:
            raise runtime(dtypes.expected_scalar_type(input.dtype, other.dtype))
    out = _values(x, w, bias._np if bias is not None else None, _kernel_geometry(geometry))
    if c == 0 and not transposed:  # (ATen's _convolution of an input with no channels: its output has none either)
        out = out[:, :0]
    fmt = _output_format(input, weight, groups)
    if fmt.rank is not None:
        result = _in_output_format(out, input.dtype, fmt, nd)
    else:
        result = fresh(np.ascontiguousarray(out[:, :, 0] if nd == 1 else out), input.dtype)
    if needs_grad(input, weight, bias):
        attach(result, ConvolutionBackward0(input, weight, bias, geometry))
    return result


def _kernel_checks(x, w, geometry):
    """The checks of the CPU kernel a convolution runs (a 1-d one as 2-d)."""
    stride, padding, dilation, groups, transposed, output_padding = geometry
    if not transposed:
        if any(d == 0 for d in dilation):
            raise runtime(f"dilation should be greater than zero, but got {list(dilation)}")
        return
    if any(d == 0 for d in dilation):
        raise runtime("dilation should be greater than zero, but got " + ", ".join(_labelled("dilation", dilation)))
    if any(op >= s and op >= d for op, s, d in zip(output_padding, stride, dilation)):
        raise runtime("output padding must be smaller than either stride or dilation, but got " + " ".join(
            _labelled("output_padding", output_padding) + _labelled("stride", stride)
            + _labelled("dilation", dilation)))
    sizes = _transposed_sizes(x.shape[2:], w.shape[2:], geometry)
    empty_ok = x.ndim == 4 and _use_onednn(x.shape[0], x.shape[1], x.shape[2:], w.shape[2:], groups)
    if any(s < 0 or s == 0 and not empty_ok for s in sizes):  # (oneDNN's 2-d path gives empties)
        raise runtime(f"Given input size per channel: ({' x '.join(map(str, x.shape[2:]))}). Calculated output size "
                      f"per channel: ({' x '.join(map(str, sizes))}). Output size is too small")


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
    for d, (a, b) in enumerate(widths):  # (ATen narrows the input by the negative amounts first: no size below 0)
        if x.shape[d] + min(a, 0) < 0 or x.shape[d] + min(a, 0) + min(b, 0) < 0:
            raise runtime("narrow(): length must be non-negative.")
    crop = tuple(slice(max(-a, 0), x.shape[d] - max(-b, 0)) for d, (a, b) in enumerate(widths))
    grown = np.pad(x[crop], [(max(a, 0), max(b, 0)) for a, b in widths],
                   constant_values=dtypes.stored(value, input.dtype)) if nd else x.copy()  # (fill_'s cast)
    out = layout.output_like(grown.astype(x.dtype), input.dtype, input)  # (suggest_memory_format(self))
    if needs_grad(input):
        attach(out, ConstantPadNdBackward0(input, list(pad)))
    return out


def refuse_sparse_gradient(node):
    """An embedding's `sparse=True` asks for a sparse COO weight gradient; the engine has no sparse tensors."""
    if node.sparse:
        raise runtime(f"tensorsh: {type(node).__name__}'s sparse weight gradient (sparse=True) is not supported yet")


class EmbeddingBackward0(Node):
    __slots__ = ("num_weights", "padding_idx", "scale", "sparse")
    saved_names = ("indices",)
    saved_values = {"padding_idx": lambda node: unsigned(-1 if node.padding_idx is None else node.padding_idx),
                    "scale_grad_by_freq": "scale", "sparse": "sparse", "weight_sym_argsize_0": "num_weights"}

    def __init__(self, weight, indices, padding_idx, scale, sparse):
        Node.__init__(self, (edge_of(weight),))
        self.num_weights, self.padding_idx, self.scale, self.sparse = weight._shape[0], padding_idx, scale, sparse
        self.saved = (SavedTensor(indices),)

    def backward(self, g):
        refuse_sparse_gradient(self)
        idx, = self.unpack()
        flat = idx._np.reshape(-1)
        gn = g._np.reshape(len(flat), g._shape[-1])  # (the embedding dim: no -1, which an empty index cannot infer)
        out = np.zeros((self.num_weights, gn.shape[1]), g.dtype.np)
        counts = np.bincount(flat, minlength=self.num_weights) if self.scale else None
        rounded = dtypes.rounding(g.dtype) if g.dtype in (dtypes.float16, dtypes.bfloat16) else None
        for k, i in enumerate(flat.tolist()):  # accumulated in index order, as PyTorch's embedding_backward does:
            if i != self.padding_idx:  # (grad_weight[i].add_(grad[k], 1.0 / count): the add kernel's rounding)
                scale = 1.0 / counts[i] if counts is not None else 1.0
                out[i] = kernels.add_alpha(out[i], gn[k], scale) if rounded is None else \
                    rounded(kernels.reduced_add_alpha(out[i], gn[k], scale, rounded))
        return (recorded(fresh(out, g.dtype), "EmbeddingDenseBackwardBackward0",
                         lambda g, idx: _embedding_dense_backward(g, idx, flat, self.num_weights, self.padding_idx),
                         (g,), (idx,), (None, "indices"), padding_idx=self._saved_padding_idx),)


def _embedding_dense_backward(g, idx, flat, num_weights, padding_idx):
    """What the gradient of embedding_dense_backward differentiates, in ops: the rows of g added at their indices,
    padding_idx's left out. (PyTorch's embedding_dense_double_backward picks rows of gg without dividing by
    scale_grad_by_freq's counts: "the first backward takes care of" them; so this formula leaves them out too.)"""
    rows = g.reshape(len(flat), g.shape[-1])
    if padding_idx is not None:
        rows = rows * fresh((flat != padding_idx).astype(g.dtype.np).reshape(-1, 1), g.dtype)
    return rows.new_zeros((num_weights, rows.shape[1])).index_add(0, idx.reshape(-1), rows)


def embedding_renorm_(weight, indices, max_norm, norm_type):
    """ATen's embedding_renorm_cpu_: each distinct row the indices name (in sorted order) whose norm is above
    max_norm scaled in place by max_norm / (norm + 1e-7) (the double scale as `row *= scale` reads it); one
    write (one version) for the whole call, as one in-place op."""
    if weight.dim() != 2:
        raise runtime(f"Expected 2-dimensional tensor, but got {weight.dim()}-dimensional tensor for argument #1 "
                      "'self' (while checking arguments for embedding_renorm_)")
    if indices.dtype not in (dtypes.int64, dtypes.int32):
        raise runtime("Expected tensor for argument #2 'indices' to have one of the following scalar types: Long, "
                      f"Int; but got torch.{dtypes.SCALAR_NAMES[indices.dtype.name]}Tensor instead (while checking "
                      "arguments for embedding_renorm_)")
    if needs_grad(weight):
        check_inplace(weight)
    scales = {}
    with autograd.no_grad():
        for i in sorted(set(indices._np.reshape(-1).tolist())):
            if not (weight.dtype.is_floating_point or weight.dtype.is_complex):  # (each row's at::norm, checked)
                raise runtime("norm(): input dtype should be either floating point or complex. Got "
                              f"{dtypes.SCALAR_NAMES[weight.dtype.name]} instead.")
            norm = weight.select(0, i).norm(norm_type).item()
            if norm > max_norm:
                scales[i] = max_norm / (norm + 1e-7)
    undo.touch(weight._storage)
    data = weight._np
    # (a complex row is multiplied by the scale as a complex number of its dtype: both parts scaled; `row *= scale`
    # is C++'s mul_(Scalar): a reduced float's scale in its dtype)
    opmath = data.dtype.type if data.dtype.kind == "c" else np.float64 if data.dtype == np.float64 else np.float32
    for i, scale in scales.items():
        row = data[i].astype(opmath) * opmath(cxx_inplace_number(weight.dtype, scale))
        data[i] = dtypes.to_bfloat16(row) if weight.dtype is dtypes.bfloat16 else row.astype(data.dtype)
    written(weight)
    return weight


def embedding(weight, indices, padding_idx=-1, scale_grad_by_freq=False, sparse=False):
    inference_saved_by((weight, indices), (indices,))  # (EmbeddingBackward0 keeps the indices, then weight.size(0))
    if weight.dim() == 0 and needs_grad(weight):  # (autograd reads weight.size(0) for its node first)
        raise index_error(messages.DIM_NO_DIMS.format(0))
    if weight.dim() != 2:
        raise runtime("'weight' must be 2-D")
    if not isinstance(indices, Tensor) or indices.dtype not in (dtypes.int64, dtypes.int32):
        name = dtypes.cpp_type_name(indices.dtype) if isinstance(indices, Tensor) else type(indices).__name__
        raise runtime(f"Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, "
                      f"Int; but got {name} instead (while checking arguments for embedding)")
    flat = indices._np.reshape(-1)
    n = weight._shape[0]
    if n == 0 and flat.size:  # (ATen's embedding is weight.index_select(0, indices): its check of an empty dim)
        raise runtime("index_select(): self indexing axis dim should be positive")
    bad = flat[(flat < 0) | (flat >= n)]
    if bad.size:
        raise index_error(messages.INDEX_OUT_OF_RANGE_SELF)
    out = fresh(np.ascontiguousarray(weight._np[indices._np]), weight.dtype)
    if needs_grad(weight) and weight.dtype.category == 3:
        raise no_complex_autograd("embedding")
    if needs_grad(weight):
        attach(out, EmbeddingBackward0(weight, indices, padding_idx, scale_grad_by_freq, bool(sparse)))
    return out
