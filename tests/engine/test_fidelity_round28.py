"""Classes of difference the twenty-eighth round found (issue 16) with the lead's random programs and probes, one
differential program each."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"an_in_place_division_with_a_rounding_mode_checks_the_leaf_before_the_shapes": '''
a = torch.ones(2, 3, requires_grad=True)
b = torch.ones(3, 2)
x = torch.arange(6.)
for name in ["remainder_", "fmod_", "floor_divide_", "hypot_", "atan2_", "xlogy_", "copysign_", "nextafter_",
             "igamma_", "float_power_", "__imod__", "__ifloordiv__"]:
    for s, o in ((a, b), (a, "x"), (torch.ones(1, 3).expand(2, 3), torch.ones(2, 3)), (x[1:], x[:-1])):
        try:
            print(name, getattr(s, name)(o).shape)
        except Exception as e:
            print(name, type(e).__name__, e)
for mode in ("floor", "trunc"):
    for f in (lambda: a.div_(b, rounding_mode=mode), lambda: a.divide_(b, rounding_mode=mode),
              lambda: torch.ones(2, dtype=torch.int64).div_(torch.zeros(2, dtype=torch.int64), rounding_mode=mode)):
        try:
            print(f())
        except Exception as e:
            print(mode, type(e).__name__, e)
''',
"ldexp_in_place_checks_overlap_only_for_an_integer_exponent": '''
x = torch.arange(6.)
for o in (x[:-1], x[:-1].long()):
    y = x[1:]
    try:
        print(y.ldexp_(o), x)
    except Exception as e:
        print(type(e).__name__, e)
''',
"std_var_and_vector_norm_into_their_own_input_reduce_it_as_resized": '''
def mk(shape):
    torch.manual_seed(0)
    return torch.randn(*shape)
for shape, d in [((2, 3, 4), 0), ((2, 3), 0), ((2, 3), 1), ((3,), 0), ((2, 3), (0, 1)), ((2, 3, 4), 1),
                 ((2, 2, 2), (0, 2)), ((2, 3, 4), 2), ((3, 4), -1)]:
    for f in [torch.var, torch.std]:
        x = mk(shape)
        try:
            f(x, d, out=x)
            print(shape, d, x.shape, x, x._version)
        except Exception as e:
            print(shape, d, type(e).__name__, e, x.shape)
    x = mk(shape)
    torch.std(x, d, correction=0, keepdim=True, out=x)
    print(x)
for shape in [(3,), (2, 3), (3, 3)]:
    for f in [lambda x: torch.norm(x, out=x), lambda x: torch.norm(x, dim=0, out=x),
              lambda x: torch.linalg.vector_norm(x, out=x), lambda x: torch.linalg.vector_norm(x, 2, 0, out=x),
              lambda x: torch.linalg.vector_norm(x, float('inf'), 0, out=x),
              lambda x: torch.norm(x, dim=1, keepdim=True, out=x), lambda x: torch.std(x, True, out=x)]:
        x = mk(shape)
        try:
            print(f(x) is x, x.shape, x, x._version)
        except Exception as e:
            print(type(e).__name__, e, x.shape)
''',
"max_min_and_aminmax_into_their_own_input_reduce_it_as_resized": '''
base = torch.tensor([10., 3, 7, 1, 5, 8, 2, 9, 4, 6, 0, 11])
for shape, d in [((2, 3, 2), 1), ((2, 3, 2), 0), ((2, 3, 2), 2), ((3, 4), 1), ((3, 4), 0), ((4, 3), 1), ((12,), 0),
                 ((3, 4), -1)]:
    for op in ["aminmax_min", "min", "max"]:
        for keepdim in (False, True):
            x = base.clone().reshape(shape)
            y = torch.empty(0, dtype=torch.long if op in ("min", "max") else x.dtype)
            try:
                if op == "aminmax_min":
                    r = torch.aminmax(x, dim=d, keepdim=keepdim, out=(x, y))
                else:
                    r = getattr(torch, op)(x, d, keepdim, out=(x, y))
                print(shape, d, op, keepdim, r, x.stride(), x._version, y._version)
            except Exception as e:
                print(shape, d, op, type(e).__name__, e, x.shape)
for dt in (torch.float32, torch.int64, torch.bool):
    x = base.clone().reshape(3, 4).to(dt)
    print(torch.aminmax(x, out=(torch.ones(2, dtype=dt), x)), x.shape)
    x = torch.tensor(5.).to(dt)
    print(torch.max(x, 0, out=(x, torch.zeros(3, dtype=torch.long))), x._version)
x = torch.tensor([1., float('nan'), 3., 0.])
print(torch.max(x, 0, out=(x, torch.zeros(1, dtype=torch.long))))
''',
"an_integer_dtype_of_cumprod_or_nansum_of_an_input_requiring_grad_is_refused": '''
x = torch.tensor([[-1.0, 0.3637, 0.25]], requires_grad=True)
for dt in (torch.int32, torch.bool, torch.int8, torch.complex64, torch.float16, torch.float64):
    for f in [lambda: x.cumprod(-1, dtype=dt), lambda: x.nansum(dtype=dt), lambda: x.nansum(0, dtype=dt),
              lambda: torch.cumprod(x, 1, dtype=dt), lambda: x.cumsum(0, dtype=dt), lambda: x.sum(dtype=dt)]:
        try:
            r = f()
            print(r, r.requires_grad)
        except Exception as e:
            print(type(e).__name__, e)
with torch.no_grad():
    print(x.cumprod(-1, dtype=torch.int32), x.nansum(dtype=torch.int64))
''',
"max_into_its_input_checks_the_indices_dtype_after_the_values_resize": '''
x = torch.arange(6.).view(2, 3)
try:
    torch.max(x, 0, out=[x, torch.ones(3)])
except Exception as e:
    print(type(e).__name__, e)
print(x.shape, x)
''',
"lu_unpack_checks_the_pivots_only_when_it_unpacks_them": '''
LU = torch.tensor([[2., 1.], [0.5, 3.]])
for piv in [torch.tensor(1.5), torch.tensor([1, 2], dtype=torch.int32), torch.tensor([1., 2.]), torch.tensor([1, 2]),
            torch.tensor([0, 7], dtype=torch.int32)]:
    for a, b in [(False, False), (True, False), (False, True), (True, True)]:
        try:
            print(torch.lu_unpack(LU, piv, a, b))
        except Exception as e:
            print(type(e).__name__, e)
''',
"pow_of_a_number_into_an_out_of_another_dtype_warns_of_its_resize_once": '''
print(torch.pow(-2, torch.tensor(-2), out=torch.ones(2, 3, 2)))
print(torch.pow(2.5, torch.tensor([1, 2]), out=torch.ones(3)))
print(torch.pow(2, torch.tensor(3), out=torch.ones(3, dtype=torch.long)))
print(torch.pow(torch.tensor(2), 3, out=torch.ones(4)))
for f in (torch.min, torch.max):  # (min/max of two tensors are minimum/maximum: twice)
    print(f(torch.ones(2, dtype=torch.float64), torch.tensor(1), out=torch.tensor(0.5)))
    print(f(torch.ones(2), torch.tensor(1), out=torch.tensor(0.5)))
''',
"dist_takes_a_bool_p_as_the_number_it_is": '''
a = torch.tensor([1., 2., 0.5], requires_grad=True)
b = torch.tensor([0., 2., 1.5])
for p in (False, True, 0, 1):
    d = torch.dist(a, b, p)
    d.backward()
    print(p, d, a.grad, a.dist(b, p=p))
    a.grad = None
''',
"addcmul_addcdiv_and_lerp_in_place_check_the_shape_before_the_cast": '''
s = torch.tensor(3)
f = torch.ones(4)
for fn in [lambda: s.addcmul_(torch.ones_like(s), f, value=-0.5), lambda: s.addcdiv_(torch.ones_like(s), f),
           lambda: torch.tensor(3.).lerp_(f, 0.5), lambda: s.addcmul_(s, torch.ones(4, dtype=torch.long)),
           lambda: torch.ones(4, dtype=torch.long).addcmul_(f, f)]:
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)
''',
"joining_empty_tensors_into_one_of_them_checks_what_cat_is_handed": '''
for f in [torch.row_stack, torch.vstack, torch.hstack, torch.cat, torch.stack, torch.dstack, torch.column_stack]:
    for v1 in (torch.tensor([]), torch.ones(0, 2)):
        try:
            print(f.__name__, f([v1, v1], out=v1), v1.shape)
        except Exception as e:
            print(f.__name__, type(e).__name__, e)
''',
"diff_of_order_zero_into_an_out_resizes_then_wants_the_inputs_dtype": '''
v1 = torch.tensor([[0.25, 0.25], [2.2341, -0.75]])
for o in (torch.tensor(True), torch.zeros(2, 2, dtype=torch.float64), torch.zeros(0, dtype=torch.int64), torch.zeros(3)):
    try:
        r = torch.diff(v1, 0, 1, out=o, append=torch.ones_like(v1))
        print(r, r._version)
    except Exception as e:
        print(type(e).__name__, e, o.shape, o._version)
x = torch.ones(2, requires_grad=True)
o = torch.zeros(2)
print(torch.diff(x, 0, out=o), o._version)
''',
"index_add_index_reduce_and_scatter_check_their_index_before_outs_dtype": '''
x = torch.arange(6.)
bad = x.view(1, 2, 3)
for o in (torch.tensor(False), torch.zeros(6, dtype=torch.float64), torch.zeros(6)):
    for f in [lambda: torch.index_reduce(x, -1, bad, x.clone(), 'mean', out=o),
              lambda: torch.index_reduce(x, 0, torch.tensor([0, 1]), x[:2].clone(), 'bad', out=o),
              lambda: torch.index_add(x, 0, bad, x.clone(), out=o), lambda: torch.index_copy(x, 0, bad, x.clone(), out=o),
              lambda: torch.scatter(x, 0, bad, x.clone(), out=o), lambda: torch.gather(x, 0, bad, out=o),
              lambda: torch.index_add(x, 0, torch.tensor([9]), x[:1].clone(), out=o),
              lambda: torch.index_reduce(x, 0, torch.tensor([0]), x[:2].clone(), 'amax', out=o),
              lambda: torch.index_reduce(x, 0, torch.tensor([0, 1]), x[:2].clone(), 'mean', out=o)]:
        try:
            print(f())
        except Exception as e:
            print(type(e).__name__, e)
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round28_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
