"""Classes of difference found by the eighteenth round's held-out programs on torch.nn (held18b), one program
each, run in torch and in the engine: printed text and the error line the same."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "engine"))
from same_as_torch import same_as_torch  # noqa: E402

pytest.importorskip("torch")

PROGRAMS = {
"a_loss_weight_of_another_type_than_the_input_is_refused_by_the_kernel": """
F = torch.nn.functional
torch.manual_seed(0)
x = torch.randn(2, 3)
t = torch.tensor([0, 2])
wd = torch.ones(3, dtype=torch.float64)
for red in ['none', 'mean', 'sum']:
    for f in [lambda: F.nll_loss(x, t, weight=wd, reduction=red),
              lambda: F.nll_loss(x, torch.tensor([0, 5]), weight=wd, reduction=red),
              lambda: F.nll_loss(x, t, weight=torch.ones(2, dtype=torch.float64), reduction=red),
              lambda: F.nll_loss(x[0], torch.tensor(1), weight=wd, reduction=red),
              lambda: F.nll_loss(x[:0], t[:0], weight=wd, reduction=red),
              lambda: F.nll_loss(x, torch.tensor([-100, -100]), weight=wd, reduction=red),
              lambda: F.nll_loss(x.reshape(1, 3, 2, 1), t.reshape(1, 2, 1), weight=wd, reduction=red),
              lambda: F.nll_loss(x.reshape(1, 3, 2), t.reshape(1, 2), weight=wd, reduction=red),
              lambda: F.nll_loss(x.double(), t, weight=torch.ones(3), reduction=red),
              lambda: F.nll_loss(x.bfloat16(), t, weight=torch.ones(3), reduction=red),
              lambda: F.nll_loss(x, t, weight=torch.ones(3, dtype=torch.int64), reduction=red),
              lambda: F.cross_entropy(x, t, weight=wd, reduction=red),
              lambda: F.cross_entropy(x.half(), t, weight=torch.ones(3), reduction=red),
              lambda: F.cross_entropy(x, t, weight=wd, reduction=red, label_smoothing=0.2),
              lambda: F.cross_entropy(x, torch.softmax(x, 1), weight=wd, reduction=red, label_smoothing=0.2),
              lambda: F.multi_margin_loss(x, t, weight=wd, reduction=red),
              lambda: F.multi_margin_loss(x, torch.tensor([0, 5]), weight=wd, reduction=red),
              lambda: F.multi_margin_loss(x.double(), t, weight=torch.ones(3), reduction=red),
              lambda: F.multi_margin_loss(x, t, weight=torch.ones(3, dtype=torch.int32), reduction=red)]:
        try:
            r = f(); print(r.dtype, r)
        except Exception as e:
            print(type(e).__name__, e)
print(F.multi_margin_loss(x[:0], t[:0], reduction='none'))
""",
"bce_with_logits_takes_atens_steps_each_rounded_to_its_output_type": """
F = torch.nn.functional
torch.manual_seed(0)
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    x = (torch.randn(40) * 6).to(dt).requires_grad_()
    y = torch.rand(40).to(dt).requires_grad_()
    pw = torch.rand(40).to(dt) * 3
    for kw in [{}, {'pos_weight': pw}, {'weight': pw}]:
        l = F.binary_cross_entropy_with_logits(x, y, reduction='none', **kw)
        print(l.tolist())
        gx, gy = torch.autograd.grad(l.sum(), (x, y))
        print(gx.tolist(), gy.tolist())
    print(F.binary_cross_entropy_with_logits(x, torch.rand(40), pos_weight=torch.rand(40)).item())
    print(F.binary_cross_entropy_with_logits(x.detach(), torch.rand(40), reduction='none').tolist())
for dt in [torch.bool, torch.int64]:
    try:
        print(F.binary_cross_entropy_with_logits(torch.rand(3), torch.rand(3), pos_weight=torch.ones(3, dtype=dt)))
    except Exception as e:
        print(type(e).__name__, e)
