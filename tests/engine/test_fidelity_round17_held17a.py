"""Classes of difference found by the held-out programs on storages, views and copy semantics of round 17
(held17a), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"inplace_through_real_imag_and_view_as_real_views_replays_the_dtype_changing_view": """
z = torch.tensor([[1 + 2j, 3 - 1j], [0.5j, -2 + 0j]], requires_grad=True)
def show(f):
    w = z * 1
    try:
        v = f(w)
        print(v.grad_fn.name(), [n[0].name() if n[0] else None for n in v.grad_fn.next_functions], w.grad_fn.name(), v.shape, v.stride(), v.storage_offset())
        g = v.grad_fn
        if g.name() == 'AsStridedBackward0':
            print(g._saved_size, g._saved_stride, g._saved_storage_offset)
        n = v.grad_fn.next_functions[0][0]
        while n is not None and 'CopySlices' not in n.name():
            print(' ', n.name()); n = n.next_functions[0][0]
        (w.real ** 2 + 3 * w.imag).sum().backward()
        print(z.grad); z.grad = None
    except Exception as e:
        print(type(e).__name__, e)
def a(w): v = torch.view_as_real(w[1]); v.mul_(2); return v
def b(w): v = torch.view_as_real(w)[:, 0]; v.add_(1); return v
def c(w): v = w.t().real; v[0] = 7; return v
def d(w): v = torch.view_as_real(w).unbind(-1)[1]; v.mul_(3); return v
def e(w): r = w.imag; v = r.t(); v.mul_(2); return r
def f(w): v = torch.view_as_complex(torch.view_as_real(w)); v.mul_(2); return v
def g(w): v = w.real.view(4); v.sub_(1); return v
def h(w): v = w.imag; w.real.zero_(); return v
def i(w): v = w.real; v2 = v[0]; v2.mul_(5); return v
def j(w): v = w.real.flatten(); v.mul_(5); return v
def k(w): v = w.real.split(1)[0]; return v
for fn in [a, b, c, d, e, f, g, h, i, j, k]:
    show(fn)
""",
"view_and_reshape_name_a_negative_size_with_its_index_and_the_shape_in_the_order_of_the_dims": """
x = torch.arange(6.)
fs = [lambda: x.reshape(-2, 3), lambda: x.view(-2, 3), lambda: x.reshape(3, -3), lambda: x.view(2, -5),
      lambda: x.reshape(-1, -2), lambda: x.view(-2), lambda: torch.reshape(x, (2, -4)), lambda: x.view(torch.Size([3, -2])),
      lambda: torch.empty(0).view(-2, 0), lambda: torch.empty(0).reshape(0, -2), lambda: x.view(-1, 0),
      lambda: x.flatten().view(6, -1, -2), lambda: x.view(-1, -1, -2), lambda: x.view(-2, -1, -1), lambda: x.view(-1, -3, -1)]
for f in fs:
    try: print(f().shape)
    except Exception as e: print(type(e).__name__, e)
""",
"a_storage_of_no_bytes_has_data_ptr_0": """
x = torch.arange(4.)
print(x[:0].untyped_storage().data_ptr() == x.data_ptr(), x[:0].data_ptr())
print(torch.empty(0).untyped_storage().data_ptr(), torch.empty(0, 3).storage().data_ptr())
s = torch.ones(2).untyped_storage()
s.resize_(0)
print(s.data_ptr(), s.nbytes())
e = torch.empty(0)
e.resize_(3)
print(e.untyped_storage().data_ptr() != 0, e.data_ptr() != 0)
print(torch.UntypedStorage(0).data_ptr(), torch.UntypedStorage(2).data_ptr() != 0)
print(torch.tensor([]).untyped_storage().data_ptr())
""",
"the_deprecated_out_of_place_resize_and_resize_as_are_the_resize_function": """
def t(f):
    try:
        r = f()
        print(r if not isinstance(r, torch.Tensor) else (r, r.shape, r.stride(), r.storage_offset(), r._is_view(), r.grad_fn.name() if r.grad_fn else None, r.data_ptr() == x.data_ptr(), r._base is x, r.requires_grad, r._version))
    except Exception as e:
        print(type(e).__name__, e)
