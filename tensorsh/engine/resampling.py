"""Kernels that move elements rather than compute new ones: nearest-neighbour upsampling (1-D, 2-D, 3-D), each beside
its backward node with PyTorch's name (pixel shuffles: shuffles.py). Values are copies (exact)."""
import numpy as np

from . import dtypes, layout
from .autograd import Node, edge_of
from .composite_backward import recorded
from .ops.core import attach, fresh, needs_grad


def _nearest_sources(in_size, out_size, scale):
    """upsample_nearest's source index: floor(dst * scale) (scale = 1 / scale_factor when one was given, else
    in / out, a float as ATen computes it), clamped to the input."""
    if out_size == in_size:
        return np.arange(out_size)
    if out_size == 2 * in_size:
        return np.arange(out_size) >> 1
    s = np.float32(1.0 / scale) if scale else np.float32(in_size) / np.float32(out_size)
    src = np.floor(np.arange(out_size, dtype=np.float32) * s).astype(np.int64)
    return np.minimum(src, in_size - 1)


class _UpsampleNearestBackward(Node):
    __slots__ = ("shape", "sources", "size", "scales")

    def __init__(self, x, sources, size=None, scales=None):
        Node.__init__(self, (edge_of(x),))
        self.shape, self.sources = x._shape, sources
        self.size, self.scales = tuple(size or ()), tuple(scales or ())

    def backward(self, g):
        """cpu_upsample_nearest_backward: each output element, in row-major order over the spatial dimensions, added
        to its source in the op-math type (float for float16/bfloat16, rounded once at the end)."""
        nd = len(self.sources)
        in_spatial = self.shape[-nd:]
        flat = np.zeros((), np.int64)
        for k, src in enumerate(self.sources):  # (the flat input index of every output position, row-major)
            flat = flat[..., None] * in_spatial[k] + np.asarray(src, np.int64)
        lead = g._np.shape[:-nd]
        reduced = g.dtype.itemsize == 2 and g.dtype.category == 2
        values = g._np.reshape((-1, flat.size)).astype(np.float32 if reduced else g._np.dtype)
        acc = np.zeros((values.shape[0], int(np.prod(in_spatial))), values.dtype)
        np.add.at(acc, (slice(None), flat.reshape(-1)), values)  # (unbuffered: in index order)
        out = (dtypes.rounding(g.dtype)(acc).astype(g._np.dtype) if reduced else acc).reshape(lead + in_spatial)
        values = {k: getattr(self, "_saved_" + k) for k in type(self).saved_values if k != "self_sym_sizes"}
        return (recorded(fresh(np.ascontiguousarray(out), g.dtype), self.name_.replace("Backward0", "BackwardBackward0"),
                         self._summed, (g,), **values),)

    def _summed(self, g):
        """The backward in differentiable ops (its own gradient picks gg at the sources: the forward again)."""
        nd = len(self.sources)
        for k, src in enumerate(self.sources):
            axis = g.dim() - nd + k
            shape = list(g._shape)
            shape[axis] = self.shape[axis]
            g = g.new_zeros(shape).index_add(axis, fresh(np.asarray(src, np.int64), dtypes.int64), g)
        return g


def _scale(node, k):
    return None if node.scales[k] is None else float(node.scales[k])  # (a double in PyTorch's node)


_UPSAMPLED = {"output_size": "size", "self_sym_sizes": lambda n: tuple(n.shape)}


class UpsampleNearest1DBackward0(_UpsampleNearestBackward):
    saved_values = {**_UPSAMPLED, "scales": lambda n: _scale(n, 0)}


class UpsampleNearest2DBackward0(_UpsampleNearestBackward):
    saved_values = {**_UPSAMPLED, "scales_h": lambda n: _scale(n, 0), "scales_w": lambda n: _scale(n, 1)}


def _exact_sources(in_size, out_size, scale):
    """_upsample_nearest_exact's source index: floorf((dst + 0.5) * scale) (the product in double, floored as a
    float), clamped to the input."""
    s = np.float32(1.0 / scale) if scale else np.float32(in_size) / np.float32(out_size)
    src = np.floor(((np.arange(out_size) + 0.5) * np.float64(s)).astype(np.float32)).astype(np.int64)
    return np.minimum(src, in_size - 1)


class UpsampleNearestExact1DBackward0(_UpsampleNearestBackward):
    saved_values = {**_UPSAMPLED, "scales": lambda n: _scale(n, 0)}


class UpsampleNearestExact2DBackward0(_UpsampleNearestBackward):
    saved_values = {**_UPSAMPLED, "scales_h": lambda n: _scale(n, 0), "scales_w": lambda n: _scale(n, 1)}


_SCALES_3D = {"scales_d": lambda n: _scale(n, 0), "scales_h": lambda n: _scale(n, 1),
              "scales_w": lambda n: _scale(n, 2)}


class UpsampleNearest3DBackward0(_UpsampleNearestBackward):
    saved_values = {**_UPSAMPLED, **_SCALES_3D}


class UpsampleNearestExact3DBackward0(_UpsampleNearestBackward):
    saved_values = {**_UPSAMPLED, **_SCALES_3D}


def upsample_nearest(input, output_size, scales, exact=False):
    """upsample_nearest1d/2d/3d (and _upsample_nearest_exact1d/2d/3d): output[..., i, j] = input[..., src(i),
    src(j)]."""
    nd = len(output_size)
    x = input._np
    index = _exact_sources if exact else _nearest_sources
    sources = [index(x.shape[-nd + k], output_size[k], scales[k]) for k in range(nd)]
    out = x
    for k, src in enumerate(sources):
        out = np.take(out, src, axis=out.ndim - nd + k)
    result = layout.output_like(out, input.dtype, input)  # (input.suggest_memory_format())
    if needs_grad(input):
        exact_nodes = (UpsampleNearestExact1DBackward0, UpsampleNearestExact2DBackward0, UpsampleNearestExact3DBackward0)
        nodes = (UpsampleNearest1DBackward0, UpsampleNearest2DBackward0, UpsampleNearest3DBackward0)
        node = (exact_nodes if exact else nodes)[nd - 1]
        attach(result, node(input, sources, output_size, scales))
    return result