""",
"a_non_differentiable_argument_that_requires_grad_is_refused_under_grad_mode": """
F = torch.nn.functional
x = torch.randn(4, 3, requires_grad=True)
y = torch.rand(4, 3)
w = torch.rand(3, requires_grad=True)
t = torch.tensor([0, 1, 2, 0])
rm, rv = torch.zeros(3, requires_grad=True), torch.ones(3, requires_grad=True)
for f in [lambda: F.binary_cross_entropy_with_logits(x, y, weight=w), lambda: F.binary_cross_entropy_with_logits(x, y, pos_weight=w),
          lambda: F.binary_cross_entropy_with_logits(x.detach(), y, weight=w, pos_weight=w), lambda: F.binary_cross_entropy(x.sigmoid(), y, weight=w),
          lambda: F.binary_cross_entropy(x.sigmoid() + 1, y, weight=w), lambda: F.nll_loss(x, t.int(), weight=w),
          lambda: F.nll_loss(x, t[:3], weight=w), lambda: F.nll_loss(x, t, weight=torch.rand(2, requires_grad=True)),
          lambda: F.nll_loss(x.reshape(1, 3, 4), t.reshape(1, 4), weight=w), lambda: F.nll_loss(x.reshape(1, 3, 4), t.reshape(1, 2, 2), weight=w),
          lambda: F.cross_entropy(x, t, weight=w, label_smoothing=0.1), lambda: F.cross_entropy(x, y, weight=w),
          lambda: F.multi_margin_loss(x, t, weight=w, p=3), lambda: F.multi_margin_loss(x, t[:2], weight=w),
          lambda: F.batch_norm(x, rm, rv), lambda: F.batch_norm(x, rm.detach(), rv, training=True),
          lambda: F.batch_norm(x, rm, None, training=True), lambda: F.batch_norm(x, rm.detach(), None, training=True),
          lambda: F.batch_norm(x, None, rv.detach()), lambda: F.batch_norm(x, None, None, bias=torch.ones(2)),
          lambda: F.soft_margin_loss(x, y.requires_grad_())]:
    try:
        r = f(); print(r.grad_fn.name())
    except Exception as e:
        print(type(e).__name__, e)
with torch.no_grad():
    print(F.nll_loss(x, t, weight=w).requires_grad, F.batch_norm(x, rm, rv).shape)
""",
"kl_div_builds_its_graph_in_the_c_plus_plus_operands_order": """
F = torch.nn.functional
torch.manual_seed(0)
for dt in [torch.float32, torch.float16, torch.bfloat16, torch.float64]:
    for lt in [False, True]:
        x = torch.rand(3, 5).to(dt).requires_grad_()
        y = torch.rand(3, 5).to(dt).requires_grad_()
        for red in ['none', 'sum', 'batchmean']:
            r = F.kl_div(x, y, reduction=red, log_target=lt)
            g = torch.autograd.grad(r.sum(), (x, y), create_graph=True)
            print(dt, lt, red, r.tolist(), g[0].tolist(), g[1].tolist())
            gg = torch.autograd.grad(g[1].sum(), (x, y), allow_unused=True)
            print([None if a is None else a.tolist() for a in gg])
""",
"binary_cross_entropy_kernels_step_by_step_and_its_double_backward_formulas": """
F = torch.nn.functional
torch.manual_seed(3)
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    x = torch.rand(6, 7).to(dt)
    x[0, 0] = 0.; x[0, 1] = 1.; x[1, 0] = 1e-30
    x.requires_grad_()
    y = torch.rand(6, 7).to(dt).requires_grad_()
    w = torch.rand(7)
    for kw in [{}, {'weight': w.to(dt)}, {'weight': w}]:
        for red in ['none', 'mean', 'sum']:
            r = F.binary_cross_entropy(x, y, reduction=red, **kw)
            g, = torch.autograd.grad(r.sum(), x, create_graph=True)
            print(dt, red, r.tolist(), g.tolist())
            print([a.tolist() for a in torch.autograd.grad(g.sum(), (x, y))])
""",
"poisson_nll_loss_builds_its_graph_in_the_c_plus_plus_operands_order": """
F = torch.nn.functional
torch.manual_seed(5)
x = torch.randn(4, 5, dtype=torch.float64, requires_grad=True)
y = torch.rand(4, 5, dtype=torch.float64, requires_grad=True)
for red in ['none', 'mean', 'sum']:
    for f in [lambda: F.poisson_nll_loss(y, x.abs(), log_input=False, full=True, reduction=red),
              lambda: F.poisson_nll_loss(x, y * 3, full=True, reduction=red)]:
        r = f()
        gs = torch.autograd.grad(r.sum(), (x, y), create_graph=True)
        print(r.grad_fn.name(), r.tolist(), [g.tolist() for g in gs])
        print([g.tolist() for g in torch.autograd.grad(gs[0].sum() + gs[1].sum(), (x, y))])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held18b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