x = torch.arange(6.)
t(lambda: x.resize(2, 3))
t(lambda: x.resize((3, 2)))
t(lambda: x.resize(torch.Size([6, 1])))
t(lambda: x.resize(4))
t(lambda: x.view(2, 3).t().resize(6))
t(lambda: x.resize_as(torch.ones(2, 3)))
t(lambda: x.resize_as(torch.ones(4)))
x = torch.arange(6., requires_grad=True)
r = x.resize(3, 2)
t(lambda: r)
t(lambda: r.grad_fn.next_functions)
(r * torch.arange(6.).view(3, 2)).sum().backward()
print(x.grad)
try:
    r.add_(1)
except Exception as e:
    print(type(e).__name__, e)
""",
"view_as_real_copy_and_view_as_complex_copy": """
def t(f):
    try: r = f()
    except Exception as e: return print(type(e).__name__, e)
    print(r if not isinstance(r, torch.Tensor) else (r, r.shape, r.stride(), r.storage_offset(), r._is_view(), r.grad_fn.name() if r.grad_fn else None))
z = torch.tensor([1 + 2j, 3 - 4j], requires_grad=True)
w = z * 1
t(lambda: torch.view_as_real_copy(w))
t(lambda: torch.view_as_complex_copy(torch.view_as_real(w)))
t(lambda: torch.view_as_complex_copy(torch.ones(3, 2)))
t(lambda: torch.view_as_complex_copy(torch.ones(3, 3)))
t(lambda: torch.view_as_real_copy(torch.ones(3)))
t(lambda: torch.view_as_real_copy(w.conj()))
o = torch.empty(0)
t(lambda: torch.view_as_real_copy(w.detach(), out=o))
t(lambda: o)
x = torch.arange(6.)
#t(lambda: x.const_data_ptr() == x.data_ptr())
#t(lambda: x.storage_type())
#t(lambda: x.int().storage_type())
#t(lambda: x.resize(2, 3))
#t(lambda: x.resize_as(torch.empty(3, 2)))
t(lambda: x)
(view_as_real_copy_sum := torch.view_as_real_copy(w).sum()).backward()
print(z.grad)
x = torch.arange(6.)
print(x.const_data_ptr() == x.data_ptr(), x[2:].const_data_ptr() - x.const_data_ptr(), torch.empty(0).const_data_ptr())
""",
"detach_and_data_of_an_inference_tensor_outside_inference_mode_keep_a_version_of_their_own": """
def t(f):
    try:
        r = f()
        print(r if not isinstance(r, torch.Tensor) else (r, r.requires_grad, r.grad_fn.name() if r.grad_fn else None, r._version, r.is_inference(), r._is_view()))
    except Exception as e:
        print(type(e).__name__, e)
with torch.inference_mode():
    a = torch.ones(3)
    b = a[1:]
t(lambda: a._version)
t(lambda: b._version)
v = a.view(3)
t(lambda: v._version)
t(lambda: v.add_(1))
t(lambda: a)
t(lambda: v.add_(1))
d = a.detach()
t(lambda: d)
t(lambda: d.mul_(2))
t(lambda: a)
s = a[0]
t(lambda: s.zero_())
t(lambda: a[1:].fill_(5))
t(lambda: a)
t(lambda: a.t().add_(1))
t(lambda: a.expand(2, 3).clone())
t(lambda: a.data)
t(lambda: a.data.add_(1))
t(lambda: a.unsqueeze(0).squeeze_(0))
t(lambda: a.split(1)[0].add_(100))
t(lambda: a)
t(lambda: b.add_(1))
t(lambda: b.view(2).add_(1))
t(lambda: torch.add(a, 1, out=a.view(3)))
t(lambda: a.view(3)._base)
t(lambda: a.view(3)._base is a)
def t(f):
    try:
        r = f()
        print(r if not isinstance(r, torch.Tensor) else (r, r._version, r.is_inference()))
    except Exception as e:
        print(type(e).__name__, e)
