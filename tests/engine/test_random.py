"""tensorsh.engine.random must draw PyTorch 2.13's CPU random numbers bit for bit."""

import ctypes
import ctypes.util
from fractions import Fraction

import numpy as np
import pytest

from tensorsh.engine import errors, kernels, random as rng

try:  # the golden bits and self-consistency tests need no torch; the rest compare against it
    import torch
except ImportError:
    torch = None

needs_torch = pytest.mark.skipif(torch is None, reason="torch is not installed")

SEEDS = [0, 1, 42, 12345, -1, -12345, 2**40 + 5, 2**63 + 7]
SIZES = list(range(1, 41)) + [1000]
RANGES = [(0, 10), (-5, 5), (3, 1000), (0, 2**28 - 1), (0, 2**28), (0, 2**31), (0, 2**32),
          (-2**40, 2**40), (0, 2**62), (-2**63, 2**63 - 1)]


def bits(a):
    a = np.ascontiguousarray(a).ravel()
    return a.view({2: np.uint16, 4: np.uint32, 8: np.uint64}[a.dtype.itemsize]) if a.dtype.kind == "f" else a


def assert_same(t, ours):
    """torch tensor (any shape) vs our flat array: same dtype, same bits in memory order."""
    theirs = t.contiguous().numpy().ravel()
    assert theirs.dtype == ours.dtype and theirs.shape == ours.shape
    mismatch = np.flatnonzero(bits(theirs) != bits(ours))
    assert mismatch.size == 0, f"{mismatch.size} of {ours.size} differ, first at {mismatch[:5]}"


def torch_state():
    return torch.get_rng_state().numpy().tobytes()


def pair(seed):
    torch.manual_seed(seed)
    return rng.Generator(seed)


# ------------------------------------------------------------------ against torch

@needs_torch
@pytest.mark.parametrize("seed", SEEDS)
def test_rand_and_randn_every_small_size(seed):
    g = pair(seed)
    for n in SIZES:  # sizes below 16 take randn's serial path, 16 and up the 16-wide blocks
        assert_same(torch.rand(n), g.uniform(n, "float32"))
        assert_same(torch.rand(n, dtype=torch.float64), g.uniform(n, "float64"))
        assert_same(torch.randn(n), g.normal(n, "float32"))
        assert_same(torch.randn(n, dtype=torch.float64), g.normal(n, "float64"))
    assert torch_state() == g.get_state()


@needs_torch
@pytest.mark.parametrize("dtype, n", [("float32", 10**6), ("float64", 10**6 + 5)])
def test_a_million(dtype, n):
    g = pair(7)
    tdt = getattr(torch, dtype)
    assert_same(torch.rand(n, dtype=tdt), g.uniform(n, dtype))
    assert_same(torch.randn(n, dtype=tdt), g.normal(n, dtype))
    assert torch_state() == g.get_state()


@needs_torch
@pytest.mark.parametrize("shape", [(2, 3), (2, 8), (4, 5, 6), (3, 7, 11), (1, 17, 1)])
def test_shapes_are_flat_draws(shape):
    g = pair(3)
    n = int(np.prod(shape))
    for dtype in ("float32", "float64"):
        tdt = getattr(torch, dtype)
        assert_same(torch.rand(shape, dtype=tdt), g.uniform(n, dtype))
        assert_same(torch.randn(shape, dtype=tdt), g.normal(n, dtype))
    assert_same(torch.randint(-3, 9, shape), g.randint(-3, 9, n))


@needs_torch
@pytest.mark.parametrize("low, high", RANGES)
def test_randint_ranges(low, high):
    for seed in (0, 2**40 + 5):
        g = pair(seed)
        for n in (1, 7, 1000):  # one word per element below 2**28, a 64-bit draw from there
            assert_same(torch.randint(low, high, (n,)), g.randint(low, high, n))
        assert torch_state() == g.get_state()


