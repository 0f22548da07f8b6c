"""numpy in programs: `import numpy as np`, arrays sharing memory with tensors both ways (`torch.from_numpy`,
`.numpy()`, `torch.as_tensor`), copies (`torch.tensor`), numpy's dtypes and scalars, PyTorch's errors — each
program in numpy_forum/ prints what torch prints; and a write into an array is undone with a failed statement."""
import sys
from pathlib import Path

from tensorsh.lang.session import Session

sys.path.insert(0, str(Path(__file__).parents[1] / "nn"))  # the runner the torch.nn programs share
from forum_runner import forum_tests  # noqa: E402

torch_results, test_forum_program_prints_what_torch_prints = forum_tests(Path(__file__).parent / "numpy_forum")


def _run(session, src):
    out = []
    session.write = out.append
    error = session.run(src, "t.tsh")
    return "".join(out), error


def test_failed_statement_takes_back_array_writes_and_the_tensor_sharing_them():
    session = Session(write=lambda t: None, write_err=lambda t: None)
    _run(session, "import numpy as np\nn = np.zeros(3)\nt = torch.from_numpy(n)\ny = torch.ones(2)\nv = y.numpy()\n"
                  "def f():\n    n[0] = 5\n    n[1:] += 2\n    v[1] = 9\n    np.add(n, 1, out=n)\n"
                  "    raise ValueError('no')\n")
    _, error = _run(session, "f()")
    assert error is not None and error.last_line() == "ValueError: no"
    out, error = _run(session, "print(n, t, y, t._version)")
    assert error is None
    assert out == "[0. 0. 0.] tensor([0., 0., 0.], dtype=torch.float64) tensor([1., 1.]) 0\n"


def test_a_successful_write_stays():
    session = Session(write=lambda t: None, write_err=lambda t: None)
    out, error = _run(session, "import numpy as np\nn = np.zeros(2)\nt = torch.from_numpy(n)\nn[0] = 5\nprint(t)\n")
    assert error is None and out == "tensor([5., 0.], dtype=torch.float64)\n"
