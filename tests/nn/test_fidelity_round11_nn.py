"""Classes of difference found by the eleventh round's forum-style torch.nn / torch.optim programs, one
differential program each, run under torch and the engine: printed text, errors and warnings the same."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from nn_harness import same_as_torch  # noqa: E402

PROGRAMS = {
"embedding_max_norm_renormalises_the_rows_it_looks_up_in_place": """
w = torch.randn(6, 4, requires_grad=True)
o = F.embedding(torch.tensor([[1, 3, 1], [5, 0, 0]]), w, max_norm=1.5, norm_type=1)
print(w._version, o, w)
e = nn.Embedding(5, 4, max_norm=1.0)
before = e.weight.norm(dim=1).clone()
o2 = e(torch.tensor([1, 3]))
print(before, e.weight.norm(dim=1), o2.norm(dim=1), e.weight._version)
w2 = torch.ones(4, 2) * 0.1
F.embedding(torch.tensor([1, 2]), w2, max_norm=1.0)
print(w2._version)
h = torch.ones(4, 2, dtype=torch.float16) * 3
print(F.embedding(torch.tensor([1, 2]), h, max_norm=1.0), h._version)
d = torch.randn(5, 3, dtype=torch.float64)
F.embedding(torch.tensor([4, 0], dtype=torch.int32), d, max_norm=0.9, norm_type=3.0)
print(d)
print(torch.embedding_renorm_(torch.ones(3, 3), torch.tensor([0, 0, 2]), 1.0, 2.0))
bag = nn.EmbeddingBag(6, 3, max_norm=0.8, mode='sum')
out = bag(torch.tensor([[1, 2, 2], [4, 5, 1]]))
print(out, bag.weight.norm(dim=1), bag.weight._version)
out.sum().backward()
print(bag.weight.grad)
print(F.embedding_bag(torch.tensor([0, 3, 3, 5]), bag.weight, torch.tensor([0, 2]), max_norm=0.5, norm_type=1.0,
                      mode='max'))
for f in [lambda: F.embedding(torch.tensor([7]), w, max_norm=1.0), lambda: F.embedding(torch.tensor([1.]), w, max_norm=1.0),
          lambda: F.embedding(torch.tensor([1]), torch.ones(3), max_norm=1.0),
          lambda: torch.embedding_renorm_(torch.ones(4, 2, requires_grad=True), torch.tensor([0]), 1.0, 2.0)]:
    try:
        f()
    except Exception as err:  # noqa: BLE001 - IndexError, then RuntimeErrors
        print(err)
""",
"torch_load_gives_back_parameters_and_one_object_for_one_saved_object": """
import tempfile, os
path = os.path.join(tempfile.mkdtemp(), "ck.pt")
lin = nn.Linear(2, 2)
lin.bias.requires_grad_(False)
shared = [1, 2]
torch.save([lin.weight, lin.bias, lin.weight.data, {'w': lin.weight, 's': shared}, shared, lin.state_dict()], path)
a = torch.load(path)
print([type(t).__name__ for t in a[:3]], type(a[3]['w']).__name__, a[0] is a[3]['w'], a[3]['s'] is a[4])
print(a[0], a[1], a[2], a[5])
print(a[0]._version, a[2]._version, a[0].is_leaf, a[0].grad_fn, a[0].data_ptr() == a[2].data_ptr())
print(type(a[5]['weight']).__name__, a[5]['weight'].requires_grad)
a[0].sum().backward()
print(a[0].grad, lin.weight.grad)
torch.save(list(lin.parameters()), path)
print(torch.load(path))
""",
"parametrizations_orthogonal_with_its_three_maps": """
P = torch.nn.utils.parametrizations
for shape, kw in [((4, 4), {}), ((3, 5), {}), ((5, 3), {}), ((4, 4), {'orthogonal_map': 'cayley'}),
                  ((3, 5), {'orthogonal_map': 'householder'}), ((4, 4), {'orthogonal_map': 'householder'}),
                  ((5, 3), {'orthogonal_map': 'matrix_exp'}), ((5, 3), {'orthogonal_map': 'cayley'}),
                  ((3, 5), {'use_trivialization': False, 'orthogonal_map': 'householder'}),
                  ((4, 4), {'use_trivialization': False})]:
    lin = P.orthogonal(nn.Linear(shape[1], shape[0]), **kw)
    W = lin.weight
    print(shape, kw, type(lin).__name__, W.grad_fn is not None)
    print(W, lin.parametrizations.weight.original)
    print(lin.parametrizations.weight[0].orthogonal_map, hasattr(lin.parametrizations.weight[0], 'base'))
    lin(torch.randn(2, shape[1])).pow(2).sum().backward()
    if shape == (4, 4) or lin.parametrizations.weight[0].orthogonal_map.name != 'householder':  # (last digits of the
        # gradients of a non-square householder_product: its backward is the composite's, not ATen's formula)
        print(lin.parametrizations.weight.original.grad)
    print(sorted(lin.state_dict().keys()))
