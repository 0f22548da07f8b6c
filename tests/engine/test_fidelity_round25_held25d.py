"""Classes of difference found by the twenty-fifth round's held-out programs on random numbers and
torch.distributions (held25d, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"normal_with_a_tensor_std_rounds_the_product_before_adding_the_mean_in_bfloat16": """
for dt in [torch.bfloat16, torch.float16]:
    for n in [1, 5, 16, 20]:
        m = torch.linspace(-1, 1, n, dtype=dt)
        torch.manual_seed(n)
        print(dt, n, torch.normal(m, m.abs() + 0.1).tolist())
        print(dt, n, torch.normal(1.3, m.abs() + 0.1).tolist())
        print(dt, n, torch.normal(m, 0.7).tolist())
""",
"native_dropout_scales_by_the_scale_rounded_to_the_inputs_dtype": """
torch.manual_seed(1)
for dt in [torch.float16, torch.bfloat16, torch.float32]:
    x = torch.randn(40).to(dt)
    g = torch.randn(40).to(dt)
    for p in [0.1, 0.3, 0.25]:
        torch.manual_seed(5)
        xr = x.clone().requires_grad_()
        o, m = torch.native_dropout(xr, p, True)
        o.backward(g)
        print(dt, p, o.tolist(), xr.grad.tolist())
""",
"orthogonal_init_refuses_the_half_types_as_linalg_qr_after_drawing": """
for dt in [torch.float16, torch.bfloat16]:
    torch.manual_seed(0)
    try:
        torch.nn.init.orthogonal_(torch.empty(3, 5, dtype=dt))
    except Exception as e:
        print(type(e).__name__, e)
    print(torch.rand(2))
""",
"multinomials_fast_path_draws_its_exponentials_in_the_inputs_strides": """
p = torch.arange(12.).view(3, 4) + 1
for x in [p.t(), p.t().contiguous(), p.t()[1:], p.t().double(), p.t().half()]:
    for n, rep in [(1, True), (1, False), (2, False), (3, True)]:
        torch.manual_seed(3)
        print(x.stride(), n, rep, torch.multinomial(x, n, rep).tolist())
torch.manual_seed(3)
c = torch.distributions.Categorical(p.t() + 0.1)
print(c.sample().tolist(), c.sample((2,)).tolist())
""",
"a_state_that_is_not_a_valid_mt19937_is_a_runtime_error": """
g = torch.Generator().manual_seed(1)
st = g.get_state()
for off, val in [(8, 0), (12, 0), (16, 200), (17, 3)]:
    s = st.clone()
    s[off] = val
    for f in [g.set_state, torch.set_rng_state]:
        try:
            f(s)
        except Exception as e:
            print(off, val, type(e).__name__, e)
for bad in [torch.zeros(5056, dtype=torch.uint8), torch.zeros(5055, dtype=torch.uint8)]:
    try:
        torch.set_rng_state(bad)
    except Exception as e:
        print(type(e).__name__, e)
""",
"a_float_randint_up_to_int64s_max_keeps_its_bound_as_the_cast_overflows": """
for dt in [torch.float32, torch.float64, torch.bfloat16, torch.float16, torch.int64]:
    for lo, hi in [(2**62, 2**63 - 1), (-2**63, 2**63 - 1), (0, 2**63 - 1), (3, 2**53 + 7), (2**60 + 3, 2**61)]:
        torch.manual_seed(0)
        try:
            print(dt, lo, hi, torch.randint(lo, hi, (3,), dtype=dt).tolist(), torch.randint(0, 10, (2,)).tolist())
        except Exception as e:
            print(dt, lo, hi, type(e).__name__, e)
        torch.manual_seed(0)
        try:
            print(dt, lo, hi, torch.zeros(3, dtype=dt).random_(lo, hi).tolist())
        except Exception as e:
            print(dt, lo, hi, type(e).__name__, e)
    for v in [2**11 + 1, 2**24, 2**53]:
        try:
            print(v, dt, torch.zeros(3, dtype=dt).random_(v, None).tolist())
        except Exception as e:
            print(v, dt, type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round25_held25d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
