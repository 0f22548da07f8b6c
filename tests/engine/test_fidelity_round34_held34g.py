"""Classes of difference found by the thirty-fourth round's held-out programs on tensor creation and
torch.nn.functional (held34g, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"forward_ad_of_composites_calling_scalar_ops_by_name_takes_the_whole_tangent": """
F = torch.nn.functional
fwAD = torch.autograd.forward_ad
torch.manual_seed(0)
x = torch.randn(4, 3, dtype=torch.float64)
y = torch.randn(4, 3, dtype=torch.float64)
t = torch.arange(12.).view(4, 3).cos().double()
cases = {'rms_norm': lambda x: F.rms_norm(x, (3,)), 'rms_norm_w': lambda x: F.rms_norm(x, (3,), weight=y[0]),
         'triplet': lambda x: F.triplet_margin_loss(x, y, y.flip(0)), 'triplet_swap': lambda x: F.triplet_margin_loss(x, y, y.flip(0), swap=True, reduction='none'),
         'margin_ranking': lambda x: F.margin_ranking_loss(x[:, 0], y[:, 0], torch.tensor([1., -1., 1., -1.]), margin=0.5),
         'cosine_embedding': lambda x: F.cosine_embedding_loss(x, y, torch.tensor([1, -1, 1, -1]), margin=0.1),
         'cross_entropy_ls': lambda x: F.cross_entropy(x, torch.tensor([0, 2, 1, 2]), label_smoothing=0.2),
         'cross_entropy_prob_ls': lambda x: F.cross_entropy(x, y.softmax(1), label_smoothing=0.2)}
for name, f in cases.items():
    with fwAD.dual_level():
        r = f(fwAD.make_dual(x, t))
        print(name, fwAD.unpack_dual(r).tangent)
    print(name, torch.func.jvp(f, (x,), (t,))[1])
""",
"forward_ad_of_interpolate_is_the_op_on_the_tangent_as_auto_linear": """
F = torch.nn.functional
fwAD = torch.autograd.forward_ad
torch.manual_seed(0)
x = torch.randn(1, 2, 4, 3, dtype=torch.float64)
t = torch.arange(24.).view(1, 2, 4, 3).cos().double()
cases = {'bilinear_aa': lambda x: F.interpolate(x, scale_factor=0.5, mode='bilinear', antialias=True),
         'bicubic_aa': lambda x: F.interpolate(x, size=(3, 2), mode='bicubic', antialias=True),
         'bilinear_aa_up': lambda x: F.interpolate(x, size=(5, 4), mode='bilinear', antialias=True, align_corners=True),
         'bilinear': lambda x: F.interpolate(x, scale_factor=0.5, mode='bilinear'),
         'nearest_exact': lambda x: F.interpolate(x, scale_factor=1.5, mode='nearest-exact'),
         'area': lambda x: F.interpolate(x, size=(3, 2), mode='area')}
for name, f in cases.items():
    with fwAD.dual_level():
        r = f(fwAD.make_dual(x, t))
        print(name, fwAD.unpack_dual(r).tangent)
""",
"forward_ad_refuses_the_ops_pytorch_has_no_formula_for": """
F = torch.nn.functional
fwAD = torch.autograd.forward_ad
torch.manual_seed(0)
x = torch.randn(4, 3)
t = torch.randn(4, 3)
img = torch.randn(1, 1, 4, 3)
cases = {'multi_margin': lambda x: F.multi_margin_loss(x, torch.tensor([0, 2, 1, 2])),
         'multilabel_margin': lambda x: F.multilabel_margin_loss(x, torch.tensor([[0, -1, 0], [1, 2, -1], [2, -1, 0], [0, 1, 2]])),
         'embedding_bag': lambda x: F.embedding_bag(torch.tensor([[0, 2], [1, 3]]), x),
         'pdist': lambda x: F.pdist(x),
         'ctc': lambda x: F.ctc_loss(x.log_softmax(1).view(4, 1, 3), torch.tensor([[1, 2]]), (4,), (2,)),
         'grid_sample_input': lambda x: F.grid_sample(x.view(1, 1, 4, 3), torch.zeros(1, 1, 1, 2), align_corners=False),
         'grid_sample_grid': lambda x: F.grid_sample(img, x[:2, :2].reshape(1, 1, 2, 2) * 0.5, align_corners=True),
         'grid_sample_3d': lambda x: F.grid_sample(x.view(1, 1, 2, 2, 3), torch.zeros(1, 1, 1, 2, 3), align_corners=True),
         'cdist': lambda x: torch.cdist(x, x + 1)}
for name, f in cases.items():
    try:
        with fwAD.dual_level():
            r = f(fwAD.make_dual(x, t))
            print(name, fwAD.unpack_dual(r).tangent)
    except Exception as e:
        print(name, type(e).__name__, e)
