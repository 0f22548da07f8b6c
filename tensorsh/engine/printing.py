"""Tensor printing: a numpy port of PyTorch 2.13's torch/_tensor_str.py, producing repr(tensor) text."""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from . import errors
from .errors import runtime


@dataclasses.dataclass(frozen=True)
class PrintOptions:
    """torch.set_printoptions() state; the defaults are torch's 'default' profile."""

    precision: int = 4
    threshold: float = 1000
    edgeitems: int = 3
    linewidth: int = 80
    sci_mode: bool | None = None


DEFAULT_OPTIONS = PrintOptions()
OPTIONS = DEFAULT_OPTIONS  # the current options: torch.set_printoptions replaces this
NUMPY_DEFAULT_OPTIONS = np.get_printoptions()  # (how numpy prints arrays: a program's np.set_printoptions changes it)


def set_numpy_printoptions(options):
    """Put numpy's print options back (a new run's defaults, or what a step undone found)."""
    if np.get_printoptions() != options:
        np.set_printoptions(**options)


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None,
                     sci_mode=None):
    """torch.set_printoptions, as torch/_tensor_str.py's: a known profile resets the four numbers first, then each
    given option is stored as it is, unchecked (a wrong one fails when a tensor is printed, as in PyTorch), and
    sci_mode is always replaced."""
    global OPTIONS
    base = OPTIONS
    if profile in ("default", "short", "full"):
        base = {"default": PrintOptions(), "short": PrintOptions(2, 1000, 2, 80),
                "full": PrintOptions(4, float("inf"), 3, 80)}[profile]
    changes = {k: v for k, v in (("precision", precision), ("threshold", threshold), ("edgeitems", edgeitems),
                                 ("linewidth", linewidth)) if v is not None}
    OPTIONS = PrintOptions(**{**base.__dict__, **changes, "sci_mode": sci_mode})


def get_printoptions():
    """torch._tensor_str.get_printoptions: the current options, as set_printoptions' keywords."""
    return dataclasses.asdict(OPTIONS)


def printoptions(**kwargs):
    """torch._tensor_str.printoptions(**kwargs): set_printoptions for a with-block, the options before it set back
    after (sci_mode too, as set_printoptions always sets it). Torch's is a contextlib.contextmanager function, so it
    takes keywords only and returns a _GeneratorContextManager."""
    return _GeneratorContextManager(kwargs)


class _GeneratorContextManager:
    """What printoptions(...) returns, named as contextlib's class."""

    __api__ = frozenset({"__enter__", "__exit__"})
    __module__ = "contextlib"

    def __init__(self, kwargs):
        self._kwargs, self._old = kwargs, None

    def __enter__(self):
        if self._kwargs is None:  # (contextlib's __enter__ deletes its arguments: a second with-block finds none)
            raise errors.AttributeError("'_GeneratorContextManager' object has no attribute 'args'")
        self._old, kwargs, self._kwargs = get_printoptions(), self._kwargs, None
        set_printoptions(**kwargs)

    def __exit__(self, *exc):
        set_printoptions(**self._old)
        return False


class _PrinterOptions:
    """torch._tensor_str.PRINT_OPTS: the current options, read and assigned one field at a time
    (`PRINT_OPTS.sci_mode = False`, stored unchecked as torch's dataclass stores it); an assignment replaces the
    options whole, as set_printoptions does, so a session's undo keeps working."""

    __api__ = frozenset(f.name for f in dataclasses.fields(PrintOptions))
    __settable__ = __api__

    def __getattr__(self, name):
        if name in _PrinterOptions.__api__:
            return getattr(OPTIONS, name)
        raise AttributeError(name)

    def __setattr__(self, name, value):
        global OPTIONS
        OPTIONS = dataclasses.replace(OPTIONS, **{name: value})

    def __repr__(self):
        return "__PrinterOptions(" + ", ".join(f"{k}={v!r}" for k, v in get_printoptions().items()) + ")"


_PrinterOptions.__name__ = _PrinterOptions.__qualname__ = "__PrinterOptions"  # (torch's class, as named there)
_PrinterOptions.__module__ = "torch._tensor_str"
PRINT_OPTS = _PrinterOptions()

_PREFIX = "tensor("
_FLOAT_DTYPES = frozenset({"float16", "bfloat16", "float32", "float64"})
_DEFAULT_COMPLEX = ("complex64", "complex128")  # (the complex dtype that prints without a dtype, by default float64)
# numpy has no bfloat16: callers pass its (exactly representable) values as float32.
_NUMPY_DTYPES = {"bfloat16": np.dtype(np.float32)}


