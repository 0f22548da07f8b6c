"""Classes of difference the thirtieth round found (issue 16) with the lead's random programs and probes, one
differential program each."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"the_out_dtype_overloads_of_mm_bmm_addmm_baddbmm_raise_the_dispatchers_table_of_their_kernels": '''
a, m, v = torch.ones(2, 2, 2), torch.ones(2, 2), torch.ones(3)
cases = [lambda: torch.bmm(a, a, torch.float32), lambda: torch.mm(m, m, torch.float32),
         lambda: torch.addmm(m, m, m, torch.float32), lambda: torch.baddbmm(a, a, a, torch.float32),
         lambda: torch.bmm(a, a, torch.float32, out=torch.empty(2, 2, 2)), lambda: torch.mm(m, m, torch.float32, out=m),
         lambda: torch.addmm(m, m, m, torch.float32, out=m), lambda: torch.baddbmm(a, a, a, torch.float32, out=a),
         lambda: torch.bmm(v, v, torch.int64), lambda: torch.addmm(m, m, m, out_dtype=torch.half, beta=2),
         lambda: torch.mm(m, m, None)]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, repr(str(e)))
''',
"split_and_unflatten_of_a_stale_no_grad_view_raise_their_python_argument_errors_and_checks_first": '''
for shape in [(6,), (2, 3)]:
    a = torch.arange(6.).reshape(shape).requires_grad_()
    with torch.no_grad():
        v = a[:]
    a.detach().add_(1)
    for f in [lambda: v.split(), lambda: v.unflatten(), lambda: v.unflatten(0), lambda: v.split(2.5),
              lambda: v.unflatten(0, (4, 2)), lambda: v.unflatten(5, (1, -1)), lambda: v.unflatten(0, (1, -1)),
              lambda: v.unflatten(0, ()), lambda: torch.unflatten(v, 0, (4, 2)), lambda: torch.unflatten(v, -1, (1, -1)),
              lambda: torch.split(v, 2), lambda: torch.split(v, [1, 1]), lambda: v.split(-1), lambda: v.split(1, 5),
              lambda: v.split([1, 5]), lambda: v.split(torch.tensor(2)), lambda: v.split_with_sizes([1, 5]),
              lambda: v.chunk(0), lambda: torch.split(v, split_size_or_sections=2, dim=9), lambda: v.split(2, 0.5)]:
        try:
            r = f()
            print([x.shape for x in r] if isinstance(r, tuple) else r.shape)
        except Exception as e:
            print(type(e).__name__, str(e).split(chr(10))[0])
''',
"mode_into_its_own_input_resizes_it_in_its_kernel_after_reading_its_dim_size_and_stride": '''
torch.set_num_threads(1)  # (with more, ATen's threads can write one row before another row reads it)
def run(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for shape in [(2, 3), (3, 2), (2, 2), (4,), (2, 3, 2), (1, 3), (3, 1)]:
    for dim in [0, -1, 1]:
        for keep in [False, True]:
            if dim >= len(shape):
                continue
            x = (torch.arange(torch.Size(shape).numel()) % 3 - 1).reshape(shape)
            run(lambda: torch.mode(x, dim, keep, out=(x, torch.zeros(0, dtype=torch.long))))
            print(x.shape, x.stride(), x, x._version)
            x = (torch.arange(torch.Size(shape).numel()) % 3 - 1).reshape(shape)
            v = torch.zeros(0, dtype=torch.long)
            run(lambda: torch.mode(x, dim, keep, out=(v, x)))
            print(x.shape, x.stride(), x, v)
            x = (torch.arange(torch.Size(shape).numel()) % 3 - 1.).reshape(shape)
            run(lambda: torch.mode(x, dim, keep, out=(x, torch.zeros(2, 2, dtype=torch.long))))
            print(x.shape, x.stride(), x)
''',
"cumsum_and_cumprod_of_a_0_dim_or_empty_input_into_a_bool_out_run_no_kernel": '''
for f in ['cumprod', 'cumsum']:
    for x in [torch.tensor(True), torch.tensor([True]), torch.tensor([True, False]), torch.tensor([], dtype=torch.bool),
              torch.tensor([[True]]), torch.tensor(3, dtype=torch.int8)]:
        for o in [torch.tensor(False), torch.empty(0, dtype=torch.bool), torch.empty(0, dtype=torch.int64)]:
            try:
                r = getattr(torch, f)(x, 0 if x.dim() else -1, out=o.clone())
                print(f, x.shape, o.dtype, r)
            except Exception as e:
                print(f, x.shape, o.dtype, type(e).__name__, e)
        for dt in [None, torch.bool, torch.int8]:
            try:
                print(f, x.shape, dt, getattr(torch, f)(x, 0 if x.dim() else -1, dtype=dt))
            except Exception as e:
                print(f, x.shape, dt, type(e).__name__, e)
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round30_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
