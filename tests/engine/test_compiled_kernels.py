"""The compiled one-pass loops give the numpy kernels' bits (exp, tanh, the tanh and sigmoid gradients, randn's
Box-Muller) and PyTorch's own (sigmoid), float32."""
import os
import subprocess
import sys

import numpy as np
import pytest

from tensorsh.engine import kernels

needs_compiled = pytest.mark.skipif(kernels.compiled is None, reason="compiled kernels not built or not used here")

SPECIAL = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, -np.nan, 1e-45, -1e-45, 1e-30, -1e-30, 1e-8, 2 ** -12,
                    0.0625, -0.0625, 0.34657, 0.34658, 0.5, 1.0, 2.0, 8.9, 9.1, 20.0, 21.0, 80.0, 88.72, 88.73,
                    89.0, -87.33, -87.34, -103.0, -104.0, -149.0, -150.0, -200.0, 3e38, -3e38], np.float32)


def inputs():
    rng = np.random.default_rng(7)
    for lo, hi in ((-0.01, 0.01), (-1, 1), (-12, 12), (-100, 100)):
        yield np.concatenate([rng.uniform(lo, hi, 100_000).astype(np.float32), SPECIAL])


def numpy_only(fn, *args):
    saved, kernels.compiled = kernels.compiled, None
    try:
        return fn(*args)
    finally:
        kernels.compiled = saved


def same_bits(a, b):
    assert a.dtype == b.dtype == np.float32 and a.shape == b.shape
    nan = np.isnan(a)
    assert np.array_equal(nan, np.isnan(b))
    mismatch = np.nonzero(a[~nan].view(np.uint32) != b[~nan].view(np.uint32))[0]
    assert mismatch.size == 0, f"{mismatch.size} values differ, first {a[~nan][mismatch[:3]]} != {b[~nan][mismatch[:3]]}"


@needs_compiled
@pytest.mark.parametrize("name", ["exp", "tanh"])
def test_unary_loop_gives_the_numpy_kernels_bits(name):
    fn = {"exp": kernels.exp, "tanh": kernels.vml_tanh.correctly_rounded}[name]  # (tanh: where VML's is not ported)
    for x in inputs():
        same_bits(fn(x), numpy_only(fn, x))


@needs_compiled
@pytest.mark.parametrize("name", ["tanh_backward", "sigmoid_backward"])
def test_gradient_loop_gives_the_numpy_kernels_bits(name):
    fn = getattr(kernels, name)
    rng = np.random.default_rng(8)
    for x in inputs():
        y = np.tanh(x) if name == "tanh_backward" else numpy_only(kernels.sigmoid, x)
        g = rng.standard_normal(x.size).astype(np.float32)
        same_bits(fn(g, y), numpy_only(fn, g, y))


@needs_compiled
@pytest.mark.parametrize("threads", [1, 2, 3])
def test_sigmoid_is_pytorchs_to_the_last_bit(threads):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(10)
    previous = torch.get_num_threads()
    torch.set_num_threads(threads)
    kernels.set_num_threads(threads)
    try:
        cases = [rng.uniform(-30, 30, n).astype(np.float32) for n in [*range(1, 70), 1000, 32768, 40001, 100003]]
        cases += [x for x in inputs()] + [rng.uniform(-110, 110, (700, 1500)).astype(np.float32)]
        for x in cases:
            same_bits(kernels.sigmoid(x), torch.sigmoid(torch.from_numpy(x)).numpy())
        for n in [*range(1, 40), 1000, 70001]:  # float64: SLEEF's double exp on two-vector chunks
            x = rng.uniform(-40, 40, n)
            got, want = kernels.sigmoid(x), torch.sigmoid(torch.from_numpy(x)).numpy()
            assert got.dtype == np.float64 and np.array_equal(got.view(np.uint64), want.view(np.uint64)), n
    finally:
        torch.set_num_threads(previous)
        kernels.set_num_threads(None)