def tensor_repr(
    values: np.ndarray,
    dtype: str,
    *,
    requires_grad: bool = False,
    grad_fn: str | None = None,
    default_dtype: str | None = None,
    options: PrintOptions = DEFAULT_OPTIONS,
    tangent: str | None = None,
    shape: tuple | None = None,
) -> str:
    """Return exactly what repr(t) / str(t) prints for a CPU strided tensor `t` holding `values` (shape: t's own,
    where it differs from the array's: a negative size beside a zero, which numpy holds as 0)."""
    values = _as_numpy(values, dtype)
    if default_dtype is None:  # (torch.set_default_dtype's: its tensors print without a dtype)
        from . import dtypes
        default_dtype = dtypes.DEFAULT_FLOAT.name
    indent = len(_PREFIX)
    suffixes: list[str] = []
    if values.size == 0:
        # An empty tensor shows its shape unless it is (0,), and any non-default dtype
        # (even int64/bool, since there are no elements to infer the dtype from).
        if values.ndim != 1:
            suffixes.append(f"size={tuple(values.shape if shape is None else shape)}")
        if dtype != default_dtype:
            suffixes.append(f"dtype=torch.{dtype}")
        body = "[]"
    else:
        if not options.edgeitems:
            suffixes.append(f"size={tuple(values.shape)}")
        if dtype not in (default_dtype, _DEFAULT_COMPLEX[default_dtype == "float64"], "int64", "bool"):
            suffixes.append(f"dtype=torch.{dtype}")
        body = _tensor_str(values, dtype in _FLOAT_DTYPES, indent, options)
    # A non-leaf shows its grad_fn; requires_grad=True is then implied and not printed.
    if grad_fn is not None:
        suffixes.append(f"grad_fn=<{grad_fn}>")
    elif requires_grad:
        suffixes.append("requires_grad=True")
    if tangent is not None:
        suffixes.append(f"tangent={tangent}")
    return _add_suffixes(_PREFIX + body, suffixes, indent, options.linewidth)


def _as_numpy(values, dtype: str) -> np.ndarray:
    target = _NUMPY_DTYPES.get(dtype) or np.dtype(dtype)
    values = np.asarray(values)
    return values if values.dtype == target else values.astype(target)


def _tensor_str(values: np.ndarray, floating: bool, indent: int, opts: PrintOptions) -> str:
    """The bracketed body of a non-empty tensor (torch's _tensor_str)."""
    summarize = values.size > opts.threshold
    edge = opts.edgeitems
    shown = _summarized(values, edge) if summarize else values
    if summarize and values.ndim and not edge:
        # torch keeps no edge items at all: every level collapses into one "...".
        return "[...]"
    # The formatter (width, int/sci mode) only ever sees the elements that get printed.
    if shown.dtype.kind == "c":  # (a complex tensor: its real and imaginary parts each have a formatter of their own)
        real, imag = _Formatter(shown.real, True, opts), _Formatter(shown.imag, True, opts)
        strings = [_complex_str(a, b) for a, b in zip(real.format_all(_python_values(shown.real, True)),
                                                       imag.format_all(_python_values(shown.imag, True)))]
        width = real.max_width + imag.max_width + 1  # (the "j" too)
    else:
        formatter = _Formatter(shown, floating, opts)
        strings = formatter.format_all(_python_values(shown, floating))
        width = formatter.max_width
    if values.ndim == 0:
        return strings[0]
    # Where each summarized level puts its "...": after the items its head slice keeps (edgeitems, or fewer when it
    # is negative: torch's `self[:edgeitems]`), None where the level is printed whole.
    heads = [len(range(n)[:edge]) if summarize and n > 2 * edge else None for n in values.shape]
    return _nested_str(strings, shown.shape, heads, indent, width, opts)


def _complex_str(real: str, imag: str) -> str:
    """torch's complex element: the padded real part, then the imaginary part unpadded with its sign (+ added)."""
    imag = (imag + "j").lstrip()
    return real + imag if imag[0] in "+-" else real + "+" + imag


def _summarized(values: np.ndarray, edge: int) -> np.ndarray:
    """torch's get_summarized_data: the first and last `edge` items along every long axis, taken as it takes them:
    the last axis by Python slices (`self[:edge]`, `self[-edge:]`), the others by `range(edge)` and
    `range(n - edge, n)` stacked. So an edgeitems that is no int fails in Python's words, and a negative one keeps
    all but the first/last items of a vector and nothing of a matrix's rows (torch.stack of no tensors)."""
    for axis, n in enumerate(values.shape):
        if n > 2 * edge:
            if axis == values.ndim - 1:
                keep = list(range(n)[:edge]) + list(range(n)[-edge:])
            else:
                keep = list(range(edge)) + list(range(n - edge, n))
                if not keep and edge:  # (edgeitems=0 keeps no rows and prints "[...]")
                    raise runtime("stack expects a non-empty TensorList")
            values = values.take(keep, axis=axis)
    return values


def _python_values(values: np.ndarray, floating: bool) -> list:
    # torch formats tensor.tolist() elements: floats of every width become Python (double) floats.
    flat = values.reshape(-1)
    if floating and flat.dtype != np.float64:
        flat = flat.astype(np.float64)
    return flat.tolist()


