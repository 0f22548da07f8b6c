"""Memory formats as PyTorch has them: torch.channels_last / channels_last_3d / contiguous_format / preserve_format,
is_contiguous/contiguous/clone/to/float/...(memory_format=), the creation functions that take it (and those that
refuse it), nn.Module.to(memory_format=), how channels_last flows through elementwise ops, convolution,
normalization, pooling and interpolation, and the layout of their gradients (AccumulateGrad's layout contract: a
channels_last gradient becomes .grad without a copy, _version 0). Each program runs in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"formats_is_contiguous_contiguous_and_errors": """
cl = torch.channels_last
print(cl, torch.channels_last_3d, torch.contiguous_format, torch.preserve_format, type(cl), repr(cl), str(cl))
print(cl == torch.channels_last, cl == torch.contiguous_format, cl != torch.channels_last_3d, type(cl))
x = torch.arange(2*3*4*5, dtype=torch.float32).reshape(2, 3, 4, 5)
for mf in [torch.contiguous_format, torch.channels_last, torch.preserve_format, torch.channels_last_3d]:
    try:
        print(mf, x.is_contiguous(memory_format=mf))
    except Exception as e:
        print(type(e).__name__, e)
y = x.contiguous(memory_format=torch.channels_last)
print(y.stride(), y.is_contiguous(), y.is_contiguous(memory_format=torch.channels_last), y.grad_fn, y._version)
print(y.contiguous(memory_format=torch.channels_last) is y, y.contiguous() is y, x.contiguous(memory_format=torch.contiguous_format) is x)
print(torch.equal(x, y), y.data_ptr() == x.data_ptr())
for mf in [torch.preserve_format, torch.channels_last_3d]:
    try:
        print(x.contiguous(memory_format=mf))
    except Exception as e:
        print(type(e).__name__, e)
z = torch.ones(3, 4, 5)
for f in [lambda: z.contiguous(memory_format=torch.channels_last), lambda: z.is_contiguous(memory_format=torch.channels_last),
          lambda: z.clone(memory_format=torch.channels_last), lambda: z.to(memory_format=torch.channels_last),
          lambda: torch.empty(3, 4, 5, memory_format=torch.channels_last), lambda: torch.empty(3, 4, 5, 6, memory_format=torch.channels_last_3d),
          lambda: torch.empty_like(z, memory_format=torch.channels_last), lambda: torch.zeros(2, 3, 4, 5, memory_format=torch.channels_last),
          lambda: z.float(memory_format=torch.channels_last), lambda: z.is_contiguous(torch.channels_last),
          lambda: z.contiguous(torch.channels_last), lambda: z.is_contiguous(memory_format=torch.channels_last_3d),
          lambda: z.is_contiguous(memory_format=torch.preserve_format),
          lambda: torch.ones(2,3,4,5,6).is_contiguous(memory_format=torch.channels_last),
          lambda: torch.ones(2,3,4,5,6).contiguous(memory_format=torch.channels_last_3d).stride(),
          lambda: torch.ones(2,3,4,5).contiguous(memory_format=1), lambda: z.is_contiguous(memory_format=None),
          lambda: z.contiguous(memory_format=None), lambda: z.clone(memory_format=None).stride(),
          lambda: torch.ones(2,3,4,5).to(memory_format=torch.channels_last_3d),
          lambda: torch.ones(2,3,4,5).clone(memory_format=torch.channels_last_3d),
          lambda: torch.empty(2,3,4,5, memory_format=torch.preserve_format),
          ]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
""",
"clone_to_conversions_and_creation_by_format": """
def t(f):
    try:
        r = f()
        if isinstance(r, torch.Tensor):
            print(r.dtype, r.shape, r.stride(), r.is_contiguous(), r.is_contiguous(memory_format=torch.channels_last), r.grad_fn, r._version, r.sum().item())
        else:
            print(r)
    except Exception as e:
        print(type(e).__name__ + ':', e)
cl = torch.channels_last
x = torch.arange(120.).reshape(2, 3, 4, 5).requires_grad_()
c = x.detach().contiguous(memory_format=cl)
p = x.detach().permute(0, 2, 3, 1)
nd = x.detach()[:, :, ::2]
e = x.detach()[:1, :1].expand(2, 3, 4, 5)
for a in [x, c, p, nd, e, torch.ones(2, 1, 3, 3), torch.ones(2, 3, 1, 1), torch.empty(2, 0, 3, 4), torch.ones(0, 3, 2, 2), torch.ones(2,3,4,5,6)]:
    print('--', a.shape, a.stride())
    for mf in [torch.preserve_format, torch.contiguous_format, cl, torch.channels_last_3d]:
        t(lambda: a.clone(memory_format=mf))
        t(lambda: a.contiguous(memory_format=mf))
        t(lambda: a.to(memory_format=mf))
        t(lambda: a.to(torch.float64, memory_format=mf))
        t(lambda: a.to(torch.int32, memory_format=mf))
        t(lambda: a.float(memory_format=mf))
        t(lambda: a.double(memory_format=mf))
        t(lambda: a.half(memory_format=mf))
        t(lambda: a.long(memory_format=mf))
        t(lambda: a.bfloat16(memory_format=mf))
        t(lambda: a.to(memory_format=mf) is a)
        t(lambda: a.float(memory_format=mf) is a)
        t(lambda: a.to(a, memory_format=mf))
        t(lambda: torch.empty_like(a, memory_format=mf).stride())
        t(lambda: torch.zeros_like(a, memory_format=mf))
        t(lambda: torch.ones_like(a, memory_format=mf, dtype=torch.int64))
        t(lambda: torch.full_like(a, 2, memory_format=mf))
        t(lambda: torch.rand_like(a, memory_format=mf).shape)
        t(lambda: torch.clone(a, memory_format=mf))
    t(lambda: a.float(memory_format=None)); t(lambda: a.to(memory_format=None)); t(lambda: a.clone(memory_format=None))
    t(lambda: a.to(copy=True))