@needs_torch
def test_float16():
    g = pair(5)
    for n in (3, 16, 17, 40, 1000):  # float16 blocks draw 16 uniforms each, not n up front
        assert_same(torch.rand(n, dtype=torch.half), g.uniform(n, "float16"))
        assert_same(torch.randn(n, dtype=torch.half), g.normal(n, "float16"))
        assert_same(torch.empty(n, dtype=torch.half).normal_(1.5, 0.7), g.normal(n, "float16", 1.5, 0.7))
    assert torch_state() == g.get_state()


@needs_torch
@pytest.mark.parametrize("seed", [0, 42, -12345])
def test_interleaved_calls_share_one_stream(seed):
    f32, f64 = torch.float32, torch.float64
    calls = [("rand", 7, f32), ("randn", 3, f32), ("rand", 17, f64), ("randn", 17, f32),
             ("randn", 1, f32), ("randn", 5, f64), ("randint", (0, 10, 9), None),
             ("randn", 1000, f32), ("rand", 1000, f64), ("randn", 33, f64),
             ("randint", (-2**40, 2**40, 5), None), ("randn", 2, f64), ("randn", 16, f64),
             ("rand", 1, f32), ("randn", 15, f32), ("randint", (0, 2**62, 3), None),
             ("randn", 1, f64), ("randn", 31, f32)]
    g = pair(seed)
    for op, arg, tdt in calls:
        name = str(tdt).removeprefix("torch.")
        if op == "rand":
            assert_same(torch.rand(arg, dtype=tdt), g.uniform(arg, name))
        elif op == "randn":
            assert_same(torch.randn(arg, dtype=tdt), g.normal(arg, name))
        else:
            assert_same(torch.randint(arg[0], arg[1], (arg[2],)), g.randint(*arg))
        assert torch_state() == g.get_state(), (op, arg, tdt)


@needs_torch
def test_serial_normal_cache_is_shared_across_dtypes_and_cleared_by_seeding():
    g = pair(42)
    for n, tdt in [(1, torch.float32), (16, torch.float32), (1, torch.float64),
                   (3, torch.float64), (1, torch.float32)]:
        # the block path (16) neither reads nor writes the cache the serial calls share
        assert_same(torch.randn(n, dtype=tdt), g.normal(n, str(tdt).removeprefix("torch.")))
    torch.randn(1)
    g.normal(1, "float32")  # leaves a cached sample ...
    torch.manual_seed(42)
    g.manual_seed(42)  # ... which seeding drops
    assert_same(torch.randn(2), g.normal(2, "float32"))
    assert torch_state() == g.get_state()


@needs_torch
@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("n", [5, 16, 33, 1000])
def test_normal_on_noncontiguous_view_is_serial(dtype, n):
    g = pair(11)
    view = torch.empty(n, 2, dtype=getattr(torch, dtype))[:, 0]
    view.normal_()
    assert_same(view, g.normal(n, dtype, contiguous=False))
    view.normal_(-1.0, 7.0)
    assert_same(view, g.normal(n, dtype, -1.0, 7.0, contiguous=False))
    assert torch_state() == g.get_state()


@needs_torch
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_normal_and_uniform_with_parameters_are_fused(dtype):
    g = pair(13)
    tdt = getattr(torch, dtype)
    for mean, std in [(2.5, 0.3), (-1.0, 7.0), (0.1, 1e-3)]:
        for n in (3, 16, 17, 500):
            assert_same(torch.empty(n, dtype=tdt).normal_(mean, std), g.normal(n, dtype, mean, std))
    for low, high in [(2.5, 3.7), (-3e5, 1e-3), (1.0, 1.0000001), (-1e30, 1e30)]:
        assert_same(torch.empty(500, dtype=tdt).uniform_(low, high), g.uniform(500, dtype, low, high))
    assert torch_state() == g.get_state()


@needs_torch
def test_state_bytes_match_torch_and_continue_from_torch():
    g = pair(9)
    assert torch_state() == g.get_state()  # just seeded: next=0, left=1
    torch.randint(0, 5, (624,))
    g.randint(0, 5, 624)
    assert torch_state() == g.get_state()  # a used-up block: next=624, left=1
    torch.randn(3)  # leaves a cached normal in the state
    state = torch_state()
    h = rng.Generator()
    h.set_state(state)
    assert h.get_state() == state
    assert_same(torch.randn(5, dtype=torch.float64), h.normal(5, "float64"))
    assert_same(torch.randn(20), h.normal(20, "float32"))
    assert h.initial_seed() == torch.initial_seed() == 9


