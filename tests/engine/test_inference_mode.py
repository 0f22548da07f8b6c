"""torch.inference_mode and inference tensors: each program prints and raises in tensorsh what it does in torch."""
import pytest

from same_as_torch import same_as_torch

PRELUDE = '''
def tryit(f):
    try:
        print("OK", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
'''

PROGRAMS = {
    "version_counter": '''
with torch.inference_mode():
    x = torch.ones(3)
    y = x * 2
print(y.is_inference(), y.requires_grad)
y._version
''',
    "mode_flags": '''
print(torch.is_inference_mode_enabled())
with torch.inference_mode():
    x = torch.ones(3)
    print(torch.is_inference_mode_enabled(), torch.is_grad_enabled(), x.is_inference())
    with torch.inference_mode(False):
        print("inner", torch.is_inference_mode_enabled(), torch.is_grad_enabled(), torch.ones(2).is_inference())
    tryit(lambda: x._version)
    x.add_(1)
with torch.no_grad():
    print(torch.is_inference_mode_enabled(), torch.ones(1).is_inference())
    with torch.inference_mode(False):
        print(torch.is_grad_enabled())
print(x, x.detach().is_inference(), x.data.is_inference(), x.clone().is_inference(), (x * 2).is_inference())
print(torch.inference_mode(), torch.is_grad_enabled())
''',
    "errors_outside_the_mode": '''
with torch.inference_mode():
    x = torch.ones(3)
    v = x[:2]
tryit(lambda: x.add_(1)); print(x)
tryit(lambda: v.mul_(2)); print(x)
tryit(lambda: x.requires_grad_())
p = torch.ones(3, requires_grad=True)
tryit(lambda: p * x)
tryit(lambda: (p + x).sum().backward())
print(p.grad)
w = torch.ones(3)
with torch.inference_mode():
    wv = w[:2]
    w.add_(1)
print(w._version, wv.is_inference())
q = torch.tensor([1.], requires_grad=True)
with torch.inference_mode():
    r = q * 2
    s = torch.ones(2, requires_grad=True)
print(r.requires_grad, r.is_inference(), r.grad_fn, r, s, s.is_inference())
''',
    "views_made_in_inference_mode": '''w = torch.ones(4, requires_grad=True)
b = w * 1
with torch.inference_mode():
    v = b[:3]
v2 = v[:2]
tryit(lambda: v2.add_(1))
c = w * 1
v3 = c[:3]
with torch.inference_mode():
    v4 = v3[:2]
tryit(lambda: v4.add_(1))
with torch.inference_mode():
    v5 = v3[:2]
    v5.add_(1)
tryit(lambda: v5.grad_fn)
''',
    "decorator": '''
@torch.inference_mode()
def f(a):
    return a * 2, torch.is_inference_mode_enabled()
@torch.inference_mode
def g(a):
    return a * 2
@torch.inference_mode(False)
def h(a):
    return torch.is_inference_mode_enabled(), torch.is_grad_enabled()
w = torch.ones(2)
out, flag = f(w)
print(out, flag, out.is_inference(), g(w).is_inference(), torch.is_inference_mode_enabled())
with torch.inference_mode():
    print(h(w))
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PRELUDE + PROGRAMS[name])
