"""Classes of difference found by the thirtieth round's held-out programs on dtypes, type promotion and arithmetic
(held30e, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"unary_plus_of_a_bool_tensor_is_positive_and_refused": """
for t in [torch.tensor([True, False]), torch.tensor(True), torch.tensor([], dtype=torch.bool), torch.tensor([1, 2]), torch.tensor([1.5j])]:
    for name, f in [('plus', lambda t: +t), ('positive', torch.positive), ('method', lambda t: t.positive())]:
        try:
            r = f(t)
            print(name, r, r is t)
        except Exception as e:
            print(name, type(e).__name__, e)
""",
"float16_gelu_of_a_contiguous_tensor_is_onednns_in_float_on_a_cpu_with_avx512_fp16": """
F = torch.nn.functional
torch.manual_seed(0)
base = (torch.randn(70, 66) * 3).half()
for name, v in [('contig', base), ('row', base[3]), ('col', base[:, 5]), ('step2', base[:, ::2]), ('t', base.t()),
                ('one', base[0, :1]), ('two', base[0, :2]), ('big', (torch.randn(5000) * 3).half()), ('zero_d', base[0, 0])]:
    r = F.gelu(v)
    print(name, r.float().sum().item(), r.flatten()[:6].tolist(), r.stride())
    if v.is_contiguous():  # (a strided one's gradient: ATen's reduced kernel, left)
        x = v.detach().requires_grad_()
        F.gelu(x).backward(torch.ones(v.shape).half())
        print(x.grad.flatten()[:6].tolist())
print(torch.nn.GELU()(torch.tensor([-3.181640625] * 64, dtype=torch.float16))[:2])
""",
"clamp_refuses_a_complex_self_before_converting_promoting_or_broadcasting_its_bounds": """
c = torch.tensor([1+1j, 2-1j])
f = torch.tensor([1., 2.])
cases = {'min_c': lambda: torch.clamp(c, min=c), 'max_c': lambda: torch.clamp(c, max=c), 'both_c': lambda: torch.clamp(c, c, c),
         'big': lambda: c.clamp(max=1e300), 'imag': lambda: c.clamp(1j), 'inplace_c': lambda: c.clone().clamp_(min=c),
         'clip': lambda: c.clip(0, 1e300), 'clamp_min_big': lambda: torch.clamp_min(c, 1e300), 'zero_dim': lambda: c.clamp(torch.tensor(1j)),
         'bcast': lambda: c.clamp(torch.ones(5)), 'clip_': lambda: c.clip_(max=torch.tensor(1.)), 'none': lambda: c.clamp(),
         'none2': lambda: torch.clamp(c, None, None), 'str': lambda: c.clamp('a'), 'too_big': lambda: c.clamp(2**64),
         'cmax_t3': lambda: c.clamp_max(torch.ones(3)), 'cmax_t': lambda: c.clamp_max(torch.ones(2)),
         'cmin_t': lambda: c.clamp_min(torch.ones(2, dtype=torch.complex128)), 'cmin__t': lambda: c.clone().clamp_min_(torch.ones(3)),
         'f_min_c': lambda: torch.clamp(f, min=c), 'i_min_imag': lambda: torch.tensor([1]).clamp(min=1j),
         'out': lambda: torch.clamp(c, torch.ones(2), out=torch.empty(2)), 'ok': lambda: f.clamp(1.5)}
for k, fn in cases.items():
    try:
        r = fn()
        print(k, r.dtype, r.tolist())
    except Exception as e:
        print(k, type(e).__name__, e)
""",
"complex64_alpha_value_and_weight_numbers_are_read_as_complex_float_and_checked": """
c = torch.tensor([1+1j, 2-1j])
d = c.to(torch.complex128)
cases = {'add': lambda: c.add(c, alpha=1e300), 'add_': lambda: c.clone().add_(1, alpha=1e300), 'sub': lambda: c.sub(c, alpha=1e300),
         'add_imag': lambda: c.add(c, alpha=1e300j), 'add_inf': lambda: c.add(c, alpha=float('inf')), 'add_ok': lambda: c.add(c, alpha=2j),
         'addcmul': lambda: torch.addcmul(c, c, c, value=1e300), 'addcdiv': lambda: torch.addcdiv(c, c, c, value=-1e300),
         'lerp': lambda: torch.lerp(c, c, 1e300), 'lerp_': lambda: c.clone().lerp_(c, 1e39j),
         'c128_add': lambda: d.add(d, alpha=1e300), 'c128_lerp': lambda: torch.lerp(d, d, 1e300).isnan().tolist(),
         'mixed': lambda: c.add(d, alpha=1e300), 'mul': lambda: c * 1e300}
for k, fn in cases.items():
    try:
        r = fn()
        print(k, r.dtype, r.tolist()) if isinstance(r, torch.Tensor) else print(k, r)
    except Exception as e:
        print(k, type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round30_held30e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
