"""Module backward hooks as PyTorch runs them: one BackwardHookFunction node for all inputs (and one for all
outputs), hooks that replace gradients, the custom-Function view errors — each program compared with torch."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402

HOOKS = {
"full_hook_several_inputs_replaced": """
class M(nn.Module):
    def forward(self, a, b, scale):
        return a * b.sum() * scale, b * 2
m = M()
def hook(mod, gi, go):
    print('hook', gi, go)
    return (gi[0] * 10, None, None)
m.register_full_backward_hook(hook)
m.register_full_backward_pre_hook(lambda mod, go: print('pre', go))
a = torch.ones(2, requires_grad=True); b = torch.full((2,), 3., requires_grad=True)
o1, o2 = m(a, b, 0.5)
print(o1.grad_fn, o1.grad_fn.next_functions)
print(o1.grad_fn.next_functions[0][0].next_functions[0][0])
(o1.sum() + o2.sum()).backward()
print(a.grad, b.grad)
""",
"full_hook_unused_input_gets_zeros": """
class N(nn.Module):
    def forward(self, a, b):
        return a * 2
n = N()
n.register_full_backward_hook(lambda mod, gi, go: print('hook', gi, go))
a = torch.ones(2, requires_grad=True); b = torch.ones(3, requires_grad=True)
n(a, b).sum().backward()
print(a.grad, b.grad)
""",
"full_hook_wrong_count_and_pre_hook_replaces": """
m = nn.Linear(2, 2)
x = torch.ones(1, 2, requires_grad=True)
m.register_full_backward_pre_hook(lambda mod, go: (go[0] * 0 + 1,))
h = m.register_full_backward_hook(lambda mod, gi, go: print('gi', gi, 'go', go))
m(x).sum().backward()
print(x.grad)
h.remove()
m.register_full_backward_hook(lambda mod, gi, go: (gi[0], gi[0]))
try:
    m(x).sum().backward()
except RuntimeError as e:
    print(e)
print(x.grad)
""",
"inplace_on_hooked_output": """
m = nn.Linear(2, 2)
m.register_full_backward_hook(lambda mod, gi, go: None)
x = torch.ones(1, 2, requires_grad=True)
y = m(x)
print(y.grad_fn, y._is_view(), y._base is None)
for f in (lambda: y.mul_(2), lambda: y[0].add_(1), lambda: nn.ReLU(inplace=True).register_full_backward_hook(
        lambda *a: None) and None):
    try:
        f()
    except RuntimeError as e:
        print(e)
r = nn.ReLU(inplace=True)
r.register_full_backward_hook(lambda mod, gi, go: None)
try:
    r(x * 1)
except RuntimeError as e:
    print(e)
class Two(nn.Module):
    def forward(self, a):
        return a * 2, a * 3
t = Two()
t.register_full_backward_hook(lambda mod, gi, go: None)
p, q = t(x)
try:
    q.add_(1)
except RuntimeError as e:
    print(e)
y = m(x).clone()
y.mul_(2)
y.sum().backward()
print(x.grad)
""",
"deprecated_backward_hook_replaces": """
m = nn.Linear(2, 3)
def hook(mod, gi, go):
    print(len(gi), [None if g is None else g.shape for g in gi], [g.shape for g in go])
    return tuple(None if g is None else g * 0 + 7 for g in gi)
m.register_backward_hook(hook)
x = torch.ones(4, 2, requires_grad=True)
m(x).sum().backward()
print(x.grad, m.weight.grad, m.bias.grad)
s = nn.Sigmoid()
s.register_backward_hook(lambda mod, gi, go: (gi[0] * 100,))
z = torch.zeros(3, requires_grad=True)
s(z).sum().backward()
print(z.grad)
""",
"node_post_hook_replaces": """
x = torch.ones(2, requires_grad=True)
c = torch.ones(2)
y = x * 3 + c
y.grad_fn.register_hook(lambda gi, go: print('post', gi, go))
y.grad_fn.register_hook(lambda gi, go: (gi[0] * 10, None))
y.grad_fn.next_functions[0][0].register_hook(lambda gi, go: print('mul', gi, go))
y.sum().backward()
print(x.grad)
""",
}


@pytest.mark.parametrize("name", sorted(HOOKS))
def test_hooks_match_torch(name):
    same_as_torch(HOOKS[name])
