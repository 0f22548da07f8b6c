"""Classes of difference found by the twenty-first round's held-out programs on random numbers (held21d, issue 16),
one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"dropout_probability_check_prints_the_double_as_cpp": """
F = torch.nn.functional
x = torch.ones(2, 3, 4)
for p in [2, 2.0, 1.0000001, -1e-7, 3.25, 123456789.0]:
    for f in [lambda: torch.dropout(x, p, True), lambda: torch.native_dropout(x, p, True),
              lambda: F.scaled_dot_product_attention(x, x, x, dropout_p=p)]:
        try:
            f()
            print("ok")
        except Exception as e:
            print(type(e).__name__, e)
""",
"sampling_out_arguments_follow_their_aten_out_kernels": """
def t(f):
    try:
        r = f()
        print(r, r.dtype, r.shape, r.stride(), r._version)
    except Exception as e:
        print(type(e).__name__, e)
torch.manual_seed(0)
m = torch.zeros(2, requires_grad=True)
for o in [torch.empty(3), torch.empty(3, dtype=torch.int64), torch.empty(0), torch.empty(2, 1), torch.empty(40)[::2]]:
    t(lambda: torch.normal(torch.zeros(2), torch.ones(2), out=o))
    t(lambda: torch.normal(torch.zeros(2), 1.0, out=o))
    t(lambda: torch.normal(0.5, torch.ones(2), out=o))
    t(lambda: torch.bernoulli(torch.full((2,), 0.5), out=o))
    t(lambda: torch.multinomial(torch.ones(3), 2, out=o))
t(lambda: torch.normal(m, 1.0, out=torch.empty(2)))
t(lambda: torch.normal(0.0, m, out=torch.empty(2)))
t(lambda: torch.normal(torch.zeros(2, dtype=torch.float64), 2.0, out=torch.empty(2)))
t(lambda: torch.normal(torch.zeros(2, 1), 1.0, out=torch.empty(1, 3)))
t(lambda: torch.normal(torch.tensor([1, 2]), 1.0, out=torch.empty(2)))
t(lambda: torch.normal(torch.zeros(20), torch.ones(20), out=torch.empty(40)[::2]))
t(lambda: torch.normal(torch.zeros(2), torch.tensor([1.0, float('nan')])))
t(lambda: torch.normal(torch.zeros(2), torch.tensor([1.0, -1.0, 1.0])))
t(lambda: torch.bernoulli(torch.full((2, 2), 0.5), out=torch.empty(3, 4).t()))
t(lambda: torch.bernoulli(torch.full((3,), 0.5), out=torch.empty(3, dtype=torch.bool)))
t(lambda: torch.bernoulli(torch.full((3,), 0.5), out=torch.empty(3, requires_grad=True)))
t(lambda: torch.bernoulli(torch.full((0,), 0.5), out=torch.empty(3)))
t(lambda: torch.multinomial(torch.ones(2, 3), 2, out=torch.empty(2, dtype=torch.long).t()))
t(lambda: torch.multinomial(torch.ones(3, dtype=torch.long), 2, out=torch.empty(2)))
t(lambda: torch.multinomial(torch.ones(3), 0, out=torch.empty(2)))
t(lambda: torch.multinomial(torch.ones(0, 3), 2))
t(lambda: torch.multinomial(torch.ones(2, 0), 1, True))
t(lambda: torch.multinomial(torch.ones(2, 0), 2, True))
""",
"bernoulli_tensor_p_overlapping_self_as_the_iterator_checks_and_reads_it": """
torch.manual_seed(0)
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
q = torch.full((2, 2), 0.7, dtype=torch.float64)
x = q.clone()
t(lambda: x.bernoulli_(x))
x = q.clone()
t(lambda: x.bernoulli_(x.t()))
x = torch.full((4,), 0.5)
t(lambda: x[:2].bernoulli_(x[1:3]))
x = torch.full((4,), 0.5)
t(lambda: x.bernoulli_(x[0]))
x = torch.full((2, 3), 0.5)
t(lambda: x.t().bernoulli_(x[:, :1]))
x = torch.full((4,), 0.5)
t(lambda: torch.bernoulli(x[:2], out=x[1:3]))
x = torch.full((4,), 0.5)
t(lambda: torch.bernoulli(x, out=x[:2]))
x = torch.full((4,), 0.5, dtype=torch.complex64)
t(lambda: x.bernoulli_(x.real))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round21_held21d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