orth = P.orthogonal(nn.Linear(3, 3))
print(orth)
orth.weight = torch.tensor([[0., 1., 0.], [1., 0., 0.], [0., 0., 1.]])
print(orth.weight, orth.parametrizations.weight[0].base)
q = nn.Linear(2, 2)
with torch.no_grad():
    q.weight.copy_(torch.tensor([[0.6, -0.8], [0.8, 0.6]]))
print(P.orthogonal(q).parametrizations.weight[0].base)
conv = P.orthogonal(nn.Conv1d(2, 2, 3))
print(conv.weight.shape, conv.weight)
for f in [lambda: P.orthogonal(nn.Linear(3, 3), orthogonal_map='qr'), lambda: P.orthogonal(nn.BatchNorm1d(3)),
          lambda: P.orthogonal(nn.Linear(3, 3), 'bias'), lambda: setattr(orth, 'weight', torch.eye(2))]:
    try:
        f()
    except ValueError as e:
        print(e)
""",
"prune_methods_masks_hooks_and_remove": """
prune = nn.utils.prune
conv = nn.Conv2d(1, 3, 2)
lin = nn.Linear(4, 3)
prune.random_unstructured(conv, name="weight", amount=0.3)
print([n for n, _ in conv.named_parameters()], [n for n, _ in conv.named_buffers()])
print(conv.weight_mask)
print(conv.weight)
print([type(h).__name__ for h in conv._forward_pre_hooks.values()])
prune.l1_unstructured(conv, name="bias", amount=1)
print(conv.bias, conv.bias_mask)
prune.ln_structured(lin, name="weight", amount=0.5, n=2, dim=0)
print(lin.weight)
prune.random_structured(lin, name="weight", amount=1, dim=1)
print(lin.weight_mask)
hook = list(lin._forward_pre_hooks.values())[0]
print(type(hook).__name__, len(hook), [type(m).__name__ for m in hook])
print(list(lin.state_dict().keys()))
x = torch.randn(2, 4)
y = lin(x)
y.sum().backward()
print(lin.weight_orig.grad)
print(prune.is_pruned(lin), prune.is_pruned(nn.Linear(1, 1)))
prune.remove(lin, 'weight')
print([n for n, _ in lin.named_parameters()], lin.weight, type(lin.weight).__name__)
model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
params = ((model[0], 'weight'), (model[2], 'weight'))
prune.global_unstructured(params, pruning_method=prune.L1Unstructured, amount=0.4)
print(model[0].weight, model[2].weight)
print(float(torch.sum(model[0].weight == 0) + torch.sum(model[2].weight == 0)) / (12 + 8))
prune.custom_from_mask(model[0], 'bias', mask=torch.tensor([0, 1, 0, 1]))
print(model[0].bias)
print(model)
for f in [lambda: prune.l1_unstructured(nn.Linear(2, 2), 'weight', amount=1.5),
          lambda: prune.l1_unstructured(nn.Linear(2, 2), 'weight', amount=5),
          lambda: prune.ln_structured(nn.Linear(2, 2), 'bias', amount=1, n=1, dim=0),
          lambda: prune.remove(nn.Linear(2, 2), 'weight'),
          lambda: prune.l1_unstructured(nn.Linear(2, 2), 'weight', amount='a')]:
    try:
        f()
    except Exception as e:  # noqa: BLE001 - ValueErrors and a TypeError
        print(type(e).__name__, e)
