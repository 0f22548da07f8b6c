"""dtypes and PyTorch's type-promotion rules (tensors, 0-dim tensors and Python scalars)."""
import numpy as np

from .errors import c_method as _c_method


class DType:
    __slots__ = ("name", "np", "itemsize", "npsize", "is_floating_point", "is_signed", "category", "type_name",
                 "rank", "is_complex")
    __api__ = frozenset({"is_floating_point", "is_signed", "itemsize", "is_complex", "to_real", "to_complex"})
    from .errors import c_type_format
    __format__ = c_type_format("torch.dtype")
    __tsh_bases_as_torch__ = True  # (its __mro__ is PyTorch's: (torch.dtype, object))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __init__(self, name, np_dtype, category, type_name, rank, itemsize=None):
        self.name = name
        self.np = np.dtype(np_dtype)
        self.npsize = self.np.itemsize      # bytes of an element of the numpy array holding the values
        self.itemsize = itemsize or self.npsize  # PyTorch's element size (bfloat16: 2, held in float32)
        self.category = category            # 0 bool, 1 integer, 2 floating, 3 complex
        self.is_floating_point = category == 2
        self.is_complex = category == 3
        self.is_signed = name != "bool" and name != "uint8"
        self.type_name = type_name          # legacy name used in version-counter messages
        self.rank = rank                    # position in the promotion lattice within a category

    def __repr__(self):
        return "torch." + self.name

    @_c_method("dtype", 0)
    def to_real(self):
        """The real dtype of a complex one's parts (complex64 -> float32); any other dtype itself."""
        return _REAL.get(self, self)

    @_c_method("dtype", 0)
    def to_complex(self):
        """c10's toComplexType: the complex dtype of a float dtype's parts (float16 -> complex32, bfloat16 ->
        complex64); a complex dtype itself."""
        if self.category == 3:
            return self
        if self not in _COMPLEX:
            raise _runtime(f"Unknown Complex ScalarType for {SCALAR_NAMES[self.name]}")
        return _COMPLEX[self]

    __str__ = __repr__

    def __reduce__(self):
        return (from_name, (self.name,))

    def __new__(cls, *args, **kwargs):  # (a program's torch.dtype(...); the module builds the ten below with _make)
        raise TypeError("cannot create 'torch.dtype' instances")

    @classmethod
    def _make(cls, *args, **kwargs):
        self = object.__new__(cls)
        self.__init__(*args, **kwargs)
        return self


# (type(x.dtype) is torch.dtype; Python's messages name it by its tp_name, "torch.dtype"; a program reads __name__ "dtype")
DType.__module__, DType.__name__, DType.__qualname__, DType.__tsh_name__ = "torch", "torch.dtype", "dtype", "dtype"

bool_ = DType._make("bool", np.bool_, 0, "torch.BoolTensor", 0)
uint8 = DType._make("uint8", np.uint8, 1, "torch.ByteTensor", 1)
int8 = DType._make("int8", np.int8, 1, "torch.CharTensor", 1)
int16 = DType._make("int16", np.int16, 1, "torch.ShortTensor", 2)
int32 = DType._make("int32", np.int32, 1, "torch.IntTensor", 3)
int64 = DType._make("int64", np.int64, 1, "torch.LongTensor", 4)
float16 = DType._make("float16", np.float16, 2, "torch.HalfTensor", 1)
# numpy has no bfloat16: its values are held in float32 arrays, every one exactly a bfloat16 (to_bfloat16 rounds)
bfloat16 = DType._make("bfloat16", np.float32, 2, "torch.BFloat16Tensor", 1, itemsize=2)
float32 = DType._make("float32", np.float32, 2, "torch.FloatTensor", 2)
float64 = DType._make("float64", np.float64, 2, "torch.DoubleTensor", 3)
complex64 = DType._make("complex64", np.complex64, 3, "torch.ComplexFloatTensor", 2)
complex128 = DType._make("complex128", np.complex128, 3, "torch.ComplexDoubleTensor", 3)
_REAL = {complex64: float32, complex128: float64}
_COMPLEX = {float32: complex64, float64: complex128}



class UnsupportedDType(DType):
    """A dtype of PyTorch 2.13's that tensorsh has no tensors of (uint16-64, complex32, float8): its attributes,
    repr and finfo/iinfo; refused (check_supported) wherever a tensor of it would be made."""
    __slots__ = ()