for f in [lambda: torch.empty(2, 3, 4, 5, memory_format=cl).stride(), lambda: torch.empty((2, 3, 4, 5), memory_format=torch.contiguous_format).stride(),
          lambda: torch.empty(2, 3, 4, 5, 6, memory_format=torch.channels_last_3d).stride(), lambda: torch.empty(2, 3, 4, 5, memory_format=torch.channels_last_3d),
          lambda: torch.empty(2, 3, 4, 5, memory_format=torch.preserve_format), lambda: torch.empty(2, 3, 4, memory_format=torch.preserve_format),
          lambda: torch.empty(2, 3, 4, 5, memory_format=cl, requires_grad=True).stride(), lambda: torch.empty(2, 3, 4, 5, memory_format=cl, dtype=torch.int64).stride(),
          lambda: torch.empty(2, 3, 4, 5, memory_format='cl'), lambda: torch.ones(2, 3, 4, 5, memory_format=cl), lambda: torch.full((2, 3, 4, 5), 1., memory_format=cl),
          lambda: torch.rand(2, 3, 4, 5, memory_format=cl), lambda: torch.randn(2, 3, 4, 5, memory_format=cl), lambda: torch.empty_strided((2, 3, 4, 5), (60, 1, 15, 3)).is_contiguous(memory_format=cl),
          lambda: torch.empty_strided((2, 3, 4, 5), (60, 1, 15, 3), memory_format=cl),
          lambda: torch.randn_like(x, memory_format=cl).stride(), lambda: torch.randint_like(x, 5, memory_format=cl).stride(),
          lambda: torch.empty_like(x, memory_format=1), lambda: x.new_empty((2,3,4,5), memory_format=cl).stride(), lambda: x.new_zeros(2,3,4,5).stride(),
          lambda: torch.arange(5, memory_format=cl), lambda: torch.tensor([1.], memory_format=cl)]:
    t(f)
""",
"activations_keep_the_inputs_layout": """
F=torch.nn.functional
torch.manual_seed(0)
for a in [torch.randn(3,4).t(), torch.randn(2,3,4,5).contiguous(memory_format=torch.channels_last), torch.randn(2,3,4,5)[:, :, ::2], torch.randn(2,3,1,1).contiguous(memory_format=torch.channels_last)]:
    for f in [F.gelu, F.silu, F.elu, F.hardtanh, F.leaky_relu, F.softplus, F.selu, F.celu, F.hardswish, F.hardsigmoid, F.mish, lambda x: F.threshold(x,0.,1.), F.hardshrink, F.softshrink, F.logsigmoid, F.relu6, F.relu, lambda x: F.gelu(x, approximate='tanh')]:
        r = f(a)
        print(r.stride(), r.is_contiguous(memory_format=torch.channels_last), end=' ')
        x = a.clone().requires_grad_()
        f(x).sum().backward()
        print(x.grad.stride())
""",
"conv2d_is_channels_last_when_either_operand_is": """
F=torch.nn.functional
cl=torch.channels_last
torch.manual_seed(0)
def rep(r): return (r.stride(), r.is_contiguous(), r.is_contiguous(memory_format=cl), r.dim() == 5 and r.is_contiguous(memory_format=torch.channels_last_3d))
for dt in [torch.float32, torch.float64]:
    x = torch.randn(2, 4, 6, 6, dtype=dt); w = torch.randn(4, 4, 3, 3, dtype=dt); wd = torch.randn(4, 1, 3, 3, dtype=dt); wg = torch.randn(4, 2, 3, 3, dtype=dt)
    xc, wc, wdc, wgc = [t.contiguous(memory_format=cl) for t in (x, w, wd, wg)]
    for xi in [x, xc]:
        for wi, wdi, wgi in [(w, wd, wg), (wc, wdc, wgc)]:
            print(dt, xi.is_contiguous(), wi.is_contiguous())
            for f in [lambda: F.conv2d(xi, wi), lambda: F.conv2d(xi, wi, stride=2, padding=1), lambda: F.conv2d(xi, wi, dilation=2),
                      lambda: F.conv2d(xi, wdi, groups=4), lambda: F.conv2d(xi, wgi, groups=2), lambda: F.conv_transpose2d(xi, wi),
                      lambda: F.conv2d(xi, wi, padding='same'), lambda: F.conv2d(xi[:1], wi), lambda: F.conv2d(xi, wi[:, :, :1, :1])]:
                try:
                    print(rep(f()))
                except Exception as e:
                    print(type(e).__name__, e)
    x5 = torch.randn(1, 2, 4, 4, 4, dtype=dt); w5 = torch.randn(3, 2, 2, 2, 2, dtype=dt)
    for xi in [x5, x5.contiguous(memory_format=torch.channels_last_3d)]:
        for wi in [w5, w5.contiguous(memory_format=torch.channels_last_3d)]:
            print(rep(F.conv3d(xi, wi)), rep(F.conv_transpose3d(xi, wi.transpose(0, 1).contiguous() if wi.is_contiguous() else wi.transpose(0,1).contiguous(memory_format=torch.channels_last_3d))))
    x3 = torch.randn(2, 4, 5, dtype=dt)
    print(rep(F.conv1d(x3, torch.randn(3, 4, 2, dtype=dt))))
