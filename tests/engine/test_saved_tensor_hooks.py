"""Saved-tensor hooks and grad_fn._saved_* attributes: tensorsh prints and raises what torch does."""
import pytest

from same_as_torch import same_as_torch

PRELUDE = '''
def tryit(f):
    try:
        print("OK", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
a = torch.tensor([1., 2.], requires_grad=True)
'''

PROGRAMS = {
    "pack_unpack": '''
def pack(t):
    print("pack", t, torch.is_grad_enabled()); return t * 1
def unpack(t):
    print("unpack", t, torch.is_grad_enabled()); return t
with torch.autograd.graph.saved_tensors_hooks(pack, unpack):
    b = a * a
print(b.grad_fn._saved_self, b.grad_fn._saved_other)
b.sum().backward(); print(a.grad)
tryit(lambda: b.grad_fn._saved_self)
''',
    "pack_order_and_outputs_with_grad_fn": '''
def pack_hook(x):
    print("Packing", x)
    return x
def unpack_hook(x):
    print("Unpacking", x)
    return x
a = torch.ones(5, requires_grad=True)
b = torch.ones(5, requires_grad=True) * 2
with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    y = a * b
    z = y.exp()
    w = z.sigmoid()
    c = (a * 1)
    c.exp_()
    v = (a * 1)[1:3]
    v.sqrt_()
w.sum().backward()
class SaveOut(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = x.exp(); ctx.save_for_backward(x, y); return y
    @staticmethod
    def backward(ctx, g):
        x, y = ctx.saved_tensors; return g * y
with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    o = SaveOut.apply(a)
o.sum().backward()
''',
    "no_version_check_through_hooks": '''
x = torch.tensor([1.], requires_grad=True)
with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t):
    y = x * x
with torch.no_grad():
    x.mul_(2)
y.backward(); print(x.grad)
with torch.autograd.graph.saved_tensors_hooks(lambda t: 5, lambda p: p):
    f = a.exp()
tryit(lambda: f.sum().backward())
''',
    "saved_attributes": '''
e = a.exp()
print(e.grad_fn._saved_result.equal(e), e.grad_fn._saved_result.grad_fn)
m = a * 2
print(m.grad_fn._saved_self, m.grad_fn._saved_other)
n = a * a.detach()
print(n.grad_fn._saved_self, n.grad_fn._saved_other)
o = a.sqrt()
print(o.grad_fn._saved_result)
d = a.exp(); d.add_(1)
tryit(lambda: d.grad_fn._saved_result)
''',
    "saved_attributes_of_common_nodes": '''
m = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
for t, names in [(a.exp(), "result"), (a.sigmoid(), "result"), (a.tanh(), "result"), (a.relu(), "result"),
                 (a.sqrt(), "result"), (a.log(), "self"), (a.sin(), "self"), (a.cos(), "self"),
                 (a.pow(2), "exponent self"), (a.pow(a), "exponent result self"), (2 ** a, "result"),
                 (a * a, "other self"), (a / (a + 1), "other self"), (m.mm(m), "mat2 self"), (m @ a, "self vec"),
                 (a.sum(), "self_sym_sizes"), (a.mean(), "self_sym_numel self_sym_sizes"), (a.abs(), "self"),
                 (a + a, "alpha"), (a - 1, "alpha"), (a.rsqrt(), "result"), (a.clamp(0, 1), "max min self"),
                 (a.softmax(0), "dim result"), (a.reciprocal(), "result"), (a.square(), "exponent self")]:
    print(t.grad_fn.name(), [(n, getattr(t.grad_fn, "_saved_" + n)) for n in names.split()])
''',
    "save_on_cpu_and_disable": '''
with torch.autograd.graph.save_on_cpu():
    g = a * a
print(g.grad_fn._saved_self.data_ptr() == a.data_ptr())
g.sum().backward(); print(a.grad)
with torch.autograd.graph.disable_saved_tensors_hooks("no hooks here"):
    try:
        with torch.autograd.graph.saved_tensors_hooks(lambda t: t, lambda t: t):
            pass
    except Exception as e:
        print(type(e).__name__, e)
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PRELUDE + PROGRAMS[name])
