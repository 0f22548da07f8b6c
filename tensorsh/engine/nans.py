"""The bits of the NaN PyTorch's CPU kernels give an out-of-domain input (seen only through untyped_storage()):
SLEEF's asin/acos/rsqrt give -nan, the C library's log and sqrt +nan, float32 log1p and float64 atanh all ones."""
import numpy as np

NEGATIVE = {np.dtype(np.float32): np.uint32(0xFFC00000), np.dtype(np.float64): np.uint64(0xFFF8000000000000)}
POSITIVE = {np.dtype(np.float32): np.uint32(0x7FC00000), np.dtype(np.float64): np.uint64(0x7FF8000000000000)}
ALL_ONES = {np.dtype(np.float32): np.uint32(0xFFFFFFFF), np.dtype(np.float64): np.uint64(0xFFFFFFFFFFFFFFFF)}
BITS = {"asin": (NEGATIVE, NEGATIVE), "acos": (NEGATIVE, NEGATIVE), "rsqrt": (NEGATIVE, NEGATIVE),
        "log": (POSITIVE, POSITIVE), "log2": (POSITIVE, POSITIVE), "log10": (POSITIVE, POSITIVE),
        "sqrt": (POSITIVE, POSITIVE), "log1p": (ALL_ONES, POSITIVE)}  # (float32's, float64's)


def with_pytorch_nans(name, fn):
    """fn (x -> values), its NaNs from non-NaN inputs given the bits PyTorch's kernel gives them."""
    table = BITS[name]

    def op(x):
        values = fn(x)
        if values.dtype not in NEGATIVE or not values.size:  # (a 0-dim input gives a numpy scalar)
            return values
        made = np.isnan(values) & ~np.isnan(x)
        if made.any():
            bits = table[values.dtype == np.float64][values.dtype]
            values = np.array(values)
            values.view(bits.dtype)[made] = bits
        return values
    return op