with torch.inference_mode():
    a = torch.ones(2)
n = torch.ones(2)
with torch.inference_mode():
    d1 = a.detach(); d2 = a.data; d3 = n.detach(); d4 = n.data
    t(lambda: d1); t(lambda: d2); t(lambda: d3); t(lambda: d4)
    t(lambda: d3.add_(1)); t(lambda: n._version)
    t(lambda: d4.add_(1)); t(lambda: n._version)
t(lambda: d1); t(lambda: d2); t(lambda: d3); t(lambda: d4)
t(lambda: d1.add_(1))
t(lambda: d2.add_(1))
e1 = a.detach(); e2 = a.data
t(lambda: e1.detach().add_(1)); t(lambda: e1._version)
t(lambda: e1.view(2).add_(1)); t(lambda: e1._version)
t(lambda: e1[0].add_(1)); t(lambda: e1._version)
with torch.inference_mode():
    t(lambda: e1.add_(1)); t(lambda: e1._version)
    t(lambda: e1.view(2)._version)
t(lambda: torch.ones(2, requires_grad=True) * e1)
t(lambda: e1.requires_grad_())
t(lambda: e2.clone())
t(lambda: a.detach().detach()._version)
""",
"the_saved_tensor_modified_message_names_a_complex_tensor_by_cpp_tostring": """
def t(make):
    try:
        make().backward()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
def f1():
    x = torch.ones(2, 3, dtype=torch.float64, requires_grad=True)
    y = x * 1; z = y.sin(); y.add_(1); return z.sum()
def f2():
    x = torch.ones(3, requires_grad=True)
    y = x[1:]; z = (y * y).sum()
    with torch.no_grad(): x.mul_(2)
    return z
def f3():
    x = torch.ones(4, requires_grad=True)
    y = x * 1; v = y[1:]; z = v.exp(); y[0] = 3; return z.sum()
def f4():
    x = torch.ones(4, requires_grad=True)
    y = x * 1; v = y[1:]; z = v.exp(); v.mul_(2); return z.sum()
def f5():
    x = torch.ones(2, 2, dtype=torch.float16, requires_grad=True)
    y = x.float(); z = y.pow(2); y.zero_(); return z.sum()
def f6():
    x = torch.ones(2, dtype=torch.complex64, requires_grad=True)
    y = x * 1; z = y * y; y.mul_(2); return z.abs().sum()
def f7():
    x = torch.ones(3, requires_grad=True)
    w = torch.ones(3)
    z = (x * w).sum(); w.add_(1); return z
def f8():
    x = torch.ones(3, requires_grad=True)
    y = x.unsqueeze(0); z = y @ y.t(); y.mul_(1); return z.sum()
def f9():
    x = torch.ones(3, requires_grad=True)
    y = x.clone(); z = y.sigmoid(); z2 = z.view(3); z2.add_(1); return z.sum()
def f10():
    x = torch.ones(3, requires_grad=True)
    a, b = (x * 1).split([1, 2]); z = b.exp()
    with torch.no_grad(): b.mul_(2)
    return z.sum()
def f11():
    x = torch.ones(2, 3, dtype=torch.bfloat16, requires_grad=True)
    y = x * 1; z = y.tanh(); y.add_(1); return z.sum()
def f12():
    x = torch.ones((), requires_grad=True)
    y = x * 1; z = y.exp(); z.add_(1); return z
def f13():
    x = torch.ones(0, 3, requires_grad=True)
    y = x * 1; z = y.exp(); z.add_(1); return z.sum()
def f14():
    x = torch.ones(3, requires_grad=True)
    y = x.detach(); z = (x * x).sum(); y.add_(1); return z
