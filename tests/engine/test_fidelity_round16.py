"""Classes of difference found in the sixteenth round (issue 16), one differential program each, run in torch and
in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"an_empty_expanded_tensor_is_not_overlapping_so_index_put_does_not_warn": """
for shape in [(0,), (2,)]:
    for val in [torch.tensor([]), torch.tensor(1.), 2.0]:
        v = torch.zeros(shape).expand(3, *shape)
        for f in [lambda: v.__setitem__(v > 0, val), lambda: v.__setitem__(torch.tensor([0]), val),
                  lambda: v.index_put_((torch.tensor([0]),), torch.tensor(1.)), lambda: v.masked_fill_(v > 0, 1.),
                  lambda: v.index_fill_(0, torch.tensor([0]), 1.)]:
            try: f(); print(shape, "ok")
            except Exception as e: print(type(e).__name__, e)
""",
"a_leafs_accumulator_keeps_the_shape_it_was_made_with_after_data_is_set": """
v1 = torch.tensor([[2.0, 2.5385, 0.0]], dtype=torch.float64, requires_grad=True)
v2 = v1[torch.tensor([0, 0])]
v10 = torch.softmax(v2, dim=-2)
v1.data = v10
(v10 * 2).sum().backward()
print(v1.grad, v1.shape)
w = torch.ones(3, requires_grad=True)
y = w * 2
w.data = torch.ones(2, 3)
y.sum().backward()
print(w.grad)
u = torch.ones(3, requires_grad=True)
y = u * 2
u.data = torch.ones(3, dtype=torch.float64)
y.sum().backward()
print(u.grad)
a = torch.ones(2, 2, requires_grad=True)
y = a.sum(0)
a.data = torch.ones(3)
try: y.sum().backward(); print(a.grad)
except Exception as e: print(type(e).__name__, e)
""",
"advanced_index_assignment_drops_the_values_leading_ones_before_index_put": """
def t(f):
    try: f(); print("ok")
    except Exception as e: print(type(e).__name__, e)
v4 = torch.ones(1, 2)
for val in [torch.ones(1, 2, 3), torch.ones(1, 1, 2, 3), torch.ones(2, 3), torch.ones(3, 1, 2), torch.ones(1, 3)]:
    t(lambda: v4.__setitem__(v4 > 0, val))
    t(lambda: v4.__setitem__(torch.tensor([0]), val))
    t(lambda: v4.index_put_((torch.tensor([0]),), val))
    t(lambda: v4.__setitem__((slice(None), torch.tensor([0, 1])), val))
y = torch.zeros(3, 3)
v = torch.ones(1, 1, 3, requires_grad=True)
y[torch.tensor([0, 2])] = v
print(y, y.grad_fn.next_functions[1][0].name())
y.sum().backward()
print(v.grad)
""",
"an_inference_matrix_saved_for_backward_fails_before_addmms_dtype_check": """
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
torch.manual_seed(0)
with torch.inference_mode():
    a = torch.ones(2, 3, dtype=torch.int64); b = torch.ones(2, 3)
lin = torch.nn.Linear(3, 2)
w = torch.ones(3, 2, requires_grad=True)
t(lambda: lin(a)); t(lambda: lin(b)); t(lambda: torch.addmm(torch.zeros(2), a, w)); t(lambda: torch.addmm(torch.zeros(2), b, w))
t(lambda: a @ w); t(lambda: b @ w); t(lambda: torch.mm(b, w)); t(lambda: w.t() @ b.t())
with torch.no_grad():
    t(lambda: lin(b))
""",
"one_hot_is_zeros_then_scatter_so_its_version_is_two": """
F = torch.nn.functional
for x in [torch.tensor([0, 2]), torch.tensor(1), torch.tensor([[1, 0]]), torch.tensor([[1, 0], [2, 3]]).t()]:
    r = F.one_hot(x); print(r, r._version, r.shape, r.stride())
    r = F.one_hot(x, 4); print(r._version, r.is_contiguous())
r = F.one_hot(torch.tensor([], dtype=torch.long), 3); print(r, r._version, r.shape)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round16_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
