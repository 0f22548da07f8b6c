"""softmax and log_softmax (float32 and float64) are PyTorch's own kernels, bit for bit, where the compiled loops
are built: SLEEF's exp and log, the sums in the order its vectors take, the split between threads of the columns
kernel, and their gradients."""
import types

import numpy as np
import pytest

from tensorsh.engine import kernels
from tensorsh.engine.torch_api import NAMESPACE

try:
    import torch
except ImportError:
    torch = None

T = types.SimpleNamespace(**NAMESPACE)
needs_both = pytest.mark.skipif(torch is None or kernels.compiled is None or kernels._vector_lanes() is None,
                                reason="needs torch, the compiled loops and PyTorch's vectorized kernels")

SHAPES = [((5,), 0), ((17,), 0), ((1000,), 0), ((4, 7), 1), ((4, 7), 0), ((3, 5, 6), 2), ((3, 5, 6), 1),
          ((3, 5, 6), 0), ((40, 33), 0), ((3, 30), 0), ((7, 100, 50), 1), ((300, 200), 0), ((5, 2000, 40), 1),
          ((1, 1), 0), ((2, 1), 0), ((33, 2), 0), ((2, 3, 4, 5), 2), ((), 0), ((10, 5000), 0)]


def bits(a):
    a = np.ascontiguousarray(a)
    return a.view(np.uint64 if a.dtype == np.float64 else np.uint32)


def sample(shape, seed, dtype="float32"):
    return np.asarray(np.random.default_rng(seed).standard_normal(shape) * 3, dtype)


@needs_both
@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("threads", [1, 2, 3])
@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
def test_forward_is_pytorchs_to_the_last_bit(name, threads, dtype):
    saved = torch.get_num_threads(), T.get_num_threads()
    torch.set_num_threads(threads)
    T.set_num_threads(threads)
    try:
        for i, (shape, dim) in enumerate(SHAPES):
            a = sample(shape, i, dtype)
            theirs = getattr(torch, name)(torch.from_numpy(a), dim).numpy()
            ours = getattr(T, name)(T.tensor(a.tolist(), dtype=getattr(T, dtype)), dim)._np
            assert np.array_equal(bits(theirs), bits(ours)), (shape, dim)
    finally:
        torch.set_num_threads(saved[0])
        T.set_num_threads(saved[1])


@needs_both
@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
def test_gradient_along_the_last_dimension_is_pytorchs(name, dtype):
    # a lone row and the rows of a batch: PyTorch's kernel fuses a lone row's ragged end, not a batch's
    shapes = [(n,) for n in list(range(1, 70)) + [100, 1001]] + [(15, 40), (32, 17), (4, 100), (3, 50, 20), (2, 5)]
    for i, shape in enumerate(shapes):
        a, g = sample(shape, i, dtype), sample(shape, 1000 + i, dtype)
        x = torch.from_numpy(a.copy()).requires_grad_()
        getattr(torch, name)(x, -1).backward(torch.from_numpy(g))
        ours = T.tensor(a.tolist(), dtype=getattr(T, dtype), requires_grad=True)
        getattr(T, name)(ours, -1).backward(T.tensor(g.tolist(), dtype=getattr(T, dtype)))
        assert np.array_equal(bits(x.grad.numpy()), bits(ours.grad._np)), shape


@needs_both
@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
def test_gradient_along_another_dimension_is_pytorchs(name, dtype):
    for i, (shape, dim) in enumerate([((4, 7), 0), ((3, 5, 6), 1), ((40, 33), 0), ((300, 500), 0),
                                      ((2, 700, 130), 1)]):  # the last two span several column blocks
        a, g = sample(shape, i, dtype), sample(shape, 200 + i, dtype)
        x = torch.from_numpy(a.copy()).requires_grad_()
        getattr(torch, name)(x, dim).backward(torch.from_numpy(g))
        ours = T.tensor(a.tolist(), dtype=getattr(T, dtype), requires_grad=True)
        getattr(T, name)(ours, dim).backward(T.tensor(g.tolist(), dtype=getattr(T, dtype)))
        assert np.array_equal(bits(x.grad.numpy()), bits(ours.grad._np)), (shape, dim)


def test_log_softmax_is_its_own_op_with_its_own_node():
    x = T.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = T.log_softmax(x, 0)
    assert y.grad_fn.name() == "LogSoftmaxBackward0"
    assert repr(y) == "tensor([-2.4076, -1.4076, -0.4076], grad_fn=<LogSoftmaxBackward0>)"
    y.sum().backward()
    assert np.allclose(x.grad._np, 1 - 3 * np.exp(y._np), atol=1e-6)


@pytest.mark.skipif(kernels.compiled is None, reason="compiled loops not built or not used here")
def test_softmax_loops_reject_what_they_cannot_take():
    c = kernels.compiled
    x, out = np.zeros(12, np.float32), np.zeros(12, np.float32)
    with pytest.raises(ValueError, match="not a whole number of rows"):
        c.softmax_rows(x, out, 5, 16, True)
    with pytest.raises(ValueError, match="lanes must be 4, 8 or 16"):
        c.log_softmax_rows(x, out, 4, 5)
    with pytest.raises(TypeError, match="float32 or float64 buffers of one type"):
        c.softmax_rows(x, np.zeros(12), 4, 8, True)
    with pytest.raises(ValueError, match="within the columns"):
        c.softmax_columns(x, out, 3, 4, 0, 5, 16, True)
    with pytest.raises(ValueError, match="whole number of vectors"):
        c.log_softmax_columns(x, out, 3, 4, 16, 20)
    with pytest.raises(ValueError, match="different lengths"):
        c.softmax_backward_rows(x, np.zeros(6, np.float32), out, 3, 16, False)
    with pytest.raises(ValueError, match="whole number of vectors"):
        c.softmax_backward_rows(x, x, out, 3, 16, True, 4, 8)
