"""Classes of difference found by the twenty-seventh round's held-out programs on reductions and special functions
(held27e, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_filled_reduction_into_a_view_of_its_input_fills_out_first_then_reads_the_input_as_memory_holds_it": """
for name in ['sum', 'mean', 'prod', 'amax', 'amin', 'nansum', 'nanmean']:
    for dt in [torch.float32, torch.float64, torch.int64]:
        if dt is torch.int64 and name in ('mean', 'nanmean', 'nansum'):
            continue
        for dim, view in [(0, lambda z: z[0]), (0, lambda z: z[1]), (0, lambda z: z[:, 0]), (1, lambda z: z[:, 1]),
                          (1, lambda z: z[:, 0]), (-1, lambda z: z[2]), (0, lambda z: z.view(-1)[1:4]),
                          ((0, 1), lambda z: z[1, 1]), (1, lambda z: z[1])]:
            z = torch.tensor([[2., 1., 3.], [3., 7., 1.], [1., 4., 2.]]).to(dt)
            o = view(z)
            try:
                r = getattr(torch, name)(z, dim, out=o)
                print(name, dt, dim, z.tolist(), r.shape, z._version)
            except Exception as e:
                print(name, dt, dim, type(e).__name__, e)
x = torch.tensor([[1., 2.], [3., 4.]])
torch.sum(x, 0, out=x[0])
print(x)
w = torch.tensor([[2., 1.], [3., 7.]])
torch.prod(w, 1, out=w[:, 1])
print(w)
""",
"scans_and_sorts_check_overlap_against_out_as_their_meta_resized_it": """
L = torch.long
ops = {
    'cumsum': lambda z, o: torch.cumsum(z, 1, out=o),
    'cumprod': lambda z, o: torch.cumprod(z, 0, out=o),
    'logcumsumexp': lambda z, o: torch.logcumsumexp(z, 1, out=o),
    'sort': lambda z, o: torch.sort(z, 1, out=(o, torch.empty(2, 2, dtype=L))),
    'msort': lambda z, o: torch.msort(z, out=o),
    'topk': lambda z, o: torch.topk(z, 2, 1, out=(o, torch.empty(2, 2, dtype=L))),
    'renorm': lambda z, o: torch.renorm(z, 2, 0, 1., out=o),
    'gather': lambda z, o: torch.gather(z, 1, torch.tensor([[0, 1], [1, 0]]), out=o),
    'abs': lambda z, o: torch.abs(z, out=o),
}
for name, f in ops.items():
    for kind in ['row0', 'row0[:1]', 'flat[:3]', 'row1']:
        z = torch.tensor([[1., 2.], [3., 5.]])
        o = {'row0': lambda: z[0], 'row0[:1]': lambda: z[0, :1], 'flat[:3]': lambda: z.view(-1)[:3],
             'row1': lambda: z[1]}[kind]()
        try:
            f(z, o)
            print(name, kind, z.tolist(), o.shape)
        except Exception as e:
            print(name, kind, type(e).__name__, e)
for f in [torch.median, torch.nanmedian]:
    for dim, view in [(1, lambda z: z[0]), (1, lambda z: z[:, 0]), (0, lambda z: z[0]), (-1, lambda z: z[1]),
                      (0, lambda z: z[:, 1]), (0, lambda z: z)]:
        z = torch.tensor([[1., 2.], [3., 5.]])
        try:
            f(z, dim, out=(view(z), torch.empty(2, dtype=L)))
            print(dim, z.tolist())
        except Exception as e:
            print(dim, type(e).__name__, e)
""",
"a_structured_reduction_whose_out_is_its_input_resizes_it_before_the_kernel_reads_dim": """
for name in ['sum', 'mean', 'prod', 'amax', 'amin', 'logsumexp']:
    for d in [1, -2]:
        x = torch.tensor([[1., 2., 3.], [4., 5., 7.]])
        try:
            getattr(torch, name)(x, d, out=x)
            print(name, d, x)
        except Exception as e:
            print(name, d, type(e).__name__, e, x.shape)
""",
"modes_out_is_unsqueezed_at_dim_before_its_resize_and_a_0_dim_inputs_is_resized_silently": """
L = torch.long
for shape in [(2,), (2, 3), (2, 3, 4), ()]:
    for dim in [0, -1]:
        for keep in [False, True]:
            for oshape in [(3,), (5, 2), (1,), ()]:
                x = torch.arange(float(torch.Size(shape).numel())).view(shape) % 2
                try:
                    v, i = torch.mode(x, dim, keep, out=(torch.empty(oshape), torch.empty(oshape, dtype=L)))
                    print(shape, dim, keep, oshape, v.tolist(), i.tolist())
                except Exception as e:
                    print(shape, dim, keep, oshape, type(e).__name__, e)
