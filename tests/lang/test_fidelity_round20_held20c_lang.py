"""Classes of difference found by the twentieth round's held-out programs on autograd extensions and functional
autograd (held20c, issue 16) in the language (warnings as Python's filters show them, attribute reads): run in torch
and in the language."""
import os
import re
import subprocess
import sys

import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

# run as scripts by fresh processes, python and `python3 -m tensorsh run`: their warnings compared in order, each time
# Python shows one (the in-process harness counts each line's warning once, whatever the filters did)
FRESH_PROCESS = {
"sympys_first_import_by_make_grads_shows_every_warning_again": """
x = torch.tensor([0.5, 1.5, 2.5], requires_grad=True)
print(torch.autograd.gradcheck(torch.exp, (x,), raise_exception=False))
print(torch.autograd.gradcheck(lambda t: t.pow(3), (x,), eps=1e-3, atol=1e-2, rtol=1e-2))
print(torch.autograd.gradcheck(lambda t: t.pow(3), (x,), eps=1e-3, atol=1e-2, rtol=1e-2))
""",
"dynamos_first_import_by_an_optimizer_shows_every_warning_again": """
w = torch.nn.Parameter(torch.ones(2))
for i in range(3):
    y = w * 2
    _ = y.grad
    if i == 0:
        opt = torch.optim.SGD([w], lr=0.1)
""",
"dynamos_first_import_by_torch_func": """
w = torch.ones(2, requires_grad=True)
for i in range(2):
    _ = (w * 2).grad
    if i == 0:
        torch.func.grad(lambda t: (t * t).sum())(torch.ones(2))
""",
"dynamos_first_import_by_checkpoint": """
w = torch.ones(2, requires_grad=True)
for i in range(3):
    _ = (w * 2).grad
    if i == 1:
        torch.utils.checkpoint.checkpoint(torch.sin, torch.ones(2), use_reentrant=True)
""",
}

PROGRAMS = {
"a_functions_backward_class_and_its_forward_class_read": """
class F(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        return x + k

    backward = staticmethod(lambda ctx, g: (g, None))

print(F._backward_cls, torch.autograd.Function._backward_cls)
y = F.apply(torch.ones(1, requires_grad=True), 2)
print(y.grad_fn._forward_cls is F, F._backward_cls._forward_cls is F, type(y.grad_fn) is F._backward_cls)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round20_held20c_class_prints_as_torch(name):
    """The printed text and the warnings, as torch gives them."""
    got, stderr = run_in_language(PROGRAMS[name])
    src = "import copy\n" + PROGRAMS[name]
    assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))


ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WARNING_LINE = re.compile(r"^\S.*?:\d+: ([A-Za-z_]\w*Warning): (.*?)(?: \(Triggered internally at [^)]*\.\))?$")


def _warnings_shown(argv, src, tmp_path):
    path = tmp_path / "prog.py"
    path.write_text("import torch\nimport torch.utils.checkpoint\n" + src)
    done = subprocess.run(argv + [str(path)], capture_output=True, text=True, env={**os.environ, "PYTHONPATH": ROOT},
                          timeout=600)
    return done.stdout, [m.groups() for m in map(WARNING_LINE.match, done.stderr.splitlines()) if m]


@pytest.mark.parametrize("name", sorted(FRESH_PROCESS))
def test_fidelity_round20_held20c_warnings_as_a_script_shows_them(name, tmp_path):
    want = _warnings_shown([sys.executable], FRESH_PROCESS[name], tmp_path)
    assert _warnings_shown([sys.executable, "-m", "tensorsh", "run"], FRESH_PROCESS[name], tmp_path) == want
