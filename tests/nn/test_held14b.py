"""Classes of difference found by the fourteenth round's held-out torch.nn programs (held14b): torch.autocast on
CPU (its API, the ops of its lower-precision, float32 and promote lists, the weight cache), torch.nn.modules.module's
global hooks, scaled_dot_product_attention and the norms on half/bfloat16 inputs (the mixed-type kernels autocast
reaches). One program each, run in torch and in the language: printed text, the error line and warnings the same."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / "lang"))
sys.path.insert(0, str(Path(__file__).parent.parent / "engine"))
from test_torch_programs import assert_prints_as_torch  # noqa: E402

pytest.importorskip("torch")

PROGRAMS = {
"autocast_runs_the_lower_precision_list_in_bfloat16": """
import torch.nn.functional as F
torch.manual_seed(0)
x = torch.randn(4, 4)
d = x.double()
with torch.autocast('cpu'):
    print(torch.mm(x, x).dtype, (x @ x).dtype, torch.bmm(x[None], x[None]).dtype, torch.addmm(x, x, x).dtype)
    print(torch.baddbmm(x[None], x[None], x[None]).dtype, torch.addbmm(x, x[None], x[None]).dtype)
    print(F.linear(x, x).dtype, F.conv1d(x[None], x[:, :, None]).dtype, F.conv_transpose1d(x[None], x[:, :, None]).dtype)
    print(F.prelu(x, x[0, :1]).dtype, F.scaled_dot_product_attention(x[None], x[None], x[None]).dtype)
    print(torch.linalg.vecdot(x, x).dtype, torch.einsum('ij,jk->ik', x, x).dtype, torch.mv(x, x[0]).dtype)
    print(torch.mm(d, d).dtype, torch.mm(x.half(), x.half()).dtype, (torch.arange(4).view(2, 2) @ torch.arange(4).view(2, 2)).dtype)
    print(x.relu().dtype, x.exp().dtype, (x @ x).softmax(-1).dtype, (x @ x).sum().dtype)
    y = x @ x
print(y)
with torch.autocast('cpu', dtype=torch.float16):
    print(torch.mm(x, x))
""",
"autocast_runs_the_float32_list_in_float32_and_promotes_index_copy": """
import torch.nn.functional as F
torch.manual_seed(0)
b = torch.randn(4, 4).bfloat16()
i = torch.tensor([0, 1, 2, 3])
with torch.autocast('cpu'):
    print(F.mse_loss(b, b).dtype, F.cross_entropy(b, i).dtype, F.nll_loss(b, i).dtype, F.l1_loss(b, b).dtype)
    print(F.binary_cross_entropy_with_logits(b, b).dtype, F.smooth_l1_loss(b, b).dtype, F.huber_loss(b, b).dtype)
    print(F.margin_ranking_loss(b[0], b[1], b[2]).dtype, F.soft_margin_loss(b, b).dtype, F.multi_margin_loss(b, i).dtype)
    print(F.gaussian_nll_loss(b, b, b.abs()).dtype, F.multilabel_soft_margin_loss(b, b).dtype)
    print(b.prod().dtype, torch.trace(b).dtype, torch.cdist(b, b).dtype, b.sum().dtype, torch.linalg.norm(b).dtype)
    print(F.pad(b[None], (1, 1), mode='reflect').dtype, F.pad(b[None], (1, 1), mode='replicate').dtype,
          F.pad(b[None], (1, 1), mode='circular').dtype, F.pad(b, (1, 1)).dtype)
    print(F.adaptive_avg_pool3d(b[None, None], 1).dtype, F.adaptive_avg_pool2d(b[None], 1).dtype)
    print(b.index_copy(0, i, b.float()).dtype)
    loss = F.cross_entropy(torch.randn(3, 4) @ torch.eye(4), torch.tensor([0, 1, 2]), label_smoothing=0.1)
print(loss, loss.grad_fn)
with torch.autocast('cpu'):
    b.double().index_copy(0, i, b.float())
""",
"autocast_casts_are_to_copy_nodes_and_the_weight_cast_is_cached": """
torch.manual_seed(0)
lin = nn.Linear(3, 2)
x = torch.randn(4, 3, requires_grad=True)
with torch.autocast('cpu'):
    y, y2 = lin(x), lin(x)
    print([n[0].name() for n in y.grad_fn.next_functions])
    print(y.grad_fn.next_functions[0][0] is y2.grad_fn.next_functions[0][0])
    loss = F.mse_loss(y, torch.zeros(4, 2))
