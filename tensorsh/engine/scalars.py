"""A Python number written into a tensor (fill_, full, setitem, masked_fill, index_fill): c10's checked_convert,
PyTorch's range check and its message, then the C cast (an integer wraps around, a float truncates)."""
import math

import numpy as np

from . import dtypes
from .errors import runtime, value_error

C_TYPES = {"int64": "int64_t", "int32": "int", "int16": "int16_t", "int8": "int8_t", "uint8": "uint8_t",
           "float32": "float", "float64": "double"}
FLOAT32_MAX = float(np.finfo(np.float32).max)
BFLOAT16_MAX = float.fromhex("0x1.fep127")
HALF_MAX = 65504.0
NUMBER = (int, float, complex)  # (PyTorch's parser's Number: a bool is an int)


def from_numpy_scalars(values):
    """A call's arguments with numpy's scalars as PyTorch's parser reads them (is_numpy_scalar): an integer one an
    int, a float one (and a numpy bool, which PyTorch unpacks as a double) a float, a complex128 one a complex; in a
    tuple or list too (sizes). None when there is none (the common case: nothing is copied)."""
    if not any(isinstance(v, np.generic) or isinstance(v, (tuple, list)) and any(_item(i) is not i for i in v)
               for v in values):
        return None
    return [_plain(v) if isinstance(v, np.generic) else type(v)(map(_item, v)) if type(v) in (tuple, list) else
            tuple.__new__(type(v), map(_item, v)) if isinstance(v, tuple) else v  # (a torch.Size holding numpy's)
            for v in values]


def _item(v):
    """An element of a list argument: a complex64 one is kept (an int list refuses it by its numpy type name; a
    list that is data, torch.tensor's, stores it as a complex: neither reads it through __float__, so no warning)."""
    return v if isinstance(v, np.complexfloating) and not isinstance(v, complex) else _plain(v)


def _plain(v):
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, (np.floating, np.bool_)):
        return float(v)
    if isinstance(v, np.complexfloating):  # (a complex64 is no Python complex: unpacked as a double, numpy's
        if isinstance(v, complex):                  # __float__ warning that it drops the imaginary part)
            return complex(v)
        from .errors import warn
        warn("Casting complex values to real discards the imaginary part", "ComplexWarning")
        return float(v.real)
    return v


def fits(dtype, value):
    """c10's checked_convert for an integer dtype: a float must lie in its range (NaN does not), an integer may
    also be negative down to -max for an unsigned type (c10's overflows() for a signed source)."""
    info = np.iinfo(dtype.np)
    if isinstance(value, float):  # (compared as doubles: 2.0 ** 63 passes for int64, as in C)
        return float(info.min) <= value <= float(info.max)
    return (-info.max if info.min == 0 else info.min) <= value <= info.max


