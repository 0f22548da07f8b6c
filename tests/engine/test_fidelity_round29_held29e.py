"""Classes of difference found by the twenty-ninth round's held-out programs on reductions and special functions
(held29e, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"logcumsumexp_of_a_complex_tensor_scans_with_the_complex_log_add_exp_in_complex_double_and_its_gradient_conjugates": """
g = torch.Generator().manual_seed(5)
for dt in [torch.complex64, torch.complex128]:
    x = torch.randn(3, 4, dtype=dt, generator=g) * 3
    x[0, 1] = complex(float('-inf'), 2.)
    x[1, 2] = complex(float('inf'), 1.)
    x[2, 0] = complex(1., float('nan'))
    for d in [0, 1, -1]:
        print(torch.logcumsumexp(x, d).tolist())
    y = torch.randn(2, 5, dtype=dt, generator=g).requires_grad_()
    r = torch.logcumsumexp(y, 1)
    r.backward(torch.randn(2, 5, dtype=dt, generator=g))
    print(r, y.grad)
    y.grad = None
    torch.logcumsumexp(y, 0).abs().sum().backward()
    print(y.grad.tolist())
print(torch.logcumsumexp(torch.tensor([complex(float('-inf'), 2.), 1+1j]), 0))
print(torch.logcumsumexp(torch.tensor([complex(float('inf'), 2.), complex(float('inf'), 1.)]), 0))
print(torch.logcumsumexp(torch.tensor(1+2j), 0), torch.logcumsumexp(torch.zeros(0, 2, dtype=torch.complex64), 1))
o = torch.empty(2, dtype=torch.complex64)
print(torch.logcumsumexp(torch.tensor([1., 2.]).to(torch.complex64), 0, out=o), o)
""",
"a_complex_input_with_nothing_to_compute_passes_the_kernels_dispatch_and_histc_dispatches_to_histogram_unless_it_needs_aminmax": """
def t(name, f):
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
for dt in [torch.complex64, torch.complex128]:
    for shape in [(3, 0), (0, 3), (0,), ()]:
        x = torch.zeros(shape, dtype=dt) if shape else torch.tensor(1j, dtype=dt)
        t('amax0', lambda: x.amax(0))
        t('amin1', lambda: x.amin(-1))
        t('amaxall', lambda: x.amax())
        t('mode', lambda: x.mode())
        t('mode0', lambda: x.mode(0))
        t('cummax', lambda: x.cummax(0))
        t('cummin', lambda: torch.cummin(x, -1, out=(torch.empty(0, dtype=dt), torch.empty(0, dtype=torch.long))))
        t('kth', lambda: x.kthvalue(1, 0))
        t('median', lambda: x.median())
        t('median0', lambda: x.median(0))
        t('nanmedian', lambda: x.nanmedian())
        t('aminmax0', lambda: torch.aminmax(x, dim=0))
        t('aminmax', lambda: torch.aminmax(x))
        t('histc', lambda: x.histc(3))
        t('histc_range', lambda: x.histc(3, 0, 1))
        t('histc_kw', lambda: torch.histc(x, min=1, max=1))
        t('histc_bad', lambda: torch.histc(x, 3, 1, 0))
z = torch.tensor(1j, requires_grad=True)
e = torch.zeros(3, 0, dtype=torch.complex64, requires_grad=True)
t('mode_grad', lambda: z.mode())
t('kth_grad', lambda: z.kthvalue(1))
t('cummax_grad', lambda: e.cummax(1))
t('amax_grad', lambda: e.amax(0))
t('median_grad', lambda: e.median())
with torch.no_grad():
    t('mode_no_grad', lambda: z.mode())
t('histc_z', lambda: torch.tensor([1j, 2.]).histc(3, max=1))
""",
"log_softmax_backward_of_half_and_bfloat16_takes_g_minus_exp_y_times_the_sum_in_one_fused_multiply_add": """
for dt in [torch.float16, torch.bfloat16]:
    for data in [[[1., 1., 0.], [1., 1., 0.], [0., 1., 0.]], [[0., 0., 2.], [0., 3., 0.], [0., 0., 0.]]]:
        for d in [0, 1]:
            x = torch.tensor(data, dtype=dt, requires_grad=True)
            y = torch.special.log_softmax(x, d)
            y.backward(torch.arange(1., 10., dtype=dt).view(3, 3))
            print(y.tolist(), x.grad.tolist())
            x.grad = None
            x.t().log_softmax(d).backward(torch.arange(1., 10., dtype=dt).view(3, 3))
            print(x.grad.tolist())