""",
"prune_a_programs_own_method_then_train": """
prune = nn.utils.prune
class ThresholdPrune(prune.BasePruningMethod):
    PRUNING_TYPE = "unstructured"
    def __init__(self, threshold):
        self.threshold = threshold
    def compute_mask(self, t, default_mask):
        return default_mask * (t.abs() > self.threshold)
def threshold_prune(module, name, threshold):
    ThresholdPrune.apply(module, name, threshold=threshold)
    return module
m = nn.Linear(3, 2)
threshold_prune(m, 'weight', 0.3)
print(m.weight, m.weight_mask)
prune.l1_unstructured(m, 'weight', amount=0.5)
print(m.weight_mask, [type(h).__name__ for h in m._forward_pre_hooks.values()])
for _ in range(2):
    m.zero_grad()
    m(torch.ones(4, 3)).pow(2).sum().backward()
    with torch.no_grad():
        for p in m.parameters():
            p -= 0.5 * p.grad
print(m.weight, m.weight_orig)
prune.remove(m, 'weight')
print(m.state_dict())
print(prune.L1Unstructured(amount=2).prune(torch.tensor([3., -1., 2., 0.5])))
""",
"clip_grad_norm_without_underscore_warns_and_clips": """
m = nn.Linear(2, 2)
m(torch.ones(3, 2)).sum().backward()
print(nn.utils.clip_grad_norm(m.parameters(), 1.0, norm_type=1))
print(m.weight.grad, m.bias.grad)
""",
"batch_norm_checks_each_statistic_and_affine_length_against_the_channels": """
bn = nn.BatchNorm2d(3)
for x in [torch.randn(2, 4, 2, 2), torch.randn(2, 2, 2, 2)]:
    for mode in ['train', 'eval']:
        getattr(bn, mode)()
        try:
            bn(x)
        except RuntimeError as e:
            print(mode, e)
bn2 = nn.BatchNorm1d(3, track_running_stats=False)
try:
    bn2(torch.randn(4, 5))
except RuntimeError as e:
    print(e)
bn3 = nn.BatchNorm1d(3, affine=False)
try:
    bn3(torch.randn(4, 5))
except RuntimeError as e:
    print(e)
try:
    F.batch_norm(torch.randn(4, 3), torch.zeros(3), torch.ones(3), weight=torch.ones(2))
except RuntimeError as e:
    print(e)
try:
    F.batch_norm(torch.randn(4, 3), torch.zeros(3), torch.ones(2))
except RuntimeError as e:
    print(e)
try:
    F.batch_norm(torch.randn(4, 3), torch.zeros(3), torch.ones(3), bias=torch.ones(4), training=True)
except RuntimeError as e:
    print(e)
try:
    F.batch_norm(torch.randn(4, 3), None, None, weight=torch.ones(4), training=True)
except RuntimeError as e:
    print(e)
try:
    F.instance_norm(torch.randn(2, 3, 4), weight=torch.ones(2))
except RuntimeError as e:
    print(e)
try:
    F.group_norm(torch.randn(2, 4, 4), 2, weight=torch.ones(3))
except RuntimeError as e:
    print(e)
try:
    F.layer_norm(torch.randn(2, 4), (4,), weight=torch.ones(3))
except RuntimeError as e:
    print(e)
for args in [dict(running_mean=None, running_var=torch.ones(3)), dict(running_mean=torch.zeros(3), running_var=None),
             dict(running_mean=None, running_var=None, weight=torch.ones(2), training=True)]:
    try:
        print(F.batch_norm(torch.randn(4, 3), **args))
    except RuntimeError as e:
        print(e)
