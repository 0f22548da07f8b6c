"""tensorsh.engine.printing must reproduce PyTorch 2.13's repr(tensor) character for character."""

import math
import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tensorsh.engine.printing import PrintOptions, tensor_repr

try:  # the golden strings below need no torch; everything else compares against it
    import torch
except ImportError:
    torch = None

needs_torch = pytest.mark.skipif(torch is None, reason="torch is not installed")

INF, NAN = math.inf, math.nan


# Verified against torch 2.13.0 (CPU); these run without torch.
GOLDEN = [
    (np.float32(2.5), "float32", {}, "tensor(2.5000)"),
    (np.float32(-0.0), "float32", {}, "tensor(-0.)"),
    (np.array([2.0, 3.0], np.float32), "float32", {}, "tensor([2., 3.])"),
    (np.array([0.0, 0.0], np.float32), "float32", {}, "tensor([0., 0.])"),
    (np.array([-0.0, NAN, 1.0], np.float32), "float32", {}, "tensor([-0., nan, 1.])"),
    (np.array([True, False]), "bool", {}, "tensor([ True, False])"),
    (np.zeros((2, 0), np.float32), "float32", {}, "tensor([], size=(2, 0))"),
    (np.zeros(0, np.int64), "int64", {}, "tensor([], dtype=torch.int64)"),
    (np.array([1e-5, 1.0, 1e5], np.float32), "float32", {},
     "tensor([1.0000e-05, 1.0000e+00, 1.0000e+05])"),
    (np.arange(1001), "int64", {}, "tensor([   0,    1,    2,  ...,  998,  999, 1000])"),
    (np.arange(1, 9, dtype=np.int32).reshape(2, 2, 2), "int32", {},
     "tensor([[[1, 2],\n         [3, 4]],\n\n        [[5, 6],\n         [7, 8]]], dtype=torch.int32)"),
    (np.array([1.0, 2.5]), "float64", {"grad_fn": "MulBackward0"},
     "tensor([1.0000, 2.5000], dtype=torch.float64, grad_fn=<MulBackward0>)"),
    (np.arange(30, dtype=np.float32).reshape(2, 15) * 1.5, "float32", {},
     "tensor([[ 0.0000,  1.5000,  3.0000,  4.5000,  6.0000,  7.5000,  9.0000, 10.5000,\n"
     "         12.0000, 13.5000, 15.0000, 16.5000, 18.0000, 19.5000, 21.0000],\n"
     "        [22.5000, 24.0000, 25.5000, 27.0000, 28.5000, 30.0000, 31.5000, 33.0000,\n"
     "         34.5000, 36.0000, 37.5000, 39.0000, 40.5000, 42.0000, 43.5000]])"),
    (np.arange(26, dtype=np.float32) / np.float32(3), "float32", {"requires_grad": True},
     "tensor([0.0000, 0.3333, 0.6667, 1.0000, 1.3333, 1.6667, 2.0000, 2.3333, 2.6667,\n"
     "        3.0000, 3.3333, 3.6667, 4.0000, 4.3333, 4.6667, 5.0000, 5.3333, 5.6667,\n"
     "        6.0000, 6.3333, 6.6667, 7.0000, 7.3333, 7.6667, 8.0000, 8.3333],\n"
     "       requires_grad=True)"),
]


@pytest.mark.parametrize("values, dtype, kwargs, expected", GOLDEN, ids=range(len(GOLDEN)))
def test_golden(values, dtype, kwargs, expected):
    assert tensor_repr(values, dtype, **kwargs) == expected


def test_summarised_printing_is_fast():
    # Only the printed edge elements may be formatted, never all 10**6.
    values = np.random.default_rng(0).standard_normal((1000, 1000)).astype(np.float32)
    best = min(_seconds(lambda: tensor_repr(values, "float32")) for _ in range(5))
    assert best < 0.02