UnsupportedDType.__module__, UnsupportedDType.__name__, UnsupportedDType.__qualname__ = "torch", "torch.dtype", "dtype"
UnsupportedDType.__tsh_name__ = "dtype"


def _unsupported(name, category, itemsize, is_signed):
    dt = UnsupportedDType._make(name, np.uint8, category, None, 0, itemsize=itemsize)
    dt.is_signed = is_signed
    return dt


uint16, uint32, uint64 = (_unsupported(f"uint{8 * n}", 1, n, False) for n in (2, 4, 8))
complex32 = _unsupported("complex32", 3, 4, True)
float8_e4m3fn, float8_e5m2 = _unsupported("float8_e4m3fn", 2, 1, True), _unsupported("float8_e5m2", 2, 1, True)
UNSUPPORTED = (uint16, uint32, uint64, complex32, float8_e4m3fn, float8_e5m2)
BY_UNSIGNED = {2: uint16, 4: uint32, 8: uint64}  # (a numpy array's unsigned dtype tensorsh has no tensors of)
_REAL[complex32] = float16
_COMPLEX.update({float16: complex32, bfloat16: complex64})


def check_supported(dt):
    """Refuse a dtype tensorsh has no tensors of, where one would be made."""
    if type(dt) is UnsupportedDType:
        error = _runtime(f"tensorsh: {dt} tensors are not supported yet")
        error.unsupported_dtype = dt  # (an in-place op's result type refuses it first: core.edges_first)
        raise error


ALL = (bool_, uint8, int8, int16, int32, int64, float16, bfloat16, float32, float64, complex64, complex128)
BY_NAME = {d.name: d for d in ALL}
BY_NP = {d.np: d for d in ALL if d is not bfloat16}
ALIASES = {"float": float32, "double": float64, "long": int64, "int": int32, "short": int16, "half": float16,
           "bool": bool_, "cfloat": complex64, "cdouble": complex128}
DEFAULT_FLOAT = float32
C_NAMES = {"float32": "float", "float64": "double", "int64": "long int", "int32": "int", "bool": "bool",
           "uint8": "unsigned char", "int8": "signed char", "int16": "short int",
           "float16": "c10::Half", "bfloat16": "c10::BFloat16", "complex64": "c10::complex<float>",
           "complex128": "c10::complex<double>"}  # C++ type names some messages use
SCALAR_NAMES = {"float32": "Float", "float64": "Double", "int64": "Long", "int32": "Int", "bool": "Bool",
                "uint8": "Byte", "int8": "Char", "int16": "Short", "float16": "Half",
                "bfloat16": "BFloat16", "complex64": "ComplexFloat", "complex128": "ComplexDouble", "uint16": "UInt16",
                "uint32": "UInt32", "uint64": "UInt64", "complex32": "ComplexHalf", "float8_e4m3fn": "Float8_e4m3fn",
                "float8_e5m2": "Float8_e5m2"}  # (complex32 and the others: only named in a message, no tensors of them)


def expected_scalar_type(expected, found):
    """TensorBase::data_ptr<T>'s text when a kernel reads a tensor of another type as its own T."""
    return f"expected scalar type {SCALAR_NAMES[expected.name]} but found {SCALAR_NAMES[found.name]}"


def cpp_type_name(dt):
    """c10's Tensor::toString() of a CPU tensor's type in its messages (the saved-tensor-modified error's too): the
    legacy name (torch.FloatTensor), or CPU<Scalar>Type for the types that have none (bool, bfloat16, complex)."""
    return f"CPU{SCALAR_NAMES[dt.name]}Type" if dt is bool_ or dt is bfloat16 or dt.category == 3 else dt.type_name


def _runtime(msg):
    from .errors import runtime
    return runtime(msg)


def from_name(name):
    return BY_NAME[name]


# Python's number types where PyTorch takes a torch.dtype (its parser's ScalarType: `x.to(float)`, `dtype=int`)
PYTHON_TYPES = {float: float64, int: int64, bool: bool_, complex: complex128}


def from_python_type(value):
    """The dtype PyTorch reads for a Python number type given as a dtype; any other value as it is."""
    return PYTHON_TYPES.get(value, value) if type(value) is type else value


