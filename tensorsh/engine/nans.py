"""The bits of the NaN PyTorch's CPU kernels give an out-of-domain input (seen only through untyped_storage()):
SLEEF's asin/acos/rsqrt give -nan, the C library's log and sqrt +nan, float32 log1p and SLEEF's atanh all ones.
A NaN input comes out as it went in (its sign kept), but float64 log1p's, which is +nan."""
import numpy as np

NEGATIVE = {np.dtype(np.float32): np.uint32(0xFFC00000), np.dtype(np.float64): np.uint64(0xFFF8000000000000)}
POSITIVE = {np.dtype(np.float32): np.uint32(0x7FC00000), np.dtype(np.float64): np.uint64(0x7FF8000000000000)}
ALL_ONES = {np.dtype(np.float32): np.uint32(0xFFFFFFFF), np.dtype(np.float64): np.uint64(0xFFFFFFFFFFFFFFFF)}
BITS = {"asin": (NEGATIVE, NEGATIVE), "acos": (NEGATIVE, NEGATIVE), "rsqrt": (NEGATIVE, NEGATIVE),
        "log": (POSITIVE, POSITIVE), "log2": (POSITIVE, POSITIVE), "log10": (POSITIVE, POSITIVE),
        "sqrt": (POSITIVE, POSITIVE), "log1p": (ALL_ONES, POSITIVE)}  # (float32's, float64's)
NAN_INPUT_BITS = {("log1p", np.dtype(np.float64)): POSITIVE}  # (the kernels that do not pass a NaN input through)


def with_pytorch_nans(name, fn):
    """fn (x -> values), its NaNs from non-NaN inputs given the bits PyTorch's kernel gives them."""
    table = BITS[name]

    def op(x):
        values = fn(x)
        if values.dtype not in NEGATIVE or not values.size:  # (a 0-dim input gives a numpy scalar)
            return values
        nan_in = np.isnan(x)
        made = np.isnan(values) & ~nan_in
        if made.any() or nan_in.any():
            bits = table[values.dtype == np.float64][values.dtype]
            values = np.array(values)
            values.view(bits.dtype)[made] = bits
            fixed = NAN_INPUT_BITS.get((name, values.dtype))
            if fixed is not None:
                values.view(bits.dtype)[nan_in] = fixed[values.dtype]
            else:  # (the input's own bits, whatever numpy's SIMD loop on this CPU did with them)
                values[nan_in] = np.asarray(x, dtype=values.dtype)[nan_in]
        return values
    return op