@needs_torch
@pytest.mark.parametrize("seed", [0, 12345, -1, 2**63 + 7])
def test_separate_generator_objects(seed):
    torch.manual_seed(1)
    default_before = torch_state()
    tg = torch.Generator().manual_seed(seed)
    g = rng.Generator().manual_seed(seed)
    assert_same(torch.randn(19, generator=tg), g.normal(19, "float32"))
    assert_same(torch.rand(4, dtype=torch.float64, generator=tg), g.uniform(4, "float64"))
    assert_same(torch.randint(0, 100, (7,), generator=tg), g.randint(0, 100, 7))
    assert tg.get_state().numpy().tobytes() == g.get_state()
    assert tg.initial_seed() == g.initial_seed()
    assert torch_state() == default_before
    assert torch.Generator().initial_seed() == rng.DEFAULT_GENERATOR_SEED


@needs_torch
def test_seed_range_and_bad_states_fail_like_torch():
    for seed in (-2**63, 2**64 - 1):
        assert rng.Generator(seed).initial_seed() == torch.Generator().manual_seed(seed).initial_seed()
    for seed in (-2**63 - 1, 2**64):
        with pytest.raises(ValueError) as theirs:
            torch.Generator().manual_seed(seed)
        with pytest.raises(ValueError) as ours:
            rng.Generator(seed)
        assert str(ours.value) == str(theirs.value)
    for state in (bytes(10), bytes(5057)):
        with pytest.raises(RuntimeError) as theirs:
            torch.set_rng_state(torch.frombuffer(bytearray(state), dtype=torch.uint8))
        with pytest.raises(ValueError) as ours:
            rng.Generator().set_state(state)
        assert str(ours.value) == str(theirs.value)


# ------------------------------------------------------------------ without torch

GOLDEN_SEED_0 = {  # torch 2.13.0: manual_seed(0); rand(3); randn(17); randn(3, float64); randint
    "rand": [0x3EFE1558, 0x3F44AA2F, 0x3DB533A8],
    "randn": [0xBEDE255D, 0x3F194D8B, 0xBFC70D5B, 0xBEAEC6CA, 0x3FED2F4E, 0x3EEFAA55, 0xBE217F5F,
              0x3FB8C9DB, 0x3E8837A1, 0x3FB1D6C0, 0x3FCB0D00, 0x3F72409C, 0xBF57FB33, 0x3F6E8C30,
              0x3FA12737, 0x4000519A, 0x3D5C1B3A],
    "randn64": [0xBFEC8B39C228F0EE, 0xBFF8254E29955EBB, 0x3FD7B487141F6310],
    "randint": [-53599141091, -465235669869, 612980449703],
}


def test_golden_bits_for_seed_0():
    g = rng.Generator(0)
    assert bits(g.uniform(3, "float32")).tolist() == GOLDEN_SEED_0["rand"]
    assert bits(g.normal(17, "float32")).tolist() == GOLDEN_SEED_0["randn"]
    assert bits(g.normal(3, "float64")).tolist() == GOLDEN_SEED_0["randn64"]
    assert g.randint(-2**40, 2**40, 3).tolist() == GOLDEN_SEED_0["randint"]


def draw_all(g):
    return [bits(g.uniform(5, "float32")), bits(g.normal(3, "float64")), bits(g.normal(21, "float32")),
            g.randint(0, 2**40, 4), bits(g.normal(1, "float32"))]


def test_same_seed_same_numbers():
    first, again = draw_all(rng.Generator(123)), draw_all(rng.Generator(123))
    assert all(np.array_equal(a, b) for a, b in zip(first, again))
    other = draw_all(rng.Generator(124))
    assert not np.array_equal(first[0], other[0])
    assert rng.manual_seed(123) is rng.default_generator
    assert all(np.array_equal(a, b) for a, b in zip(first, draw_all(rng.default_generator)))
    assert rng.Generator(-1).initial_seed() == 2**64 - 1