@needs_compiled
def test_other_layouts_and_dtypes_take_the_numpy_path_with_the_same_result():
    x = np.random.default_rng(9).uniform(-5, 5, (64, 48)).astype(np.float32)
    for fn in (kernels.exp, kernels.vml_tanh, kernels.vml_tanh.correctly_rounded):
        same_bits(fn(x.T), fn(x.T.copy()))
        same_bits(fn(x[:, ::3]), fn(x[:, ::3].copy()))
        assert fn(x.astype(np.float64)).dtype == np.float64
    same_bits(kernels.tanh_backward(x.T, np.tanh(x).T), kernels.tanh_backward(x.T.copy(), np.tanh(x).T.copy()))


@needs_compiled
def test_sigmoid_walks_each_layout_as_pytorch_does():
    torch = pytest.importorskip("torch")
    x = np.random.default_rng(11).uniform(-30, 30, (300, 230)).astype(np.float32)
    views = {"transposed": x.T, "column-major": np.asfortranarray(x), "row slice": x[7:200],
             "strided columns": x[:, ::3], "strided rows": x[::2, 5:9].T, "one column": x[:, 4]}
    for name, view in views.items():
        got = kernels.sigmoid(view)
        want = torch.sigmoid(torch.from_numpy(view))
        same_bits(np.ascontiguousarray(got), np.ascontiguousarray(want.numpy()))
        if name in ("transposed", "column-major", "row slice"):
            assert got.strides == tuple(4 * st for st in want.stride()), name


@needs_compiled
def test_randn_loop_gives_the_numpy_emulations_bits(monkeypatch):
    from tensorsh.engine import random as rng
    u = rng.Generator(3)._unit24(1 << 20)  # ~25 lanes meet a float32 tie that the emulation must repair
    edges = np.array([0.0, 2.0 ** -24, 0.5, 1 - 2.0 ** -24, 0.125, 0.25, 0.375, 0.625, 0.75, 0.875] * 2, np.float32)
    blocks = np.concatenate([u, edges, edges[::-1], edges[:8]]).reshape(-1, 16)
    compiled = rng._normal16_f32(blocks)
    monkeypatch.setattr(rng, "compiled", None)
    same_bits(compiled, rng._normal16_f32(blocks))


@needs_compiled
def test_loops_reject_what_they_cannot_take():
    c = kernels.compiled
    with pytest.raises(TypeError, match="contiguous float32 buffers are expected"):
        c.exp(np.zeros(3), np.zeros(3))
    with pytest.raises(ValueError, match="buffers of different lengths"):
        c.tanh_backward(np.zeros(3, np.float32), np.zeros(4, np.float32), np.zeros(3, np.float32))
    with pytest.raises(ValueError, match="not C-contiguous"):
        c.exp(np.zeros((3, 4), np.float32).T, np.zeros(12, np.float32))
    with pytest.raises(ValueError, match="read-only"):
        c.exp(np.zeros(3, np.float32), np.frombuffer(bytes(12), np.float32))
    with pytest.raises(ValueError, match="vectorized must be within the buffer"):
        c.sigmoid(np.zeros(3, np.float32), np.zeros(3, np.float32), 4)


def test_sigmoid_without_compiled_loops_rounds_each_step_in_float32(monkeypatch):
    monkeypatch.setattr(kernels, "compiled", None)
    x = np.array([-3.0, 0.0, 0.5, 40.0, -np.inf, np.inf], np.float32)
    e = np.exp(-x.astype(np.float64)).astype(np.float32)
    same_bits(kernels.sigmoid(x), np.float32(1) / (np.float32(1) + e))


def test_environment_variable_turns_the_compiled_loops_off():
    code = "from tensorsh.engine import kernels; print(kernels.compiled)"
    env = dict(os.environ, TENSORSH_NUMPY_KERNELS="1")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout == "None\n"


