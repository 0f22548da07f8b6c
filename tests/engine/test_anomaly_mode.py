"""Anomaly mode: PyTorch's flags, warnings (the first line: tensorsh names a statement, not a Python stack),
hints and nan checks."""
import pytest

from same_as_torch import HAVE_TORCH, run_in_engine, run_in_torch

PROGRAMS = {
    "modified_saved_tensor": '''
torch.autograd.set_detect_anomaly(True)
a = torch.tensor([2., 3.], requires_grad=True)
b = a.exp()
b.fill_(2)
b.sum().backward()
''',
    "nan_checks": '''
x = torch.tensor([0.], requires_grad=True)
with torch.autograd.detect_anomaly():
    print(torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
    try:
        (x.sqrt() * 0).sum().backward()
    except Exception as e:
        print(e)
    try:
        (x / x).sum().backward()
    except Exception as e:
        print(e)
print(torch.is_anomaly_enabled())
with torch.autograd.set_detect_anomaly(True, check_nan=False):
    (x.sqrt() * 0).sum().backward()
    print(x.grad, torch.is_anomaly_check_nan_enabled())
print(torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
''',
    "node_made_before_anomaly_mode": '''
a = torch.tensor([2., 3.], requires_grad=True)
b = a.exp()
b.fill_(2)
torch.autograd.set_detect_anomaly(True)
b.sum().backward()
''',
    "custom_function_error": '''
class Fails(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.clone()
    @staticmethod
    def backward(ctx, g):
        return g[:1]
torch.autograd.set_detect_anomaly(True)
y = Fails.apply(torch.ones(2, requires_grad=True))
y.sum().backward()
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    if not HAVE_TORCH:
        pytest.skip("torch is not installed")
    try:
        out, warns = run_in_engine(PROGRAMS[name])
    finally:
        from tensorsh.engine.torch_api import reset_state
        reset_state()
    want_out, want_warns = run_in_torch(PROGRAMS[name])
    assert out == want_out
    assert [w.splitlines()[0] for w in warns] == [w.splitlines()[0] for w in want_warns]


def test_the_warning_names_the_statement_that_made_the_node():
    from tensorsh.lang.session import Session
    err = []
    session = Session(write=lambda text: None, write_err=err.append)
    session.run("torch.autograd.set_detect_anomaly(True)\nx = torch.tensor([0.], requires_grad=True)\n"
                "y = x.sqrt()\n(y * 0).sum().backward()\n", "anomaly.tsh")
    text = "".join(err)
    assert "UserWarning: Error detected in SqrtBackward0. Traceback of forward call that caused the error:" in text
    assert 'File "anomaly.tsh", line 3, column 1\n    y = x.sqrt()' in text