""",
"channels_last_flows_through_ops": """
F = torch.nn.functional
cl, cl3 = torch.channels_last, torch.channels_last_3d
torch.manual_seed(0)
def rep(r): return (r.shape, r.stride(), r.is_contiguous(), r.is_contiguous(memory_format=cl), r.is_contiguous(memory_format=cl3))
x = torch.randn(2, 3, 6, 6).contiguous(memory_format=cl)
x5 = torch.randn(2, 3, 4, 4, 4).contiguous(memory_format=cl3)
for a in [x, x.contiguous(), x5, torch.randn(1, 3, 6, 6).contiguous(memory_format=cl), x.permute(0, 1, 3, 2), x[:, :, ::2], torch.randn(3, 6, 6)]:
    print('--', a.shape, a.stride())
    nd = a.dim() - 2
    if nd < 2:
        nd = 2
    pool = [F.max_pool2d, F.max_pool3d][nd - 2]
    avg = [F.avg_pool2d, F.avg_pool3d][nd - 2]
    ad = [F.adaptive_avg_pool2d, F.adaptive_avg_pool3d][nd - 2]
    am = [F.adaptive_max_pool2d, F.adaptive_max_pool3d][nd - 2]
    for name, f in [("relu", lambda: a.relu()), ("add", lambda: a + 1), ("mul", lambda: a * a), ("sigmoid", lambda: a.sigmoid()),
                    ("max", lambda: pool(a, 2)), ("max_idx", lambda: pool(a, 2, return_indices=True)[1]), ("max_pad", lambda: pool(a, 3, 1, 1)),
                    ("avg", lambda: avg(a, 2)), ("avg_pad", lambda: avg(a, 3, 2, 1, ceil_mode=True)), ("adapt3", lambda: ad(a, 3)), ("adapt1", lambda: ad(a, 1)),
                    ("pad_refl", lambda: F.pad(a, [1] * (2 * nd), mode='reflect')), ("pad_rep", lambda: F.pad(a, [1] * (2 * nd), mode='replicate')),
                    ("pixel_unshuffle", lambda: F.pixel_unshuffle(a, 2)), ("pixel_shuffle4", lambda: F.pixel_shuffle(a[:, :, :4].repeat(1, 4, 1, 1) if a.dim() == 4 else a, 2)),
                    ("channel_shuffle", lambda: F.channel_shuffle(a, 3)),
                    ("adaptmax", lambda: am(a, 2)), ("adaptmax_idx", lambda: am(a, 2, return_indices=True)[1]),
                    ("bilinear", lambda: F.interpolate(a, scale_factor=2, mode='bilinear' if nd == 2 else 'trilinear')),
                    ("bilinear_ac", lambda: F.interpolate(a, size=[5] * nd, mode='bilinear' if nd == 2 else 'trilinear', align_corners=True)),
                    ("bn", lambda: F.batch_norm(a, None, None, training=True)), ("bn_eval", lambda: F.batch_norm(a, torch.zeros(3), torch.ones(3))),
                    ("gn", lambda: F.group_norm(a, 3)), ("lp", lambda: F.lp_pool2d(a, 2, 2)), ("pad", lambda: F.pad(a, [1] * (2 * nd))),
                    ("pad_circ", lambda: F.pad(a, [1] * (2 * nd), mode='circular')), ("dropout", lambda: F.dropout(a, training=False)),
                    ("instance_norm", lambda: F.instance_norm(a)), ("layer_norm", lambda: F.layer_norm(a, a.shape[1:])),
                    ("softmax", lambda: F.softmax(a, 1)), ("log_softmax", lambda: F.log_softmax(a, 1)), ("flatten", lambda: a.flatten(1)),
                    ("sum", lambda: a.sum(1)), ("mean", lambda: a.mean((2, 3), keepdim=True)), ("cat", lambda: torch.cat([a, a], 1)),
                    ("where", lambda: torch.where(a > 0, a, 0.)), ("to_double", lambda: a.double()), ("contig", lambda: a.contiguous())]
                    + ([("nearest", lambda: F.interpolate(a, scale_factor=2)), ("nearest_exact", lambda: F.interpolate(a, scale_factor=2, mode='nearest-exact')),
                        ("bicubic", lambda: F.interpolate(a, size=(4, 4), mode='bicubic')), ("area", lambda: F.interpolate(a, size=[3] * nd, mode='area')),
                        ("upsample", lambda: torch.nn.Upsample(scale_factor=2)(a)),
                        ("pixel_shuffle", lambda: F.pixel_shuffle(a[:, :1].expand(-1, 4, -1, -1).contiguous(memory_format=cl), 2))] if a.dim() == 4 else []):
        try:
            print(name, rep(f()))
        except Exception as e:
            print(name, type(e).__name__, e)
