"""Float sums carry PyTorch's summation order to the last bit: every layout, reduced dims and thread count."""
import numpy as np
import pytest

from tensorsh.engine import kernels

torch = pytest.importorskip("torch")

SHAPES = [(3, 4), (5, 17), (17, 5), (64, 3), (3, 64), (100, 33), (33, 100), (7, 8, 9), (2, 3, 4, 5), (300, 200),
          (200, 300), (70, 1000), (4, 1, 6), (1, 5), (40, 40, 40)]
LENGTHS = [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 255, 256, 511, 512, 513, 4096, 5000, 32767,
           32768, 40000, 100001]


def layouts(x):
    yield "contiguous", x
    if x.ndim > 1:
        yield "column-major", np.asfortranarray(x)
        yield "transposed view", x.swapaxes(0, 1)
        yield "strided slice", x[:, ::2]


def dim_sets(ndim):
    yield None
    for d in range(ndim):
        yield (d,)
    if ndim > 1:
        yield (0, ndim - 1)


def same_bits(x, dims):
    t = torch.from_numpy(x)
    if dims is None:
        want = t.sum().reshape([1] * x.ndim).numpy()
    else:
        want = t.sum(dim=dims, keepdim=True).numpy()
    got = kernels.cascade_sum(x, tuple(range(x.ndim)) if dims is None else dims)
    return want.tobytes() == got.tobytes()


@pytest.fixture(params=[1, 2, 3], ids=lambda n: f"{n}-threads")
def threads(request):
    before = torch.get_num_threads()
    torch.set_num_threads(request.param)
    kernels.set_num_threads(request.param)
    yield request.param
    torch.set_num_threads(before)
    kernels.set_num_threads(None)


@pytest.fixture(params=["compiled", "numpy"])
def loops(request, monkeypatch):
    """Both implementations of a contiguous run's sum: the compiled loop (where built) and the numpy one."""
    if request.param == "numpy":
        monkeypatch.setattr(kernels, "compiled", None)
    elif kernels.compiled is None:
        pytest.skip("compiled kernels not built or not used here")
    return request.param


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_full_sums_of_vectors_match_torch_bit_for_bit(threads, dtype, loops):
    rng = np.random.default_rng(threads)
    wrong = [n for n in LENGTHS if not same_bits((rng.standard_normal(n) * 10).astype(dtype), None)]
    assert wrong == []


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sums_over_dims_and_layouts_match_torch_bit_for_bit(threads, dtype):
    rng = np.random.default_rng(10 + threads)
    wrong = []
    for shape in SHAPES:
        base = (rng.standard_normal(shape) * 10).astype(dtype)
        for name, x in layouts(base):
            wrong += [(shape, name, dims) for dims in dim_sets(x.ndim) if not same_bits(x, dims)]
    assert wrong == []


def test_cancellation_exposes_the_order():
    x = np.array([1e8, 3, 3, 3, 3, -1e8], np.float32)  # PyTorch: 9; exact: 12; left to right: 0
    assert kernels.cascade_sum(x, (0,))[0] == 9.0
    assert np.float32(np.sum(x, dtype=np.float64)) == 12.0


def test_empty_and_zero_dim():
    assert kernels.cascade_sum(np.zeros((0, 3), np.float32), (0,)).tolist() == [[0.0, 0.0, 0.0]]
    assert kernels.cascade_sum(np.array(2.5, np.float32), ()).tolist() == 2.5
    assert str(kernels.cascade_sum(np.array([-0.0], np.float32), (0,))[0]) == "0.0"  # a sum starts at +0