def _seconds(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


# ---------------------------------------------------------------- comparison with torch

def torch_dtype_name(t):
    return str(t.dtype).removeprefix("torch.")


def assert_same_repr(t, options=None):
    """Compare our text with torch's for tensor `t`, feeding ours only what tensorsh knows."""
    values = t.detach()
    values = values.float().numpy() if t.dtype == torch.bfloat16 else values.numpy()
    grad_fn = type(t.grad_fn).__name__ if t.grad_fn is not None else None
    kwargs = {"requires_grad": t.requires_grad, "grad_fn": grad_fn,
              "default_dtype": torch_dtype_name(torch.tensor(0.0))}
    if options is not None:
        kwargs["options"] = options
    ours = tensor_repr(values, torch_dtype_name(t), **kwargs)
    theirs = repr(t)
    assert ours == theirs, f"\nours:\n{ours}\ntorch:\n{theirs}"
    assert str(t) == theirs


def T(values, dtype="float32", **kwargs):
    return torch.tensor(values, dtype=getattr(torch, dtype), **kwargs)


def _seeded(fn):
    torch.manual_seed(0)
    return fn()


def _mul(t):
    return t.requires_grad_() * 1


def _wide_row(dtype):
    return torch.arange(60).to(getattr(torch, dtype)).reshape(2, 30)


CASES = {
    # 0-dim of every dtype
    "0d-float32": lambda: T(2.5),
    "0d-float32-int": lambda: T(3.0),
    "0d-float64": lambda: T(2.5, "float64"),
    "0d-float16": lambda: T(2.5, "float16"),
    "0d-bfloat16": lambda: T(2.5, "bfloat16"),
    "0d-int64": lambda: T(7, "int64"),
    "0d-int32": lambda: T(-7, "int32"),
    "0d-uint8": lambda: T(200, "uint8"),
    "0d-bool": lambda: T(True, "bool"),
    "0d-negzero": lambda: T(-0.0),
    "0d-nan": lambda: T(NAN),
    "0d-ninf": lambda: T(-INF),
    "0d-tiny": lambda: T(1e-5),
    "0d-huge": lambda: T(3e9),
    "0d-third": lambda: T(1 / 3, "float64"),
    # empty tensors
    "empty-float32": lambda: torch.zeros(0),
    "empty-2x0": lambda: torch.zeros(2, 0),
    "empty-0x3x2-int64": lambda: torch.zeros(0, 3, 2, dtype=torch.int64),
    "empty-bool": lambda: torch.zeros(0, dtype=torch.bool),
    "empty-float64": lambda: torch.zeros(0, dtype=torch.float64),
    "empty-uint8-2x0": lambda: torch.zeros(2, 0, dtype=torch.uint8),
    "empty-requires-grad": lambda: torch.zeros(3, 0, requires_grad=True),
    # float modes and widths
    "integral-floats": lambda: T([2.0, 3.0]),
    "integral-negative": lambda: T([-2.0, 30.0, 0.0]),
    "all-zero": lambda: torch.zeros(2, 3),
    "negative-zero": lambda: T([-0.0, 0.0, 1.0]),
    "negative-zero-frac": lambda: T([-0.0, 0.5]),
    "negative-zero-sci": lambda: T([-0.0, 1e-5, 1.0]),
    "nan-with-ints": lambda: T([NAN, 1.0, 2.0]),
    "nan-with-fracs": lambda: T([NAN, 1.5, -2.25]),
    "inf-only": lambda: T([INF, -INF]),
    "inf-nan-only": lambda: T([INF, NAN, -INF, 0.0]),
    "inf-with-sci": lambda: T([INF, 1e10, 2.0]),
    "ratio-1000": lambda: T([1.0, 1000.0]),
    "ratio-over-1000": lambda: T([1.0, 1000.5]),
    "ratio-over-1000-int": lambda: T([1.0, 1001.0]),
    "max-1e8": lambda: T([1e8, 2e8 / 2], "float64"),
    "max-over-1e8": lambda: T([100000001.0], "float64"),
    "max-1e8-float32": lambda: T([1e8]),
    "min-1e-4": lambda: T([1e-4, 1e-4 * 5], "float64"),
    "min-1e-4-float32": lambda: T([1e-4, 2e-4]),
    "min-under-1e-4": lambda: T([0.99e-4, 2e-4], "float64"),
    "huge-and-tiny": lambda: T([1e30, -1e-30, 0.0, 5.0]),
    "exponent-3-digits": lambda: T([1e300, 1e-300, -2.0], "float64"),
    "denormal": lambda: T([5e-324, 1.0], "float64"),
    # sci width: a 3-digit exponent on the smallest magnitude of either sign
    "sci-width-small-positive": lambda: T([-5.0, 1e-100, 5.0], "float64"),
    "sci-width-small-negative": lambda: T([-5.0, -1e-100, 5.0], "float64"),
    "sci-width-large-negative": lambda: T([-1e200, 1e-5, 5.0], "float64"),
    "rounding-to-10": lambda: T([9.99996, 1.5]),
    "rounds-to-zero-text": lambda: T([-0.00004, 1.0, 0.5]),
    "float32-double-digits": lambda: T([0.1, 0.2, 0.3]),
    "float32-huge-ints": lambda: T([16777217.0, 3.0]),
    "float64-suffix": lambda: T([0.1, 0.2], "float64"),
    "float16-overflowish": lambda: T([65504.0, 1e-7], "float16"),
    "bfloat16": lambda: T([1.0, 3.140625, -100.5], "bfloat16"),
    # integers and bools
    "int64-neg": lambda: T([-5, 10, 300], "int64"),
    "int32-suffix": lambda: T([1, 2], "int32"),
    "int8-suffix": lambda: T([-128, 127], "int8"),
    "int16-suffix": lambda: T([-1, 2], "int16"),
    "uint8-suffix": lambda: T([0, 255, 7], "uint8"),
    "bool-all-true": lambda: T([True, True], "bool"),
    "int64-extremes": lambda: T([-(2**63), 2**63 - 1], "int64"),
    # nesting
    "2d": lambda: torch.arange(6.0).reshape(2, 3) / 7,
    "3d": lambda: _seeded(lambda: torch.randn(2, 3, 4)),
    "4d": lambda: _seeded(lambda: torch.randn(2, 2, 3, 2)),
    "4d-int": lambda: torch.arange(48).reshape(2, 2, 3, 4) - 20,
    "singleton-dims": lambda: T([[[1.5]]]),
    # wrapping at 80 columns
    "wrap-float": lambda: _seeded(lambda: torch.randn(40)),
    "wrap-float-2d": lambda: _seeded(lambda: torch.randn(3, 25)),
    "wrap-int": lambda: _wide_row("int64"),
    "wrap-bool": lambda: torch.arange(40).reshape(2, 20) % 3 == 0,
    "wrap-sci": lambda: _seeded(lambda: torch.randn(20) * 1e9),
    "wrap-4d": lambda: _seeded(lambda: torch.randn(2, 2, 2, 30)),
    "wrap-uint8": lambda: _wide_row("uint8"),
    # summarisation
    "1000-not-summarised": lambda: torch.arange(1000),
    "1001": lambda: torch.arange(1001),
    "1001-float": lambda: torch.arange(1001.0) / 3,
    "1000x1000": lambda: _seeded(lambda: torch.randn(1000, 1000)),
    "2x3000": lambda: _seeded(lambda: torch.randn(2, 3000)),
    "3000x2": lambda: _seeded(lambda: torch.randn(3000, 2)),
    "summarised-3d": lambda: _seeded(lambda: torch.randn(20, 20, 20)),
    "summarised-4d-int": lambda: torch.arange(7 * 12 * 12 * 12).reshape(7, 12, 12, 12),
    "summarised-hides-big": lambda: torch.cat([T([1.0] * 3), T([1e12] * 1000), T([2.0] * 3)]),
    "summarised-bool": lambda: torch.ones(1001, dtype=torch.bool),
    "summarised-grad": lambda: _mul(torch.ones(40, 40)),
    # autograd suffixes
    "requires-grad": lambda: T([1.0, 2.0], requires_grad=True),
    "requires-grad-0d": lambda: T(1.5, requires_grad=True),
    "grad-fn": lambda: _mul(T([1.0, 2.0])),
    "grad-fn-0d": lambda: _mul(T(1.0)),
    "grad-fn-multiline": lambda: _mul(_seeded(lambda: torch.randn(4, 12))),
    "grad-fn-sum": lambda: T([1.0, 2.0], requires_grad=True).sum(),
    "float64-grad-fn": lambda: _mul(T([1.0, 2.5], "float64")),
    "float64-grad-fn-multiline": lambda: _mul(_seeded(lambda: torch.randn(30, dtype=torch.float64))),
    "float64-requires-grad-wrap": lambda: T([1.0] * 14, "float64", requires_grad=True),
    "float16-requires-grad": lambda: T([1.0] * 26, "float16", requires_grad=True),
    "suffix-two-wrap": lambda: T([1234.5] * 7, "float64", requires_grad=True),
    # one column either side of torch's suffix-wrapping limit (its last-line length is +2)
    "suffix-wraps-at-81": lambda: T([123.5] * 3, "float64", requires_grad=True),
    "suffix-wraps-at-81-multiline": lambda: _mul(T([123.5] * 5, "float64")),
    "suffix-fits-at-80": lambda: _mul(T([1.5] * 6)),
    "suffix-fits-at-80-multiline": lambda: T([1.0] * 13, requires_grad=True),
    "suffix-fits-at-80-float64": lambda: _mul(T([12.5] * 11, "float64")),
}


@needs_torch
@pytest.mark.parametrize("name", list(CASES))
def test_matches_torch(name):
    assert_same_repr(CASES[name]())


@needs_torch
@pytest.mark.parametrize("make", [lambda: T([1.0, 2.0]), lambda: T([1.0, 2.0], "float64"),
                                  lambda: torch.zeros(0), lambda: torch.zeros(0, dtype=torch.float64),
                                  lambda: _mul(T([0.5] * 20))],
                         ids=["float32", "float64", "empty32", "empty64", "grad"])
def test_matches_torch_with_float64_default(make):
    previous = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)
    try:
        assert_same_repr(make())
    finally:
        torch.set_default_dtype(previous)