""",
"module_to_memory_format_and_conv_gradients": """
F = torch.nn.functional
cl = torch.channels_last
torch.manual_seed(0)
m = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.BatchNorm2d(4), torch.nn.ReLU(), torch.nn.Conv1d(2, 2, 1), torch.nn.Linear(3, 2))
r = m.to(memory_format=cl)
print(r is m)
for n, p in m.named_parameters():
    print(n, p.shape, p.stride(), p.is_contiguous(), p.is_contiguous(memory_format=cl), p._version, type(p).__name__)
for n, b in m.named_buffers():
    print(n, b.stride())
m2 = torch.nn.Conv2d(2, 3, 2)
m2.weight.grad = torch.ones(3, 2, 2, 2)
m2.to(torch.float64, memory_format=cl)
print(m2.weight.dtype, m2.weight.stride(), m2.weight.grad.stride(), m2.weight.grad.dtype)
m2.to(memory_format=torch.contiguous_format)
print(m2.weight.stride(), m2.weight.grad.stride())
for f in [lambda: torch.nn.Conv3d(1, 1, 1).to(memory_format=cl), lambda: torch.nn.Conv2d(1, 1, 1).to(memory_format=torch.channels_last_3d),
          lambda: torch.nn.Conv2d(1, 1, 1).to(memory_format=1), lambda: torch.nn.Conv3d(1, 1, 1).to(memory_format=torch.channels_last_3d).weight.stride(),
          lambda: torch.nn.Conv2d(1, 1, 1).to(memory_format=torch.preserve_format).weight.stride()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
# gradients through channels_last
conv = torch.nn.Conv2d(3, 4, 3).to(memory_format=cl)
x = torch.randn(2, 3, 6, 6).contiguous(memory_format=cl).requires_grad_()
y = conv(x)
print(y.stride(), y.grad_fn)
y.sum().backward()
print(x.grad.stride(), x.grad._version, conv.weight.grad.stride(), conv.weight.grad._version, conv.bias.grad.stride())
x2 = torch.randn(2, 3, 6, 6, requires_grad=True)
w2 = torch.randn(4, 3, 3, 3).contiguous(memory_format=cl).requires_grad_()
F.max_pool2d(F.relu(F.conv2d(x2, w2)), 2).sum().backward()
print(x2.grad.stride(), x2.grad._version, w2.grad.stride(), w2.grad._version)
a = torch.randn(2, 3, 4, 4).requires_grad_()
b = a.contiguous(memory_format=cl)
print(b.grad_fn, b._version, b.data_ptr() == a.data_ptr())
(b * 2).sum().backward()
print(a.grad.stride(), a.grad._version)
c = torch.randn(2, 3, 4, 4).contiguous(memory_format=cl).requires_grad_()
(c * 2).sum().backward()
print(c.grad.stride(), c.grad._version)
c.grad = None
(c.contiguous() * 2).sum().backward()
print(c.grad.stride(), c.grad._version)
c.grad = None
F.batch_norm(c, None, None, training=True).sum().backward()
print(c.grad.stride(), c.grad._version)
c.grad = None
F.avg_pool2d(c, 2).sum().backward()
print(c.grad.stride(), c.grad._version)
c.grad = None
F.interpolate(c, scale_factor=2, mode='bilinear').sum().backward()
print(c.grad.stride(), c.grad._version)
""",
"gradient_layouts_of_channels_last_ops": """
F = torch.nn.functional
cl = torch.channels_last
torch.manual_seed(0)
c = torch.randn(2, 4, 6, 6).contiguous(memory_format=cl).requires_grad_()
w = torch.randn(4, 4, 3, 3)
wl = w.contiguous(memory_format=cl).requires_grad_()
for name, f in [("bn", lambda: F.batch_norm(c, None, None, training=True)), ("bn_eval", lambda: F.batch_norm(c, torch.zeros(4), torch.ones(4), torch.ones(4, requires_grad=True))),
                ("avg", lambda: F.avg_pool2d(c, 2)), ("max", lambda: F.max_pool2d(c, 2)), ("adavg", lambda: F.adaptive_avg_pool2d(c, 3)),
                ("admax", lambda: F.adaptive_max_pool2d(c, 3)), ("nearest", lambda: F.interpolate(c, scale_factor=2)), ("bilinear", lambda: F.interpolate(c, scale_factor=2, mode='bilinear')),
                ("bicubic", lambda: F.interpolate(c, size=(3, 3), mode='bicubic')), ("mul", lambda: c * 2), ("relu", lambda: F.relu(c)), ("gn", lambda: F.group_norm(c, 2)),
                ("conv", lambda: F.conv2d(c, w)), ("conv_pad", lambda: F.conv2d(c, w, padding=1, stride=2)), ("conv_w", lambda: F.conv2d(c.detach().contiguous(), wl)),
                ("pad", lambda: F.pad(c, (1, 1, 1, 1))), ("pixel_shuffle", lambda: F.pixel_shuffle(c, 2)), ("clone", lambda: c.clone()), ("contig", lambda: c.contiguous())]:
    for leaf in (c, wl):
        leaf.grad = None
    y = f()
    (y * torch.randn(y.shape)).sum().backward()
    print(name, y.stride(), y.grad_fn, c.grad.stride() if c.grad is not None else None, c.grad._version if c.grad is not None else None,
          wl.grad.stride() if wl.grad is not None else None, wl.grad._version if wl.grad is not None else None)
a = torch.randn(2, 3, 4, 4).requires_grad_()
b = a.contiguous(memory_format=cl)
print(b.grad_fn, b._version, b.data_ptr() == a.data_ptr(), b.contiguous(memory_format=cl) is b)
(b * 2).sum().backward()
print(a.grad.stride(), a.grad._version)
""",
"fused_backward_kernels_lay_out_as_tensor_iterator": """
F = torch.nn.functional
torch.manual_seed(0)
leaf = torch.randn(2, 3, 4, 5, requires_grad=True)
for name, f in [("relu", F.relu), ("gelu", F.gelu), ("gelu_tanh", lambda x: F.gelu(x, approximate='tanh')), ("silu", F.silu), ("elu", F.elu), ("hardtanh", F.hardtanh),
                ("leaky", F.leaky_relu), ("softplus", F.softplus), ("selu", F.selu), ("celu", F.celu), ("hardswish", F.hardswish), ("hardsigmoid", F.hardsigmoid),
                ("mish", F.mish), ("threshold", lambda x: F.threshold(x, 0.1, 2.)), ("hardshrink", F.hardshrink), ("softshrink", F.softshrink), ("relu6", F.relu6),
                ("sigmoid", torch.sigmoid), ("tanh", torch.tanh), ("exp", torch.exp), ("sin", torch.sin), ("logsigmoid", F.logsigmoid), ("abs", torch.abs)]:
    for mk in [lambda: leaf.contiguous(memory_format=torch.channels_last), lambda: leaf.transpose(2, 3) * 1]:
        for gmk in [lambda y: torch.randn(y.shape), lambda y: torch.ones(()).expand(y.shape)]:
            x = mk()
            seen = []
            x.register_hook(lambda g: seen.append(g.stride()))
            y = f(x)
            y.backward(gmk(y))
            print(name, x.stride(), seen)
""",
"adaptive_avg_pool_to_one_cell_restrides_in_place": """
F = torch.nn.functional
torch.manual_seed(0)
for x in [torch.randn(2, 3, 6, 6).contiguous(memory_format=torch.channels_last), torch.randn(2, 3, 4, 4, 4).contiguous(memory_format=torch.channels_last_3d), torch.randn(2, 3, 6, 6), torch.randn(1, 3, 4, 4).contiguous(memory_format=torch.channels_last), torch.randn(2, 1, 4, 4).contiguous(memory_format=torch.channels_last), torch.randn(3, 4, 4)]:
    for rg in [False, True]:
        a = x.clone().requires_grad_(rg)
        y = F.adaptive_avg_pool2d(a, 1) if x.dim() != 5 else F.adaptive_avg_pool3d(a, 1)
        print(y.shape, y.stride(), y._version, y.grad_fn, y.grad_fn.next_functions if y.grad_fn else None, y.is_contiguous(memory_format=torch.channels_last))
        if rg:
            (y * torch.arange(float(y.numel())).reshape(y.shape)).sum().backward()
            print(a.grad.stride(), a.grad._version, a.grad.sum().item())
    with torch.no_grad():
        y = F.adaptive_avg_pool2d(x, (1, 1)) if x.dim() != 5 else F.adaptive_avg_pool3d(x, 1)
        print(y.stride(), y._version, y.grad_fn)
m = torch.nn.AdaptiveAvgPool2d(1)
print(m(torch.ones(2, 3, 4, 4).contiguous(memory_format=torch.channels_last)).stride())
""",
"pad_shuffle_and_pool_gradients_by_format": """
F = torch.nn.functional
cl, cl3 = torch.channels_last, torch.channels_last_3d
torch.manual_seed(0)
for c in [torch.randn(2, 4, 6, 6).contiguous(memory_format=cl).requires_grad_(), torch.randn(2, 4, 4, 4, 4).contiguous(memory_format=cl3).requires_grad_()]:
    nd = c.dim() - 2
    for name, f in [("reflect", lambda: F.pad(c, [1] * (2 * nd), mode='reflect')), ("replicate", lambda: F.pad(c, [1] * (2 * nd), mode='replicate')),
                    ("constant", lambda: F.pad(c, [1] * (2 * nd))), ("circular", lambda: F.pad(c, [1] * (2 * nd), mode='circular')),
                    ("pixel_unshuffle", lambda: F.pixel_unshuffle(c, 2)), ("pixel_shuffle", lambda: F.pixel_shuffle(c, 2)), ("channel_shuffle", lambda: F.channel_shuffle(c, 2)),
                    ("gn", lambda: F.group_norm(c, 2)), ("bn", lambda: F.batch_norm(c, None, None, training=True)), ("max", lambda: [F.max_pool2d, F.max_pool3d][nd - 2](c, 2)),
                    ("avg", lambda: [F.avg_pool2d, F.avg_pool3d][nd - 2](c, 2)), ("adavg1", lambda: [F.adaptive_avg_pool2d, F.adaptive_avg_pool3d][nd - 2](c, 1)),
                    ("trilinear", lambda: F.interpolate(c, scale_factor=2, mode=['bilinear', 'trilinear'][nd - 2]))]:
        c.grad = None
        try:
            y = f()
        except Exception as e:
            print(name, type(e).__name__, e)
            continue
        (y * torch.randn(y.shape)).sum().backward()
        print(name, y.stride(), c.grad.stride(), c.grad._version)
""",
"views_copies_devices_save_and_modes_of_channels_last": """
import copy
cl = torch.channels_last
def t(f):
    try:
        r = f()
        print(r.stride() if isinstance(r, torch.Tensor) else r, r.grad_fn if isinstance(r, torch.Tensor) else '')
    except Exception as e:
        print(type(e).__name__ + ':', e)
x = torch.arange(24.).reshape(1, 2, 3, 4)
y = x.contiguous(memory_format=cl)
print(y)
for f in [lambda: y.view(-1), lambda: y.reshape(-1), lambda: y.flatten(), lambda: y.permute(0, 2, 3, 1), lambda: y.permute(0, 2, 3, 1).is_contiguous(),
          lambda: y.to('cpu', memory_format=torch.contiguous_format), lambda: y.to('cpu'), lambda: y.cpu(memory_format=torch.contiguous_format),
          lambda: y.cpu(memory_format=cl), lambda: x.cpu(memory_format=cl), lambda: copy.deepcopy(y), lambda: y.clone(), lambda: y.detach(),
          lambda: y.numpy().strides, lambda: y.tolist(), lambda: y.sum(), lambda: y.transpose(1, 3).contiguous(), lambda: y.T if False else y.mT.contiguous(),
          lambda: y.new_ones(2, 3, 4, 5), lambda: y.type(torch.float64), lambda: y.type_as(torch.ones(1, dtype=torch.float64)),
          lambda: y.to(torch.ones(1, dtype=torch.int64), memory_format=torch.contiguous_format), lambda: y.float(), lambda: y.float() is y,
          lambda: y.expand(2, 2, 3, 4).contiguous(memory_format=cl), lambda: y.expand(2, 2, 3, 4).clone(), lambda: y[:, :, 1:].contiguous(memory_format=cl),
          lambda: torch.empty(0, 3, 2, 2, memory_format=cl).contiguous(memory_format=cl), lambda: torch.empty(2, 3, 0, 2).contiguous(memory_format=cl),
          lambda: torch.empty(2, 3, 0, 2).is_contiguous(memory_format=cl), lambda: torch.empty(2, 0, 3, 2).to(memory_format=cl),
          lambda: torch.ones(2, 3, 1, 1).is_contiguous(memory_format=cl), lambda: torch.ones(2, 3, 1, 1).to(memory_format=cl) is None,
          lambda: torch.ones(1, 3, 4, 4)[:, :, :, :1].contiguous(memory_format=cl), lambda: torch.ones(2, 1, 4, 4).contiguous(memory_format=cl) is None]:
    t(f)
torch.save(y, '/tmp/mf_cl_saved.pt')
z = torch.load('/tmp/mf_cl_saved.pt')
print(z.stride(), torch.equal(z, y))
m = torch.nn.Conv2d(2, 3, 2)
m.to('cpu', torch.float64, memory_format=cl)
print(m.weight.stride(), m.weight.dtype)
m.to(torch.device('cpu'), memory_format=torch.contiguous_format)
print(m.weight.stride(), m.weight.dtype, m.weight.grad)
with torch.no_grad():
    w = torch.ones(2, 3, 4, 5, requires_grad=True)
    print(w.contiguous(memory_format=cl).requires_grad, w.contiguous(memory_format=cl).grad_fn)
with torch.inference_mode():
    i = torch.ones(2, 3, 4, 5)
print(i.contiguous(memory_format=cl).stride(), i.contiguous(memory_format=cl).is_inference())
print(i.clone(memory_format=cl).is_inference(), i.to(memory_format=cl)._version)
""",
"conv3d_is_channels_last_3d_on_onednn_path_only": """
F = torch.nn.functional
cl3 = torch.channels_last_3d
torch.manual_seed(0)
for dt in [torch.float32, torch.float64]:
    for n in [1, 2]:
        for k in [1, 2, 4]:
            x = torch.randn(n, 3, 4, 4, 4, dtype=dt)
            w = torch.randn(2, 3, k, k, k, dtype=dt)
            for xi, wi in [(x.contiguous(memory_format=cl3), w), (x, w.contiguous(memory_format=cl3)), (x, w)]:
                r = F.conv3d(xi, wi)
                print(dt, n, k, r.stride(), r.is_contiguous(memory_format=cl3))
            r = F.conv3d(x.contiguous(memory_format=cl3), torch.randn(6, 1, 2, 2, 2, dtype=dt), groups=3)
            rt = F.conv_transpose3d(x.contiguous(memory_format=cl3), torch.randn(3, 2, 2, 2, 2, dtype=dt))
            print(r.stride(), rt.stride())
xg = torch.randn(2, 3, 4, 4, 4).contiguous(memory_format=cl3).requires_grad_()
wg = torch.randn(2, 3, 2, 2, 2).contiguous(memory_format=cl3).requires_grad_()
(F.conv3d(xg, wg) * torch.randn(2, 2, 3, 3, 3)).sum().backward()
print(xg.grad.stride(), xg.grad._version, wg.grad.stride(), wg.grad._version)
m = torch.nn.Conv3d(3, 2, 2).to(memory_format=cl3)
print(m.weight.stride(), m(torch.randn(2, 3, 4, 4, 4)).stride())
""",
"resize_by_memory_format_and_its_version": """
cl = torch.channels_last
def t(f):
    try:
        r = f()
        print(r.shape, r.stride(), r._version)
    except Exception as e:
        print(type(e).__name__ + ':', e)
for f in [lambda: torch.ones(2, 3, 4, 5).resize_(2, 3, 4, 5, memory_format=cl), lambda: torch.ones(2, 3, 4, 5).resize_(1, 3, 2, 2, memory_format=cl),
          lambda: torch.ones(24).resize_(1, 2, 3, 4, memory_format=cl), lambda: torch.ones(24).resize_(2, 3, 4, memory_format=cl),
          lambda: torch.ones(2, 3, 4, 5).contiguous(memory_format=cl).resize_(2, 3, 4, 5), lambda: torch.ones(2, 3, 4, 5).contiguous(memory_format=cl).resize_(2, 3, 4, 5, memory_format=torch.contiguous_format),
          lambda: torch.ones(2, 3, 4, 5).resize_(2, 3, 4, 5, memory_format=torch.preserve_format), lambda: torch.ones(2, 3, 4, 5, 6).resize_(2, 3, 4, 5, 6, memory_format=torch.channels_last_3d),
          lambda: torch.ones(4).resize_as_(torch.ones(1, 2, 1, 2), memory_format=cl), lambda: torch.ones(4).resize_as_(torch.ones(1, 2, 1, 2).contiguous(memory_format=cl)),
          lambda: torch.ones(2, 3, 4, 5).contiguous(memory_format=cl).resize_(3, 3, 4, 5)]:
    t(f)
for f in [lambda: torch.ones(3, 4).t().resize_(4, 3, memory_format=torch.contiguous_format), lambda: torch.ones(3, 4).t().resize_(4, 3),
          lambda: torch.ones(3, 4).t().resize_(3, 4), lambda: torch.ones(3, 4).resize_(3, 4, memory_format=torch.contiguous_format),
          lambda: torch.ones(3, 4).resize_(2, 2), lambda: torch.ones(3, 4).resize_(5, 5), lambda: torch.ones(3, 4)[:, :2].resize_(3, 2, memory_format=torch.contiguous_format),
          lambda: torch.ones(2, 3, 4, 5).resize_(2, 3, 4, 5, memory_format=torch.channels_last), lambda: torch.ones(2, 3, 4, 5).resize_(2, 3, 4, memory_format=torch.channels_last),
          lambda: torch.ones(2, 3, 4, 5).resize_(2, 3, 4, 5, memory_format=torch.preserve_format)]:
    t(f)
x = torch.ones(2, 3, 4, 5)
try:
    x.resize_(1, 3, 4, 5, memory_format=torch.preserve_format)
except Exception as e:
    print(e)
print(x.shape, x.stride(), x._version)
""",
"a_channels_last_training_loop_keeps_its_layouts": """
cl = torch.channels_last
torch.manual_seed(0)
m = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3, padding=1), torch.nn.BatchNorm2d(4), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
                        torch.nn.Conv2d(4, 2, 1), torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten()).to(memory_format=cl)