def checked_scalar(dtype, value, reduced=True):
    """value as a numpy scalar of dtype, or PyTorch's 'value cannot be converted ... without overflow'. reduced=False:
    a float16/bfloat16 value is not range-checked (becomes inf), as ATen's one-element fill (scalar_fill: a
    one-element fill_/full, the 0-dim tensor of `x[i] = v`) converts it."""
    if type(value) is complex and dtype.category < 3:  # (c10's checked_convert: a non-zero imaginary part overflows)
        if dtype is dtypes.bool_:  # (Scalar::toBool: any non-zero number is true)
            return np.bool_(value != 0)
        if value.imag != 0:  # (the one-element fill converts to a reduced float through a double)
            name = "double" if not reduced and dtype.category == 2 and dtype.itemsize == 2 else \
                C_TYPES.get(dtype.name, dtypes.C_NAMES[dtype.name])
            raise runtime(f"value cannot be converted to type {name} without overflow")
        value = value.real
    if dtype is dtypes.complex64 and isinstance(value, NUMBER):  # (each part must fit a float, inf and NaN do)
        if any(abs(p) > FLOAT32_MAX and not (isinstance(p, float) and math.isinf(p))
               for p in ((value.real, value.imag) if type(value) is complex else (value,))):
            raise runtime("value cannot be converted to type c10::complex<float> without overflow")
    if dtype.category == 1:
        if not fits(dtype, value):
            raise runtime(f"value cannot be converted to type {C_TYPES[dtype.name]} without overflow")
        return np.asarray(int(value)).astype(dtype.np)[()]
    if dtype.itemsize == 2 and reduced and isinstance(value, (int, float)) and math.isfinite(value) and \
            abs(value) > (HALF_MAX if dtype.np == np.float16 else BFLOAT16_MAX):
        raise runtime(f"value cannot be converted to type {dtypes.C_NAMES[dtype.name]} without overflow")
    if dtype.np == np.float32 and isinstance(value, (int, float)) and math.isfinite(value):
        if dtype.itemsize == 2:  # bfloat16 (held in float32): rounded as c10 rounds
            return dtypes.to_bfloat16(value)[()]
        if abs(value) > FLOAT32_MAX:
            raise runtime("value cannot be converted to type float without overflow")
    if dtype.itemsize == 2 and dtype.np == np.float32:
        return dtypes.to_bfloat16(value)[()]
    with np.errstate(over="ignore"):  # (float16: a large value becomes inf, as in PyTorch)
        return dtypes.cast(value, dtype)[()]


def check_opmath(dtype, value):
    """A number a kernel reads in its compute type (addcmul's value, lerp's weight: float for float16/bfloat16/
    float32, complex<float> for complex64, the dtype itself for integers, double unchecked but for a complex number's
    imaginary part): PyTorch's 'value cannot be converted ...'. The number as the kernel reads it (a complex one's real part)."""
    if type(value) is complex and dtype.category < 3:
        return checked_scalar(dtype if dtype.category != 2 else dtypes.float64 if dtype is dtypes.float64 else
                              dtypes.float32, value).item()
    if dtype.category == 1 or dtype.category == 2 and dtype is not dtypes.float64 and not -FLOAT32_MAX <= value <= FLOAT32_MAX:
        checked_scalar(dtype if dtype.category == 1 else dtypes.float32, value)
    elif dtype is dtypes.complex64:  # (read as a c10::complex<float>: each part checked)
        checked_scalar(dtype, value)
    return value


def c_type(dtype, opmath=False):
    """The C type a kernel reads a dtype's numbers as (opmath: the one it computes in, float for float16/bfloat16)."""
    if opmath and dtype.category == 2:
        return "double" if dtype is dtypes.float64 else "float"
    return C_TYPES.get(dtype.name, dtypes.C_NAMES[dtype.name])


def real_scalar(value, dtype, opmath=False):
    """A complex Python number where a real tensor's kernel reads a real one (alpha, beta, a threshold, a slope):
    c10's checked_convert to the kernel's C type refuses an imaginary part; else its real part (an int for an
    integer dtype). Anything else as it is."""
    if type(value) is not complex or dtype.category == 3:
        return value
    if value.imag:
        raise runtime(f"value cannot be converted to type {c_type(dtype, opmath)} without overflow")
    return int(value.real) if dtype.category < 2 else value.real


_LONG_LONG = (-2 ** 63, 2 ** 63 - 1)


def unpack_long(v, c_type="long long"):
    """THPUtils_unpackLong: an int beyond 64 bits (32 for a C `long` such as set_num_threads') is a ValueError."""
    lo, hi = _LONG_LONG if c_type == "long long" else (-2 ** 31, 2 ** 31 - 1)
    if isinstance(v, int) and not lo <= v <= hi:
        raise value_error(f"Overflow when unpacking {c_type}")
    return v


def check_long_list(values):
    """An int list (split's sizes, ...) read by the parser's unpackLong: an int beyond 64 bits is refused."""
    for v in values if isinstance(values, (list, tuple)) else (values,):
        unpack_long(v)
    return values
