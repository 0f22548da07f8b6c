"""engine.optim_steps' fused updates against the op sequences they replace: bits, versions, storage notes, undo."""
import numpy as np
import pytest

from tensorsh.engine import autograd, creation, dtypes, kernels, optim_steps, undo


def _three(shape=(5, 3), seed=0, layout=None):
    """param, grad, buf: float32 tensors of one shape (layout 'grad_t': the grad not C-contiguous)."""
    rng = np.random.default_rng(seed)
    made = []
    for _ in range(3):
        a = rng.standard_normal(shape).astype(np.float32)
        a[0, 0] = 0.0  # (signs of zero and denormal products take part too)
        a.reshape(-1)[-1] = 1e-39
        made.append(creation.tensor(a.tolist(), dtype=dtypes.float32))
    if layout == "grad_t":
        made[1] = made[1].t().contiguous().t()  # (a gradient of transposed strides: not C-contiguous)
    return made


def _state(ts):
    return [(t._np.tobytes(), t._version, [(e[0], e[4]) for e in (t._storage.log or [])]) for t in ts]


@pytest.mark.parametrize("momentum,dampening,lr", [(0.9, 0, 0.01), (0.9, 0.1, 0.03), (0.5, 0.0, 0.2), (0.99, 1, 1e-3),
                                                    (0.9, 0, -1.0), (0.9, 2, 0.01), (2, 0, 0.01)])
@pytest.mark.parametrize("layout", [None, "grad_t"])
def test_sgd_momentum_same_as_the_ops(momentum, dampening, lr, layout):
    base = _three(layout=layout)
    fused = [t.clone() if i != 1 or layout is None else base[1] for i, t in enumerate(base)]
    plain = [t.clone() if i != 1 or layout is None else base[1] for i, t in enumerate(base)]
    with autograd.no_grad():
        for _ in range(3):
            param, grad, buf = fused
            optim_steps.sgd_momentum_(param, grad, buf, momentum, dampening, lr)
            param, grad, buf = plain
            buf.mul_(momentum).add_(grad, alpha=1 - dampening)
            param.add_(buf, alpha=-lr)
    assert _state(fused) == _state(plain)
    assert fused[0]._version == 3 and fused[2]._version == 6


def test_sgd_momentum_takes_the_compiled_pass_and_is_undone():
    if getattr(kernels.compiled, "sgd_momentum", None) is None:
        pytest.skip("no compiled loops")
    param, grad, buf = _three()
    assert optim_steps._plain(param, grad, buf)
    before = [t._np.copy() for t in (param, buf)]
    with autograd.no_grad(), undo.recording() as journal:
        optim_steps.sgd_momentum_(param, grad, buf, 0.9, 0, 0.01)
    assert param._version == 1 and buf._version == 2
    journal.rollback()
    assert param._version == 0 and buf._version == 0
    assert all((t._np == b).all() for t, b in zip((param, buf), before))


def test_sgd_momentum_leaves_shared_or_grad_requiring_tensors_to_the_ops():
    param, grad, buf = _three()
    assert not optim_steps._plain(param, grad, grad)
    assert not optim_steps._plain(param, param[0:5], buf)  # (a view of param's storage)
    param.requires_grad_()
    with autograd.enable_grad():
        assert not optim_steps._plain(param, grad, buf)
    with autograd.no_grad():
        assert optim_steps._plain(param, grad, buf)
