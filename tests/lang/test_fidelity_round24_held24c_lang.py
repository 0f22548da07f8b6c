"""Classes of difference found by the twenty-fourth round's held-out programs on autograd extensions (held24c,
issue 16) that need the language (a program's setattr/delattr on graph nodes and a custom Function's ctx): run in
torch and in the language."""
import pytest

from same_as_torch import run_in_torch
from test_torch_programs import language_warnings, run_in_language, torch_warnings

pytest.importorskip("torch")

PROGRAMS = {
"a_custom_nodes_materialize_grads_is_not_readable": """
class F(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.set_materialize_grads(False)
        try:
            print(ctx.materialize_grads)
        except AttributeError as e:
            print(e)
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g * 2
x = torch.ones(2, requires_grad=True)
y = F.apply(x)
print(hasattr(y.grad_fn, "materialize_grads"), y.grad_fn._materialize_non_diff_grads)
y.sum().backward()
print(x.grad)
try:
    y.grad_fn.materialize_grads
except AttributeError as e:
    print(e)
""",
"dir_of_a_graph_node_is_pytorchs_list": """
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
for y in [x.pow(2), x.sum(), x * x, x.exp(), x.mm(x), x[0], x.view(4), torch.cat([x, x]), x.max(1).values]:
    print(y.grad_fn.name(), dir(y.grad_fn))
print(dir((x * 1).grad_fn.next_functions[0][0]))
""",
"graph_nodes_refuse_attributes_in_pythons_words_and_ctx_keeps_private_names": """
x = torch.tensor([1., 2.], requires_grad=True)
acc = (x * 2).grad_fn.next_functions[0][0]
for n in [x.exp().grad_fn, x.mean().grad_fn, acc]:
    print(n.requires_grad)
    for name in ["next_functions", "_saved_result", "_raw_saved_result", "_saved_self_sym_numel", "metadata", "name",
                 "register_hook", "_sequence_nr", "requires_grad", "variable", "foo", "_saved_self"]:
        for op in [lambda: setattr(n, name, 1), lambda: delattr(n, name)]:
            try:
                op()
                print(name, "ok")
            except AttributeError as e:
                print(name, e)
class F(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx._scale = 3
        ctx.tag = 'a'
        for name in ["saved_tensors", "saved_variables", "next_functions", "requires_grad", "metadata"]:
            try:
                setattr(ctx, name, None)
            except AttributeError as e:
                print(e)
        ctx.needs_input_grad = (True,)
        return x * 2
    @staticmethod
    def backward(ctx, g):
        print(ctx._scale, ctx.tag, ctx.requires_grad)
        del ctx._scale
        try:
            ctx._scale
        except AttributeError as e:
            print(e)
        return g * 3
y = F.apply(x)
print(y.grad_fn.requires_grad, y.grad_fn._scale)
y.sum().backward()
print(x.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round24_held24c_lang_class_prints_as_torch(name):
    """The printed text and the warnings, as torch gives them."""
    got, stderr = run_in_language(PROGRAMS[name])
    src = "import copy\n" + PROGRAMS[name]
    assert (got, language_warnings(stderr)) == (run_in_torch(src)[0], torch_warnings(src))
