"""Classes of difference found by the twenty-sixth round's held-out programs on tensor creation and
torch.nn.functional (held26g, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"nll_loss_and_cross_entropy_check_the_weights_dims_as_aten_does_per_path": """
torch.manual_seed(0)
for shp in [(2, 4), (4,), (2, 4, 3), (2, 4, 3, 2)]:
    x = torch.randn(shp)
    t = torch.zeros(shp[:1] + shp[2:], dtype=torch.long) if len(shp) > 1 else torch.tensor(1)
    for w in [torch.ones(4, 1), torch.ones(1, 4), torch.ones(3), torch.tensor(1.), torch.ones(2, 2)]:
        for f in [lambda: F.nll_loss(x, t, weight=w), lambda: F.cross_entropy(x, t, weight=w, label_smoothing=0.1),
                  lambda: F.cross_entropy(x, torch.rand(shp), weight=w)]:
            try:
                print(shp, w.shape, f())
            except Exception as e:
                print(shp, w.shape, type(e).__name__, e)
for t in [torch.rand(2, 4).long(), torch.rand(2, 4), torch.tensor([0, 1])]:
    for w in [None, torch.ones(3)]:
        try:
            print(F.cross_entropy(torch.randn(2, 4), t, weight=w, label_smoothing=1.5))
        except Exception as e:
            print(type(e).__name__, e)
x = torch.randn(2, 4, 3, requires_grad=True)
for r in ['mean', 'none']:
    l = F.nll_loss(x, torch.tensor([[0, 1, 3], [2, 2, 0]]), weight=torch.tensor([[1.], [2.], [3.], [4.]]), reduction=r)
    l.sum().backward()
    print(l, x.grad)
""",
"a_convolution_on_onednns_path_or_of_a_complex_input_checks_the_weights_and_biases_types_as_aten": """
def t(f, *a, **k):
    try:
        print(f(*a, **k).dtype)
    except Exception as e:
        print(type(e).__name__, e)
for dt in [torch.float32, torch.bfloat16, torch.float16, torch.complex64]:
    for wdt in [torch.float64, torch.complex128]:
        t(F.conv1d, torch.ones(2, 4, 7, dtype=dt), torch.ones(6, 2, 3, dtype=wdt), groups=2)
        t(F.conv2d, torch.ones(1, 3, 5, 5, dtype=dt), torch.ones(2, 3, 4, 4, dtype=wdt))
        t(F.conv2d, torch.ones(1, 3, 5, 5, dtype=dt), torch.ones(2, 3, 2, 2, dtype=wdt))
        t(F.conv2d, torch.ones(1, 3, 5, 5, dtype=dt), torch.ones(2, 2, 2, 2, dtype=wdt), stride=0)
        t(F.conv_transpose2d, torch.ones(2, 3, 5, 5, dtype=dt), torch.ones(3, 2, 2, 2, dtype=wdt))
        t(F.conv3d, torch.ones(2, 3, 3, 5, 5, dtype=dt), torch.ones(2, 3, 2, 2, 2, dtype=wdt))
    t(F.conv_transpose2d, torch.ones(2, 3, 5, 5, dtype=dt), torch.ones(3, 2, 2, 2, dtype=dt), torch.ones(2).double())
for n, g in [(1, 1), (2, 1), (1, 2)]:
    for dt in [torch.float32, torch.bfloat16, torch.float64]:
        t(F.conv1d, torch.ones(n, 4, 7, dtype=dt), torch.ones(4, 4 // g, 3, dtype=dt), groups=g, dilation=0)
        x, w = torch.ones(n, 4, 7, 7, dtype=dt), torch.ones(4, 4 // g, 3, 3, dtype=dt)
        t(F.conv2d, x, w.half(), groups=g, dilation=(1, 0))
        t(F.conv_transpose2d, x, w, groups=g, dilation=(0, 1))
        t(F.conv3d, x.unsqueeze(2), w.unsqueeze(2), groups=g, dilation=(1, 0, 1))
        t(F.conv1d, torch.ones(n, 4, 7, dtype=dt), torch.ones(4, 4 // g, 0, dtype=dt), groups=g)
""",
"complex_transposed_and_3d_convolutions_keep_the_imaginary_parts_and_their_gradients_conjugate": """
torch.manual_seed(0)
x = (torch.arange(10.) + 1j * torch.arange(10.).flip(0)).view(1, 2, 5)
w = (torch.arange(12.) - 3j).view(2, 3, 2)
print(F.conv_transpose1d(x, w))
print(F.conv_transpose2d(x.view(1, 2, 1, 5), w.view(2, 3, 1, 2)))
print(F.conv3d(x.view(1, 2, 1, 1, 5), w.view(2, 3, 1, 1, 2).transpose(0, 1).contiguous()[:, :2]))
for f, xs, ws in [(F.conv1d, (2, 2, 5), (3, 2, 2)), (F.conv_transpose1d, (1, 2, 3), (2, 3, 2))]:
    x = torch.randn(xs, dtype=torch.complex128, requires_grad=True)
    w = torch.randn(ws, dtype=torch.complex128, requires_grad=True)
    y = f(x, w)
    (y * torch.arange(float(y.numel())).view(y.shape)).abs().sum().backward()
    print(f.__name__, y.sum(), x.grad, w.grad)
""",
"interpolate_checks_its_scaled_sizes_as_int64_and_refuses_zero_channels_as_the_upsample_metas": """
def t(f, *a, **k):
    try:
        print(tuple(f(*a, **k).shape))
    except Exception as e:
        print(type(e).__name__, e)
for shp, modes in [((1, 0, 4), ['nearest', 'linear', 'area']), ((0, 2, 4), ['nearest', 'linear']),
                   ((1, 0, 4, 4), ['nearest-exact', 'bilinear', 'bicubic']),
                   ((1, 0, 2, 4, 4), ['nearest', 'trilinear']),
                   ((1, 0, 0, 4), ['nearest', 'bilinear'])]:
    for m in modes:
        t(F.interpolate, torch.ones(shp), scale_factor=2, mode=m)
t(F.interpolate, torch.ones(1, 0, 4, 4), size=3, mode='bilinear', antialias=True)
for sf in [float('inf'), float('nan'), -float('inf'), 1e30]:
    for m in ['nearest', 'bilinear', 'bicubic', 'area', 'nearest-exact']:
        t(F.interpolate, torch.ones(1, 1, 4, 4), scale_factor=sf, mode=m)
    t(F.interpolate, torch.ones(1, 1, 4), scale_factor=sf, mode='linear')
    t(F.interpolate, torch.ones(1, 1, 4, 4, 4), scale_factor=(1, sf, 1), mode='trilinear')
""",
"embedding_max_norm_takes_each_rows_norm_and_embedding_bag_names_a_bool_weight_as_aten": """
for dt in [torch.int64, torch.int32, torch.bool, torch.uint8, torch.float16]:
    for idx in [torch.tensor([1, 2]), torch.tensor([], dtype=torch.long)]:
        w = torch.ones(4, 3, dtype=dt)
        for f in [lambda: F.embedding(idx, w, max_norm=1.0),
                  lambda: F.embedding_bag(idx, w, torch.tensor([0]), max_norm=1.0)]:
            try:
                print(dt, f().shape, w.sum())
            except Exception as e:
                print(dt, type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round26_held26g_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
