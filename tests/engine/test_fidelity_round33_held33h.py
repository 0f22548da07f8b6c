"""Classes of difference found by the thirty-third round's random programs (held33h, issue 16), one differential
program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_window_function_is_a_fresh_tensor_of_version_0_periodic_or_not": """
for f in ['hann_window', 'hamming_window', 'blackman_window', 'bartlett_window', 'kaiser_window']:
    for n in [1, 2, 5]:
        for periodic in [True, False]:
            w = getattr(torch, f)(n, periodic, dtype=torch.float64)
            print(f, n, periodic, w._version, w._base is None, w.untyped_storage().nbytes())
w = torch.bartlett_window(2, False)
w[1:] = w.sum()
print(w, w._version)
""",
"a_0_dim_integer_in_place_op_whose_wider_result_overflows_wraps_as_c_casts": """
for dt, start in [(torch.int8, 100), (torch.int16, 30000), (torch.int32, -2147483648)]:
    for shape in [(), (2,)]:
        for name, f in [('mul_', lambda t: t.mul_(torch.tensor(-3))), ('imul', lambda t: t.__imul__(torch.tensor(-3))),
                        ('add_', lambda t: t.add_(torch.tensor(70000))), ('alpha', lambda t: t.add_(torch.tensor(-3), alpha=1000)),
                        ('sub_', lambda t: t.sub_(torch.tensor(70000))),
                        ('clamp_max_', lambda t: t.clamp_max_(torch.tensor(-300))),
                        ('clamp_min_', lambda t: t.clamp_min_(torch.tensor(2 ** 40)))]:
            t = torch.full(shape, start, dtype=dt)
            try:
                print(dt, shape, name, f(t))
            except Exception as e:
                print(dt, shape, name, type(e).__name__, e)
""",
"a_parameter_is_a_tensor_operand_of_the_logical_ops_the_in_place_ternaries_and_rmatmul": """
p = torch.nn.Parameter(torch.tensor([[1.5, -2.], [0., 3.]]))
frozen = torch.nn.Parameter(torch.tensor([[0.5, 3.], [1., 0.]]), requires_grad=False)
for P in [p, frozen]:
    print(torch.zeros(2, 2).logical_xor(P), torch.zeros(2, 2).logical_and(P), torch.logical_or(torch.zeros(2, 2), P))
    for name, f in [('addcmul_', lambda: torch.zeros(2, 2).addcmul_(P, P, value=0.1)),
                    ('addcdiv_', lambda: torch.zeros(2, 2).addcdiv_(P, P + 5)),
                    ('lerp_', lambda: torch.zeros(2, 2).lerp_(P, 0.5)), ('lerp_w', lambda: torch.zeros(2, 2).lerp_(P, P)),
                    ('rmatmul', lambda: torch.ones(2, 2).__rmatmul__(P)),
                    ('and', lambda: torch.tensor([1, 2]) & torch.nn.Parameter(torch.tensor([3, 1]), requires_grad=False))]:
        r = f()
        print(name, r, r.grad_fn.name() if r.grad_fn is not None else None)
buf = torch.zeros(2, 2)
buf.addcmul_(p, p)
buf.sum().backward()
print(p.grad)
""",
"factories_whose_own_checks_precede_their_allocation_refuse_pin_memory_after_them": """
cases = {'hann_int': lambda: torch.hann_window(3, dtype=torch.int64, pin_memory=True),
         'hann_neg': lambda: torch.hann_window(-1, pin_memory=True),
         'hann_neg_int': lambda: torch.hann_window(-1, dtype=torch.int64),
         'kaiser_int': lambda: torch.kaiser_window(3, dtype=torch.int32, pin_memory=True),
         'blackman_int': lambda: torch.blackman_window(2, True, dtype=torch.int64, pin_memory=True),
         'bartlett_complex': lambda: torch.bartlett_window(3, dtype=torch.complex64),
         'hamming_complex_1': lambda: torch.hamming_window(1, dtype=torch.complex64),
         'hann_ok_pinned': lambda: torch.hann_window(2, pin_memory=True),
         'linspace_neg': lambda: torch.linspace(0, 1, -1, pin_memory=True),
         'logspace_neg': lambda: torch.logspace(0, 1, -1, pin_memory=True),
         'linspace_pinned': lambda: torch.linspace(0, 1, 3, pin_memory=True),
         'zeros_neg': lambda: torch.zeros(2, -1, pin_memory=True), 'ones_neg': lambda: torch.ones(2, -1, pin_memory=True),
         'tril_neg': lambda: torch.tril_indices(-1, 3, pin_memory=True),
         'triu_float': lambda: torch.triu_indices(3, 3, dtype=torch.float32, pin_memory=True),
         'eye_neg': lambda: torch.eye(-1, pin_memory=True)}
for name, f in cases.items():
    try:
        print(name, 'ok', f())
    except Exception as e:
        print(name, type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round33_held33h_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