def promote(a, b):
    """promote_types for two dtypes."""
    if a is None:
        return b
    if b is None or a is b:
        return a
    if type(a) is UnsupportedDType or type(b) is UnsupportedDType:
        return _promote_unsupported(a, b)
    if a.category != b.category:
        hi, lo = (a, b) if a.category > b.category else (b, a)
        if hi.category == 3 and lo.category == 2 and lo.rank > hi.rank:  # float64 with complex64: complex128
            return complex128
        return hi
    if a.rank == b.rank == 1 and a.category == 2:  # float16 with bfloat16: neither holds the other
        return float32
    if a is uint8 or b is uint8:  # uint8 with a signed int: the signed one, at least int16
        other = b if a is uint8 else a
        return int16 if other is int8 else other
    return a if a.rank >= b.rank else b


def _promote_unsupported(a, b):
    """c10's promoteTypes where a dtype tensorsh has no tensors of takes part: float8 promotes with nothing else,
    uint16-64 with floating dtypes only; complex32 is complex float16."""
    names = f"{SCALAR_NAMES[a.name]} and {SCALAR_NAMES[b.name]}"
    if a.name.startswith("float8") or b.name.startswith("float8"):
        raise _runtime(f"Promotion for Float8 Types is not supported, attempted to promote {names}")
    if a in BY_UNSIGNED.values() or b in BY_UNSIGNED.values():
        other = b if a in BY_UNSIGNED.values() else a
        if other.category != 2:
            raise _runtime(f"Promotion for uint16, uint32, uint64 types is not supported, attempted to promote {names}")
        return other
    other = b if a is complex32 else a  # (complex32 beside a supported dtype)
    if other.category == 3:
        return other
    return complex32 if other.category < 2 or other is float16 else _COMPLEX.get(other, complex64)


_NAN_BITS = np.uint32(0x7FC00000)


def finite_max(dt):
    """The largest finite value of floating dtype dt (bfloat16's own, not its float32 storage's)."""
    return (2 - 2.0 ** -7) * 2.0 ** 127 if dt is bfloat16 else float(np.finfo(dt.np).max)


def to_bfloat16(values):
    """A new float32 array of values rounded to bfloat16 as c10::BFloat16 does: from float, to nearest even
    (the low 16 bits of the float's word dropped), a NaN the quiet NaN 0x7FC0."""
    out = np.array(values, dtype=np.float32, copy=True, order="K")  # (float64: via float, as c10's cast)
    round_bfloat16(out)
    return out


def to_float16(values):
    """A float32 array of values rounded to float16 (c10::Half's cast from float): a step of a half kernel that
    computes in float and rounds in between."""
    return np.asarray(values, np.float32).astype(np.float16).astype(np.float32)


def cast(values, dtype):
    """values (an array or number) in dtype's array type as c10 converts them: c10::Half is made from a float, so a
    double becomes a float16 through float, rounded twice (1 + 2**-11 + 2**-40 is 1.0, not numpy's 1.0009765625)."""
    values = np.asarray(values)
    if dtype.np == np.float16 and values.dtype == np.float64:
        with np.errstate(over="ignore"):
            values = values.astype(np.float32)
    return values.astype(dtype.np)


def stored(values, dtype):
    """values as writing them into a tensor of dtype stores them: a float16's through float (cast), others as
    numpy's assignment converts them (a numpy scalar, a 0-dim kernel's result, as an array: numpy assigns a scalar
    through a Python int, refusing one out of range where C's conversion wraps it, as PyTorch's does)."""
    if dtype is float16:
        return cast(values, dtype)
    return np.asarray(values) if isinstance(values, np.generic) else values


def rounding(dtype):
    """The function rounding float32 values to a reduced float dtype, kept as float32 (to_bfloat16, to_float16)."""
    return to_bfloat16 if dtype is bfloat16 else to_float16


def round_bfloat16(arr):
    """Round a float32 array (any strides) to bfloat16 values in place."""
    if arr.size == 0:
        return arr
    bits = arr.view(np.uint32)
    nan = arr != arr
    with np.errstate(over="ignore"):
        bits += np.uint32(0x7FFF) + ((bits >> np.uint32(16)) & np.uint32(1))
    bits &= np.uint32(0xFFFF0000)
    if nan.any():
        bits[nan] = _NAN_BITS
    return arr


