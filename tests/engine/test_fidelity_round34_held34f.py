"""Classes of difference found by the thirty-fourth round's held-out programs on training loops, torch.optim, lr
schedulers and save/load (held34f, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"capturable_optimizers_assert_their_own_message_and_device_list_on_cpu": """
O = torch.optim
for cls in [O.Adadelta, O.Adam, O.AdamW, O.Adamax, O.ASGD, O.NAdam, O.RAdam, O.RMSprop, O.Rprop]:
    for kw in [dict(), dict(foreach=True), dict(foreach=False), dict(differentiable=True), dict(lr=torch.tensor(0.01))]:
        torch.manual_seed(0)
        p = torch.nn.Parameter(torch.randn(3))
        q = torch.nn.Parameter(torch.randn(2))
        opt = cls([p, q], capturable=True, **kw)
        opt.step()
        print(cls.__name__, kw, 'no grads, no check:', len(opt.state))
        try:
            (p ** 2).sum().backward()
            opt.step()
            print(p.data, dict(opt.state[p]))
        except Exception as e:
            print(type(e).__name__, e)
for kw in [dict(fused=True), dict(fused=True, amsgrad=True)]:
    p = torch.nn.Parameter(torch.ones(2))
    try:
        opt = O.Adam([p], capturable=True, **kw)
        p.sum().backward()
        opt.step()
        print(p.data)
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round34_held34f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
