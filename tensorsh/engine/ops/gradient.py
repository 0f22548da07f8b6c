"""torch.gradient: ATen's central differences (ReduceOps.cpp gradient_helper / gradient_helper_float) as its
tensor ops, over uniform spacings (a number or one per dim) or coordinates (one 1-D tensor per dim)."""
from ..errors import runtime
from ..tensorimpl import Tensor
from .. import dtypes
from .args import _wrap_dims
from .joining import cat


def _checks(self, spacing_size, dims, dim_given, edge_order):
    """pre_check_gradient, in its order."""
    if self.dtype is dtypes.uint8:
        raise runtime("torch.gradient does not support uint8 input.")
    if spacing_size is not None and not dim_given and spacing_size != self.dim():
        raise runtime(f"torch.gradient expected spacing to be unspecified, a scalar, or a list of length equal to "
                      f"'self.dim() = {self.dim()}', since dim argument was not given, but got a list of length "
                      f"{spacing_size}")
    if spacing_size is not None and dim_given and spacing_size != len(dims):
        raise runtime(f"torch.gradient expected spacing to be unspecified, a scalar or it's spacing and dim arguments "
                      f"to have the same length, but got a spacing argument of length {spacing_size} and a dim "
                      f"argument of length {len(dims)}.")
    if edge_order not in (1, 2):
        raise runtime("torch.gradient only supports edge_order=1 and edge_order=2.")
    dims = _wrap_dims(self, "gradient", dims)
    for d in dims:
        if self.size(d) < edge_order + 1:
            raise runtime("torch.gradient expected each dimension size to be at least edge_order+1")
    return dims


def _slicer(self, d):
    """at::slice(self, d, start, stop) for starts and stops counted from either end."""
    n = self.size(d)

    def s(start, stop=None):
        start, stop = start % n if start < 0 else start, n if stop is None else stop + n if stop < 0 else stop
        return self.narrow(d, start, stop - start)
    return s


def _uniform(self, d, h, edge_order):
    s = _slicer(self, d)
    center = (s(2) - s(0, -2)) / h
    if edge_order == 1:
        prepend = (s(1, 2) - s(0, 1)) / h
        append = (s(-1) - s(-2, -1)) / h
    else:
        prepend = (s(0, 1) * -1.5 + s(1, 2) * 2 - s(2, 3) * 0.5) / h
        append = (s(-3, -2) * 0.5 + s(-2, -1) * -2 + s(-1) * 1.5) / h
    return cat([prepend, center / 2, append], d)


def _coordinates(self, d, x, edge_order):
    s = _slicer(self, d)
    shape = [1] * self.dim()
    shape[d] = -1
    dx = x.diff(1, 0)
    dx1, dx2 = dx[:-1], dx[1:]
    a = (-dx2 / (dx1 * (dx1 + dx2))).reshape(shape)
    b = ((dx2 - dx1) / (dx1 * dx2)).reshape(shape)
    c = (dx1 / (dx2 * (dx1 + dx2))).reshape(shape)
    center = a * s(0, -2) + b * s(1, -1) + c * s(2)
    if edge_order == 1:
        prepend = (s(1, 2) - s(0, 1)) / dx[0]
        append = (s(-1) - s(-2, -1)) / dx[-1]
    else:
        a = -(2.0 * dx[0] + dx[1]) / (dx[0] * (dx[0] + dx[1]))
        b = (dx[0] + dx[1]) / (dx[0] * dx[1])
        c = (-dx[0]) / (dx[1] * (dx[0] + dx[1]))
        prepend = a * s(0, 1) + b * s(1, 2) + c * s(2, 3)
        a = dx[-1] / (dx[-2] * (dx[-1] + dx[-2]))
        b = -(dx[-1] + dx[-2]) / (dx[-1] * dx[-2])
        c = (2 * dx[-1] + dx[-2]) / (dx[-1] * (dx[-1] + dx[-2]))
        append = a * s(-3, -2) + b * s(-2, -1) + c * s(-1)
    return cat([prepend, center, append], d)


def gradient(input, *, spacing=1, dim=None, edge_order=1):
    dim_given = dim is not None
    dims = list(range(input.dim())) if dim is None else [dim] if isinstance(dim, int) else list(dim)
    spacing = 1 if spacing is None else spacing
    listed = isinstance(spacing, (tuple, list))
    spacings = list(spacing) if listed else [spacing] * len(dims)
    dims = _checks(input, len(spacings) if listed else None, dims, dim_given, edge_order)
    if listed and spacings and isinstance(spacings[0], Tensor):
        return tuple(_coordinates(input, d, x, edge_order) for d, x in zip(dims, spacings))
    return tuple(_uniform(input, d, h, edge_order) for d, h in zip(dims, spacings))
