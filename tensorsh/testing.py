"""torch.testing as programs use it: assert_close (and the deprecated assert_allclose).

torch/testing/_comparison.py ported on engine ops for what a CPU program compares: None, bools, Python numbers
and dense tensors (or tensor-likes torch.as_tensor takes), through sequences and mappings, with PyTorch's default
tolerances per dtype, its checks in its order and its message texts (the mismatch statistics are computed with the
same tensor ops, so the numbers are PyTorch's). Loaded the first time a program reads `torch.testing`.
"""
import cmath
import collections.abc

import numpy as np

from tensorsh.engine import dtypes
from tensorsh.engine.errors import make, warn
from tensorsh.engine.tensor import Size, Tensor
from tensorsh.engine.torch_api import NAMESPACE as T

_DTYPE_PRECISIONS = {dtypes.float16: (0.001, 1e-5), dtypes.bfloat16: (0.016, 1e-5), dtypes.float32: (1.3e-6, 1e-5),
                     dtypes.float64: (1e-7, 1e-7), dtypes.complex64: (1.3e-6, 1e-5), dtypes.complex128: (1e-7, 1e-7)}
_NUMBER_DTYPES = {int: dtypes.int64, float: dtypes.float64, complex: dtypes.complex128}


class _ErrorMeta(Exception):
    """A failed comparison: the exception kind and text, and the item (sequence index, mapping key) it is at."""

    def __init__(self, kind, msg, *, id=()):
        super().__init__(msg)
        self.kind, self.msg, self.id = kind, msg, id

    def to_error(self, msg=None):
        if not isinstance(msg, str):
            generated = self.msg
            if self.id:
                generated += f"\n\nThe failure occurred for item {''.join(str([item]) for item in self.id)}"
            msg = msg(generated) if callable(msg) else generated
        return make(self.kind, msg)


class _Unsupported(Exception):
    pass


def _default_tolerances(*dts, precisions=None):
    precisions = precisions or _DTYPE_PRECISIONS
    rtols, atols = zip(*[precisions.get(dt, (0.0, 0.0)) for dt in dts])
    return max(rtols), max(atols)


def _tolerances(*dts, rtol, atol, id):
    if (rtol is None) ^ (atol is None):
        raise _ErrorMeta("ValueError", "Both 'rtol' and 'atol' must be either specified or omitted, but got no "
                                       f"{'rtol' if rtol is None else 'atol'}.", id=id)
    if rtol is not None:
        return rtol, atol
    return _default_tolerances(*dts)


def _mismatch_msg(default_identifier, identifier, extra, abs_diff, abs_idx, atol, rel_diff, rel_idx, rtol):
    equality = rtol == 0 and atol == 0

    def diff_msg(kind, diff, idx, tol):
        msg = f"{kind.title()} difference: {diff}" if idx is None else f"Greatest {kind} difference: {diff} at index {idx}"
        if not equality:
            msg += f" (up to {tol} allowed)"
        return msg + "\n"
    if identifier is None:
        identifier = default_identifier
    elif callable(identifier):
        identifier = identifier(default_identifier)
    msg = f"{identifier} are not {'equal' if equality else 'close'}!\n\n"
    if extra:
        msg += f"{extra.strip()}\n"
    msg += diff_msg("absolute", abs_diff, abs_idx, atol) + diff_msg("relative", rel_diff, rel_idx, rtol)
    return msg.strip()


def _scalar_mismatch_msg(actual, expected, *, rtol, atol, identifier=None):
    abs_diff = abs(actual - expected)
    rel_diff = float("inf") if expected == 0 else abs_diff / abs(expected)
    return _mismatch_msg("Scalars", identifier, f"Expected {expected} but got {actual}.", abs_diff, None, atol,
                         rel_diff, None, rtol)


def _tensor_mismatch_msg(actual, expected, matches, *, rtol, atol, identifier=None):
    def unravel(flat):
        if not matches.shape:
            return ()
        out = []
        for size in matches.shape[::-1]:
            flat, mod = divmod(flat, size)
            out.append(mod)
        return tuple(out[::-1])
    n = matches.numel()
    mismatches = n - int(T["sum"](matches))
    extra = f"Mismatched elements: {mismatches} / {n} ({mismatches / n:.1%})"
    actual_flat, expected_flat, matches_flat = actual.flatten(), expected.flatten(), matches.flatten()
    if not actual.dtype.is_floating_point and not actual.dtype.is_complex:  # (integers and bools widened)
        actual_flat, expected_flat = actual_flat.to(dtypes.int64), expected_flat.to(dtypes.int64)
    abs_diff = T["abs"](actual_flat - expected_flat)
    abs_diff[matches_flat] = 0
    max_abs, max_abs_idx = T["max"](abs_diff, 0)
    rel_diff = abs_diff / T["abs"](expected_flat)
    rel_diff[matches_flat] = 0
    max_rel, max_rel_idx = T["max"](rel_diff, 0)
    return _mismatch_msg("Tensor-likes", identifier, extra, max_abs.item(), unravel(int(max_abs_idx)), atol,
                         max_rel.item(), unravel(int(max_rel_idx)), rtol)