def _layouts(rng, shape):
    """One float32 matrix in the layouts a product meets: C-contiguous, column-major, a transposed view, and a view
    of every other row (neither C- nor F-contiguous)."""
    x = rng.uniform(-4, 4, shape).astype(np.float32)
    x[rng.random(shape) < 0.05] = 0.0
    return {"C": x, "F": np.asfortranarray(x), "T": rng.uniform(-4, 4, shape[::-1]).astype(np.float32).T,
            "S": rng.uniform(-4, 4, (2 * shape[0], shape[1])).astype(np.float32)[::2]}


@needs_compiled
def test_mkl_order_loops_give_the_numpy_orders_bits():
    """blas_matmul's and small_matmul's compiled orders (plain, fused, dot with leftover rows, a start from C) against
    their numpy steps, over shapes each order takes and both layouts of each operand."""
    rng = np.random.default_rng(12)
    shapes = [(64, 2, 16), (64, 16, 1), (64, 1, 16), (1, 64, 16), (16, 64, 2), (2, 64, 16), (7, 33, 1), (5, 9, 3),
              (12, 40, 13), (4, 5, 12), (9, 4, 20), (3, 3, 1), (1, 128, 8), (30, 17, 2), (64, 16, 64), (13, 70, 6)]
    checked = 0
    for m, k, n in shapes:
        for la, a in _layouts(rng, (m, k)).items():
            for lb, b in _layouts(rng, (k, n)).items():
                c = rng.uniform(-1, 1, n).astype(np.float32)
                for fn, args in ((kernels.small_matmul, (a, b)), (kernels.blas_matmul, (a, b)),
                                 (kernels.blas_matmul, (a, b, c))):
                    got = fn(*args)
                    want = numpy_only(fn, *args)
                    assert (got is None) == (want is None), (m, k, n, la, lb)
                    if got is not None:
                        same_bits(np.ascontiguousarray(got), np.ascontiguousarray(want))
                        checked += 1
    assert checked > 200


@needs_compiled
def test_mm_orders_refuses_what_it_cannot_take():
    c = kernels.compiled
    a, b, out = np.zeros((4, 3), np.float32), np.zeros((3, 2), np.float32), np.zeros((4, 2), np.float32)
    with pytest.raises(TypeError, match="float32 matrices are expected"):
        c.mm_orders(a.astype(np.float64), b, out, 4, 0)
    with pytest.raises(ValueError, match="shapes that do not multiply"):
        c.mm_orders(a, b.T, out, 4, 0)
    with pytest.raises(ValueError, match="shapes that do not multiply"):
        c.mm_orders(a, b, out, 5, 0)
    with pytest.raises(ValueError, match="not C-contiguous"):
        c.mm_orders(a, b, np.zeros((2, 4), np.float32).T, 4, 0)


@needs_compiled
def test_compiled_cascade_sum_gives_the_numpy_ports_bits():
    """The compiled sum block (lanes summed side by side) against kernels.py's numpy port of PyTorch's order, over
    shapes that take each of its paths (inner rows, columns in vectors and their tail, the block levels of a long
    column) and both layouts."""
    rng = np.random.default_rng(5)
    shapes = [(64, 16), (64, 1), (1, 64), (7, 3), (100, 70), (5000, 70), (3, 70000), (33, 129), (17, 8, 9)]
    for shape in shapes:
        for dt in (np.float32, np.float64):
            x = (rng.standard_normal(shape) * 10 ** rng.uniform(-3, 3, shape)).astype(dt)
            for y in (x, np.ascontiguousarray(x.T).T):
                for dims in [(0,), (len(shape) - 1,), tuple(range(len(shape)))]:
                    got = kernels.cascade_sum(y, dims)
                    saved, blocks = kernels.compiled, dict(kernels._blocks)
                    kernels.compiled = None
                    kernels._blocks.clear()  # (replayed blocks are compiled calls)
                    try:
                        want = kernels.cascade_sum(y, dims)
                    finally:
                        kernels.compiled = saved
                        kernels._blocks.update(blocks)
                    assert got.shape == want.shape
                    assert np.array_equal(got.view(np.uint8), want.view(np.uint8)), (shape, dt, dims)