@needs_torch
@pytest.mark.parametrize("options", [
    PrintOptions(precision=2), PrintOptions(precision=0), PrintOptions(threshold=5),
    PrintOptions(edgeitems=1, threshold=10), PrintOptions(edgeitems=0, threshold=10),
    PrintOptions(linewidth=40), PrintOptions(sci_mode=True), PrintOptions(sci_mode=False),
], ids=str)
@pytest.mark.parametrize("make", [
    lambda: _seeded(lambda: torch.randn(4, 20) * 100), lambda: torch.arange(30),
    lambda: T([0.0, -0.0]), lambda: T(2.5), lambda: T([1e-9, 1.0, NAN]),
], ids=["randn", "arange", "zeros", "0d", "tiny"])
def test_matches_torch_with_print_options(options, make):
    t = make()
    with torch._tensor_str.printoptions(**{f.name: getattr(options, f.name)
                                           for f in options.__dataclass_fields__.values()}):
        assert_same_repr(t, options)


# ---------------------------------------------------------------- property test

DTYPES = ["float32", "float64", "float16", "bfloat16", "int64", "int32", "int16", "int8",
          "uint8", "bool"]
FLOATS = {"float32", "float64", "float16", "bfloat16"}
INT_RANGES = {"int64": (-(2**63), 2**63 - 1), "int32": (-(2**31), 2**31 - 1),
              "int16": (-(2**15), 2**15 - 1), "int8": (-128, 127), "uint8": (0, 255)}