def f15():
    x = torch.ones(3, requires_grad=True)
    y = x.expand(2, 3); z = (y * y).sum(); x.data.add_(1); return z
def f16():
    x = torch.ones(2, 2, requires_grad=True)
    y = x.t(); z = y.exp(); z.t_(); return z.sum()
def f17():
    x = torch.ones(3, requires_grad=True)
    y = x * 1; z = torch.nn.functional.softmax(y, 0); z.mul_(2); return z.sum()
def f18():
    x = torch.ones(3, dtype=torch.int64)
    y = torch.ones(3, requires_grad=True)
    z = (y ** x).sum(); x.add_(1); return z
for f in [f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18]:
    t(f)
""",
"set_takes_a_typed_storage_of_its_dtype": """
h = torch.arange(3.)
for f in [lambda: torch.empty(0).set_(h.storage()), lambda: torch.empty(0, dtype=torch.int64).set_(h.storage()),
          lambda: torch.empty(0).set_(h.storage(), 1, (2,)), lambda: torch.empty(0, dtype=torch.float64).set_(h.storage(), 0, (1,)),
          lambda: torch.empty(0).set_(h.storage(), 1, [2], [1]), lambda: torch.empty(0, dtype=torch.int32).set_(h.int().storage(), 1, (2,)),
          lambda: torch.tensor([], dtype=torch.float16).set_(torch.ones(2, dtype=torch.float16).storage()),
          lambda: torch.empty(0).set_(h.storage()._untyped_storage if False else h.untyped_storage(), 0, (3,))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"an_empty_tensor_viewed_as_its_own_shape_keeps_its_strides": """
for x in [torch.empty(3, 0).t(), torch.empty(0, 3).t(), torch.empty(2, 0, 3).permute(2, 0, 1), torch.empty(0, 4)[:, ::2], torch.empty(1, 0).expand(3, 0)]:
    for f in [lambda: x.view(x.shape), lambda: x.reshape(x.shape), lambda: x.view(-1), lambda: x.view_as(x), lambda: x.reshape(*x.shape), lambda: x.flatten(), lambda: x.view(0, 1, -1), lambda: x.contiguous(), lambda: x.unflatten(0, (1, -1)), lambda: x.reshape(x.shape[::-1])]:
        try:
            r = f(); print(tuple(r.shape), r.stride(), r._is_view())
        except Exception as e:
            print(type(e).__name__, e)
""",
"a_float_tensor_of_many_elements_where_a_number_goes_warns_first_when_it_requires_grad": """
x = torch.arange(3., requires_grad=True)
i = torch.arange(3)
for f in [lambda: torch.tensor([i, i]), lambda: torch.tensor([i, i], dtype=torch.float32), lambda: torch.tensor([x, x], dtype=torch.int64), lambda: torch.asarray([x, x]), lambda: torch.tensor([1.0, x])]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"the_legacy_storage_classes_and_storage_type": """
x = torch.arange(3.)
print(x.storage_type(), torch.FloatStorage, torch.FloatStorage.dtype)
s = torch.FloatStorage(3)
print(type(s), s.size(), s.dtype, isinstance(s, torch.FloatStorage), isinstance(x.storage(), torch.FloatStorage), isinstance(x.storage(), torch.DoubleStorage))
s2 = torch.FloatStorage([1, 2, 3])
print(s2)
print(torch.tensor([], dtype=torch.float32).set_(s2))
print(torch.LongStorage([1, 2]).tolist(), torch.BoolStorage(2).dtype, torch.ByteStorage, torch.CharStorage, torch.ShortStorage, torch.IntStorage, torch.HalfStorage, torch.BFloat16Storage, torch.ComplexFloatStorage, torch.ComplexDoubleStorage)
print(torch.ones(2, dtype=torch.complex64).storage_type(), torch.ones(1, dtype=torch.bool).storage_type().dtype)
print(torch.DoubleStorage([1.5]).tolist(), torch.IntStorage(0).size())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round17_held17a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