""",
"forward_ad_of_poisson_nll_loss_and_normalize_are_no_draws": """
F = torch.nn.functional
fwAD = torch.autograd.forward_ad
x = torch.tensor([0.5, 1.5, 2.0])
t = torch.tensor([1., -1., 0.5])
y = torch.tensor([1., 0., 3.])
for kw in [dict(log_input=False), dict(log_input=True), dict(log_input=False, full=True), dict(log_input=False, reduction='none')]:
    with fwAD.dual_level():
        r = F.poisson_nll_loss(fwAD.make_dual(x, t), y, **kw)
        print(kw, r, fwAD.unpack_dual(r).tangent)
    print(torch.func.jvp(lambda v: F.poisson_nll_loss(v, y, **kw), (x,), (t,))[1])
with fwAD.dual_level():
    r = F.normalize(fwAD.make_dual(x.view(1, 3), t.view(1, 3)), p=1)
    print(r, fwAD.unpack_dual(r).tangent)
""",
"forward_ad_through_layers_calling_functions_by_their_global_names": """
nn = torch.nn
fwAD = torch.autograd.forward_ad
torch.manual_seed(0)
x = torch.randn(2, 3, 4, 4)
t = torch.randn(2, 3, 4, 4)
y = torch.randn(2, 3, 4, 4)
layers = {'Upsample': nn.Upsample(scale_factor=0.5, mode='bilinear'), 'UpsamplingBilinear2d': nn.UpsamplingBilinear2d(scale_factor=2),
          'UpsamplingNearest2d': nn.UpsamplingNearest2d(size=3), 'Unfold': nn.Unfold(2), 'RMSNorm': nn.RMSNorm(4)}
for name, layer in layers.items():
    try:
        with fwAD.dual_level():
            r = layer(fwAD.make_dual(x, t))
            tan = fwAD.unpack_dual(r).tangent
            print(name, tan.shape, tan.flatten()[:5], tan.sum())
    except Exception as e:
        print(name, type(e).__name__, e)
for name, loss, args in [('TripletMarginLoss', nn.TripletMarginLoss(swap=True), (y[0], y[1])),
                         ('MultiMarginLoss', nn.MultiMarginLoss(), (torch.tensor([0, 1, 2, 3]),)),
                         ('MarginRankingLoss', nn.MarginRankingLoss(0.3), (y[0, 0], torch.ones(4, 4)))]:
    try:
        with fwAD.dual_level():
            r = loss(fwAD.make_dual(x[0, 0] if name != 'TripletMarginLoss' else x[0], t[0, 0] if name != 'TripletMarginLoss' else t[0]), *args)
            print(name, fwAD.unpack_dual(r).tangent)
    except Exception as e:
        print(name, type(e).__name__, e)
""",
"forward_ad_of_softmax_with_a_dtype_has_a_tangent_in_that_dtype": """
F = torch.nn.functional
fwAD = torch.autograd.forward_ad
x = torch.tensor([[1., 2., 0.5], [0., -1., 3.]])
t = torch.tensor([[0.5, -1., 2.], [1., 1., -0.5]])
for name, f in [('log_softmax64', lambda v: F.log_softmax(v, 1, dtype=torch.float64)), ('softmax64', lambda v: F.softmax(v, 0, dtype=torch.float64)),
                ('softmin64', lambda v: F.softmin(v, 1, dtype=torch.float64)), ('method', lambda v: v.log_softmax(1, dtype=torch.float64)),
                ('half', lambda v: torch.softmax(v.half(), 1, dtype=torch.float32))]:
    with fwAD.dual_level():
        r = f(fwAD.make_dual(x, t))
        tan = fwAD.unpack_dual(r).tangent
        print(name, r.dtype, tan.dtype, tan)
""",
"forward_ad_of_dropout_variants_that_return_their_input": """
nn = torch.nn
F = torch.nn.functional
fwAD = torch.autograd.forward_ad
x = torch.tensor([[[0.5, 1.5, 2.0]]])
t = torch.tensor([[[1., -1., 0.5]]])
for name, f in [('alpha_eval', lambda v: F.alpha_dropout(v, 0.5)), ('feature_alpha_eval', lambda v: F.feature_alpha_dropout(v, 0.5, False)),
                ('dropout1d_eval', lambda v: F.dropout1d(v, 0.5, False)), ('dropout2d_eval', lambda v: F.dropout2d(v[None], 0.5, False)),
                ('alpha_p0', lambda v: F.alpha_dropout(v, 0., True)), ('dropout1d_p0', lambda v: F.dropout1d(v, 0.)),
                ('AlphaDropout_eval', lambda v: nn.AlphaDropout(0.2).eval()(v)), ('Dropout1d_eval', lambda v: nn.Dropout1d(0.2).eval()(v))]:
    try:
        with fwAD.dual_level():
            r = f(fwAD.make_dual(x, t))
            print(name, fwAD.unpack_dual(r).tangent)
    except Exception as e:
        print(name, type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round34_held34g_class_prints_as_torch(name):
    # (forward AD and torch.func import modules whose torch.jit.script DeprecationWarnings no program's filter shows)
    same_as_torch(PROGRAMS[name], printed_only=True)