class _Formatter:
    """torch's _Formatter: picks int/sci mode and a common width from the printed elements."""

    __slots__ = ("floating", "int_mode", "sci_mode", "max_width", "precision")

    def __init__(self, values: np.ndarray, floating: bool, opts: PrintOptions):
        self.floating = floating
        self.int_mode = True
        self.sci_mode = False
        self.max_width = 1
        self.precision = opts.precision
        flat = values.reshape(-1)
        if not floating:
            self._measure_integers(flat)
        else:
            self._measure_floats(flat, opts.sci_mode)

    def _measure_integers(self, flat: np.ndarray) -> None:
        if flat.size:
            # str() length grows with magnitude on each side of zero, so the extremes decide.
            extremes = (flat.min().item(), flat.max().item())
            self.max_width = max(1, *(len(str(v)) for v in extremes))

    def _measure_floats(self, flat: np.ndarray, sci_option: bool | None) -> None:
        finite = flat[np.isfinite(flat) & (flat != 0)]
        if finite.size == 0:
            return  # only zeros / nan / inf: int mode, width 1, as torch
        self.int_mode = bool(np.all(finite == np.ceil(finite)))
        # torch compares the magnitudes in double (half would overflow at 1e8).
        magnitudes = np.abs(finite)
        low, high = float(magnitudes.min()), float(magnitudes.max())
        if sci_option is None:
            self.sci_mode = high / low > 1000.0 or high > 1.0e8 or low < 1.0e-4
        else:
            self.sci_mode = sci_option
        self.max_width = max(1, *(self._measure(v) for v in self._width_candidates(finite)))

    def _width_candidates(self, finite: np.ndarray) -> list[float]:
        # Rounded text length is monotonic in |v| on each side of zero, so torch's max over all
        # elements is reached at the largest magnitude of either sign - or, in sci mode, at
        # the smallest one whose exponent may have 3 digits ("-1.0000e-100"). A small positive
        # one never wins there: it is then min() itself or no longer than any negative value.
        candidates = [finite.min(), finite.max()]
        if self.sci_mode:
            negative = finite[finite < 0]
            if negative.size:
                candidates.append(negative.max())
        return np.array(candidates, dtype=np.float64).tolist()

    def _measure(self, value: float) -> int:
        if self.sci_mode:
            return len(f"{value:.{self.precision}e}")
        if self.int_mode:
            return len(f"{value:.0f}") + 1  # room for the trailing "."
        return len(f"{value:.{self.precision}f}")

    def format_all(self, values: list) -> list[str]:
        """torch's _Formatter.format applied to each element, right-aligned to max_width."""
        width = self.max_width
        if not self.floating:
            return [str(v).rjust(width) for v in values]
        if self.sci_mode:
            spec = f"{width}.{self.precision}e"
            return [format(v, spec) for v in values]
        if self.int_mode:
            return [_int_mode_str(v).rjust(width) for v in values]
        spec = f".{self.precision}f"
        return [format(v, spec).rjust(width) for v in values]


def _int_mode_str(value: float) -> str:
    # Integral floats print as "2." so they read as floats; nan/inf get no dot.
    text = format(value, ".0f")
    return text + "." if text[-1].isdigit() else text


def _nested_str(strings: list[str], shape: tuple, heads: list[int | None], indent: int,
                width: int, opts: PrintOptions) -> str:
    """torch's _tensor_str_with_formatter over already formatted elements (C order)."""
    if len(shape) == 1:
        return _vector_str(strings, heads[0], indent, width, opts)
    step = len(strings) // shape[0]  # non-empty, so shape[0] > 0
    slices = [
        _nested_str(strings[i * step : (i + 1) * step], shape[1:], heads[1:], indent + 1, width, opts)
        for i in range(shape[0])
    ]
    if heads[0] is not None:
        slices.insert(heads[0], "...")
    # Slices of a d-dim tensor are separated by d-1 newlines (blank lines from 3-d up).
    separator = "," + "\n" * (len(shape) - 1) + " " * (indent + 1)
    return "[" + separator.join(slices) + "]"


def _vector_str(data: list[str], head: int | None, indent: int, width: int, opts: PrintOptions) -> str:
    if head is not None:
        data = data[:head] + [" ..."] + data[head:]
    # Each element takes its width plus ", "; torch counts that for the last one too.
    per_line = max(1, math.floor((opts.linewidth - indent) / (width + 2)))
    lines = [", ".join(data[i : i + per_line]) for i in range(0, len(data), per_line)]
    return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"


def _add_suffixes(text: str, suffixes: list[str], indent: int, linewidth: int) -> str:
    """torch's _add_suffixes, including its over-estimate of the last line's length by 2."""
    parts = [text]
    last_line_len = len(text) - text.rfind("\n") + 1
    for suffix in suffixes:
        if last_line_len + len(suffix) + 2 > linewidth:
            parts.append(",\n" + " " * indent + suffix)
            last_line_len = indent + len(suffix)
        else:
            parts.append(", " + suffix)
            last_line_len += len(suffix) + 2
    parts.append(")")
    return "".join(parts)