SPECIAL = [0.0, -0.0, NAN, INF, -INF, 1.0, -1.0, 0.5, 1e8, 1.0000001e8, 1e-4, 0.99e-4, 1000.0,
           9.99996, 0.00004, -0.00004, 65504.0, 1e300, 5e-324]
LARGE_SHAPES = [(1001,), (2, 3000), (3000, 2), (7, 12, 12, 12), (40, 30), (11, 11, 11),
                (1, 1001), (2, 2, 2, 200)]


def magnitude_floats():
    mantissa = st.floats(-10, 10, allow_nan=False)
    return st.builds(lambda m, e: m * 10.0**e, mantissa, st.integers(-12, 12))


float_elements = st.one_of(
    st.sampled_from(SPECIAL),
    st.integers(-(10**6), 10**6).map(float),
    magnitude_floats(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(-100, 100).map(lambda v: round(v, 2)),
)


@st.composite
def tensors(draw):
    dtype = draw(st.sampled_from(DTYPES))
    if draw(st.integers(0, 9)) == 0:
        shape = draw(st.sampled_from(LARGE_SHAPES))
    else:
        shape = tuple(draw(st.lists(st.integers(0, 12), max_size=4)))
    numel = int(np.prod(shape))
    if numel <= 64:
        values = draw(st.lists(elements_for(dtype), min_size=numel, max_size=numel))
    else:
        values = bulk_values(dtype, numel, draw(st.integers(0, 2**32 - 1)))
    t = make_tensor(values, dtype, shape)
    if dtype in FLOATS:
        mode = draw(st.sampled_from(["plain", "leaf", "mul", "clone"]))
        t = with_autograd(t, mode)
    return t


def elements_for(dtype):
    if dtype == "bool":
        return st.booleans()
    if dtype in INT_RANGES:
        low, high = INT_RANGES[dtype]
        return st.one_of(st.integers(low, high), st.integers(max(low, -1000), min(high, 1000)))
    return float_elements


def bulk_values(dtype, numel, seed):
    rng = np.random.default_rng(seed)
    if dtype == "bool":
        return rng.random(numel) < 0.5
    if dtype in INT_RANGES:
        low, high = INT_RANGES[dtype]
        return rng.integers(max(low, -(10 ** rng.integers(1, 10))), min(high, 10**9),
                            numel, endpoint=True)
    values = rng.standard_normal(numel) * 10.0 ** rng.integers(-10, 10, numel if seed % 3 == 0 else 1)
    if seed % 2:
        values = np.round(values)
    specials = rng.random(numel) < 0.01
    values[specials] = rng.choice(SPECIAL, specials.sum())
    return values


def make_tensor(values, dtype, shape):
    if dtype in FLOATS:
        with np.errstate(over="ignore"):
            array = np.asarray(values, dtype=np.float64).reshape(shape)
        return torch.from_numpy(array).to(getattr(torch, dtype))
    if dtype == "bool":
        return torch.from_numpy(np.asarray(values, dtype=bool).reshape(shape))
    return torch.from_numpy(np.asarray(values, dtype=np.dtype(dtype)).reshape(shape))


def with_autograd(t, mode):
    if mode == "plain":
        return t
    t = t.clone().requires_grad_()
    if mode == "mul":
        return t * 1
    if mode == "clone":
        return t.clone()
    return t


@needs_torch
@settings(max_examples=300, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(tensors())
def test_property_matches_torch(t):
    assert_same_repr(t)
