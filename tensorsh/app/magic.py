"""`%load_ext tensorsh`: a `%%tensorsh` cell magic running cells in one tensorsh session per IPython shell."""
import sys

from tensorsh.app.notebook import NotebookShell


class TensorshError(Exception):
    """A tensorsh cell failed; IPython shows tensorsh's located report instead of a Python traceback."""

    def __init__(self, error):
        super().__init__(error.last_line())
        self.error = error

    def _render_traceback_(self):
        from tensorsh.lang.errors import format_error
        return format_error(self.error).rstrip("\n").split("\n")


class Result:
    """The value of a cell's last bare expression, displayed as the kernel displays it."""

    def __init__(self, bundle):
        self.bundle = bundle

    def _repr_mimebundle_(self, include=None, exclude=None):
        return self.bundle

    def __repr__(self):
        return self.bundle["text/plain"]


def _display(bundle):
    from IPython.display import display
    display(bundle, raw=True)


def _out(name, text):
    stream = sys.stdout if name == "stdout" else sys.stderr
    stream.write(text)
    stream.flush()


def load(ipython):
    results = []
    shell = NotebookShell(_out, _display, results.append)
    ipython.tensorsh = shell          # one session per IPython shell (per notebook), reachable for inspection
    count = [0]

    def tensorsh(line, cell=None):
        """%%tensorsh: run the cell as tensorsh (PyTorch's printed text, show/graph as rich displays)."""
        count[0] += 1
        results.clear()
        error = shell.run_cell(line if cell is None else cell, f"<tensorsh cell {count[0]}>")
        if error is not None:
            raise TensorshError(error)
        return Result(results[-1]) if results else None

    ipython.register_magic_function(tensorsh, "line_cell", "tensorsh")