for opt in [torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9), torch.optim.Adam(m.parameters()), torch.optim.AdamW(m.parameters(), foreach=False)]:
    for step in range(2):
        x = torch.randn(2, 3, 8, 8).contiguous(memory_format=cl)
        opt.zero_grad()
        out = m(x)
        out.sum().backward()
        opt.step()
    print(type(opt).__name__, out.shape, out.stride())
    for p in m.parameters():
        st = opt.state[p]
        print(p.stride(), p.grad.stride(), p.grad._version, {k: v.stride() for k, v in st.items() if isinstance(v, torch.Tensor) and v.dim()})
y = m[0](torch.randn(1, 3, 8, 8))
print(y.stride(), m[1](y).stride(), m[2](m[1](y)).stride())
""",
"type_and_every_conversion_take_memory_format": """
cl = torch.channels_last
x = torch.arange(24.).reshape(1, 2, 3, 4)
for f in [lambda: x.type(torch.float64, memory_format=cl), lambda: x.type(torch.float32, memory_format=cl), lambda: x.type('torch.DoubleTensor', memory_format=cl),
          lambda: x.bool(memory_format=cl), lambda: x.int(memory_format=cl), lambda: x.short(memory_format=cl), lambda: x.char(memory_format=cl), lambda: x.byte(memory_format=cl),
          lambda: x.bfloat16(memory_format=cl), lambda: x.half(memory_format=torch.preserve_format), lambda: x.float(torch.channels_last),
          lambda: x.long(memory_format=torch.channels_last_3d), lambda: x.new_zeros((1, 2, 3, 4), memory_format=cl), lambda: x.to(memory_format=cl, dtype=torch.int64),
          lambda: x.to(torch.float32, False, False, cl)]:
    try:
        r = f()
        print(r.dtype, r.stride(), r is x)
    except Exception as e:
        print(type(e).__name__ + ':', e)
