"""Classes of difference found by the thirty-third round's held-out programs on reductions and special functions
(held33e, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"median_of_all_elements_picks_between_equal_zeros_as_nth_element_does": """
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    for vals in [[float('nan'), float('inf'), -float('inf'), 0., -0., 1.5e-7, 123456.7], [0., -0.], [-0., 0.],
                 [-0., 0., -0., 0., 0.], [0., -0., 0., -0., 1., -0., 0., 0., -0., -1., 0., -0.],
                 [float('nan'), -0., 0., 0., float('nan'), -0.],
                 [3., 0., -0., -0., 0., 2., -2., 0., -0., 0., 0., -0., 0., -0., 0., 5., 0., -0.]]:
        t = torch.tensor(vals, dtype=dt)
        print(t.median(), t.nanmedian(), t.median(0).values, t.nanmedian(0), t.view(2, -1).median(1) if len(vals) % 2 == 0 else '')
""",
"inplace_geometry_nodes_expose_what_pytorch_saves": """
x0 = torch.ones(2, 1, 3, requires_grad=True)
cases = {'sq': lambda y: y.squeeze_(), 'sq1': lambda y: y.squeeze_(1), 'sqn': lambda y: y.squeeze_(-2),
         'sqt': lambda y: y.squeeze_((1, -1)), 'usq': lambda y: y.unsqueeze_(-1), 'usq0': lambda y: y.unsqueeze_(0),
         'tr': lambda y: y.transpose_(0, -1), 'tr2': lambda y: y.transpose_(-3, 1), 't': lambda y: y.squeeze_(1).t_(),
         'as': lambda y: y.as_strided_((3,), (2,), 1), 'as0': lambda y: y.as_strided_((2, 2), (1, 2)),
         'swap': lambda y: y.swapdims_(0, 2), 'swapax': lambda y: y.swapaxes_(0, 1),
         'quantile': lambda y: torch.quantile(y, 0.3), 'quantile_q': lambda y: torch.quantile(y, torch.tensor([0.2, 0.7]), dim=2),
         'nanquantile': lambda y: torch.nanquantile(y, 0.5, dim=0, keepdim=True)}
for n, f in cases.items():
    r = f(x0.clone())
    gf = r.grad_fn
    print(n, type(gf).__name__, gf.name(), r.shape)
    for a in sorted(a for a in dir(gf) if a.startswith('_saved_')):
        print('   ', a, getattr(gf, a))
    print(torch.autograd.grad(r.sum(), x0)[0].shape)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round33_held33e_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
