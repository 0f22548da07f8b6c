"""The C functions torch.nn.functional is made of, as PyTorch's argument parser sees their calls.

torch.nn.functional is partly C functions (`F.gelu` is `torch._C._nn.gelu`, `F.avg_pool1d` is `torch.avg_pool1d`) and
partly Python that ends in a call of one (`F.relu(x)` calls `torch.relu(x)`, `F.mse_loss` `torch._C._nn.mse_loss`,
`F.dropout` `_VF.dropout`). A wrong argument fails at the first step that cannot take it: Python's own binding of the
function (`_max_pool2d() missing 1 required positional argument`), an attribute the Python reads (`'int' object has no
attribute 'size'`), or the C function's parser (`relu(): argument 'input' (position 1) must be Tensor, not int`).

`C.<name>(...)` is that parser alone (signatures.py over PyTorch's own signature strings: `nn_signature_table.py` for
torch._C._nn and the builtins tensorsh's torch namespace has not, `signature_table.py` for torch's): it raises PyTorch's
TypeError where PyTorch's parser refuses the call torch's Python makes and returns None otherwise, so tensorsh's
functions call it where torch's Python calls the C function, with the same arguments, and then run the engine op.
`builtin(name, fn)` is a function of F that is a C function in PyTorch: fn behind that parser (fn takes the C
function's parameters by their names).
"""
from collections.abc import Iterable

from tensorsh.engine import signatures
from tensorsh.engine.nn_signature_table import NN
from tensorsh.engine.signature_table import FUNCTIONS
from tensorsh.engine.tensor import Tensor


def _kind(name):
    if name in NN:
        return "nn"
    if name in FUNCTIONS:
        return "function"
    raise KeyError(f"no parser signature of {name}: run scripts/gen_signatures.py")


def _parse_only(*args, out=None, **kwargs):  # (out=: parsed, never written: the parse runs nothing)
    return None


class _Checks:
    """`C.relu6(input)`: the parse of torch._C._nn.relu6(input), made on first use and kept."""

    def __getattr__(self, name):
        check = signatures.checked(_kind(name), name, _parse_only)
        setattr(self, name, check)
        return check


C = _Checks()


def builtin(name, fn):
    """fn as the C function `name` PyTorch binds in F (its parser in front: types, counts, keywords), named so."""
    function = signatures.checked(_kind(name), name, fn)
    function.__name__ = function.__qualname__ = name
    return function


def size(x):
    """`x.size()` as torch's Python reads it before any C call: a tensor's shape (no torch.Size made), or the
    AttributeError Python raises for a value that has no size() ('int' object has no attribute 'size')."""
    return x._shape if isinstance(x, Tensor) else x.size()


def dim(x):
    """`x.dim()`: the same for the number of dimensions."""
    return len(x._shape) if isinstance(x, Tensor) else x.dim()


def ntuple(x, n):
    """torch.nn.modules.utils._ntuple (_single, _pair, _triple): an iterable as a tuple (a str's characters, a
    tensor's rows), anything else n times."""
    return tuple(x) if isinstance(x, Iterable) else (x,) * n


def boolean_dispatch(arg_name, arg_index, default, if_true, if_false, name):
    """torch/_jit_internal.py's boolean_dispatch: F.max_pool2d calls `_max_pool2d` or `max_pool2d_with_indices` by
    its return_indices argument (so a missing argument is reported under the name of the function it reached)."""
    def fn(*args, **kwargs):
        dispatch_flag = default
        if arg_name in kwargs:
            dispatch_flag = kwargs[arg_name]
        elif arg_index < len(args):
            dispatch_flag = args[arg_index]
        if dispatch_flag:
            return if_true(*args, **kwargs)
        return if_false(*args, **kwargs)
    fn.__name__ = name  # (its qualname stays boolean_dispatch.<locals>.fn, as it prints in PyTorch)
    return fn


def named(name):
    """A Python function of torch's under another name (F.threshold is `_threshold`): Python's messages use it."""
    def rename(fn):
        fn.__name__ = fn.__qualname__ = name
        return fn
    return rename
