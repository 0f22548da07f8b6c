"""Classes of difference found by the seventeenth round's held-out programs on shapes, broadcasting and their
errors (held17f), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"view_reshape_unflatten_infer_sizes_in_one_pass_as_infer_size": """
x = torch.arange(6)
for shape in [(-2, 3), (-1, -1), (-2, -1, -1), (-1, -2, -1), (-1, -1, -2), (0, -1), (2, -5, -1), (-3,)]:
    for f in ("view", "reshape"):
        try:
            getattr(x, f)(*shape)
        except Exception as e:
            print(f, shape, e)
y = torch.zeros(2, 4)
for sizes in [(-1, -1), (-2, 2), (0, -1), (2, -2), (8, -1), (-1, -1, -2)]:
    try:
        print(y.unflatten(1, sizes).shape)
    except Exception as e:
        print("unflatten", sizes, str(e).split("\nException raised")[0])
for sizes in [(0, -1), (-1, 0), (3, -1)]:
    try:
        print(torch.zeros(2, 0).unflatten(1, sizes).shape)
    except Exception as e:
        print("unflatten", sizes, str(e).split("\nException raised")[0])
""",
"linear_refuses_a_0_dim_input_or_weight_with_its_own_text": """
F = torch.nn.functional
for a, w, b in [((), (3, 2), None), ((2,), (), None), ((), (3, 2), (3,)), ((2,), (3, 2), ())]:
    try:
        print(F.linear(torch.ones(a), torch.ones(w), None if b is None else torch.ones(b)).shape)
    except Exception as e:
        print(e)
try:
    torch.nn.Linear(2, 3)(torch.tensor(1.))
except Exception as e:
    print(e)
""",
"tensor_of_ragged_data_reads_arrays_and_tensors_as_sequences": """
import numpy as np
for data in [[np.array([1, 2]), np.array([3])], [np.array([1, 2]), [3]], [[1, 2], np.array([3])], [np.array([1]), np.array([2, 3])],
             [np.array([]), np.array([1])], [np.array([1, 2]), 3], [np.array([[1, 2]]), np.array([1, 2])], [[np.array([1, 2])], [np.array([1])]],
             [[1, 2], np.array([3, 4, 5])], [np.float32(1), np.array([2])], [np.array([1, 2]), torch.tensor([3])],
             [[1, 2], torch.tensor([3])], [[1, 2], torch.tensor([[3, 4]])], [[1, 2], torch.tensor(3)], [1, np.array([2])],
             [1.5, np.array([2.])], [True, np.array([True])], [[1], [np.array([1, 2])]], [[], np.array([1])]]:
    try:
        print(torch.tensor(data))
    except Exception as e:
        print(type(e).__name__, e)
""",
"legacy_constructors_leave_a_data_list_unpacked": """
import numpy as np
for ctor in [torch.Tensor, torch.FloatTensor, torch.LongTensor, torch.DoubleTensor]:
    for data in [[1, [2]], (1, [2]), [1, (2, 3)], [[1], 2], [np.array([1, 2]), np.array([3])]]:
        try:
            print(ctor(data))
        except Exception as e:
            print(type(e).__name__, e)
for args in [(2, [3]), (2, 3.5)]:
    try:
        print(torch.Tensor(*args))
    except Exception as e:
        print(type(e).__name__, e)
""",
"constant_pad_narrows_by_the_negative_pads_first": """
F = torch.nn.functional
x = torch.arange(6.).reshape(1, 2, 3)
for pad in [(-2, -2), (-3, 0), (-4, 5), (2, -5), (1, 1, -2, 0), (-3, 0, 1, 0), (-3, -1), (0, -3, 0, 0, 1, 0), (5, -8)]:
    try:
        print(pad, F.pad(x, pad).shape, torch.constant_pad_nd(x, pad, 1.5).shape)
    except Exception as e:
        print(pad, e)
print(F.pad(torch.zeros(2, 0), (0, 0, -2, 1)).shape)
""",
"out_of_the_products_is_resized_and_checked_in_atens_order": """
a, m, b3 = torch.ones(3), torch.ones(2, 3), torch.ones(2, 3, 3)
cases = [("dot", lambda o: torch.dot(a, a, out=o)), ("matmul11", lambda o: torch.matmul(a, a, out=o)),
         ("dot_bad", lambda o: torch.dot(a, torch.ones(4), out=o)), ("mv", lambda o: torch.mv(m, a, out=o)),
         ("mv1", lambda o: torch.mv(torch.ones(1, 3), a, out=o)), ("mvd", lambda o: torch.mv(m.double(), a, out=o)),
         ("matmul31", lambda o: torch.matmul(torch.ones(2, 2, 3), a, out=o)), ("matmul32", lambda o: torch.matmul(b3, m.t(), out=o)),
         ("matmul33", lambda o: torch.matmul(b3, b3, out=o)), ("kron", lambda o: torch.kron(a, a, out=o)),
         ("tensordot", lambda o: torch.tensordot(m, m.t(), dims=1, out=o)), ("inner", lambda o: torch.inner(m, a, out=o)),
         ("ger", lambda o: torch.ger(a, a, out=o))]
for name, f in cases:
    for o in [torch.empty(7, dtype=torch.int32), torch.empty(2, dtype=torch.float64), torch.empty(1, dtype=torch.float64),
              torch.empty(0), torch.empty(2, 2)]:
        try:
            r = f(o)
            print(name, r is o, o.shape, o.dtype, o.sum().item())
        except Exception as e:
            print(name, e, o.shape)
