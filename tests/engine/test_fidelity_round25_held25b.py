"""Classes of difference found by the twenty-fifth round's held-out programs on autograd core (held25b, issue 16),
one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"backward_inputs_given_twice_accumulate_once": """
x = torch.ones(3, requires_grad=True)
x.register_post_accumulate_grad_hook(lambda t: print('post', t.grad))
x.register_hook(lambda g: print('hook', g) or g)
(x * 2).sum().backward(inputs=[x, x])
print(x.grad)
y = x * 3
(y * 2).sum().backward(inputs=[y, x, y])
print(x.grad, y.grad)
torch.autograd.backward([(x * 4).sum()], inputs=(x, x))
print(x.grad)
""",
"grad_mode_contexts_read_their_mode_and_prev_as_pytorchs_attributes": """
def t(name, f):
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
t('im_kw', lambda: torch.inference_mode(mode=False).mode)
t('im_default', lambda: torch.inference_mode().mode)
t('sge_kw', lambda: torch.set_grad_enabled(mode=True).mode)
t('sge_prev', lambda: (torch.set_grad_enabled(False).prev, torch.set_grad_enabled(True).prev))
t('ng_prev', lambda: torch.no_grad().prev)
t('eg_prev', lambda: torch.enable_grad().prev)
ng = torch.no_grad()
with ng:
    print(ng.prev)
eg = torch.enable_grad()
with torch.no_grad():
    with eg:
        print(eg.prev, torch.is_grad_enabled())
with torch.no_grad():
    s = torch.set_grad_enabled(True)
print(s.prev, s.mode, torch.is_grad_enabled())
with s:
    pass
print(torch.is_grad_enabled())
torch.set_grad_enabled(True)
""",
"inference_operands_fail_as_saved_before_the_ops_own_checks": """
F = torch.nn.functional
def t(name, f):
    try:
        r = f()
        print(name, r.shape, r.grad_fn.name() if r.grad_fn is not None else None, r.is_inference(), r.requires_grad)
    except Exception as e:
        print(name, type(e).__name__, str(e)[:60])
with torch.inference_mode():
    xi = torch.rand(2, 3)
    x3 = torch.rand(1, 2, 5)
    big = torch.tensor([0, 9])
    t1 = torch.tensor([0, 1])
w = torch.rand(2, 3, requires_grad=True)
w1 = torch.rand(3, requires_grad=True)
t('conv_badch', lambda: F.conv1d(x3, torch.rand(3, 4, 2, requires_grad=True)))
t('conv_w_inf', lambda: F.conv1d(torch.rand(1, 4, 5, requires_grad=True), x3.view(2, 1, 5)[:, :, :2]))
t('conv_b_inf', lambda: F.conv1d(torch.rand(1, 2, 5), torch.rand(3, 2, 2, requires_grad=True), xi[0]))
t('conv_bad_dim', lambda: F.conv1d(x3.unsqueeze(0), torch.rand(3, 2, 2, requires_grad=True)))
t('layer_norm_bad', lambda: F.layer_norm(xi, (4,), torch.ones(4, requires_grad=True)))
t('layer_norm_inf_weight', lambda: F.layer_norm(w, (3,), xi[0]))
t('emb_bad', lambda: F.embedding(big, w))
t('emb_0d', lambda: F.embedding(t1, torch.tensor(1., requires_grad=True)))
t('nll_bad', lambda: F.nll_loss(w, big))
t('ce_bad', lambda: F.cross_entropy(w, big))
t('nll_ok', lambda: F.nll_loss(w, t1))
t('index_select_bad', lambda: w.index_select(0, big))
t('index_select_inf_self', lambda: xi.index_select(0, big[:1]) * w)
t('cross_bad', lambda: torch.linalg.cross(w, xi[:, :2]))
t('cross_other_grad', lambda: torch.linalg.cross(xi, w))
t('baddbmm_bad', lambda: torch.baddbmm(w1, xi.unsqueeze(0), torch.rand(1, 4, 3, requires_grad=True)))
t('baddbmm_self_inf', lambda: torch.baddbmm(xi, w.unsqueeze(0), torch.rand(1, 3, 3)))
t('matmul3_bad', lambda: xi.unsqueeze(0) @ torch.rand(1, 4, 3, requires_grad=True))
t('matmul_noinf_bad', lambda: torch.rand(2, 2, 3) @ torch.rand(2, 4, 2, requires_grad=True))
t('matmul1d2d_bad', lambda: xi[0] @ torch.rand(4, 2, requires_grad=True))
t('matmul1d2d_noinf_bad', lambda: torch.rand(3) @ torch.rand(4, 2, requires_grad=True))
with torch.inference_mode():
    idx_bad = torch.tensor([[5]])
    i7 = torch.tensor([7])
    cond = torch.rand(3, 3) > 0.5
t('gather', lambda: w.gather(1, idx_bad))
t('scatter', lambda: w.scatter(1, idx_bad, 1.))
t('scatter_reduce', lambda: w.scatter(1, idx_bad[:, :0], 2., reduce='add'))
t('take', lambda: w.take(i7))
t('index_copy', lambda: w.index_copy(0, i7, torch.ones(1, 3)))
t('index_fill', lambda: w.index_fill(0, i7, 1.))
t('put', lambda: w.put(i7, torch.ones(1)))
t('where_bad', lambda: torch.where(cond, w, 0.))
t('masked_select_bad', lambda: w.masked_select(cond))
t('addcmul_bad', lambda: torch.addcmul(w, xi[:, :2], w))
t('addcmul_self_grad_only', lambda: torch.addcmul(w, xi, xi))
t('bce_range', lambda: F.binary_cross_entropy(w * 3, xi))
t('addmv_bad', lambda: torch.addmv(torch.zeros(2), w, xi[0, :2]))
t('addr_bad', lambda: torch.addr(torch.zeros(3, 2), w1, xi[0, :1]))
t('grid_sample_bad', lambda: F.grid_sample(torch.rand(1, 2, 4, 4, requires_grad=True), xi.view(1, 1, 2, 3),
                                           align_corners=False))
with torch.no_grad():
    t('no_grad', lambda: F.conv1d(x3, torch.rand(3, 4, 2, requires_grad=True)))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round25_held25b_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