print(F.batch_norm(torch.randn(0, 3), torch.zeros(2), torch.ones(2)))
w = torch.tensor([2., 3.], requires_grad=True)
y = F.batch_norm(torch.randn(0, 2, 3), torch.zeros(2), torch.ones(2), w, torch.ones(2), training=True)
print(y, y.grad_fn.name())
bn = torch.nn.BatchNorm1d(2)
print(bn(torch.randn(0, 2)), bn.num_batches_tracked, bn.running_mean)
try:
    print(F.batch_norm(torch.randn(0, 3), None, None))
except RuntimeError as e:
    print(e)
""",
"adaptive_pool_sizes_upsample_empty_sizes_and_bce_weight_broadcast_are_atens_errors": """
tests = [
    lambda: F.adaptive_avg_pool2d(torch.randn(1, 1, 4, 4), (2, 2, 2)),
    lambda: F.adaptive_max_pool2d(torch.randn(1, 1, 4, 4), (2, 2, 2)),
    lambda: F.adaptive_avg_pool1d(torch.randn(1, 1, 4), (2, 2)),
    lambda: F.adaptive_max_pool1d(torch.randn(1, 1, 4), (2, 2)),
    lambda: F.adaptive_avg_pool3d(torch.randn(1, 1, 4, 4, 4), (2, 2)),
    lambda: F.adaptive_max_pool3d(torch.randn(1, 1, 4, 4, 4), (2, 2)),
    lambda: F.adaptive_avg_pool2d(torch.randn(1, 1, 4, 4), (2,)),
    lambda: F.interpolate(torch.randn(1, 1, 4, 4), scale_factor=0.0),
    lambda: F.interpolate(torch.randn(1, 1, 4), scale_factor=0.1),
    lambda: F.interpolate(torch.randn(1, 1, 4, 4), scale_factor=0.1, mode='bilinear'),
    lambda: F.interpolate(torch.randn(1, 1, 4, 4, 4), scale_factor=0.1, mode='trilinear'),
    lambda: F.interpolate(torch.randn(1, 1, 4, 4), size=(0, 3), mode='bicubic'),
    lambda: F.interpolate(torch.randn(1, 1, 4, 4), size=(0, 3), mode='nearest-exact'),
    lambda: F.interpolate(torch.randn(1, 1, 4, 4), size=(2, 0), mode='area'),
    lambda: F.interpolate(torch.randn(1, 1, 4), size=0, mode='linear'),
    lambda: F.binary_cross_entropy(torch.rand(3, 2), torch.rand(3, 2), weight=torch.ones(3)),
    lambda: F.binary_cross_entropy(torch.rand(3, 2), torch.rand(3, 2), weight=torch.ones(1, 2, 1)),
    lambda: F.binary_cross_entropy(torch.rand(3, 2), torch.rand(3, 2), weight=torch.ones(3, 1)),
]
for i, t in enumerate(tests):
    try:
        r = t()
        print(i, 'ok', tuple(r.shape) if hasattr(r, 'shape') else r)
    except Exception as e:
        print(i, type(e).__name__, e)
""",
"embedding_bag_offsets_errors_stream_the_offset_as_atens_tensor": """
w = torch.randn(5, 2)
for i, o in [(torch.tensor([1, 2]), torch.tensor([1, 0])), (torch.tensor([1, 2], dtype=torch.int32), torch.tensor([1, 0], dtype=torch.int32)),
             (torch.tensor([1, 2]), torch.tensor([0, 3])), (torch.tensor([1, 2]), torch.tensor([0, 1, 3])), (torch.tensor([1, 2]), torch.tensor([0, 1, 3]))]:
    try:
        print(F.embedding_bag(i, w, o))
    except Exception as e:
        print(repr(str(e)))
try:
    F.embedding_bag(torch.tensor([1, 2]), w, torch.tensor([0, 1, 3]), include_last_offset=True)
except Exception as e:
    print(repr(str(e)))
