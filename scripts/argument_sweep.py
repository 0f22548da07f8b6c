"""Dev-only: the wrong-argument sweep run against torch, on its own (no list of known gaps): every tensor method and
torch function tensorsh provides, called with 16 wrong argument lists, in tensorsh and in torch 2.13 (a child
process, so a torch crash cannot stop the count); prints how many calls agree on acceptance and how many of the
calls both refuse carry the same `Kind: message`. Exit status 1 when acceptance differs on any call.
tests/lang/test_bad_arguments.py runs the same sweep (this module's functions) under pytest.

    python3 scripts/argument_sweep.py [--list acceptance|text] [--only methods|functions]
"""
import argparse
import io
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

ARGS = ["", "1", "1.5", "'a'", "None", "(1, 2)", "[1, 2]", "x", "x, x", "0, 1", "2, 3, 4", "lambda g: g",
        "dim='a'", "10**20", "[x, 1]", "(2, 2), 1.5"]
SETUP = "x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)\n"

# Each statement from a fresh state on both sides: a call that is accepted may change process-wide settings
# (torch.set_printoptions(x) stores x, torch.set_grad_enabled(0) turns grad off, ...).
TORCH_SIDE = r"""
import json, sys, warnings
import torch
SETUP = sys.argv[1]
out = {}
threads = torch.get_num_threads()
for stmt in json.load(sys.stdin):
    g = {"torch": torch}
    exec(SETUP, g)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(stmt, g)
        out[stmt] = None
    except Exception as e:
        out[stmt] = f"{type(e).__name__}: {e}"
    torch.set_printoptions(profile="default")
    torch.set_grad_enabled(True)
    torch.set_num_threads(threads)
    torch.manual_seed(0)
json.dump(out, sys.stdout)
"""


# Not swept: torch.save and torch.load write and read the files their arguments name (torch.save(x, 'a') would
# leave a file 'a' behind on both sides); tests/engine/test_serialization.py checks their errors.
NOT_SWEPT = frozenset({"save", "load"})


def names(kind, first="a-z"):
    """Tensor methods (kind "methods") or torch functions ("functions") whose first letter is in `first`."""
    from tensorsh.engine.tensor import Tensor
    from tensorsh.engine.torch_api import NAMESPACE
    if kind == "methods":
        found = (n for n in Tensor.__api__ if not n.startswith("_") and callable(getattr(Tensor, n, None)))
    else:
        found = (n for n, v in NAMESPACE.items() if callable(v) and n not in NOT_SWEPT)
    return sorted(n for n in found if first[0] <= n[0].lower() <= first[2])


def statements(kind, first="a-z"):
    template = "y = x.{}({})" if kind == "methods" else "y = torch.{}({})"
    return [template.format(name, args) for name in names(kind, first) for args in ARGS]


def tensorsh_side(stmts):
    """statement -> None (accepted) or the located error tensorsh reports."""
    from tensorsh.engine.torch_api import reset_state
    from tensorsh.lang.session import Session
    results = {}
    for stmt in stmts:
        reset_state()
        out = io.StringIO()
        results[stmt] = Session(write=out.write, write_err=out.write).run(SETUP + stmt, "f.tsh")
    reset_state()
    return results


def text(error):
    """`Kind: message` of a tensorsh error, as torch's side writes its exceptions."""
    return None if error is None else f"{error.kind}: {error.message}" if error.message else error.kind


def torch_side(stmts):
    """statement -> None or torch's `Kind: message`; RuntimeError if torch's process did not finish."""
    proc = subprocess.run([sys.executable, "-c", TORCH_SIDE, SETUP], input=json.dumps(stmts),
                          capture_output=True, text=True, timeout=1200)
    if proc.returncode != 0:
        raise RuntimeError(f"torch's side did not finish (exit {proc.returncode}): {proc.stderr[-500:]}")
    return json.loads(proc.stdout)


def compare(ours, theirs):
    """(calls whose acceptance differs, calls both refuse, calls both refuse with different texts)."""
    accept = [s for s in ours if (ours[s] is None) != (theirs[s] is None)]
    both = [s for s in ours if ours[s] is not None and theirs[s] is not None]
    return accept, both, [s for s in both if text(ours[s]) != theirs[s]]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", choices=["acceptance", "text"], help="print the calls that differ")
    ap.add_argument("--only", choices=["methods", "functions"])
    opts = ap.parse_args()
    stmts = [s for kind in ("methods", "functions") if opts.only in (None, kind) for s in statements(kind)]
    theirs = torch_side(stmts)
    ours = tensorsh_side(stmts)
    accept, both, differ = compare(ours, theirs)
    for s in accept if opts.list == "acceptance" else differ if opts.list == "text" else ():
        print(f"{s}\n  torch:    {theirs[s] or 'accepts'}\n  tensorsh: {text(ours[s]) or 'accepts'}")
    print(f"{len(stmts)} calls: acceptance agrees on {len(stmts) - len(accept)} ({len(accept)} differ); "
          f"both refuse {len(both)}, same text for {len(both) - len(differ)} ({len(differ)} differ)")
    return 1 if accept else 0


if __name__ == "__main__":
    sys.exit(main())