print(loss.grad_fn.next_functions[0][0].name(), loss)
loss.backward()
print(lin.weight.grad.dtype, lin.weight.grad, x.grad.dtype)
with torch.autocast('cpu', cache_enabled=False):
    a, b = lin(x), lin(x)
    print(a.grad_fn.next_functions[0][0] is b.grad_fn.next_functions[0][0], torch.is_autocast_cache_enabled())
print(torch.is_autocast_cache_enabled())
""",
"autocast_state_functions_decorator_and_warnings": """
import torch.nn as nn
print(torch.is_autocast_enabled(), torch.is_autocast_enabled('cpu'), torch.get_autocast_dtype('cpu'), torch.get_autocast_dtype('cuda'))
@torch.autocast('cpu')
def f(a):
    print('inside', torch.is_autocast_enabled('cpu'), torch.is_autocast_enabled())
    return a @ a
print(f(torch.ones(2, 2)).dtype)
with torch.autocast('cpu', dtype=torch.float16) as ac:
    print(ac.fast_dtype, ac.device, torch.get_autocast_dtype('cpu'))
    with torch.autocast('cpu', enabled=False):
        print(torch.is_autocast_enabled('cpu'), torch.mm(torch.ones(1, 1), torch.ones(1, 1)).dtype)
print(torch.get_autocast_dtype('cpu'), torch.is_autocast_enabled('cpu'))
with torch.autocast('cuda'):
    print(torch.mm(torch.ones(1, 1), torch.ones(1, 1)).dtype)
with torch.cpu.amp.autocast():
    print(torch.mm(torch.ones(1, 1), torch.ones(1, 1)).dtype, torch.is_autocast_cpu_enabled(), torch.get_autocast_cpu_dtype())