""",
"bessel_j1_of_a_negative_zero_is_a_negative_zero_as_its_odd_reflection_gives": """
torch.set_printoptions(precision=10)
for dt in [torch.float32, torch.float64]:
    x = torch.tensor([0., -0., 1e-30, -1e-30, -2., 2., -7., 7.], dtype=dt)
    print(torch.special.bessel_j1(x), 1 / torch.special.bessel_j1(x[:2]))
    print(torch.special.bessel_j1(x[1]).item(), torch.special.spherical_bessel_j0(x[:2]), torch.special.bessel_j0(x[:2]))
""",
"a_complex_out_of_a_real_mean_or_logsumexp_is_computed_into_and_std_var_refuse_it_in_their_kernel": """
x = torch.tensor([[1., 2.], [3., 4.]])
calls = [lambda o: torch.mean(x, out=o), lambda o: torch.mean(x, 0, out=o), lambda o: torch.mean(x, (0, 1), True, out=o),
         lambda o: torch.mean(x.long(), 0, out=o), lambda o: torch.mean(x.double(), 0, out=o), lambda o: torch.mean(x.half(), 1, out=o),
         lambda o: torch.std(x, 0, out=o), lambda o: torch.var(x, out=o), lambda o: torch.std(x.long(), 0, out=o),
         lambda o: torch.var(x, 1, keepdim=True, out=o), lambda o: torch.var(x.to(torch.complex64), 0, out=o),
         lambda o: torch.logsumexp(x, 0, out=o), lambda o: torch.logsumexp(x.long(), (0, 1), out=o),
         lambda o: torch.logsumexp(x.to(torch.complex64), 0, out=o), lambda o: torch.logsumexp(x, 1, out=o.real)]
for i, c in enumerate(calls):
    for dt in [torch.complex64, torch.complex128]:
        o = torch.zeros(3, dtype=dt)
        try:
            c(o)
            print(i, dt, o, o._version)
        except Exception as e:
            print(i, dt, type(e).__name__, e, o.shape)
""",
"a_descending_sort_of_integers_puts_the_types_minimum_last": """
M = 9223372036854775807
for dt, vals in [(torch.int64, [3, -M - 1, M, 0, -M - 1, M, -1, 5, 2, 7, 1, 0, 9, 4, 6, 8, 3, 2]),
                 (torch.int32, [3, -2**31, 2**31 - 1, 0, -2**31, 5, -1]), (torch.int8, [3, -128, 127, 0, -128, 1])]:
    x = torch.tensor(vals, dtype=dt)
    print(x.sort(descending=True, stable=True), x.argsort(descending=True), x.view(1, -1).sort(1, True).values)
    print(x.topk(3), x.msort(), torch.tensor([float('-inf'), 2.]).long().sort(descending=True))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round27_held27e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])


STD_MEAN_DOF = """
import warnings
x = torch.tensor([5.], requires_grad=True)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    torch.std_mean(x), torch.var_mean(x, 0), torch.var_mean(torch.empty(0)), x.std(), torch.var(x, correction=3)
print([str(m.message) for m in w])
"""


def test_fidelity_round27_held27e_std_mean_and_var_mean_warnings_carry_their_triggered_internally_suffix():
    """The text Python's warnings show of std_mean's/var_mean's degrees-of-freedom warnings: PyTorch's C++ warning
    with " (Triggered internally at ...ReduceOps.cpp:1861.)", as std's and var's (same_as_torch drops the suffix)."""
    import subprocess
    import sys
    from same_as_torch import HAVE_TORCH
    from tensorsh.engine.errors import set_warning_sink, triggered_internally
    from tensorsh.engine.torch_api import NAMESPACE
    if not HAVE_TORCH:
        pytest.skip("torch is not installed")
    want = subprocess.run([sys.executable, "-c", "import torch" + STD_MEAN_DOF], capture_output=True, text=True,
                          timeout=120).stdout
    got = []
    previous = set_warning_sink(lambda category, message, site=None: got.append(triggered_internally(message)))
    try:
        torch = NAMESPACE
        x = torch["tensor"]([5.0], requires_grad=True)
        torch["std_mean"](x), torch["var_mean"](x, 0), torch["var_mean"](torch["empty"](0)), x.std(), \
            torch["var"](x, correction=3)
    finally:
        set_warning_sink(previous)
    assert want == f"{got}\n"
