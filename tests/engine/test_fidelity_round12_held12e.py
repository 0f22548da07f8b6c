"""Classes of difference found by the twelfth round's held-out-style programs about dtypes and arithmetic
(promotion, integer overflow, Python numbers written into tensors, reduced-float ranges), one differential program
each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"operators_unpack_python_ints_beyond_64_bits_as_the_parser_does": """
x = torch.tensor([1, 2, 3], dtype=torch.int8)
f = torch.tensor([1., 2.])
for v in [2**63, 2**64 - 1, 2**64, 2**70, -2**63, -2**63 - 1, -2**70]:
    for g in [lambda: x + v, lambda: f + v, lambda: v + f, lambda: f * v, lambda: v - f, lambda: f / v, lambda: v / f,
              lambda: f ** v, lambda: v ** f, lambda: f == v, lambda: f < v, lambda: f % v, lambda: f // v,
              lambda: x & v, lambda: x << v, lambda: torch.add(f, v)]:
        try:
            print(g())
        except Exception as e:
            print(type(e).__name__, e)
""",
"index_assignment_makes_a_tensor_of_the_number_first": """
x = torch.zeros(3)
for v in [None, 'a', [1.0], (2,), True, 1.5, 7, 1e39, -1e39, 2**64, -2**63 - 1]:
    for k in [0, [0, 1], x == 0, slice(None), ...]:
        y = x.clone()
        try:
            y[k] = v
            print(y)
        except Exception as e:
            print(type(e).__name__, e)
for dt in [torch.int8, torch.uint8, torch.int32, torch.float16, torch.bfloat16, torch.bool]:
    for v in [300, -129, 1e3, 1e39, 2**63, -1, 2.5]:
        for k in [0, [0], slice(0, 2)]:
            y = torch.zeros(3, dtype=dt)
            try:
                y[k] = v
                print(y)
            except Exception as e:
                print(type(e).__name__, e)
a = torch.zeros(3, requires_grad=True)
b = a * 2
b[b == 0] = 1.5
c = a * 2
c[0] = 3
d = a * 2
d[[0, 2]] = 4
print(b, c, d, c.grad_fn.next_functions[0][0].name())
(b + c + d).sum().backward()
print(a.grad)
e = torch.tensor(5.)
e[()] = 2
print(e)
try:
    e[0] = 2
except Exception as ex:
    print(type(ex).__name__, ex)
""",
"reduced_float_numbers_are_range_checked_except_by_one_element_fills": """
for dt in [torch.float16, torch.bfloat16, torch.float32]:
    for n in [(1,), (), (2,), (0,), (2, 2)]:
        for v in [65504.0, 65505.0, 65520.0, -1e6, 3.5e38, 1e39, float('inf'), 70000]:
            t = torch.zeros(n, dtype=dt)
            m = torch.ones(n, dtype=torch.bool)
            for f in [lambda: t.clone().fill_(v), lambda: torch.full(n, v, dtype=dt), lambda: torch.full_like(t, v),
                      lambda: t.new_full(n, v), lambda: t.masked_fill(m, v), lambda: t.clamp(max=v),
                      lambda: t.clamp_min(-v), lambda: torch.where(m, v, t), lambda: torch.where(~m, t, v), lambda: t + v,
                      lambda: t.index_fill(0, torch.tensor([0]), v) if t.dim() else 0]:
                try:
                    print(f())
                except Exception as e:
                    print(type(e).__name__, e)
torch.manual_seed(0)
h = torch.randn(2, 3).half()
mask = torch.tensor([[True, False, True], [False, False, True]])
for v in [-1e9, float('-inf'), -65504.0, torch.finfo(torch.float16).min]:
    try:
        print(h.masked_fill(mask, v).softmax(-1))
    except Exception as e:
        print(type(e).__name__, e)
""",
"message_doubles_are_written_as_cpp_ostream_writes_them": """
f = torch.tensor([1.])
for v in [-1e-7, -0.1234567, -1234567.0, -1e20, -float('inf'), -1, -2**40, -2.5, -2**64]:
    for g in [lambda: torch.isclose(f, f, atol=v), lambda: torch.allclose(f, f, rtol=v)]:
        try:
            g()
        except Exception as e:
            print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round12_held12e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
