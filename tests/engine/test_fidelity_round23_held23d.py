"""Classes of difference found by the twenty-third round's held-out programs on random numbers and
torch.distributions (held23d, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"randperm_draws_before_refusing_requires_grad_of_an_integer_dtype": """
for make in [lambda: torch.randperm(3, requires_grad=True), lambda: torch.randperm(5, dtype=torch.int32, requires_grad=True),
             lambda: torch.randint(3, (2,), requires_grad=True), lambda: torch.randperm(3, dtype=torch.bool, requires_grad=True)]:
    torch.manual_seed(40)
    try:
        make()
    except Exception as e:
        print(e)
    print(torch.rand(2))
torch.manual_seed(40)
print(torch.randperm(3, dtype=torch.float32, requires_grad=True))
""",
"an_out_factory_sets_requires_grad_of_out_itself": """
for name, make in [("ones", lambda o: torch.ones(2, out=o, requires_grad=True)),
                   ("rand", lambda o: torch.rand(2, out=o, requires_grad=True)),
                   ("randn", lambda o: torch.randn(3, out=o, requires_grad=True)),
                   ("arange", lambda o: torch.arange(2., out=o, requires_grad=True)),
                   ("normal", lambda o: torch.normal(0., 1., (2,), out=o, requires_grad=True)),
                   ("randperm", lambda o: torch.randperm(2, out=o, requires_grad=True))]:
    torch.manual_seed(0)
    o = torch.zeros(2)
    r = make(o)
    print(name, r is o, r, o.requires_grad, o.is_leaf, o.grad_fn)
    leaf = torch.ones(2, requires_grad=True)
    with torch.no_grad():
        make(leaf)
        torch.zeros(2, out=leaf)
    print(name, leaf.requires_grad, leaf.is_leaf)
v = torch.zeros(4)[1:3]
torch.ones(2, out=v, requires_grad=True)
print(v.requires_grad, v.is_leaf)
w = torch.zeros(2, dtype=torch.int64)
torch.manual_seed(0)
try:
    torch.randint(9, (2,), out=w, requires_grad=True)
except Exception as e:
    print(e, w, w.requires_grad, torch.rand(1))
for make in [lambda o: torch.empty(2, out=o), lambda o: torch.randn(2, out=o)]:
    leaf = torch.ones(2, requires_grad=True)
    try:
        with torch.no_grad():
            make(leaf)
    except Exception as e:
        print(e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round23_held23d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