def test_state_round_trip():
    g = rng.Generator(77)
    g.normal(3, "float64")  # odd count: a normal is cached and must travel with the state
    state = g.get_state()
    assert len(state) == rng.STATE_SIZE
    later = draw_all(g)
    h = rng.Generator()
    h.set_state(state)
    assert h.get_state() == state and h.initial_seed() == 77
    assert all(np.array_equal(a, b) for a, b in zip(later, draw_all(h)))
    with pytest.raises(ValueError, match="size"):
        h.set_state(state[:-1])
    with pytest.raises(errors.TorchError, match="Invalid mt19937 state"):  # (a RuntimeError, PyTorch's TORCH_CHECK)
        h.set_state(state[:8] + bytes(8) + state[16:])  # left = 0 and not seeded


def test_unseeded_generators_differ_and_reseed():
    a, b = rng.Generator(), rng.Generator()
    assert a.initial_seed() != b.initial_seed()
    s = a.seed()
    assert a.initial_seed() == s and 0 <= s < 2**64


def _libm_fmaf():
    name = ctypes.util.find_library("m")
    fmaf = getattr(ctypes.CDLL(name), "fmaf", None) if name else None
    if fmaf is None:
        pytest.skip("no C fmaf to compare with")
    fmaf.restype, fmaf.argtypes = ctypes.c_float, [ctypes.c_float] * 3
    return fmaf


def test_float32_fma_is_correctly_rounded_at_double_rounding_ties():
    fmaf = _libm_fmaf()
    r = np.random.default_rng(1)
    n = 4000  # (1 + k/2**23)(1 - k/2**23) = 1 - k**2/2**46 lands a hair off a float32 midpoint
    k = r.integers(1, 2**10, n) * r.choice([-1, 1], n)
    scale = 2.0 ** r.integers(-10, 10, n)
    a = (2.0**-12 * (1 + k * 2.0**-23) * scale).astype(np.float32)
    b = (2.0**-12 * (1 - k * 2.0**-23) / scale).astype(np.float32)
    c = ((r.integers(2**23, 2**24, n) | 1) * 2.0**-23 * r.choice([-1.0, 1.0], n)).astype(np.float32)
    a *= np.sign(c) * r.choice([-1, 1], n).astype(np.float32)
    want = np.array([fmaf(*t) for t in zip(a.tolist(), b.tolist(), c.tolist())], np.float32)
    assert bits(kernels.Fma32(n, 1, exact=True)(a, b, c)).tolist() == bits(want).tolist()
    naive = kernels.Fma32(n, 1, exact=False)
    assert bits(naive(a, b, c)).tolist() != bits(want).tolist() and naive.tied_lanes().size


def test_float64_fma_is_correctly_rounded():
    r = np.random.default_rng(2)
    a = r.standard_normal(3000) * 2.0 ** r.integers(-40, 40, 3000)
    b = r.standard_normal(3000) * 2.0 ** r.integers(-40, 40, 3000)
    c = -(a * b) * r.choice([1.0, 1 + 2**-52, 1 - 2**-53, 0.5], 3000)  # heavy cancellation
    want = [float(Fraction(x) * Fraction(y) + Fraction(z)) for x, y, z in zip(a.tolist(), b.tolist(), c.tolist())]
    assert kernels.fma64(a, b, c).tolist() == want


@pytest.mark.parametrize("seed", [0, 5, 2**40 + 5])
def test_serial_normals_on_python_floats_equal_the_array_path(seed, monkeypatch):
    few, arrays = rng.Generator(seed), rng.Generator(seed)
    drawn = []
    for n in list(range(18)) + [3, 1, 1, 2]:  # odd counts leave a cached normal for the next call
        drawn.append(bits(few._normal_serial(n)))
    monkeypatch.setattr(rng, "_FEW_PAIRS", 0)
    for i, n in enumerate(list(range(18)) + [3, 1, 1, 2]):
        assert bits(arrays._normal_serial(n)).tolist() == drawn[i].tolist(), n
    assert few.get_state() == arrays.get_state()
