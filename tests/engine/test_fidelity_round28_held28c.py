"""Classes of difference found by the twenty-eighth round's held-out programs on autograd extensions (held28c,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"a_custom_functions_node_once_freed_refuses_its_saved_tensors_even_when_none_were_saved": """
class F(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g
class S(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(None, x)
        return x * 2
    @staticmethod
    def backward(ctx, g):
        print(ctx.saved_tensors)
        return g
x = torch.ones(2, requires_grad=True)
for C in [F, S]:
    for free in ['backward', 'grad']:
        y = C.apply(x)
        print(y.grad_fn.saved_tensors, len(y.grad_fn._raw_saved_tensors))
        y.sum().backward(retain_graph=True)
        print(y.grad_fn.saved_tensors, len(y.grad_fn._raw_saved_tensors))
        if free == 'backward':
            y.sum().backward()
        else:
            torch.autograd.grad(y.sum(), x)
        for read in [lambda: y.grad_fn.saved_tensors, lambda: y.grad_fn._raw_saved_tensors,
                     lambda: y.grad_fn.needs_input_grad, lambda: y.sum().backward()]:
            try:
                print(read())
            except Exception as e:
                print(type(e).__name__, e)
""",
"a_node_called_by_hand_takes_no_keywords_and_only_tensors_or_none_and_accumulate_grad_skips_none": """
x = torch.ones(2, requires_grad=True)
class F(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g
acc = (x * 2).grad_fn.next_functions[0][0]
n = (x * 2).grad_fn
u = x.unbind()[0].grad_fn
c = F.apply(x).grad_fn
for f in [lambda: acc(), lambda: (acc(None), x.grad), lambda: acc(3), lambda: acc(torch.ones(2), None),
          lambda: acc(torch.ones(2), a=1), lambda: (acc(torch.ones(2), **{}), x.grad), lambda: n(a=1),
          lambda: n(torch.ones(2), x=1), lambda: n(1, 2), lambda: n(None), lambda: n([torch.ones(2)]), lambda: n(2.0),
          lambda: u(torch.tensor(1.), 5), lambda: u(None, None), lambda: u(torch.tensor(1.), q=2),
          lambda: c(torch.ones(2)), lambda: c(g=torch.ones(2))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round28_held28c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