""",
"ctc_loss_forward_backward_as_atens_cpu_kernel": """
T, N, C, S = 12, 3, 6, 4
log_probs = torch.randn(T, N, C).log_softmax(2).detach().requires_grad_()
targets = torch.randint(1, C, (N, S), dtype=torch.long)
input_lengths = torch.full((N,), T, dtype=torch.long)
target_lengths = torch.tensor([4, 2, 3])
ctc = nn.CTCLoss()
print(ctc)
loss = ctc(log_probs, targets, input_lengths, target_lengths)
print(loss, loss.grad_fn.name())
loss.backward()
print(log_probs.grad[0], log_probs.grad[-1])
print(log_probs.grad.sum(), log_probs.grad.abs().max())
for red in ['none', 'sum']:
    l = F.ctc_loss(log_probs, targets, [12, 10, 7], [4, 2, 3], reduction=red)
    print(l, l.grad_fn.name())
l = F.ctc_loss(log_probs, targets, [12, 10, 7], [4, 2, 3], reduction='none')
print(l.grad_fn._saved_input_lengths, l.grad_fn._saved_blank, l.grad_fn._saved_result0, l.grad_fn._saved_zero_infinity)
g, = torch.autograd.grad(l.sum(), log_probs)
print(g[7:9, 2], g[11, 1])
flat = torch.cat([targets[0, :4], targets[1, :2], targets[2, :3]])
l2 = F.ctc_loss(log_probs, flat, input_lengths, target_lengths, reduction='none')
print(l2)
lp2 = torch.randn(5, 2, 4, dtype=torch.float64).log_softmax(2).requires_grad_()
t2 = torch.tensor([[1, 1, 1], [2, 3, 0]])
l3 = F.ctc_loss(lp2, t2, [5, 5], [3, 2], blank=0, reduction='none')
print(l3)
l4 = F.ctc_loss(lp2, t2, [2, 5], [3, 2], blank=0, reduction='mean', zero_infinity=True)
print(l4, l4.grad_fn.name())
l4.backward()
print(lp2.grad[:, 0])
u = torch.randn(6, 5).log_softmax(1).requires_grad_()
l5 = F.ctc_loss(u, torch.tensor([1, 2]), [6], [2], reduction='none')
print(l5, l5.grad_fn.name())
l6 = F.ctc_loss(log_probs, targets, [0, 10, 7], [0, 0, 3], blank=5, reduction='none')
print(l6)
l6.sum().backward()
for f in [lambda: F.ctc_loss(log_probs, targets, [12, 13, 7], [4, 2, 3]), lambda: F.ctc_loss(log_probs, targets, [12, 10], [4, 2, 3]),
          lambda: F.ctc_loss(log_probs, targets, [12, 10, 7], [4, 5, 3]), lambda: F.ctc_loss(log_probs, targets, [12, 10, 7], [4, 2, 3], blank=6),
          lambda: F.ctc_loss(log_probs, flat[:-1], input_lengths, target_lengths), lambda: F.ctc_loss(log_probs.half(), targets, input_lengths, target_lengths),
          lambda: F.ctc_loss(log_probs, targets, input_lengths.float(), target_lengths), lambda: F.ctc_loss(log_probs, targets, [12, 10, 7], [4, -1, 3]),
          lambda: F.ctc_loss(log_probs, targets.unsqueeze(0), input_lengths, target_lengths), lambda: F.ctc_loss(log_probs, targets, input_lengths, target_lengths, reduction='avg')]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
""",
"ctc_loss_bit_for_bit_on_random_batches": """
bad = 0
for seed in range(2):
    torch.manual_seed(seed)
    T, N, C, S = 30, 4, 8, 6
    for dt in [torch.float32, torch.float64]:
        lp = (torch.randn(T, N, C, dtype=dt) * 3).log_softmax(2).requires_grad_()
        tg = torch.randint(1, C, (N, S))
        il = torch.randint(S * 2, T + 1, (N,))
        tl = torch.randint(1, S + 1, (N,))
        l = F.ctc_loss(lp, tg, il, tl, reduction='sum')
        l.backward()
        print(seed, dt, l.item(), lp.grad.abs().sum().item())
        print(lp.grad.flatten().tolist()[::37])
