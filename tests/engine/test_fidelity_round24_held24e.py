"""Classes of difference found by the twenty-fourth round's held-out programs on dtypes, type promotion and
arithmetic (held24e, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_cpu_builds_cuda_legacy_types_exist_refuse_to_make_tensors_and_start_cuda_as_targets": """
C = torch.cuda.FloatTensor
print(C, C.__module__, C.dtype, C.is_cuda, C.is_sparse, torch.FloatTensor.is_cuda, torch.cuda.HalfTensor)
print(torch.FloatTensor, torch.FloatTensor.__module__, torch.LongTensor.dtype)
x = torch.tensor([1])
dtype = torch.cuda.FloatTensor if torch.cuda.is_available() else torch.FloatTensor
print(x.type(dtype), isinstance(x, torch.cuda.LongTensor), isinstance(x, torch.LongTensor))
for f in [lambda: torch.cuda.BoolTensor(), lambda: torch.cuda.FloatTensor(2, 3), lambda: torch.cuda.LongTensor([1, 2]),
          lambda: x.type('torch.cuda.FloatTensor'), lambda: x.type('torch.cuda.Foo'), lambda: x.type('torch.Foo'),
          lambda: x.type(torch.cuda.LongTensor, non_blocking=True), lambda: x.type(torch.cuda.LongTensor, 1.5),
          lambda: torch.cuda.FloatTensor.foo, lambda: torch.FloatTensor.foo, lambda: torch.Tensor.foo,
          lambda: torch.cuda.FloatTensor.abs, lambda: torch.set_default_tensor_type(torch.cuda.FloatTensor),
          lambda: torch.set_default_tensor_type('torch.cuda.DoubleTensor'), lambda: torch.get_default_dtype()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"float16_and_bfloat16_sqrt_is_the_correctly_rounded_float_root_rounded_not_mkls": """
h = torch.arange(0, 31744, dtype=torch.int32).to(torch.int16).view(torch.float16)
for x in [h, h[:1000].clone(), h[::3], h[5:37], torch.tensor(65504.0, dtype=torch.float16)]:
    r = x.sqrt()
    y = x.clone()
    y.sqrt_()
    print(r.view(torch.int16).long().sum().item(), torch.equal(y, r), (x ** 0.5).view(torch.int16).long().sum().item())
b = h.float().bfloat16()
print(b.sqrt().double().nan_to_num(-1).sum().item(), (b ** 0.5).double().nan_to_num(-1).sum().item())
x = torch.tensor([65504.0, 4.0], dtype=torch.float16, requires_grad=True)
y = x.sqrt()
y.sum().backward()
print(y, x.grad, torch.finfo(torch.float16).max ** 0.5)
""",
"float16_and_bfloat16_erf_is_vectorized_floats_approximation_on_every_element": """
h = torch.arange(-31743, 31744, dtype=torch.int32).to(torch.int16).view(torch.float16)
b = (torch.arange(-32639, 32640, dtype=torch.int32) << 16).view(torch.float32).bfloat16()
for x in [h, b, h[::61], b[5:7]]:
    r = x.erf()
    print(r.float().nan_to_num(7).double().mul(2 ** 20).sum().item(), (r.float().abs() < 1e-30).sum().item())
    print(torch.special.erf(x[-40:]), x[-40:].clone().erf_())
print(torch.tensor(-6.1094761e-05, dtype=torch.float16).erf(), torch.tensor([-1.2e-38]).bfloat16().erf())
x = torch.tensor([1e-4, 0.5], dtype=torch.float16, requires_grad=True)
y = torch.erf(x)
y.sum().backward()
print(y, x.grad)
""",
"float16_ops_into_itself_or_out_with_a_complex_operand_refuse_the_complexhalf_result_type": """
h = torch.tensor([4., 7.], dtype=torch.float16)
z = torch.tensor(1j)
fs = {
 'iadd': lambda x: x.__iadd__(1j), 'imul': lambda x: x.__imul__(z), 'itruediv': lambda x: x.__itruediv__(1j),
 'ipow': lambda x: x.__ipow__(1j), 'pow_': lambda x: x.pow_(z), 'mul_': lambda x: x.mul_(1j), 'div_': lambda x: x.div_(z),
 'div_floor': lambda x: x.div_(z, rounding_mode='floor'), 'sub_a': lambda x: x.sub_(z, alpha=2),
 'out_add': lambda x: torch.add(x, 1j, out=x), 'out_mul': lambda x: torch.mul(x, z, out=torch.empty(2, dtype=torch.float16)),
 'out_pow': lambda x: torch.pow(x, z, out=torch.empty(0, dtype=torch.float16)), 'atan2_': lambda x: x.atan2_(z),
 'clamp_': lambda x: x.clamp_(z), 'clamp_min_': lambda x: x.clamp_min_(z), 'xlogy_': lambda x: x.xlogy_(z),
 'addcmul_': lambda x: x.addcmul_(x, z), 'addcdiv_': lambda x: x.addcdiv_(x, z, value=2), 'lerp_': lambda x: x.lerp_(x, z),
 'ldexp_': lambda x: x.ldexp_(z), 'copysign_': lambda x: x.copysign_(z), 'fmod_': lambda x: x.fmod_(z),
 'hypot_': lambda x: x.hypot_(z), 'eq_': lambda x: x.eq_(z), 'bf': lambda x: x.bfloat16().add_(z),
 'pow_ok': lambda x: x.pow_(torch.tensor(2)), 'pow_int': lambda x: torch.tensor([2, 3]).pow_(0.5),
 'result_type': lambda x: torch.result_type(x, z),
}
for k, f in fs.items():
    x = h.clone()
    try:
        r = f(x)
        print(k, r, x, x._version)
    except Exception as e:
        print(k, type(e).__name__, e, x._version)
""",
"addcmul_addcdiv_and_lerp_in_place_check_the_cast_to_self_before_the_kernels_dtype": """
for s in [torch.tensor([True, False]), torch.tensor([1, 2], dtype=torch.int32), torch.tensor([1, 2], dtype=torch.uint8), torch.tensor([1.5, 2.5]), torch.tensor([1.5, 2.5], dtype=torch.float16)]:
    for w in [torch.tensor(3), torch.tensor(3.5), torch.tensor(True), torch.tensor(1j), torch.tensor([3, 4]), torch.tensor([2.5, 1.0], dtype=torch.float64), 2, 0.5, True]:
        fs = {'lerp_': lambda x: x.lerp_(x, w), 'lerp_end': lambda x: x.lerp_(w if isinstance(w, torch.Tensor) else x, 0.5),
              'addcmul_': lambda x: x.addcmul_(x, w if isinstance(w, torch.Tensor) else x),
              'addcmul_v': lambda x: x.addcmul_(x, x, value=w if not isinstance(w, torch.Tensor) else 1),
              'addcdiv_': lambda x: x.addcdiv_(x, w if isinstance(w, torch.Tensor) else x),
              'addcdiv_v': lambda x: x.addcdiv_(x, torch.ones_like(x), value=w if not isinstance(w, torch.Tensor) else 2)}
        for k, f in fs.items():
            x = s.clone()
            try:
                print(s.dtype, w, k, f(x), x._version)
            except Exception as e:
                print(s.dtype, w, k, type(e).__name__, e, x._version)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round24_held24e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
