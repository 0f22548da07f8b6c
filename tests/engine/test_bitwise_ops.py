"""Bitwise and/or/xor/not, shifts, in-place twins and logical in-place ops: each program prints, raises and warns in tensorsh exactly what it does in torch
(values, dtypes, grad_fn names, gradients, messages)."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"bitwise_ops": """
a = torch.tensor([5, 3, -2]); b = torch.tensor([1, 6, 3]); t = torch.tensor([True, False, True]); f = torch.tensor([1.5, 2., 3.])
u = torch.tensor([200, 3, 1], dtype=torch.uint8)
def tr(s):
    try: r = eval(s); print(s, "->", r)
    except Exception as e: print(s, "!!", type(e).__name__, e)
for s in ["a & b", "a | 2", "3 ^ a", "a.bitwise_and(b)", "torch.bitwise_or(a, b)", "torch.bitwise_xor(a, 3)", "torch.bitwise_xor(3, a)", "a.bitwise_not()", "torch.bitwise_not(t)", "~a", "~t", "~f", "f.bitwise_not()",
          "a << 2", "a >> 1", "2 << a", "16 >> b", "a << b", "a.bitwise_left_shift(b)", "torch.bitwise_right_shift(a, 1)", "f << 1", "a << 1.5", "a >> 1.5", "t << 1", "u << 1", "u >> b", "a << -1", "a << 70", "a >> 70", "a & f", "f & f", "a | 1.5", "t & t", "t | 1", "t ^ True", "a & True",
          "f | f", "f ^ 1", "torch.bitwise_and(f, 1)", "a.bitwise_and(1.5)", "f.bitwise_or(f)", "torch.bitwise_left_shift(2, a)", "a.bitwise_left_shift(f)", "f.__lshift__(1)", "torch.tensor(5) << torch.tensor([1,2])",
          "a.logical_and_(b)", "t.logical_and_(a)", "t.logical_or_(f)", "t.logical_xor_(t)", "t.logical_not_()", "a.logical_not_()", "f.logical_not_()", "f.logical_and_(t)",
          "a.bitwise_and_(b)", "a.bitwise_or_(1)", "a.bitwise_xor_(t)", "t.bitwise_and_(a)", "a.bitwise_not_()", "t.bitwise_not_()", "f.bitwise_not_()", "a.bitwise_left_shift_(1)", "a.bitwise_right_shift_(b)", "a.bitwise_and_(1.5)", "f.bitwise_and_(1)",
          "a.__ilshift__(1)", "a.__irshift__(1)", "f.__ilshift__(1)", "a.__ilshift__(1.5)", "u.__irshift__(1)", "t.__ilshift__(1)"]:
    tr(s)
x = torch.tensor([1.,2.], requires_grad=True)
tr("x.bitwise_not()"); tr("x & x"); tr("x << 1")
g = torch.tensor([5, 3]); g <<= 1; print(g, g._version); g >>= torch.tensor([1, 0]); print(g, g._version); g &= 3; g |= 8; g ^= 1; print(g, g._version)
h = torch.tensor([1., 2.]); tr("h.__ilshift__(1)")
l = torch.tensor([1., 0.], requires_grad=True)
tr("l.logical_not_()")
m = l * 1
tr("m.logical_and_(m)"); print(m, m.grad_fn)
""",
"bitwise_augmented": """
g = torch.tensor([5, 3]); g <<= 1; print(g, g._version); g >>= torch.tensor([1, 0]); print(g, g._version); g &= 3; g |= 8; g ^= 1; print(g, g._version)
x = 3
x <<= 2
x >>= 1
print(x, 1 << 3, 16 >> 2, torch.tensor([1, 2]) << 1)
f = torch.tensor([1., 2.])
f <<= 1
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_torch(name):
    same_as_torch(PROGRAMS[name])
