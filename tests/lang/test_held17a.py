"""Classes of difference found by the held-out programs on storages, views and copy semantics of round 17
(held17a) that need the language (complex literals, io, numpy): one differential program each, run in torch and in
the language."""
import pytest

from test_torch_programs import assert_prints_as_torch

pytest.importorskip("torch")

PROGRAMS = {
"conj_is_a_view_of_its_tensors_memory_shown_conjugated": """
w = torch.tensor([1 + 2j, 3 - 1j])
c = w.conj()
print(c._is_view(), c._base is w, c.data_ptr() == w.data_ptr(), c.is_conj())
c[0] = 5 + 5j
print(w, c, w._version, c._version)
w.mul_(2)
print(c)
n = w.conj().imag
n.zero_()
print(w)
z = torch.tensor([1 + 2j, 3 - 1j], requires_grad=True)
c = z.conj()
print(c.clone().is_conj(), c.contiguous().is_conj(), c[0].is_conj(), c.view(2, 1).is_conj(), (c * 1).is_conj(), c.detach().is_conj(), c.t().is_conj(), c.data.is_conj())
w = z * 1
c = w.conj()
c.mul_(2)
print(c.grad_fn.name(), w.grad_fn.name(), c.grad_fn.next_functions[0][0] is w.grad_fn)
w.sum().abs().backward(); print(z.grad)
w = z * 1; c = w.conj(); w.mul_(1j); print(c.grad_fn.name(), c)
print(c.untyped_storage().data_ptr() == w.untyped_storage().data_ptr(), c.imag._base is w, c.imag)
cc = c.conj(); print(cc.is_conj(), cc._base is w, cc.grad_fn.name(), cc)
print(z.conj().is_leaf, z.conj()._base is z)
try:
    z.conj().mul_(2)
except RuntimeError as e:
    print(e)
print(torch.conj(z), torch.conj(z).resolve_conj().is_conj())
x = torch.randn(3, dtype=torch.complex64)
y = x.conj()
print(torch.allclose(y * x, (x.abs() ** 2).to(torch.complex64)), (x @ y).real.item() > 0)
print(y.conj_physical().is_conj(), torch.is_conj(y), y.resolve_neg().is_conj())
q = torch.ones(2, 2, dtype=torch.complex128)
q.t().conj()[0, 1] = 2j
print(q)
print(q.mH.is_conj(), q.adjoint()._base is q)
""",
"conj_views_saved_deep_copied_set_and_given_to_numpy": """
import io
z = torch.tensor([1 + 2j, 3 - 1j])
c = z.conj()
buf = io.BytesIO()
torch.save({'z': z, 'c': c}, buf)
buf.seek(0)
d = torch.load(buf)
print(d['c'], d['c'].is_conj(), d['z'])
d['z'][0] = 0
print(d['c'], d['c'].data_ptr() == d['z'].data_ptr())
buf = io.BytesIO()
torch.save(c, buf)
buf.seek(0)
e = torch.load(buf)
print(e, e.is_conj())
import copy
f = copy.deepcopy(c)
print(f, f.is_conj())
g = copy.deepcopy((z, c))
g[0][1] = 9
print(g[1], g[1].is_conj())
print(f._version, g[1]._version, g[0]._version, d['c']._version, e._version)
z = torch.tensor([1 + 2j, 3 - 1j])
c = z.conj()
print(c.untyped_storage().tolist()[:8] == z.untyped_storage().tolist()[:8], c.untyped_storage().nbytes())
print(c.storage().tolist())
e = torch.empty(0, dtype=torch.complex64).set_(c)
print(e, e.is_conj())
f = torch.empty(0, dtype=torch.complex64).set_(c.untyped_storage())
print(f)
print(c.sum(), c.mean(), c.abs(), c.angle(), c.real, c.imag, c.exp())
print(torch.stack([c, z]), torch.cat([c, c]))
print(c.numpy() if False else c.resolve_conj().numpy())
try:
    c.numpy()
except RuntimeError as err:
    print(err)
""",
"numpy_refuses_a_conj_view_and_a_tensor_that_requires_grad_only_in_grad_mode": """
import numpy as np
x = torch.ones(2, requires_grad=True)
with torch.no_grad():
    try:
        print(x.numpy())
    except RuntimeError as e:
        print(e)
z = torch.tensor([1 + 2j, 3 - 1j])
c = z.conj()
for f in [lambda: c.numpy(), lambda: c.numpy(force=True), lambda: np.asarray(c), lambda: c.tolist(), lambda: c[0].item(), lambda: np.array(c)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
torch.manual_seed(0)
x = torch.randn(4)
r = torch.fft.ihfft(x)
print(r.is_conj(), r._is_view(), r._base is None)
r2 = torch.fft.ihfftn(torch.randn(2, 4), dim=(1,))
print(r2.is_conj(), r2._is_view())
r3 = torch.fft.ihfftn(torch.randn(2, 4))
print(r3.is_conj(), r3._is_view())
h = torch.fft.hfft(torch.randn(3, dtype=torch.complex64))
print(h.is_conj(), h._is_view())
z = torch.randn(3, dtype=torch.complex64, requires_grad=True)
y = torch.cumprod(z, 0)
y.abs().sum().backward()
print(z.grad.is_conj(), z.grad._is_view())
a = torch.randn(2, 2, dtype=torch.complex64, requires_grad=True)
b = torch.randn(2, 2, dtype=torch.complex64, requires_grad=True)
(a @ b).abs().sum().backward()
print(a.grad.is_conj(), b.grad.is_conj(), a.grad._is_view())
m = a * b
m.abs().sum().backward()
print(a.grad.is_conj(), b.grad.is_conj())
l = torch.nn.functional.linear(a, b)
l.abs().sum().backward()
print(a.grad.is_conj(), b.grad.is_conj())
""",
"writes_through_storages_and_numpy_arrays_show_in_conj_views": """
z = torch.tensor([1 + 2j, 3 - 1j])
c = z.conj()
z.untyped_storage().fill_(0)
print(c)
z.copy_(torch.tensor([1j, 2j]))
print(c)
z.untyped_storage().copy_(torch.tensor([2 + 2j, 3 + 3j]).untyped_storage())
print(c)
c.untyped_storage()[0] = 0
print(c, z)
import numpy as np
z = torch.tensor([1 + 2j, 3 - 1j])
c = z.conj()
a = z.numpy()
a[0] = 7j
print(c)
a += 1
print(c)
a[:] = 2 + 2j
print(c)
b = np.array([1 + 1j, 2 - 2j])
t = torch.from_numpy(b)
tc = t.conj()
b[1] = 0
print(tc, t)
b *= 3
print(tc)
""",
"views_of_conj_views_and_their_real_and_imag_the_imag_a_neg_view": """
def t(f):
    try:
        r = f()
        print(r if not isinstance(r, torch.Tensor) else (r, r.is_conj(), r._is_view(), r.grad_fn.name() if r.grad_fn else None))
    except Exception as e:
        print(type(e).__name__, e)
z = torch.tensor([[1 + 2j, 3 - 1j], [0.5j, -2 + 0j]], requires_grad=True)
w = z * 1
c = w[0].conj()
t(lambda: c)
t(lambda: c._base is w)
c2 = w.conj()[1]
t(lambda: c2)
c2.mul_(2)
t(lambda: (w, c2, c))
a, b = w.conj().unbind(0)
t(lambda: a)
t(lambda: b.add_(1))
with torch.no_grad():
    d = w.conj()
t(lambda: d.mul_(1j))
t(lambda: d.grad_fn)
e = w.conj().t()
e[0, 1] = 0
t(lambda: w)
t(lambda: e.grad_fn.next_functions[0][0].name())
(w.abs() ** 2).sum().backward()
t(lambda: z.grad)
u = torch.zeros(2, dtype=torch.complex64, requires_grad=True)
t(lambda: u.conj().add_(1))
v = u.clone()
k = v.conj()
k.copy_(torch.tensor([1j, 2j]))
t(lambda: (v, k.grad_fn.name(), v.grad_fn.name()))
(v.real.sum() + v.imag.sum()).backward()
t(lambda: u.grad)
m = torch.tensor([1 + 1j, 2 - 2j])
mc = m.conj()
t(lambda: mc.conj().is_conj())
t(lambda: torch.conj(mc)._base is m)
t(lambda: mc.view_as_real if False else torch.view_as_real(mc.resolve_conj()))
t(lambda: mc.imag.add_(10))
t(lambda: m)
t(lambda: mc.real.mul_(3))
t(lambda: (m, mc))
t(lambda: mc.expand(2, 2).clone())
t(lambda: mc.reshape(2, 1))
t(lambda: mc.flip(0))
t(lambda: mc.to(torch.complex128))
t(lambda: mc.to(torch.complex64) is mc)
t(lambda: mc.conj_physical())
t(lambda: mc.conj_physical_())
t(lambda: (m, mc))
def chain(t):
    out = []
    n = t.grad_fn
    while n is not None:
        out.append(n.name())
        n = n.next_functions[0][0] if n.next_functions else None
    return out
z = torch.tensor([1 + 1j, 2 - 2j], requires_grad=True)
w = z * 1
c = w.conj()
print(chain(c.imag), chain(c.real), chain(c.imag[0]), c.imag.is_neg(), c.real.is_neg(), c.imag[1:].is_neg(), c.imag.clone().is_neg())
c.imag.sum().backward(retain_graph=True)
print(z.grad)
print(c.imag.neg().is_neg(), (-c.imag).is_neg(), c.imag.resolve_neg().is_neg(), c.imag.resolve_neg()._is_view())
try:
    print(c.imag.detach().numpy())
except RuntimeError as e:
    print(e)
r = w.conj().imag
r.mul_(2)
print(chain(r), w)
z = torch.tensor([1 + 1j], requires_grad=True); w = z * 1
i = w.conj().imag
print(i.resolve_neg()._is_view(), i.resolve_neg().grad_fn.name())
try:
    i.detach().numpy()
except RuntimeError as e:
    print(e)
print(i.detach().numpy(force=True), torch.resolve_neg(i.detach()), i.detach().resolve_neg().is_neg())
m = torch.tensor([1 + 1j, 2 - 2j]); mc = m.conj()
im = mc.imag
im[0] = 5
print(m, im, im.is_neg())
print(torch.resolve_neg(torch.ones(2)).is_neg(), torch.ones(2).resolve_neg()._is_view())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held17a_class_prints_as_torch(name):
    assert_prints_as_torch(PROGRAMS[name])
