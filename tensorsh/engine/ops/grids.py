"""torch.affine_grid_generator (F.affine_grid's op): ATen's base grid of linspaces (scaled by (n - 1) / n without
align_corners) times the transposed affine matrices by bmm, beside AffineGridGeneratorBackward0, whose gradient is
ATen's composite (the base grid's transpose times the gradient, by bmm)."""
from .. import autograd, creation, dtypes
from ..autograd import Node, edge_of
from ..errors import make, runtime
from .core import attach, needs_grad


def _neg_one_to_one(like, n, align_corners):
    """linspace_from_neg_one: a size of one (or none) is at::tensor(0, grid.options()), whose tensor_cpu dispatches
    over AT_DISPATCH_ALL_TYPES_AND_COMPLEX, so no float16 or bfloat16 base grid of that size."""
    if n <= 1:
        if like.dtype in (dtypes.float16, dtypes.bfloat16):
            raise make("NotImplementedError", f'"tensor_cpu" not implemented for '
                                              f"'{dtypes.SCALAR_NAMES[like.dtype.name]}'")
        return creation.tensor(0, dtype=like.dtype)
    points = creation.linspace(-1, 1, n, dtype=like.dtype)
    return points if align_corners else points * (n - 1) / n


def _base_grid(like, size, align_corners):
    """make_base_grid_4D / 5D: (N, [D,] H, W, k + 1) holding x, y[, z], 1."""
    spatial = tuple(size[2:])
    base = creation.empty(size[0], *spatial, len(spatial) + 1, dtype=like.dtype)
    for k in range(len(spatial)):  # x varies along the last spatial dimension, y along the one before, ...
        points = _neg_one_to_one(like, spatial[-1 - k], align_corners)
        for _ in range(k):
            points = points.unsqueeze_(-1)
        base.select(-1, k).copy_(points)
    base.select(-1, len(spatial)).fill_(1)
    return base


def _flat(t, size):
    n = 1
    for s in size[2:]:
        n *= s
    return t.view(size[0], n, len(size) - 1)


class AffineGridGeneratorBackward0(Node):
    __slots__ = ("size", "align_corners")
    saved_values = {"align_corners": "align_corners", "size": lambda node: tuple(node.size)}

    def __init__(self, theta, size, align_corners):
        Node.__init__(self, (edge_of(theta),))
        self.size, self.align_corners = tuple(size), align_corners

    def backward(self, g):
        with autograd.no_grad():
            base = _base_grid(g, self.size, self.align_corners)
        n = base.numel() // (len(self.size) - 1) // self.size[0]
        grad_theta = _flat(base, self.size).transpose(1, 2).bmm(g.reshape(self.size[0], n, len(self.size) - 2))
        return (grad_theta.transpose(1, 2),)


def affine_grid_generator(theta, size, align_corners):
    size = tuple(size)
    if len(size) not in (4, 5):  # (ATen's first check, before theta is read)
        raise runtime("AffineGridGenerator needs 4d (spatial) or 5d (volumetric) inputs.")
    with autograd.no_grad():
        base = _base_grid(theta, size, align_corners)
        grid = _flat(base, size).bmm(theta.transpose(1, 2)).view(*size[:1], *size[2:], len(size) - 2)
    if needs_grad(theta):
        attach(grid, AffineGridGeneratorBackward0(theta, size, align_corners))
    return grid