class _Pair:
    def __init__(self, actual, expected, *, id=(), **unknown):
        self.actual, self.expected, self.id = actual, expected, id

    def _fail(self, kind, msg):
        raise _ErrorMeta(kind, msg, id=self.id)


class _NonePair(_Pair):
    def __init__(self, actual, expected, **options):
        if not (actual is None or expected is None):
            raise _Unsupported
        super().__init__(actual, expected, **options)

    def compare(self):
        if not (self.actual is None and self.expected is None):
            self._fail("AssertionError", f"None mismatch: {self.actual} is not {self.expected}")


class _BooleanPair(_Pair):
    def __init__(self, actual, expected, *, id, **options):
        if not all(isinstance(v, (bool, np.bool_)) for v in (actual, expected)):
            raise _Unsupported
        super().__init__(*(bool(v) for v in (actual, expected)), **options)

    def compare(self):
        if self.actual is not self.expected:
            self._fail("AssertionError", f"Booleans mismatch: {self.actual} is not {self.expected}")


class _NumberPair(_Pair):
    def __init__(self, actual, expected, *, id=(), rtol=None, atol=None, equal_nan=False, check_dtype=False,
                 **options):
        if not all(isinstance(v, (int, float, complex, np.number)) for v in (actual, expected)):
            raise _Unsupported
        actual, expected = (v.item() if isinstance(v, np.number) else v for v in (actual, expected))
        super().__init__(actual, expected, id=id, **options)
        self.rtol, self.atol = _tolerances(*(_NUMBER_DTYPES[type(v)] for v in (actual, expected)), rtol=rtol,
                                           atol=atol, id=id)
        self.equal_nan, self.check_dtype = equal_nan, check_dtype

    def compare(self):
        if self.check_dtype and type(self.actual) is not type(self.expected):
            self._fail("AssertionError",
                       f"The (d)types do not match: {type(self.actual)} != {type(self.expected)}.")
        if self.actual == self.expected:
            return
        if self.equal_nan and cmath.isnan(self.actual) and cmath.isnan(self.expected):
            return
        abs_diff = abs(self.actual - self.expected)
        if cmath.isfinite(abs_diff) and abs_diff <= self.atol + self.rtol * abs(self.expected):
            return
        self._fail("AssertionError", _scalar_mismatch_msg(self.actual, self.expected, rtol=self.rtol, atol=self.atol))


class _TensorLikePair(_Pair):
    def __init__(self, actual, expected, *, id=(), allow_subclasses=True, rtol=None, atol=None, equal_nan=False,
                 check_device=True, check_dtype=True, check_layout=True, check_stride=False, **options):
        if not (isinstance(actual, type(expected)) or isinstance(expected, type(actual))):
            raise _Unsupported
        if not allow_subclasses and type(actual) is not type(expected):
            raise _Unsupported
        actual, expected = (self._to_tensor(v) for v in (actual, expected))
        super().__init__(actual, expected, id=id, **options)
        self.rtol, self.atol = _tolerances(actual.dtype, expected.dtype, rtol=rtol, atol=atol, id=self.id)
        self.equal_nan, self.check_device, self.check_dtype = equal_nan, check_device, check_dtype
        self.check_stride = check_stride

    @staticmethod
    def _to_tensor(like):
        if isinstance(like, Tensor):
            return like
        try:
            return T["as_tensor"](like)
        except Exception:  # noqa: BLE001 - PyTorch's pair declines any input as_tensor refuses
            raise _Unsupported from None

    def compare(self):
        actual, expected = self.actual, self.expected

        def mismatch(name, a, e):
            self._fail("AssertionError", f"The values for attribute '{name}' do not match: {a} != {e}.")
        if actual.shape != expected.shape:
            mismatch("shape", actual.shape, expected.shape)
        if self.check_stride and actual.stride() != expected.stride():
            mismatch("stride()", actual.stride(), expected.stride())
        if self.check_device and actual.device != expected.device:
            mismatch("device", actual.device, expected.device)
        if self.check_dtype and actual.dtype != expected.dtype:
            mismatch("dtype", actual.dtype, expected.dtype)
        if actual.dtype != expected.dtype:
            dtype = dtypes.promote(actual.dtype, expected.dtype)
            actual, expected = actual.to(dtype), expected.to(dtype)
        matches = T["isclose"](actual, expected, rtol=self.rtol, atol=self.atol, equal_nan=self.equal_nan)
        if T["all"](matches):
            return
        if actual.shape == Size([]):
            msg = _scalar_mismatch_msg(actual.item(), expected.item(), rtol=self.rtol, atol=self.atol)
        else:
            msg = _tensor_mismatch_msg(actual, expected, matches, rtol=self.rtol, atol=self.atol)
        self._fail("AssertionError", msg)