""",
"torch_ctc_loss_overloads_and_its_parsed_default_reduction": """
lp = torch.randn(5, 2, 4).log_softmax(2)
for args in [(lp, torch.tensor([[1, 2], [1, 1]]), [5, 5], [2, 2], 0, 1, False), (lp, torch.tensor([[1, 2], [1, 1]]), (5, 5), (2, 2)),
             (lp, torch.tensor([[1, 2], [1, 1]]), torch.tensor([5, 5]), [2, 2]), ('x', 1, 2, 3), (lp, torch.tensor([[1, 2], [1, 1]]), [5, 5], [2, 2], 0, 'mean')]:
    try:
        print(torch.ctc_loss(*args))
    except Exception as e:
        print(type(e).__name__, e)
t = torch.tensor([[1, 2], [1, 1]])
print(torch.ctc_loss(lp, t, torch.tensor([5, 5]), torch.tensor([2, 2])), torch.ctc_loss(lp, t, [5, 5], [2, 2], 0, 2), torch.ctc_loss(lp, t, [5, 5], [2, 2], blank=0, zero_infinity=True))
""",
"fuse_conv_and_linear_with_eval_batch_norm_and_stateless_functional_call": """
fuse_conv_bn_eval, fuse_linear_bn_eval = nn.utils.fusion.fuse_conv_bn_eval, nn.utils.fusion.fuse_linear_bn_eval
stateless = nn.utils.stateless
conv = nn.Conv2d(2, 3, 3, bias=False)
bn = nn.BatchNorm2d(3)
x = torch.randn(4, 2, 6, 6)
bn(conv(x))
conv.eval(); bn.eval()
fused = fuse_conv_bn_eval(conv, bn)
print(fused, fused.weight.shape, fused.bias)
ref = bn(conv(x))
out = fused(x)
print(torch.allclose(ref, out, atol=1e-6), (ref - out).abs().max() < 1e-5)
print(fused.weight[0, 0])
ct = nn.ConvTranspose2d(3, 2, 2).eval()
bn2 = nn.BatchNorm2d(2).eval()
bn2.running_mean.fill_(0.5)
f2 = fuse_conv_bn_eval(ct, bn2, transpose=True)
print(f2.bias, f2.weight.requires_grad)
lin = nn.Linear(3, 2).eval()
bn1 = nn.BatchNorm1d(2, affine=False).eval()
bn1.running_var.fill_(4.0)
fl = fuse_linear_bn_eval(lin, bn1) if False else None
try:
    fuse_linear_bn_eval(lin, bn1)
except Exception as e:
    print(type(e).__name__, e)
fl = nn.utils.fuse_linear_bn_eval(lin, nn.BatchNorm1d(2).eval())
print(fl.weight, fl.bias)
try:
    fuse_conv_bn_eval(nn.Conv2d(1, 1, 1), nn.BatchNorm2d(1))
except AssertionError as e:
    print(e)
m = nn.Linear(2, 1)
print(stateless.functional_call(m, {'weight': torch.ones(1, 2)}, (torch.ones(1, 2),)))
print(m.weight.shape)
""",
"float16_addmm_adds_the_bias_in_float_and_rounds_once": """
for n, k, m in [(1, 1, 1), (5, 7, 3), (33, 17, 9), (64, 130, 2)]:
    x = torch.randn(n, k).half()
    w = torch.randn(m, k).half()
    b = torch.randn(m).half()
    print(torch.addmm(b, x, w.t()).flatten().tolist()[:8])
    print(torch.addmm(b, x, w.t(), beta=0.25, alpha=-1.5).flatten().tolist()[:8])
    print(torch.addmm(b, x, w.t(), beta=0).flatten().tolist()[:8])
    print(torch.nn.functional.linear(x, w, b).flatten().tolist()[-8:])
    xr = x.detach().requires_grad_()
    wr = w.detach().requires_grad_()
    out = torch.nn.functional.linear(xr, wr, b)
    out.sum().backward()
    print(out.grad_fn.name(), xr.grad.flatten().tolist()[:4], wr.grad.flatten().tolist()[:4])
    print(torch.addmm(b.float(), x.float(), w.t().float()).flatten().tolist()[:3])
