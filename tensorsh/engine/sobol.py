"""ATen's Sobol' engine kernels (_sobol_engine_initialize_state_, _draw, _ff_, _scramble_), which
torch.quasirandom.SobolEngine's Python calls: int64 direction numbers of 30 bits, points made by XOR in Gray-code
order. One numpy pass each, over dimensions and points at once."""
import operator

import numpy as np

from . import creation, dtypes
from .errors import runtime, type_error
from .ops.core import fresh
from .tensorimpl import Tensor

MAXBIT = 30


def _parity(x):
    """1 where x (non-negative, under 2^32) has an odd number of set bits."""
    for shift in (16, 8, 4, 2, 1):
        x = x ^ (x >> shift)
    return x & 1


def _rightmost_zero(counts):
    """The index of each count's lowest zero bit: the direction number the Gray code flips at that step."""
    return np.log2((~counts & (counts + 1)).astype(np.float64)).astype(np.int64)  # (a power of two: exact)


def initialize_state_(sobolstate, dimension):
    """Each dimension's 30 direction numbers: its initial m_1..m_s, then m_j = m_{j-s} XOR 2^s m_{j-s} XOR the
    polynomial's XOR 2^k m_{j-k} (Bratley and Fox), each shifted to a 30-bit fraction (v_j = m_j 2^(30-j))."""
    from .sobol_directions import INITIAL, POLY
    dimension = operator.index(dimension)  # (an int parameter: a 0-dim integer tensor is read as its value)
    if dimension > len(POLY):
        raise runtime(f"tensorsh: SobolEngine of more than {len(POLY)} dimensions is not supported yet")
    poly = np.array(POLY[:dimension], np.int64)
    degree = np.array([p.bit_length() - 1 for p in POLY[:dimension]])
    starts = np.cumsum(degree) - degree  # (where each dimension's initial numbers begin in INITIAL)
    initial_numbers = np.array(INITIAL[:starts[-1] + degree[-1]], np.int64)
    m = np.ones((dimension, MAXBIT), np.int64)
    rows = np.arange(dimension)
    for j in range(MAXBIT):
        initial = j < degree
        if initial.any():
            m[initial, j] = initial_numbers[starts[initial] + j]
        recur = ~initial & (degree > 0)
        if recur.any():
            d, s, p = rows[recur], degree[recur], poly[recur]
            value = m[d, j - s]
            for k in range(int(s.max())):
                take = (k < s) & (((p >> np.maximum(s - 1 - k, 0)) & 1) == 1)
                value = np.where(take, value ^ (m[d, np.maximum(j - k - 1, 0)] << (k + 1)), value)
            m[d, j] = value
    m <<= np.arange(MAXBIT - 1, -1, -1)
    return sobolstate.copy_(fresh(m, dtypes.int64))


def _walk(quasi, n, sobolstate, num_generated):
    """The n points after `quasi` (each the one before XOR the direction number of the count's lowest zero bit)."""
    steps = sobolstate._np[:, _rightmost_zero(np.arange(num_generated, num_generated + n, dtype=np.int64))].T
    return np.bitwise_xor.accumulate(steps, axis=0) ^ quasi._np[None, :]


def _count(op, n):
    """The kernel's int argument n, as PyTorch's parser reads it (an integer 0-dim tensor too; not a bool)."""
    if isinstance(n, Tensor) and n.dim() == 0 and not n.dtype.is_floating_point and n.dtype is not dtypes.bool_:
        return int(n.item())
    if type(n) is bool or not isinstance(n, int):
        raise type_error(f"{op}(): argument 'n' (position 2) must be int, not {type(n).__name__}")
    return n


def draw(quasi, n, sobolstate, dimension, num_generated, dtype=None):
    """(n points as floats in [0, 1): the 30-bit integers cast to the dtype, times 2^-30; the last point)."""
    n, dimension = _count("_sobol_engine_draw", n), operator.index(dimension)
    dt = dtypes.float32 if dtype is None else dtype
    if n < 0:
        raise runtime(f"Trying to create tensor with negative dimension {n}: [{n}, {dimension}]")
    if not dt.is_floating_point or dt.itemsize < 4:  # (AT_DISPATCH_FLOATING_TYPES: float and double)
        raise creation.not_implemented_for("_sobol_engine_draw", dt)
    points = _walk(quasi, n, sobolstate, num_generated).reshape(n, dimension)
    last = points[-1] if n else quasi._np
    return fresh(points.astype(dt.np) * dt.np.type(2.0 ** -MAXBIT), dt), fresh(last.copy(), dtypes.int64)


def ff_(quasi, n, sobolstate, dimension, num_generated):
    """quasi moved n points on, in place."""
    n = _count("_sobol_engine_ff_", n)
    if n > 0:
        quasi.copy_(fresh(_walk(quasi, n, sobolstate, num_generated)[-1].copy(), dtypes.int64))
    return quasi


def scramble_(sobolstate, ltm, dimension):
    """Owen's linear matrix scrambling: each direction number times its dimension's random lower-triangular bit
    matrix (unit diagonal) over GF(2), bit 29 the matrix's first row."""
    bits = ltm._np.copy()
    bits[:, np.arange(MAXBIT), np.arange(MAXBIT)] = 1
    rows = (bits << np.arange(MAXBIT - 1, -1, -1)).sum(-1)            # (dimension, row p) as 30-bit integers
    products = _parity(rows[:, None, :] & sobolstate._np[:, :, None])  # (dimension, j, row p)
    return sobolstate.copy_(fresh((products << np.arange(MAXBIT - 1, -1, -1)).sum(-1), dtypes.int64))