_PAIRS = (_NonePair, _BooleanPair, _NumberPair, _TensorLikePair)


def _class_repr(value):
    return "<class 'torch.Tensor'>" if type(value) is Tensor else repr(type(value))


def _originate_pairs(actual, expected, *, id=(), **options):
    sequence, mapping = collections.abc.Sequence, collections.abc.Mapping
    if isinstance(actual, sequence) and not isinstance(actual, str) and isinstance(expected, sequence) and \
            not isinstance(expected, str):
        if len(actual) != len(expected):
            raise _ErrorMeta("AssertionError",
                             f"The length of the sequences mismatch: {len(actual)} != {len(expected)}", id=id)
        return [p for i in range(len(actual)) for p in _originate_pairs(actual[i], expected[i], id=(*id, i),
                                                                        **options)]
    if isinstance(actual, mapping) and isinstance(expected, mapping):
        actual_keys, expected_keys = set(actual.keys()), set(expected.keys())
        if actual_keys != expected_keys:
            raise _ErrorMeta("AssertionError", "The keys of the mappings do not match:\n"
                             f"Missing keys in the actual mapping: {sorted(expected_keys - actual_keys)}\n"
                             f"Additional keys in the actual mapping: {sorted(actual_keys - expected_keys)}", id=id)
        keys = actual_keys
        try:
            keys = sorted(keys)
        except Exception:  # noqa: BLE001 - keys without an order keep the set's
            pass
        return [p for k in keys for p in _originate_pairs(actual[k], expected[k], id=(*id, k), **options)]
    for pair in _PAIRS:
        try:
            return [pair(actual, expected, id=id, **options)]
        except _Unsupported:
            continue
        except _ErrorMeta:
            raise
        except Exception as error:  # (PyTorch's words for a failure it did not expect, e.g. a bool against an int)
            raise make("RuntimeError", f"Originating a {pair.__name__.lstrip('_')}() at item "
                       f"{''.join(str([item]) for item in id)} with\n\n{type(actual).__name__}(): {actual}\n\nand\n\n"
                       f"{type(expected).__name__}(): {expected}\n\nresulted in the unexpected exception above. If you "
                       "are a user and see this message during normal operation please file an issue at "
                       "https://github.com/pytorch/pytorch/issues. If you are a developer and working on the "
                       "comparison functions, please except the previous error and raise an expressive `ErrorMeta` "
                       "instead.") from error
    raise _ErrorMeta("TypeError", f"No comparison pair was able to handle inputs of type {_class_repr(actual)} "
                                  f"and {_class_repr(expected)}.", id=id)


def assert_close(actual, expected, *, allow_subclasses=True, rtol=None, atol=None, equal_nan=False,
                 check_device=True, check_dtype=True, check_layout=True, check_stride=False, msg=None):
    """torch.testing.assert_close: PyTorch's AssertionError (its text, or msg's) when the inputs are not close."""
    try:
        pairs = _originate_pairs(actual, expected, allow_subclasses=allow_subclasses, rtol=rtol, atol=atol,
                                 equal_nan=equal_nan, check_device=check_device, check_dtype=check_dtype,
                                 check_layout=check_layout, check_stride=check_stride)
    except _ErrorMeta as meta:
        raise meta.to_error() from None
    for pair in pairs:
        try:
            pair.compare()
        except _ErrorMeta as meta:
            raise meta.to_error(msg) from None


_ALLCLOSE_PRECISIONS = {dtypes.float16: (1e-3, 1e-3), dtypes.float32: (1e-4, 1e-5), dtypes.float64: (1e-5, 1e-8)}


def assert_allclose(actual, expected, rtol=None, atol=None, equal_nan=True, msg=""):
    """The deprecated torch.testing.assert_allclose: assert_close with its looser tolerances, dtypes unchecked."""
    warn("`torch.testing.assert_allclose()` is deprecated since 1.12 and will be removed in a future release. Please "
         "use `torch.testing.assert_close()` instead. You can find detailed upgrade instructions in "
         "https://github.com/pytorch/pytorch/issues/61844.", "FutureWarning")
    if not isinstance(actual, Tensor):
        actual = T["tensor"](actual)
    if not isinstance(expected, Tensor):
        expected = T["tensor"](expected, dtype=actual.dtype)
    if rtol is None and atol is None:
        rtol, atol = _default_tolerances(actual.dtype, expected.dtype, precisions=_ALLCLOSE_PRECISIONS)
    assert_close(actual, expected, rtol=rtol, atol=atol, equal_nan=equal_nan, check_device=True, check_dtype=False,
                 check_stride=False, msg=msg or None)


NAMESPACE = {"assert_close": assert_close, "assert_allclose": assert_allclose}