""",
"reduced_precision_and_double_channels_last_results": """
F = torch.nn.functional
torch.manual_seed(0)
for dt in [torch.bfloat16, torch.float16, torch.float64]:
    x = torch.randn(2, 3, 4, 4).to(dt).contiguous(memory_format=torch.channels_last)
    for f in [lambda: F.max_pool2d(x, 2), lambda: F.pad(x, (1, 1, 1, 1)), lambda: F.interpolate(x, scale_factor=2), lambda: F.pixel_shuffle(x[:, :1].repeat(1, 4, 1, 1), 2), lambda: x.clone(memory_format=torch.contiguous_format), lambda: x.float(memory_format=torch.channels_last), lambda: torch.empty_like(x).fill_(1)]:
        try:
            r = f()
            print(dt, r.dtype, r.stride(), r.flatten().tolist()[:6], r.untyped_storage().nbytes())
        except Exception as e:
            print(type(e).__name__ + ':', e)
""",
"memory_format_objects": """

import copy
cl = torch.channels_last
print(type(cl) is torch.memory_format, type(cl), torch.memory_format, cl is torch.channels_last, cl == torch.channels_last_3d)
print(copy.copy(cl) is cl, copy.deepcopy(cl) is cl, {cl: 1}[torch.channels_last], [torch.preserve_format, torch.contiguous_format])
for f in [lambda: torch.memory_format(), lambda: torch.memory_format(2, 3, 4), lambda: torch.ones(2, 3, 4, 5).is_contiguous(memory_format='channels_last'),
          lambda: torch.ones(2, 3, 4, 5).clone(memory_format=torch.float32), lambda: torch.ones(2, 3, 4, 5).to(torch.float64, cl)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
""",
}


def test_channels_last_activations_are_torchs():
    same_as_torch("""
torch.manual_seed(0)
F = torch.nn.functional
x = torch.randn(2, 4, 6, 6).contiguous(memory_format=torch.channels_last).requires_grad_()
for f in [F.gelu, lambda a: F.gelu(a, approximate='tanh'), F.silu, F.elu, torch.sigmoid, F.mish, F.softplus]:
    y = f(x)
    g, = torch.autograd.grad(y, x, torch.ones_like(y))
    print(y.stride(), y.flatten().tolist()[-8:], g.stride(), g.flatten().tolist()[-8:])
""")


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_memory_formats_as_torch(name):
    same_as_torch(PROGRAMS[name])


def test_a_channels_last_input_gives_the_contiguous_inputs_values_bit_for_bit():
    """Only the layout follows the input's memory format: every op that lays its output (or gradient) out by it
    gives the same bits for a channels_last input as for the same values contiguous (the engine's values, which
    the other tests compare with torch's for contiguous inputs). (Not adaptive_avg_pool2d to one cell: that is a
    mean, whose order follows the input's layout in PyTorch too; nor gelu, silu, elu, sigmoid: their kernels'
    vector and scalar bodies split the elements by memory order, and a contiguous float32 gelu is oneDNN's, so
    their last bits follow the layout in PyTorch too, test_channels_last_activations_are_torchs; nor batch_norm,
    whose channels-last kernels sum by rows of channels, tests/nn/test_batch_norm_last_bits.py.)"""
    import numpy as np
    from tensorsh.engine.torch_api import NAMESPACE as torch
    from tensorsh.nn import functional as F
    torch["manual_seed"](0)
    x = torch["randn"](2, 4, 6, 6)
    w = torch["randn"](4, 4, 3, 3)
    ops = [lambda a: F.conv2d(a, w, padding=1), lambda a: F.group_norm(a, 2), lambda a: F.max_pool2d(a, 2), lambda a: F.avg_pool2d(a, 3, 2, 1),
           lambda a: F.adaptive_avg_pool2d(a, 3), lambda a: F.adaptive_max_pool2d(a, 4),
           lambda a: F.interpolate(a, scale_factor=2), lambda a: F.interpolate(a, scale_factor=2, mode="bilinear"),
           lambda a: F.interpolate(a, size=(5, 5), mode="bicubic"), lambda a: F.pad(a, (1, 2, 1, 2), mode="reflect"),
           lambda a: F.pad(a, (1, 1, 1, 1)), lambda a: F.pixel_shuffle(a, 2), lambda a: F.channel_shuffle(a, 2),
           lambda a: F.leaky_relu(a), lambda a: a.relu()]
    for i, op in enumerate(ops):
        results = []
        for a in (x.clone(), x.contiguous(memory_format=torch["channels_last"])):
            a.requires_grad_()
            y = op(a)
            g = torch["randn"](*y.shape, generator=torch["Generator"]().manual_seed(i))
            (y * g).sum().backward()
            results.append((y.detach().numpy().copy(), a.grad.numpy().copy()))
        (y0, g0), (y1, g1) = results
        assert y0.tobytes() == np.ascontiguousarray(y1).tobytes(), i
        assert g0.tobytes() == np.ascontiguousarray(g1).tobytes(), i