""",
"histc_and_histogram_print_a_nan_range_with_its_sign_bit_aminmax_marks_a_nan_of_several_elements_with_all_bits": """
nan = float('nan')
for v in [[1., nan, 2.], [nan], [1., -nan], [1.] * 20 + [nan], [-nan] + [1.] * 20, [0. * float('inf'), 3.]]:
    for dt in [torch.float32, torch.float64]:
        x = torch.tensor(v, dtype=dt)
        for name, f in [('histc', lambda: torch.histc(x, 3)), ('histogram', lambda: torch.histogram(x, 3)),
                        ('histdd', lambda: torch.histogramdd(x.view(-1, 1), 3)),
                        ('hist range', lambda: torch.histogram(x, 3, range=(nan, 1.))),
                        ('histc range', lambda: torch.histc(x, 3, -nan, 1.)), ('histc range2', lambda: torch.histc(x, 3, 0., nan))]:
            try:
                print(len(v), dt, name, f())
            except Exception as e:
                print(len(v), dt, name, type(e).__name__, e)
""",
"median_out_names_a_type_without_a_legacy_tensor_class_as_its_cpu_type_and_an_integral_nansum_is_sum_into_a_complex_dtype": """
E = torch.empty
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
for dt in [torch.uint8, torch.int16, torch.bfloat16, torch.complex128, torch.bool, torch.float16, torch.float64]:
    for src in [torch.tensor([[1., 2.]]), torch.tensor([[1, 2]], dtype=dt) if dt != torch.complex128 else torch.tensor([[1., 2.]], dtype=torch.float64)]:
        t(lambda: torch.median(src, 1, out=(E(0, dtype=dt), E(0, dtype=torch.long))))
        t(lambda: torch.nanmedian(src, 1, out=(E(0, dtype=src.dtype), E(0, dtype=dt))))
i = torch.tensor([[1, 5, 2], [4, 3, 6]])
t(lambda: torch.nansum(i, 1, dtype=torch.complex64))
t(lambda: torch.nansum(i.bool(), 1, dtype=torch.complex64))
t(lambda: torch.nansum(i.float(), dtype=torch.complex64))
t(lambda: torch.nansum(i, out=torch.empty(0, dtype=torch.complex128)))
t(lambda: torch.nansum(i.to(torch.int8), 0, keepdim=True, out=torch.empty(0, dtype=torch.complex64)))
t(lambda: torch.nansum(i.float(), 1, out=torch.empty(0, dtype=torch.complex64)))
t(lambda: torch.nansum(torch.zeros(0, 2, dtype=torch.int32), 0, dtype=torch.complex64))
t(lambda: i.nansum(dtype=torch.complex64))
""",
"logit_of_an_input_whose_innermost_elements_are_apart_takes_the_scalar_bodys_c_library_log": """
g = torch.Generator().manual_seed(2)
for dt in [torch.float32, torch.float64]:
    for n in [7, 17, 100, 1500]:
        u = torch.rand(n, generator=g).to(dt)
        for eps in [None, 0.1]:
            for v in [u, u[::3], u[1::2], u[:n // 4 * 4].view(4, -1).t()]:
                print(dt, n, eps, torch.special.logit(v, eps).tolist())
            w = u.clone()
            w[::2].logit_(eps)
            print(w.tolist())
""",
"logsumexp_of_a_complex_tensor_shifts_by_the_max_real_part_and_its_gradient_is_grad_times_conj_exp_self_minus_result": """
g = torch.Generator().manual_seed(1)
for dt in [torch.complex64]:  # (complex128's row sums are a last bit apart: a complex sum class left, FIDELITY)
    z = torch.randn(3, 5, dtype=dt, generator=g)
    print(torch.logsumexp(z, 1).tolist(), torch.logsumexp(z, 1, keepdim=True).shape)
    zz = z.clone().requires_grad_()
    r = torch.logsumexp(zz, 1)
    r.backward(torch.randn(3, dtype=dt, generator=g))
    print(r.grad_fn.name(), zz.grad.tolist())
    print(torch.logsumexp(torch.tensor(1 + 2j, dtype=dt), 0), torch.logsumexp(torch.zeros(2, 0, dtype=dt), 1))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round29_held29e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