from torch.amp import autocast
print(autocast, type(torch.autocast('cpu')), torch.amp.is_autocast_available('cpu'))
for bad in [lambda: torch.is_autocast_enabled(True), lambda: torch.get_autocast_dtype(), lambda: torch.clear_autocast_cache(1),
            lambda: torch.set_autocast_cache_enabled(0), lambda: torch.autocast('cpu')(3), lambda: torch.is_autocast_enabled('xpu2')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
torch.autocast(device_type=torch.device('cpu'))
""",
"autocast_reaches_recurrent_layers_and_attention": """
torch.manual_seed(0)
x = torch.randn(5, 1, 3)
lstm, gru, rnn = nn.LSTM(3, 2, num_layers=2), nn.GRU(3, 2), nn.RNN(3, 2)
with torch.autocast('cpu'):
    o, (h, c) = lstm(x)
    go, gh = gru(x)
    ro, rh = rnn(x)
print(o.dtype, h.dtype, c.dtype, o.grad_fn.name(), go.dtype, ro.dtype)
print(o[-1], h)
print([n[0].name() if n[0] is not None else None for n in o.grad_fn.next_functions])
mha = nn.MultiheadAttention(4, 2, batch_first=True)
q = torch.randn(1, 3, 4)
with torch.autocast('cpu'):
    out, w = mha(q, q, q)
    out2, _ = mha(q, q, q, need_weights=False)
print(out.dtype, w.dtype, out, out2)
lstm(x.bfloat16())
""",
"global_module_hooks_run_before_each_modules_own": """
from torch.nn.modules.module import register_module_forward_pre_hook, register_module_forward_hook, register_module_full_backward_hook, register_module_backward_hook
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
net[0].register_forward_hook(lambda m, a, o: print('own hook'))
def pre(mod, args):
    print('pre', type(mod).__name__)
    return args[0] * 2
def fwd(mod, args, kwargs, out):
    print('fwd', type(mod).__name__, kwargs)
h0, h1 = register_module_forward_pre_hook(pre), register_module_forward_hook(fwd, with_kwargs=True)
print(net(torch.ones(1, 2)))
h0.remove(); h1.remove()
print(net(torch.ones(1, 2)))
h2 = register_module_full_backward_hook(lambda m, gi, go: print('bwd', type(m).__name__, [tuple(g.shape) for g in go]))
net(torch.ones(1, 2, requires_grad=True)).sum().backward()
h2.remove()
register_module_backward_hook(lambda m, gi, go: None)
""",
"scaled_dot_product_attention_of_half_and_bfloat16_takes_the_flash_kernel": """
torch.manual_seed(1)
for dt in (torch.bfloat16, torch.float16):
    q = torch.randn(2, 2, 6, 8).to(dt).requires_grad_()
    k = torch.randn(2, 2, 9, 8).to(dt).requires_grad_()
    v = torch.randn(2, 2, 9, 8).to(dt).requires_grad_()
    o = F.scaled_dot_product_attention(q, k, v, attn_mask=torch.randn(6, 9).to(dt))
    (o * torch.arange(8.).to(dt)).sum().backward()
    print(o.grad_fn.name(), o[1, 1, :2], q.grad[1, 0, :2], k.grad[0, 1, -2:], v.grad[1, 1, :2])
    print(F.scaled_dot_product_attention(q, q, q, is_causal=True, scale=0.3)[0, 1])
""",
"batch_norm_of_a_reduced_input_with_float_parameters": """
torch.manual_seed(0)
for dt in (torch.bfloat16, torch.float16):
    for shape in ((3, 2, 5, 7), (4, 3, 20), (2, 3), (2, 2, 3, 4, 5)):
        bn = (nn.BatchNorm1d if len(shape) < 4 else nn.BatchNorm2d if len(shape) == 4 else nn.BatchNorm3d)(shape[1])
        x = torch.randn(*shape).to(dt).requires_grad_()
        out = bn(x)
        print(out.grad_fn._saved_result1, out.grad_fn._saved_result2.dtype)
        out.backward(torch.randn(*shape).to(dt))
        print(x.grad.flatten()[:4], bn.weight.grad, bn.bias.grad, bn.running_var)
        bn.eval()
        x.grad = None
        bn(x).backward(torch.ones(*shape).to(dt))
        print(x.grad.flatten()[-3:])
conv, bn = nn.Conv2d(2, 2, 3, padding=1, bias=False), nn.BatchNorm2d(2)
x = torch.randn(1, 2, 3, 3, requires_grad=True)
with torch.autocast('cpu'):
    y = torch.sigmoid(bn(conv(x)))
y.mean().backward()
print(y.dtype, conv.weight.grad[0, 0], bn.weight.grad)
""",
"layer_and_group_norm_of_a_reduced_input_with_float_parameters": """
torch.manual_seed(0)
for dt in (torch.bfloat16, torch.float16):
    ln = nn.LayerNorm(6)
    x = torch.randn(3, 6).to(dt).requires_grad_()
    out = ln(x)
    print(out.grad_fn._saved_result1.dtype, out[0])
    out.backward(torch.randn(3, 6).to(dt))
    print(x.grad[0], ln.weight.grad, ln.bias.grad)
    gn = nn.GroupNorm(3, 6)
    y = torch.randn(3, 6, 4, 4).to(dt).requires_grad_()
    o = gn(y)
    print(o.grad_fn._saved_result1.dtype, o[0, 0, 0])
    o.backward(torch.randn(3, 6, 4, 4).to(dt))
    print(y.grad[0, 0, 0], gn.weight.grad, gn.bias.grad)
lin, ln = nn.Linear(6, 6), nn.LayerNorm(6)
with torch.autocast('cpu'):
    h = ln(lin(torch.randn(4, 6)))
h.float().sum().backward()
print(h.dtype, h[0], ln.weight.grad, lin.weight.grad[0])
""",
"grad_scaler_scales_unscales_skips_and_backs_off": """
torch.manual_seed(0)
model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
scaler = torch.amp.GradScaler('cpu', init_scale=1024.0, growth_interval=2)
x, y = torch.randn(4, 3), torch.randn(4, 1)
for step in range(4):
    opt.zero_grad()
    with torch.autocast('cpu'):
        loss = F.mse_loss(model(x), y)
    scaled = scaler.scale(loss)
    print(step, scaled.grad_fn.name(), scaled.dtype, scaled.item())
    scaled.backward()
    if step == 2:
        model.bias.grad.fill_(float('inf'))
    scaler.unscale_(opt)
    print(model.weight.grad, model.weight.grad._version)
    scaler.step(opt)
    scaler.update()
    print(scaler.get_scale(), scaler._get_growth_tracker(), model.bias)
print(scaler.state_dict(), torch.amp.GradScaler().is_enabled(), torch.cpu.amp.GradScaler().get_scale())
print(scaler.scale([loss, (loss * 2, loss)]))
scaler.update(2.0)
print(scaler.get_scale())
for bad in [lambda: torch.amp.GradScaler('cpu', growth_factor=0.9), lambda: torch.amp.GradScaler('cpu').step(opt)]:
    try:
        bad()
    except AssertionError as e:
        print('AssertionError', e)
scaler.scale(loss).backward()
scaler.unscale_(opt)
scaler.unscale_(opt)
""",
"custom_fwd_and_custom_bwd_of_a_custom_function": """
from torch.amp import custom_fwd, custom_bwd
class MyMM(torch.autograd.Function):
    @staticmethod
    @custom_fwd(device_type='cpu', cast_inputs=torch.float32)
    def forward(ctx, a, b):
        print('fwd autocast', torch.is_autocast_enabled('cpu'), a.dtype, b.dtype)
        ctx.save_for_backward(a, b)
        return a.mm(b)
    @staticmethod
    @custom_bwd(device_type='cpu')
    def backward(ctx, grad):
        print('bwd autocast', torch.is_autocast_enabled('cpu'), grad.dtype)
        a, b = ctx.saved_tensors
        return grad.mm(b.t()), a.t().mm(grad)
class Plain(torch.autograd.Function):
    @staticmethod
    @custom_fwd(device_type='cpu')
    def forward(ctx, a):
        print('plain fwd', torch.is_autocast_enabled('cpu'))
        return a @ a
    @staticmethod
    @custom_bwd(device_type='cpu')
    def backward(ctx, g):
        print('plain bwd', torch.is_autocast_enabled('cpu'), torch.get_autocast_dtype('cpu'))
        return g * 2
torch.manual_seed(0)
a = torch.randn(2, 2, requires_grad=True)
b = torch.randn(2, 2, requires_grad=True)
with torch.autocast('cpu'):
    h = a @ b
    out = MyMM.apply(h, b)
    p = Plain.apply(a)
print(h.dtype, out.dtype, p.dtype, out.grad_fn.name())
(out.sum() + p.float().sum()).backward()
print(a.grad, b.grad)
print(MyMM.apply(a, b).dtype)
print(torch.get_autocast_gpu_dtype())
custom_fwd(device_type=1)
""",
"autocast_leaves_float64_operands_and_fails_as_torch": """
torch.manual_seed(0)
a = torch.randn(2, 2, dtype=torch.float64)
b = torch.randn(2, 2)
with torch.autocast('cpu'):
    print((a @ a).dtype, (a + b).dtype, torch.mm(b, b).dtype)
    torch.mm(a, b)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_held14b_class_prints_as_torch(name):
    assert_prints_as_torch("import torch.nn as nn\nimport torch.nn.functional as F\n" + PROGRAMS[name])


def test_autocast_state_is_restored_after_an_error_inside_the_region():
    from test_torch_programs import run_in_language
    src = ("try:\n    with torch.autocast('cpu'):\n        torch.mm(torch.ones(2, 3), torch.ones(2, 3))\n"
           "except RuntimeError as e:\n    print('caught')\n"
           "print(torch.is_autocast_enabled('cpu'), torch.mm(torch.ones(1, 1), torch.ones(1, 1)).dtype)\n")
    out, _ = run_in_language(src)
    assert out == "caught\nFalse torch.float32\n"


def test_autocast_of_an_unsupported_dtype_warns_both_lines_and_disables():
    from test_torch_programs import run_in_language
    src = "with torch.autocast('cpu', dtype=torch.float64) as ac:\n    print(ac._enabled, torch.mm(torch.ones(1, 1), torch.ones(1, 1)).dtype)\n"
    out, err = run_in_language(src)
    assert out == "False torch.float32\n"
    assert ("UserWarning: In CPU autocast, but the target dtype is not supported. Disabling autocast.\n"
            "CPU Autocast only supports dtypes of torch.bfloat16, torch.float16 currently.") in err
