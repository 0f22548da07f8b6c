"""Extending autograd from a program: torch.autograd's submodules import by name; inference_mode, anomaly mode,
saved-tensor hooks, gradcheck and torch.autograd.functional run as PyTorch's (custom Function classes need the
language's `class`)."""
from tensorsh.lang.session import Session


def run(src):
    out = []
    err = Session(write=out.append, write_err=out.append).run(src, "t.tsh")
    return "".join(out), err


def test_submodules_import_and_work():
    out, err = run(
        "import torch\nfrom torch.autograd import Function, gradcheck\n"
        "from torch.autograd.function import once_differentiable\nimport torch.autograd.functional as AF\n"
        "from torch.autograd.graph import saved_tensors_hooks\n"
        "print(Function)\nprint(AF.jacobian(lambda t: t * 2, torch.tensor([1., 2.])))\n"
        "x = torch.tensor([1.], requires_grad=True)\n"
        "with saved_tensors_hooks(lambda t: t * 3, lambda t: t):\n    z = x * x\nprint(z.grad_fn._saved_self)\n"
        "print(gradcheck(lambda t: t.exp(), torch.tensor([1.], dtype=torch.float64, requires_grad=True)))\n")
    assert err is None
    assert out == ("<class 'torch.autograd.function.Function'>\ntensor([[2., 0.],\n        [0., 2.]])\n"
                   "tensor([3.], requires_grad=True)\nTrue\n")


def test_inference_tensor_version_error_is_located_and_undone():
    out, err = run("import torch\nwith torch.inference_mode():\n    y = torch.ones(3) * 2\n"
                   "print(y.is_inference(), y.requires_grad)\ny._version\n")
    assert out == "True False\n"
    assert (err.kind, err.message, err.line) == ("RuntimeError", "Inference tensors do not track version counter.", 5)


def test_a_failed_inplace_on_an_inference_tensor_is_rolled_back():
    session = Session(write=lambda t: None, write_err=lambda t: None)
    session.run("import torch\nwith torch.inference_mode():\n    y = torch.ones(2)\n", "t.tsh")
    err = session.run("y.add_(1)\n", "t.tsh")
    assert err.message.startswith("Inplace update to inference tensor outside InferenceMode is not allowed.")
    assert session.variables["y"].tolist() == [1., 1.]
