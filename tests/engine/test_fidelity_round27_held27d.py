"""Classes of difference found by the twenty-seventh round's held-out programs on random numbers and
torch.distributions (held27d, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_sampler_with_nothing_to_fill_runs_no_kernel_so_no_dtype_or_complex_bounds_check": """
torch.manual_seed(0)
for dt in [torch.int32, torch.uint8, torch.bool, torch.complex64, torch.float32]:
    for n in [0, 1]:
        for name, f in [('randn', lambda: torch.randn(n, dtype=dt)),
                        ('randn_like', lambda: torch.randn_like(torch.zeros(n, dtype=dt))),
                        ('normal_', lambda: torch.zeros(n, dtype=dt).normal_()),
                        ('normal', lambda: torch.normal(0., 1., (n,), dtype=dt)),
                        ('normal_t', lambda: torch.normal(torch.zeros(n, dtype=dt), 2.)),
                        ('normal_ft', lambda: torch.normal(1., torch.ones(n, dtype=dt))),
                        ('normal_out', lambda: torch.normal(0., 1., (n,), out=torch.zeros(n, dtype=dt))),
                        ('normal_tt', lambda: torch.normal(torch.zeros(n, dtype=dt), torch.ones(n, dtype=dt))),
                        ('uniform_', lambda: torch.zeros(n, dtype=dt).uniform_(2, 1)),
                        ('uniform_inf', lambda: torch.zeros(n, dtype=dt).uniform_(0, float('inf'))),
                        ('bernoulli', lambda: torch.bernoulli(torch.zeros(n, dtype=dt)))]:
            try:
                print(name, dt, n, f(), torch.rand(1), torch.randn(1))
            except Exception as e:
                print(name, dt, n, type(e).__name__, e, torch.rand(1), torch.randn(1))
""",
"generator_methods_are_c_methods_whose_argument_errors_are_cpythons_and_fork_rng_a_python_function": """
g = torch.Generator()
tries = [
    lambda: g.manual_seed(),
    lambda: g.manual_seed(seed=4),
    lambda: g.manual_seed(1, 2),
    lambda: g.set_state(),
    lambda: g.set_state(new_state=g.get_state()),
    lambda: g.set_state(g.get_state(), 1),
    lambda: g.get_state(1),
    lambda: g.get_state(x=1),
    lambda: g.initial_seed(1),
    lambda: g.seed(1),
    lambda: g.seed(x=2),
    lambda: g.clone_state(1),
    lambda: g.graphsafe_get_state(1),
    lambda: g.graphsafe_set_state(),
    lambda: g.graphsafe_set_state(1),
    lambda: g.graphsafe_set_state(None),
    lambda: g.graphsafe_set_state(torch.Generator()),
    lambda: g.get_offset(1),
    lambda: g.set_offset(),
    lambda: g.set_offset(x=1),
    lambda: g.set_offset(1.5),
    lambda: g.set_offset(1),
    lambda: torch.Generator.manual_seed(g),
    lambda: g.manual_seed(7).initial_seed(),
    lambda: g.set_state(torch.Generator().manual_seed(3).get_state()).initial_seed(),
    lambda: torch.rand(2, generator=g.manual_seed(5)),
    lambda: torch.random.fork_rng(1, 2, 3, 4, 5, 6),
    lambda: type(torch.random.fork_rng()).__name__,
    lambda: type(torch.random.fork_rng()).__module__,
]
for i, f in enumerate(tries):
    try:
        print(i, f())
    except Exception as e:
        print(i, type(e).__name__, e)
""",
"a_double_sample_becomes_a_half_through_float_rounded_twice_in_exponential_cauchy_and_log_normal": """
for op, args, picks in [('exponential_', (), [25513]), ('cauchy_', (), [7991, 38404]),
                        ('log_normal_', (), [25762, 33654, 35758]), ('geometric_', (1e-4,), [0, 1])]:
    torch.manual_seed(0)
    x = getattr(torch.zeros(40000, dtype=torch.float16), op)(*args)
    print(op, [x[i].item() for i in picks], x.double().sum().item(), torch.rand(1).item())
    torch.manual_seed(0)
    y = getattr(torch.zeros(2, 20000, dtype=torch.float16).t(), op)(*args)
    print(op, y.double().sum().item())
""",
"multinomial_of_a_half_type_divides_in_its_dtype_and_sums_its_cumulative_distribution_in_float": """
for dt in [torch.float16, torch.bfloat16, torch.float32]:
    torch.manual_seed(1)
    w = torch.linspace(0, 1, 1000, dtype=dt)
    a = torch.multinomial(w, 500)
    b = torch.multinomial(w, 5000, True)
    c = torch.multinomial(w.view(10, 100), 3)
    d = torch.multinomial(torch.rand(4, 3000, dtype=dt), 2000, replacement=True)
    print(dt, a[:12].tolist(), (a * torch.arange(500)).sum().item(), (b * torch.arange(5000)).sum().item(),
          c.tolist(), d.sum().item(), torch.rand(1).item())
    print(torch.multinomial(torch.tensor([0., 0., 0., 1.], dtype=dt), 3), torch.multinomial(torch.zeros(2, 5, dtype=dt) + torch.eye(2, 5, dtype=dt), 4))
""",
"normal_of_two_numbers_with_out_fills_out_in_place_by_normal_as_normal_out_does": """
for out in [torch.zeros(5, 4).t(), torch.zeros(4, 10)[:, ::2], torch.zeros(20), torch.zeros(2, 2, dtype=torch.int64).t()]:
    for args, kw in [((2., 0.5, out.shape), {}), ((2., 0.5), {'size': tuple(out.shape)}), ((2., -0.5, out.shape), {}),
                     ((0, 1, list(out.shape)), {'generator': torch.Generator().manual_seed(1)})]:
        torch.manual_seed(0)
        o = out.clone() if out.is_contiguous() else out.t().clone().t() if out.stride(0) == 1 else out
        try:
            r = torch.normal(*args, out=o, **kw)
            print(r is o, r.shape, r.stride(), r.tolist(), o._version, torch.randn(1).item())
        except Exception as e:
            print(type(e).__name__, e, torch.randn(1).item())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round27_held27d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
