"""numpy kernels whose last bits must match PyTorch's CPU kernels, written to touch memory as little as possible.

Arrays in, arrays out: this layer knows nothing of tensors or autograd.
"""
import numpy as np

BLOCK = 16384  # elements per block of a blocked kernel: its float64 temporaries stay in L2


def via_double(np_fn):
    """float32 transcendental functions: numpy's own float32 kernels differ from PyTorch's (Sleef) in ~20-40%
    of last bits; the correctly rounded result agrees with PyTorch far more often (~99%)."""
    def fn(x):
        if x.dtype == np.float32:  # computed in double, rounded once into a float32 result
            return np_fn(x, dtype=np.float64, out=np.empty_like(x, np.float32), casting="unsafe")  # keeps layout
        return np_fn(x)
    return fn


def sigmoid(x):
    """PyTorch's 1 / (1 + exp(-x)) in x's dtype, each step rounded as its vectorized kernel rounds it;
    computed in place in the result, so no temporary is made."""
    one = x.dtype.type(1)
    out = np.negative(x)
    if out.dtype == np.float32:
        np.exp(out, out=out, dtype=np.float64, casting="unsafe")
    else:
        np.exp(out, out=out)
    np.add(one, out, out=out)
    return np.divide(one, out, out=out)


def sigmoid_backward(g, y):
    """PyTorch's sigmoid_backward: g * (1 - y) * y, left to right."""
    if g.dtype != y.dtype:
        return g * (1 - y) * y
    out = np.subtract(y.dtype.type(1), y)
    np.multiply(g, out, out=out)
    return np.multiply(out, y, out=out)


def tanh_backward(g, y):
    """PyTorch's tanh_backward, g * (1 - y*y): for float32 its compiler fuses 1 - y*y into one multiply-add
    (exact square, one rounding), reproduced here in double, block by block."""
    if y.dtype != np.float32 or g.dtype != np.float32:
        return g * (1 - y * y)
    if not (g.shape == y.shape and g.flags.c_contiguous and y.flags.c_contiguous):
        t = np.square(y, dtype=np.float64)
        np.subtract(1.0, t, out=t)
        return np.multiply(g, t, dtype=np.float32, casting="unsafe")
    out = np.empty(g.shape, np.float32)
    gf, yf, of = g.reshape(-1), y.reshape(-1), out.reshape(-1)
    buf = np.empty(min(BLOCK, yf.size), np.float64)
    for start in range(0, yf.size, BLOCK):
        stop = start + BLOCK
        t = buf[:yf[start:stop].size]
        np.square(yf[start:stop], out=t, dtype=np.float64)
        np.subtract(1.0, t, out=t)
        np.multiply(gf[start:stop], t, out=of[start:stop], dtype=np.float32, casting="unsafe")  # t rounded first
    return out
