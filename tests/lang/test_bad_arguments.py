"""Wrong arguments to any tensor method or torch function end as a user error, never an internal one."""
import io

import pytest

from tensorsh.engine.tensor import Tensor
from tensorsh.engine.torch_api import NAMESPACE
from tensorsh.lang.errors import InternalError, format_error
from tensorsh.lang.session import Session

ARGS = ["", "1", "1.5", "'a'", "None", "(1, 2)", "[1, 2]", "x", "x, x", "0, 1", "2, 3, 4", "lambda g: g",
        "dim='a'", "10**20", "[x, 1]", "(2, 2), 1.5"]
SETUP = "x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)\n"


def internal_errors(template, names):
    found = []
    for name in names:
        for args in ARGS:
            out = io.StringIO()
            error = Session(write=out.write, write_err=out.write).run(SETUP + template.format(name, args), "f.tsh")
            if isinstance(error, InternalError):
                found.append(f"{template.format(name, args)} -> {format_error(error).splitlines()[-1]}")
    return found


@pytest.mark.parametrize("first", ["a-m", "n-z"])
def test_tensor_methods_with_wrong_arguments(first):
    names = sorted(n for n in Tensor.__api__ if not n.startswith("_") and callable(getattr(Tensor, n, None))
                   and first[0] <= n[0] <= first[2])
    assert internal_errors("y = x.{}({})", names) == []


@pytest.mark.parametrize("first", ["a-m", "n-z"])
def test_torch_functions_with_wrong_arguments(first):
    names = sorted(n for n, v in NAMESPACE.items() if callable(v) and first[0] <= n[0].lower() <= first[2])
    assert internal_errors("y = torch.{}({})", names) == []
