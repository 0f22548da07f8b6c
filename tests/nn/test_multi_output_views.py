"""Views of the outputs of a Function with several outputs (a module's full-backward-hook Function, a custom
Function) are CreationMeta::MULTI_OUTPUT_NODE, and so are views of those views: written in place, PyTorch's
several-views text, against torch."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402

RUN = """
def run(label, fn):
    try:
        print(label, "ok", fn())
    except RuntimeError as e:
        print(label, "ERR", e)
"""

PROGRAMS = {
"backward_hook_function_outputs": RUN + """
class Two(nn.Module):
    def forward(self, a, b):
        return a * 1, b * 1
class InPlace(nn.Module):
    def forward(self, a):
        a[0].add_(1)
        return a
class InPlace2(nn.Module):
    def forward(self, a, b):
        a.view(-1)[1:].mul_(2)
        return a + b
hook = lambda mod, gi, go: None
m = Two()
m.register_full_backward_hook(hook)
x = torch.randn(2, 3, requires_grad=True)
def view_of_view():
    p, q = m(x, x * 2)
    p[0].view(3)[1:].add_(1)
def view():
    p, q = m(x, x * 2)
    p[0].add_(1)
def direct():
    p, q = m(x, x * 2)
    q.add_(1)
run("view of view", view_of_view)
run("view", view)
run("direct", direct)
m3 = InPlace()
m3.register_full_backward_hook(hook)
run("one input", lambda: m3(x * 1).grad_fn)
m4 = InPlace2()
m4.register_full_backward_hook(hook)
run("two inputs", lambda: m4(x * 1, x * 2).grad_fn)
lin = nn.Linear(3, 3)
lin.register_full_backward_hook(hook)
run("single output view of view", lambda: lin(x).view(6)[1:].mul_(2))
""",
"custom_function_outputs": RUN + """
class Views(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a.view(-1), a[0]
    @staticmethod
    def backward(ctx, g1, g2):
        return g1.view(2, 3) + 0
class AsIs(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a, b):
        return a, b
    @staticmethod
    def backward(ctx, g1, g2):
        return g1, g2
class One(torch.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a.view(-1)
    @staticmethod
    def backward(ctx, g):
        return g.view(2, 3)
x = torch.randn(2, 3, requires_grad=True)
run("views direct", lambda: Views.apply(x * 1)[0].add_(1))
run("views view of view", lambda: Views.apply(x * 1)[1][1:].add_(1))
run("views view of view of view", lambda: Views.apply(x * 1)[0].view(2, 3)[0][1:].mul_(3))
run("as-is direct", lambda: AsIs.apply(x * 1, x * 2)[1].add_(1))
run("as-is view", lambda: AsIs.apply(x * 1, x * 2)[0].t().add_(1))
run("one view of view", lambda: One.apply(x * 1)[2:].add_(1))
y = x * 1
a, b = Views.apply(y)
y.add_(1)
run("base modified", lambda: a.sum().backward())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_multi_output_views_same_as_torch(name):
    same_as_torch(PROGRAMS[name])