for dt in [torch.float16, torch.bfloat16]:
    for (n, k, m) in [(1, 2, 2), (3, 5, 4), (8, 16, 7), (4, 64, 3), (2, 300, 5)]:
        lin = torch.nn.Linear(k, m).to(dt)
        x = torch.randn(n, k).to(dt)
        y = lin(x)
        z = torch.addmm(lin.bias, x, lin.weight.t(), beta=0.5, alpha=2)
        w = x @ lin.weight.t()
        print(dt, n, k, m, y.flatten().tolist()[:6], z.flatten().tolist()[:4], w.flatten().tolist()[:4])
        x3 = torch.randn(2, n, k).to(dt)
        print(lin(x3).flatten().tolist()[:4])
""",
"module_extra_state_and_state_dict_hooks": """
class Old(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
class New(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(2, 2)
        self.register_load_state_dict_pre_hook(self._rename)
        self.steps = 0
    def _rename(self, module, state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys, error_msgs):
        for k in list(state_dict.keys()):
            if k.startswith(prefix + 'fc.'):
                state_dict[prefix + 'proj.' + k[len(prefix) + 3:]] = state_dict.pop(k)
        print('pre', repr(prefix), local_metadata, strict)
    def get_extra_state(self):
        return self.steps
    def set_extra_state(self, s):
        self.steps = s
sd = Old().state_dict()
n = New()
print(n.load_state_dict(sd, strict=False))
print(torch.equal(n.proj.weight, sd['fc.weight']))
def clear(module, keys):
    keys.missing_keys.clear()
n.register_load_state_dict_post_hook(clear)
print(n.load_state_dict(sd))
outer = nn.Sequential(New())
outer[0].steps = 7
print(list(outer.state_dict().keys()), outer.state_dict()['0._extra_state'])
outer.register_state_dict_post_hook(lambda m, sd, prefix, meta: sd.update({'tag': prefix}))
outer.register_state_dict_pre_hook(lambda m, prefix, kv: print('sd pre', repr(prefix), kv))
print(list(outer.state_dict(prefix='p.').keys()))
outer2 = nn.Sequential(nn.Linear(1, 1))
outer2.register_state_dict_post_hook(lambda m, sd, prefix, meta: sd)
try:
    outer2.state_dict()
except RuntimeError as e:
    print(e)
outer2.register_load_state_dict_post_hook(lambda m, k: 1)
try:
    outer2.load_state_dict({'0.weight': torch.ones(1, 1), '0.bias': torch.ones(1)})
except AssertionError as e:
    print(e)
try:
    nn.Linear(1, 1).load_state_dict({'weight': torch.ones(1, 1), 'bias': torch.ones(1), '_extra_state': 3})
except RuntimeError as e:
    print(e)
try:
    nn.Linear(1, 1).get_extra_state()
except RuntimeError as e:
    print(e)
class Stateful(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(2, 2)
        self.counter = 0
    def get_extra_state(self):
        return {'counter': self.counter}
    def set_extra_state(self, state):
        self.counter = state['counter']
    def forward(self, x):
        self.counter += 1
        return self.lin(x)
m = Stateful()
m(torch.ones(1, 2)); m(torch.ones(1, 2))
sd = m.state_dict()
print(list(sd.keys()), sd['_extra_state'])
m2 = Stateful()
print(m2.load_state_dict(sd), m2.counter)
sd.pop('_extra_state')
try:
    m2.load_state_dict(sd)
except RuntimeError as e:
    print(e)
def post(module, incompatible):
    print('post hook', incompatible)
m2.register_load_state_dict_post_hook(post)
m2.load_state_dict(sd, strict=False)
h = m2.register_state_dict_pre_hook(lambda mod, prefix, keep_vars: print('pre', repr(prefix), keep_vars))
print(list(m2.state_dict(prefix='z.').keys()))
""",
"set_submodule_cuda_to_empty_and_unpad_sequence": """
m = nn.Sequential(nn.Linear(2, 2), nn.Sequential(nn.ReLU(), nn.Linear(2, 1)))
m.set_submodule('1.0', nn.Tanh())
print(m)
m.set_submodule('2', nn.Sigmoid())
print(m)
for args in [('', nn.ReLU()), ('0', 3), ('1.5', nn.ReLU(), True), ('0.weight', nn.ReLU()), ('9.x', nn.ReLU())]:
    try:
        m.set_submodule(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    m.cuda()
except Exception as e:  # noqa: BLE001 - an AssertionError
    print(e)
e = nn.Linear(2, 2).to_empty(device='cpu')
print(e.weight.shape, type(e.weight).__name__, e.weight.requires_grad)
padded = torch.arange(12.).view(3, 2, 2)
out = nn.utils.rnn.unpad_sequence(padded, torch.tensor([3, 1]))
print(out, padded.shape)
try:
    nn.utils.rnn.unpad_sequence(torch.zeros(2, 3), torch.tensor([2, 1]))
except ValueError as e:
    print(e)
x = torch.randn(2, 3, 2, requires_grad=True)
seqs = nn.utils.rnn.unpad_sequence(x, torch.tensor([3, 1]), batch_first=True)
print(seqs[1], seqs[0].grad_fn.name())
""",
"embedding_bag_from_pretrained": """
emb = nn.EmbeddingBag(10, 3, mode='mean', padding_idx=2)
inp = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
off = torch.tensor([0, 4])
print(emb(inp, off))
psw = torch.rand(8)
emb2 = nn.EmbeddingBag(10, 3, mode='sum')
print(emb2(inp, off, per_sample_weights=psw))
out = emb2(inp, off, per_sample_weights=psw.requires_grad_())
out.sum().backward()
print(psw.grad)
print(nn.EmbeddingBag(10, 3, mode='max')(inp.view(2, 4)))
print(nn.EmbeddingBag.from_pretrained(torch.eye(4), mode='sum')(torch.tensor([[0, 1], [2, 3]])))
bag = nn.EmbeddingBag.from_pretrained(torch.arange(8.).view(4, 2), freeze=False, mode='max', padding_idx=1)
print(bag, bag.weight.requires_grad)
o = bag(torch.tensor([0, 1, 3, 2]), torch.tensor([0, 2]))
o.sum().backward()
print(o, bag.weight.grad)
try:
    nn.EmbeddingBag.from_pretrained(torch.ones(3))
except Exception as e:  # noqa: BLE001 - an AssertionError
    print(e)
""",
"lp_pool3d_and_its_module": """
x = torch.randn(1, 2, 4, 4, 4, requires_grad=True)
m = nn.LPPool3d(2, 2)
print(m, nn.LPPool3d(1.5, (2, 1, 2), stride=(1, 2, 1), ceil_mode=True))
y = m(x)
print(y.shape, y[0, 0, 0])
y.sum().backward()
print(x.grad[0, 0, 0])
print(F.lp_pool3d(x.abs(), 1.5, (2, 1, 2), stride=(1, 2, 1), ceil_mode=True).shape)
print(F.lp_pool3d(x, float('inf'), 2)[0, 1, 1])
print(F.lp_pool2d(x[0], 3, 2)[0])
print(nn.LPPool2d(2, (2, 1))(x[0, :, 0]))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round11_nn_class_prints_as_torch(name):
    for module in ("prune", "fusion", "stateless"):  # (torch loads them on import; the programs read nn.utils.<name>)
        pytest.importorskip(f"torch.nn.utils.{module}")
    same_as_torch(PROGRAMS[name])