x = torch.ones(2, 2, requires_grad=True)
v = torch.ones(2, requires_grad=True)
for name, f in [("tensordot", lambda o: torch.tensordot(x, x, out=o)), ("inner", lambda o: torch.inner(x, x, out=o)),
                ("inner0", lambda o: torch.inner(x, torch.tensor(2.), out=o)), ("kron", lambda o: torch.kron(x, x, out=o)),
                ("outer", lambda o: torch.outer(v, v, out=o)), ("hstack", lambda o: torch.hstack([x, x], out=o)),
                ("dstack", lambda o: torch.dstack([x, x], out=o)), ("diff", lambda o: torch.diff(x, out=o)),
                ("take_along_dim", lambda o: torch.take_along_dim(x, torch.tensor([[0]]), 1, out=o)),
                ("cross", lambda o: torch.cross(torch.ones(3, requires_grad=True), torch.ones(3), dim=0, out=o)),
                ("gt", lambda o: torch.gt(x, 0, out=o.bool())), ("argmax", lambda o: torch.argmax(x, out=o.long())),
                ("logical_and", lambda o: torch.logical_and(x, x, out=o.bool())), ("any", lambda o: torch.any(x, out=o.bool())),
                ("msort", lambda o: torch.msort(x, out=o))]:
    try:
        r = f(torch.empty(0))
        print(name, r.shape, r.grad_fn is not None, r.requires_grad)
    except Exception as e:
        print(name, e)
""",
"non_inplace_resize_is_autograds_resize_function": """
x = torch.arange(6., requires_grad=True)
r = x.resize(2, 3)
print(r, r._base is x, r.is_leaf, r.data_ptr() == x.data_ptr())
r.sum().backward()
print(x.grad)
t = torch.arange(6.).reshape(2, 3).t()
r2 = t.resize(6)
print(r2, r2.data_ptr() == t.data_ptr())
for f in [lambda: x.resize(4), lambda: x.resize((2, 3)), lambda: x.resize_as(torch.zeros(2))]:
    try:
        f()
    except Exception as e:
        print(e)
print(x.resize_as(torch.zeros(3, 2)).shape)
z = torch.arange(4)
rz = z.resize(2, 2)
rz[0, 0] = 100
print(z, rz._version, z._version)
""",
"repeat_interleave_checks_in_atens_order": """
for x in [torch.tensor(2.), torch.arange(3.), torch.arange(6.).reshape(2, 3)]:
    for rep in [2, -1, torch.tensor(2), torch.tensor([-1]), torch.tensor([1, 2]), torch.tensor([[1]])]:
        for dim in [None, 0, 1, 2, -1, -2]:
            for osz in [None, 3]:
                try:
                    r = torch.repeat_interleave(x, rep, dim=dim, output_size=osz)
                    print(x.dim(), rep, dim, osz, tuple(r.shape))
                except Exception as e:
                    print(x.dim(), rep, dim, osz, type(e).__name__, e)
""",
"split_checks_its_size_before_dim_and_roll_of_empty_is_a_clone": """
v = torch.arange(6.)
for args in [(-1, 1), (-1, 5), ((0,), -1), ((0, 1), -1), ((6,), -1), ([3, 3], 2)]:
    try:
        print(len(v.split(*args)))
    except Exception as e:
        print(type(e).__name__, e)
e = torch.zeros(0, 3)
for args in [(0, 2), (1, 3), ((1, 2), (5, -7)), (1, -4)]:
    try:
        print(e.roll(*args).shape)
    except Exception as err:
        print(type(err).__name__, err)
""",
"one_tensor_taken_as_varargs_is_a_one_element_list": """
v = torch.arange(6.)
m = torch.arange(6.).reshape(2, 3)
print(v.hsplit(torch.tensor([1])))
print(m.vsplit(torch.tensor([1])))
print(m.hsplit(torch.tensor([2])))
print(v.view(torch.tensor([6])).shape, v.view(torch.tensor(6)).shape, v.reshape(torch.tensor([3]), 2).shape)
print(m.permute(torch.tensor([1]), 0).shape if False else m.repeat(torch.tensor([2]), 1).shape)
try:
    torch.hsplit(v, torch.tensor([2]))
except Exception as e:
    print(e)
""",
"a_cast_out_of_a_structured_op_warns_its_resize_twice": """
a = torch.ones(3)
i = torch.ones(3, dtype=torch.int64)
for f in [lambda o: torch.add(a, a, out=o), lambda o: torch.eq(a, 1, out=o), lambda o: torch.ne(i, 1.5, out=o),
          lambda o: torch.mul(i, i, out=o), lambda o: torch.sqrt(a, out=o), lambda o: torch.outer(a, a, out=o),
          lambda o: torch.kron(a, a, out=o), lambda o: torch.floor_divide(a, 2, out=o), lambda o: torch.sum(a.reshape(3, 1), 1, out=o),
          lambda o: torch.tril(a.reshape(3, 1), out=o), lambda o: torch.triu(i.reshape(1, 3), 1, out=o),
          lambda o: torch.cross(a, a, dim=0, out=o)]:
    for dt in [torch.float64, torch.float32, torch.int64, torch.bool]:
        try:
            f(torch.empty(2, dtype=dt))
            print(dt, "ok")
        except Exception as e:
            print(dt, e)
""",
"cat_of_only_1_d_empties_takes_dim_unwrapped": """
a = torch.zeros(0, requires_grad=True)
for d in [0, 1, 5, -3]:
    r = torch.cat([a, torch.zeros(0)], d)
    print(r, r.grad_fn, r.grad_fn._saved_dim)
    r.sum().backward()
    print(a.grad)
print(torch.cat([torch.zeros(0), torch.zeros(2, 3)], 1).shape)
try:
    torch.cat([torch.zeros(0), torch.zeros(2, 3)], 2)
except Exception as e:
    print(e)
print(torch.cat([torch.zeros(0, dtype=torch.int64)], dim=3).dtype)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round17_held17f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
