import numpy as np
import pytest

pytest.register_assert_rewrite("optim_vs_torch")  # its asserts show the differing text


@pytest.fixture
def torch_sqrt(monkeypatch):
    """The engine's sqrt replaced by torch's own kernel (MKL's last bits, which tensorsh does not reproduce): what
    remains different would be the optimizer's own arithmetic."""
    torch = pytest.importorskip("torch")
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