def scalar_dtype(value):
    """The dtype a Python scalar takes as a wrapped number."""
    if isinstance(value, bool):
        return bool_
    if isinstance(value, int):
        return int64
    if isinstance(value, complex):
        return default_complex()
    return DEFAULT_FLOAT


def default_complex():
    """The complex dtype of a Python complex number, c10's default complex dtype: complex128 under the default
    float64, complex32 under float16 (its tensors refused), else complex64."""
    return complex128 if DEFAULT_FLOAT is float64 else complex32 if DEFAULT_FLOAT is float16 else complex64


def _combine(higher, lower):
    if higher is not None and higher.category >= 2:
        if higher.category == 2 and lower is not None and lower.category == 3:  # float64 with a complex 0-dim/scalar
            return complex32 if higher is float16 else _COMPLEX.get(higher, complex64)  # (toComplexType)
        return higher
    if higher is bool_ or (lower is not None and lower.category >= 2):
        return promote(higher, lower)
    return higher if higher is not None else lower


def result_type(operands, tensorless=False):
    """PyTorch's result_type over tensors and Python scalars (dim tensors > 0-dim tensors > scalars); one tensorsh
    has no tensors of (float16 with a complex number: complex32) is refused unless no tensor is made of it
    (tensorless: torch.result_type)."""
    dim = zero = wrapped = None
    unsigned = None  # (the numbers' dtypes in order, once a uint64 one, 2 ** 63 <= x < 2 ** 64, is among them)
    for x in operands:
        t = getattr(x, "_shape", None)
        if t is None:
            wrapped = promote(wrapped, scalar_dtype(x))
            if x.__class__ is int and x > _INT64_MAX or unsigned is not None:
                unsigned = (unsigned or [d for d in operands if getattr(d, "_shape", None) is None])
        elif t:
            dim = promote(dim, x.dtype)
        elif x._is_wrapped_number:  # (its dtype is the number's kind: double stands for the default float)
            wrapped = promote(wrapped, DEFAULT_FLOAT if x.dtype is float64 else
                              default_complex() if x.dtype is complex128 else x.dtype)
        else:
            zero = promote(zero, x.dtype)
    if unsigned is not None and wrapped.category < 2 and _combine(dim, zero) in (bool_, None):
        _refuse_uint64(_combine(dim, zero), unsigned)
    dt = _combine(dim, _combine(zero, wrapped))
    if not tensorless:
        check_supported(dt)
    return dt


def _refuse_uint64(tensors, numbers):
    """A uint64 number (2 ** 63 <= x < 2 ** 64) that takes part in the promotion (beside bool tensors, or other
    integer numbers only): PyTorch has no promotion for it."""
    kinds = ["UInt64" if n.__class__ is int and n > _INT64_MAX else "Bool" if n.__class__ is bool else "Long"
             for n in numbers if n.__class__ in (int, bool)]
    pair, state = ("Bool", "UInt64") if tensors is bool_ else None, None
    for kind in kinds if pair is None else ():  # (promoted left to right, as the numbers' wrapped tensors)
        if state is not None and kind != state and "UInt64" in (kind, state):
            pair = (state, kind)
            break
        state = kind if state in (None, "Bool") else state
    if pair is not None:
        from .errors import runtime
        raise runtime(f"Promotion for uint16, uint32, uint64 types is not supported, attempted to promote {pair[0]} "
                      f"and {pair[1]}")


_INT64_MAX = 2 ** 63 - 1


def can_cast(src, dst):
    """PyTorch's canCast for in-place results: no float->int, no non-bool->bool."""
    if src.category >= 2 and dst.category < src.category:
        return False
    if src.category > 0 and dst.category == 0:
        return False
    return True


_LEGACY_TYPED = frozenset({"uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64"})


def type_string(dt):
    """A CPU tensor of dt as ATen's messages name it: the legacy type name where there is one (torch.FloatTensor),
    else Tensor::toString's backend, scalar type and "Type" (CPUBFloat16Type, CPUComplexFloatType, CPUBoolType)."""
    return f"torch.{SCALAR_NAMES[dt.name]}Tensor" if dt.name in _LEGACY_TYPED else f"CPU{SCALAR_NAMES[dt.name]}Type"
