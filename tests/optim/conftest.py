import numpy as np
import pytest

pytest.register_assert_rewrite("optim_vs_torch")  # its asserts show the differing text


@pytest.fixture
def torch_sqrt(monkeypatch):
    """Where the engine has no compiled loops (so its float32 sqrt is the correctly rounded one, not MKL's), its
    sqrt replaced by torch's own kernel: what remains different would be the optimizer's own arithmetic. With
    them, nothing is replaced: the engine's sqrt is MKL's (test_mkl_sqrt.py)."""
    torch = pytest.importorskip("torch")
    from tensorsh.engine import kernels
    if kernels.compiled is not None:
        return
    from tensorsh.engine.tensor import Tensor
    sqrt, sqrt_ = Tensor.sqrt, Tensor.sqrt_

    def torch_values(t):
        return torch.sqrt(torch.from_numpy(np.ascontiguousarray(t._np))).numpy()

    def patched(self):
        out = sqrt(self)
        out._np[...] = torch_values(self)
        return out

    def patched_(self):
        values = torch_values(self)
        sqrt_(self)
        self._np[...] = values
        return self
    monkeypatch.setattr(Tensor, "sqrt", patched)
    monkeypatch.setattr(Tensor, "sqrt_", patched_)
