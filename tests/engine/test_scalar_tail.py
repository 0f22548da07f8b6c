"""sinh, cosh and exp2: PyTorch runs SLEEF on whole two-vector chunks and the C library on the rest of each
loop, so a small tensor (all rest) is the C library's to the last bit, and so is the end of each row."""
import numpy as np
import pytest

from tensorsh.engine import kernels

torch = pytest.importorskip("torch")
needs_compiled = pytest.mark.skipif(kernels.compiled is None or kernels._libm("coshf") is None,
                                    reason="compiled kernels or the C library not available")
NAMES = ["sinh", "cosh", "exp2"]
# PyTorch's vector chunks are read from the compiled loops (TENSORSH_NUMPY_KERNELS=1: none, and these tests skip)
NO_VECTORS = kernels.compiled is None or kernels._vector_chunk() is None
needs_sleef = pytest.mark.skipif(kernels.compiled is None or not hasattr(kernels.compiled, "sleef_exp2f"),
                                 reason="compiled loops built without SLEEF's float32 functions (rebuild them)")


def lanes_in_two_vectors(dtype):
    """Elements in a vector chunk; without vectors (ATEN_CPU_CAPABILITY=default) every element takes the scalar
    body, so the small-tensor tests still hold, with AVX2's width as their range."""
    return (kernels._vector_chunk() or 16) * 4 // np.dtype(dtype).itemsize


def bits(a):
    a = np.ascontiguousarray(a)
    return a.view(np.uint32 if a.dtype == np.float32 else np.uint64)


@needs_compiled
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_small_tensors_are_pytorchs_to_the_last_bit(name, dtype):
    rng = np.random.default_rng(3)
    for n in range(1, lanes_in_two_vectors(dtype)):
        x = (rng.standard_normal((50, n)) * 4).astype(dtype)
        for row in x:  # one tensor per row: every element takes PyTorch's scalar body
            want = getattr(torch, name)(torch.from_numpy(row)).numpy()
            assert np.array_equal(bits(getattr(kernels, name)(row)), bits(want)), (name, n, row)


@needs_compiled
@needs_sleef
@pytest.mark.skipif(NO_VECTORS, reason="PyTorch's build without vectors has no chunks")
@pytest.mark.parametrize("name", NAMES)
def test_each_layout_takes_the_scalar_body_where_pytorch_does(name):
    x = (np.random.default_rng(4).standard_normal((40, 23)) * 4).astype(np.float32)
    xt = torch.from_numpy(x)
    views = {"rows with gaps": (x[::2], xt[::2]), "strided columns": (x[:, ::3], xt[:, ::3]),
             "broadcast rows": (np.broadcast_to(x[:1], (6, 23)), xt[:1].expand(6, 23)),
             "one column": (x[:, 4], xt[:, 4])}
    for label, (view, tview) in views.items():
        want = getattr(torch, name)(tview).numpy()
        assert np.array_equal(bits(getattr(kernels, name)(view)), bits(want)), label


@needs_compiled
@needs_sleef
@pytest.mark.skipif(NO_VECTORS, reason="PyTorch's build without vectors has no chunks")
def test_the_vector_chunks_and_the_tail_split_as_pytorch_splits_them():
    chunk = lanes_in_two_vectors(np.float32)
    x = np.full(chunk + 5, 5.0, np.float32)  # cosh(5) is one of the values where SLEEF and the C library differ
    got, want = kernels.cosh(x), torch.cosh(torch.from_numpy(x)).numpy()
    assert np.array_equal(bits(got), bits(want))  # the chunk: SLEEF's value; the tail: the C library's
    assert bits(got[-1]) == bits(np.float32(kernels._libm("coshf")(5.0)))
    assert bits(got[0]) != bits(got[-1])  # so the split shows


@needs_compiled
@needs_sleef
@pytest.mark.parametrize("name", NAMES)
def test_the_vector_chunks_are_sleefs_to_the_last_bit(name):
    if kernels._vector_chunk() is None:
        pytest.skip("PyTorch's build without vectors (ATEN_CPU_CAPABILITY=default): no SLEEF chunks")
    rng = np.random.default_rng(8)
    for scale in (0.05, 1, 5, 40):
        x = (rng.standard_normal(64 * 1024) * scale).astype(np.float32)
        want = getattr(torch, name)(torch.from_numpy(x)).numpy()
        assert np.array_equal(bits(getattr(kernels, name)(x)), bits(want)), (name, scale)


def test_without_compiled_loops_the_correctly_rounded_value_stands(monkeypatch):
    monkeypatch.setattr(kernels, "compiled", None)
    x = np.array([5.0], np.float32)
    assert kernels.cosh(x)[0] == np.float32(np.cosh(5.0))


@needs_compiled
@pytest.mark.skipif(NO_VECTORS,
                    reason="atan2 follows PyTorch's vectorized build; its build without vectors is not reproduced")
def test_atan2_of_small_tensors_is_pytorchs_to_the_last_bit():
    from tensorsh.engine.ops.binary import _atan2_values
    rng = np.random.default_rng(6)
    for n in range(1, lanes_in_two_vectors(np.float32)):
        for _ in range(20):
            a, b = (rng.standard_normal((2, n)) * 3).astype(np.float32)
            want = torch.atan2(torch.from_numpy(a), torch.from_numpy(b)).numpy()
            assert np.array_equal(bits(_atan2_values(a, b)), bits(want)), (a, b)
