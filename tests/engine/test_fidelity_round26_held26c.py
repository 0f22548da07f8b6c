"""Classes of difference found by the twenty-sixth round's held-out programs on autograd extensions (held26c,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"save_for_backward_checks_what_it_saved_once_forward_returns_and_only_when_a_node_is_made": """
class F(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x, 3)
        print("after save", ctx.saved_tensors)
        x.mul_(2)
        ctx.save_for_backward(x, [x]) if x.shape[0] > 2 else None
        return x * 2
    @staticmethod
    def backward(ctx, g):
        return g * 2
class G(torch.autograd.Function):
    @staticmethod
    def forward(x):
        return x * 2
    @staticmethod
    def setup_context(ctx, inputs, output):
        ctx.save_for_backward(inputs[0], 2.5)
        print("setup done")
    @staticmethod
    def backward(ctx, g):
        return g * 2
for x in [torch.ones(2, requires_grad=True), torch.ones(3, requires_grad=True), torch.ones(2),
          torch.ones(2, dtype=torch.long)]:
    for f in [F, G]:
        y = x.clone() if x.requires_grad else x
        for mode in [torch.enable_grad, torch.no_grad]:
            with mode():
                try:
                    print(f.apply(y))
                except Exception as e:
                    print(type(e).__name__, e)
            print(y)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round26_held26c_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
