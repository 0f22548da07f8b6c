"""PyTorch programs about torch.nn, grouped by behaviour: each runs in torch and in tensorsh, output compared."""

MODULES = {
"linear_init_and_repr": """
fc = nn.Linear(3, 2)
print(fc)
print(fc.weight, fc.bias)
print(fc.weight._version, fc.bias._version, type(fc.weight).__name__, isinstance(fc.weight, torch.Tensor))
print([n for n, p in fc.named_parameters()], fc.training)
nb = nn.Linear(2, 2, bias=False)
print(nb, nb.bias, list(nb.state_dict().keys()))
""",
"sequential_mlp_training": """
net = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1))
x = torch.randn(8, 2)
y = torch.randn(8, 1)
for step in range(3):
    loss = ((net(x) - y) ** 2).mean()
    print(loss.item())
    for p in net.parameters():
        p.grad = None
    loss.backward()
    with torch.no_grad():
        for p in net.parameters():
            p -= 0.1 * p.grad
print(net[0].bias)
print(net[2].weight)
""",
"tree_order_and_dedup": """
shared = nn.Linear(2, 2)
net = nn.Sequential(shared, nn.ReLU(), shared, nn.Sequential(nn.Linear(2, 3), nn.Tanh()))
print([n for n, _ in net.named_parameters()])
print([n for n, _ in net.named_modules()])
print([n for n, _ in net.named_children()])
print(len(list(net.parameters())), len(list(net.modules())), len(list(net.modules(remove_duplicate=False))))
print([n for n, _ in net.named_parameters(remove_duplicate=False)])
print([n for n, _ in net.named_parameters(prefix='model', recurse=False)], [n for n, _ in net[3].named_parameters(prefix='b')])
print(net)
""",
"state_dict_aliases_parameters": """
m = nn.Linear(2, 1)
sd = m.state_dict()
print(sd)
print(type(sd).__name__, sd['weight'].data_ptr() == m.weight.data_ptr(), sd['weight'].requires_grad, sd['weight'].is_leaf)
with torch.no_grad():
    m.weight.add_(1)
print(sd['weight'], sd['weight']._version, m.weight._version)
safe = copy.deepcopy(sd)
print(safe['weight'].data_ptr() == m.weight.data_ptr(), safe['weight']._version)
kv = m.state_dict(keep_vars=True)
print(kv['weight'] is m.weight)
""",
"load_state_dict": """
a = nn.Linear(2, 2)
b = nn.Linear(2, 2)
print(b.weight._version)
r = b.load_state_dict(a.state_dict())
print(r, b.weight._version, torch.equal(a.weight, b.weight), b.weight.data_ptr() == a.weight.data_ptr())
r = b.load_state_dict({'weight': torch.ones(2, 2)}, strict=False)
print(r, r.missing_keys, r.unexpected_keys)
print(b.weight)
try:
    b.load_state_dict({'weight': torch.ones(2, 3), 'extra': torch.ones(1)})
except RuntimeError as e:
    print(e)
print(b.weight)
""",
"deepcopy_module": """
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 2)
        self.scale = nn.Parameter(torch.ones(1))
        self.register_buffer('count', torch.zeros(1))
    def forward(self, x):
        return self.fc(x) * self.scale
net = Net()
twin = copy.deepcopy(net)
print(type(twin).__name__, twin.fc.weight._version, twin.count._version, twin.scale._version)
print(twin.fc.weight.data_ptr() != net.fc.weight.data_ptr(), twin.fc.weight.is_leaf, twin.fc.weight.requires_grad)
with torch.no_grad():
    net.scale.mul_(3)
print(net.scale, twin.scale)
print(net)
print({k: v.shape for k, v in net.state_dict().items()})
print(net(torch.ones(1, 2)), twin(torch.ones(1, 2)))
""",
"parameter_basics": """
t = torch.ones(2)
p = nn.Parameter(t)
print(p, p.is_leaf, p.requires_grad, p.grad_fn, type(p).__name__)
t.add_(1)
print(p._version, p)
q = nn.Parameter(torch.zeros(2), requires_grad=False)
print(q)
print(nn.Parameter())
print(p * 2, p.detach(), type(p.data).__name__, type(p + 1).__name__)
c = copy.deepcopy(p)
print(c, c._version, c.data_ptr() != p.data_ptr())
try:
    nn.Parameter(torch.tensor([1, 2]))
except RuntimeError as e:
    print(e)
""",
"registration_errors": """
m = nn.Linear(2, 2)
for name, value in [('weight', torch.ones(2)), ('bias', 3)]:
    try:
        setattr(m, name, value)
    except TypeError as e:
        print(e)
try:
    m.register_parameter('p', torch.ones(1))
except TypeError as e:
    print(e)
x = torch.ones(1, requires_grad=True)
try:
    m.register_parameter('p', nn.Parameter(torch.ones(1)) * 2)
except TypeError as e:
    print(e)
m.register_buffer('steps', torch.zeros(1))
m.register_buffer('tmp', torch.zeros(1), persistent=False)
print(list(m.state_dict().keys()), [n for n, _ in m.named_buffers()])
m.child = nn.ReLU()
print(m)
m.child = None
print(m, list(m.children()))
m.weight = None
print(m.weight, [n for n, _ in m.named_parameters()])
class Early(nn.Module):
    def __init__(self):
        self.w = nn.Parameter(torch.ones(1))
try:
    Early()
except AttributeError as e:
    print(e)
try:
    nn.Module()(1)
except NotImplementedError as e:
    print(e)
""",
"train_eval_requires_grad_zero_grad": """
net = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5), nn.Linear(2, 1))
print(net.training, net[1].training)
print(net.eval() is net, net.training, net[1].training)
net.train()
print(net[1].training)
net[0].requires_grad_(False)
print([p.requires_grad for p in net.parameters()])
net(torch.ones(3, 2)).sum().backward()
print([p.grad is None for p in net.parameters()])
net.zero_grad(set_to_none=False)
print(net[2].weight.grad, net[2].weight.grad._version)
net.zero_grad()
print(net[2].weight.grad)
""",
"apply_and_init": """
def init(m):
    if type(m) == nn.Linear:
        nn.init.xavier_uniform_(m.weight)
        nn.init.zeros_(m.bias)
net = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
print(net.apply(init) is net)
print(net[0].weight, net[2].bias, net[0].weight._version)
w = torch.empty(3, 5)
print(nn.init.kaiming_normal_(w, mode='fan_out', nonlinearity='relu'))
print(nn.init.xavier_normal_(torch.empty(2, 3), gain=nn.init.calculate_gain('tanh')))
print(nn.init.uniform_(torch.empty(4), -1, 1), nn.init.normal_(torch.empty(3), 2.0, 0.5))
print(nn.init.constant_(torch.empty(2), 0.3), nn.init.ones_(torch.empty(2)), nn.init.eye_(torch.empty(2, 3)))
print(nn.init.trunc_normal_(torch.empty(20), std=0.5), nn.init.trunc_normal_(torch.empty(6), mean=0.0, std=1.0, a=-0.5, b=0.5))
print(nn.init.calculate_gain('leaky_relu', 0.2), nn.init.calculate_gain('selu'))
try:
    nn.init.calculate_gain('foo')
except ValueError as e:
    print(e)
try:
    nn.init.xavier_uniform_(torch.empty(3))
except ValueError as e:
    print(e)
""",
"hooks_forward": """
m = nn.Linear(2, 2)
seen = []
h1 = m.register_forward_pre_hook(lambda mod, args: seen.append(('pre', args[0].shape)))
h2 = m.register_forward_hook(lambda mod, args, out: out * 0)
print(m(torch.ones(1, 2)), seen)
h2.remove()
h1.remove()
print(m(torch.ones(1, 2)).shape, len(seen))
def double_input(mod, args):
    return args[0] * 2
m.register_forward_pre_hook(double_input)
print(torch.equal(m(torch.ones(1, 2)), nn.functional.linear(torch.ones(1, 2) * 2, m.weight, m.bias)))
""",
"module_dtype_conversion": """
m = nn.Linear(2, 2)
w = m.weight
print(m.double() is m, m.weight.dtype, m.weight is w, m.bias.dtype)
print(m.float().weight.dtype, m.to(torch.float64).weight.dtype, m.weight.requires_grad, m.weight.is_leaf)
""",
"containers": """
ml = nn.ModuleList([nn.Linear(2, 2) for _ in range(3)])
ml.append(nn.ReLU())
print(ml, len(ml), ml[-1], ml[1:3])
md = nn.ModuleDict({'a': nn.Linear(1, 1), 'b': nn.Tanh()})
print(md, list(md.keys()), 'a' in md, md['b'])
seq = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
print(seq[0:2], len(seq), seq[-1])
del seq[1]
print(seq)
try:
    seq[5]
except IndexError as e:
    print(e)
print(nn.Sequential(), nn.ModuleList())
""",
"shallow_copy_of_parameter_and_module": """
import copy
n = nn.Parameter(torch.ones(2))
n.grad = torch.ones(2)
with torch.no_grad():
    n.add_(1)
c = copy.copy(n)
print(type(c).__name__, c, c._version, c.grad, c.data_ptr() == n.data_ptr())
m = nn.Linear(1, 1)
m2 = copy.copy(m)
print(m2.weight is m.weight, m2 is m, m2._parameters is m._parameters)
h = m.register_forward_hook(lambda *a: None)
print(type(m._forward_hooks).__name__, len(m._forward_hooks), m._backward_hooks, m._non_persistent_buffers_set)  # (ids count per process)
h.remove()
print(m._forward_hooks, m2._forward_hooks is m._forward_hooks)
""",
"activation_reprs": """
for m in [nn.ReLU(), nn.ReLU(True), nn.LeakyReLU(), nn.LeakyReLU(0.2, True), nn.ELU(), nn.GELU(), nn.GELU('tanh'),
          nn.SiLU(True), nn.Sigmoid(), nn.Tanh(), nn.Softmax(), nn.Softmax(1), nn.LogSoftmax(dim=-1), nn.Dropout(),
          nn.Dropout(0.1, True), nn.Flatten(), nn.Unflatten(1, (2, 2)), nn.Identity(), nn.Hardtanh(),
          nn.MSELoss(), nn.CrossEntropyLoss(label_smoothing=0.1), nn.BCEWithLogitsLoss(), nn.Embedding(10, 3),
          nn.Embedding(10, 3, padding_idx=0)]:
    print(m)
""",
}

LAYERS = {
"activation_integer_inputs": """
print(F.hardtanh(torch.tensor([5, -3, 0])), F.hardtanh(torch.tensor([5, -3, 0]), -0.5, 2.7))
print(F.relu6(torch.tensor([9, -2, 3], dtype=torch.int8)))
x = torch.tensor([5, -3, 0])
F.hardtanh(x, inplace=True)
print(x)
for f in [F.softplus, F.gelu, F.elu, F.silu, F.leaky_relu, F.hardtanh]:
    for dt in [torch.int64, torch.bool]:
        try:
            f(torch.tensor([1], dtype=dt))
        except Exception as e:
            print(e)
""",
"parameter_list_and_dict": """
class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.ps = nn.ParameterList([nn.Parameter(torch.randn(2, 3)), torch.zeros(3)])
        self.pd = nn.ParameterDict({'b': nn.Parameter(torch.ones(2)), 'a': torch.zeros(1, dtype=torch.float64)})
    def forward(self, x):
        for p in self.ps:
            x = x + p.sum()
        return x * self.pd['b'].sum()
m = M()
print(m)
print([n for n, _ in m.named_parameters()])
print(list(m.state_dict().keys()))
print(len(m.ps), len(m.pd), 'a' in m.pd, list(m.pd.keys()), type(m.ps[1]).__name__, m.ps[1].requires_grad)
m.ps.append(torch.ones(4))
m.pd['c'] = torch.ones(5)
m.pd.update([('d', nn.Parameter(torch.ones(1)))])
print(m.ps, m.pd)
print(m.ps[-1], m.ps[0:2])
y = m(torch.ones(2))
y.sum().backward()
print(m.ps[0].grad, m.pd['b'].grad)
print(m.pd.pop('a'), list(m.pd.keys()), m.pd.get('zz', 3))
with torch.no_grad():
    for p in m.parameters():
        if p.grad is not None:
            p -= 0.1 * p.grad
print(m.ps[0], m.ps[0]._version)
pl = nn.ParameterList()
print(pl, len(pl))
try:
    m.ps[7]
except IndexError as e:
    print(e)
try:
    m.pd[3]
except TypeError as e:
    print(e)
m.ps(1)
""",
"channel_dropouts": """
x = torch.ones(2, 3, 2, 2, requires_grad=True)
y = nn.Dropout2d(0.5)(x)
print(y, y.grad_fn.name())
y.sum().backward()
print(x.grad)
print(nn.Dropout1d(0.3)(torch.ones(4, 3)), nn.Dropout1d(), nn.Dropout2d(0.2, True), nn.Dropout3d())
print(F.dropout2d(torch.ones(2, 3, 4), 0.5))
print(F.dropout2d(torch.ones(3, 4), 0.5))
print(F.dropout3d(torch.ones(2, 2, 1, 1, 2), 0.5), F.dropout3d(torch.ones(2, 1, 1, 2), 0.5))
z = torch.ones(2, 4)
F.dropout1d(z, 0.5, inplace=True)
print(z, z._version)
d = nn.Dropout2d(1.0)
print(d(torch.ones(1, 2, 2, 2)), F.dropout2d(torch.ones(1, 2, 2), 0.5, training=False))
F.dropout1d(torch.ones(2), 0.5)
""",
"more_activation_modules": """
mods = [nn.SELU(), nn.SELU(True), nn.CELU(), nn.CELU(0.5, True), nn.Mish(), nn.Mish(inplace=True), nn.Hardswish(), nn.Hardsigmoid(True),
        nn.LogSigmoid(), nn.Softsign(), nn.Tanhshrink(), nn.Threshold(0.1, 20.), nn.Threshold(0, -1, True), nn.Softmin(), nn.Softmin(1),
        nn.GLU(), nn.GLU(0), nn.PReLU(), nn.PReLU(3, 0.1), nn.ReLU6(), nn.ReLU6(True), nn.Hardshrink(), nn.Softshrink(0.3)]
for m in mods:
    print(m)
x = torch.randn(2, 3, 4)
for m in mods:
    if isinstance(m, nn.Softmin) and m.dim is None:
        continue
    y = m(x.clone())
    print(type(m).__name__, y.shape, type(y.grad_fn).__name__, y.flatten()[:3])
p = nn.PReLU(3)
print(list(p.named_parameters()), p.weight._version, p.state_dict())
y = p(x)
y.sum().backward()
print(p.weight.grad)
print(nn.Sequential(nn.Linear(4, 4), nn.PReLU(), nn.SELU(inplace=True), nn.Softmin(dim=-1))(x).sum())
""",
"more_activations_bits": """
x0 = torch.randn(1000) * 4
x0[:6] = torch.tensor([-3., 3., 0., -0., 20., -20.])
def check(name, f, x, grad=True):
    x = x.clone().requires_grad_()
    y = f(x)
    y.backward(torch.linspace(-1, 1, y.numel()).reshape(y.shape))
    print(name, y.grad_fn.name(), y.sum().item(), y.double().pow(2).sum().item(),
          x.grad.double().pow(2).sum().item() if grad else round(x.grad.double().pow(2).sum().item(), 4))
for name, f, grad in [('selu', F.selu, False), ('celu', F.celu, False), ('hardswish', F.hardswish, True),
                      ('hardsigmoid', F.hardsigmoid, True), ('threshold', lambda t: F.threshold(t, 0.1, 20.), True),
                      ('hardshrink', F.hardshrink, True), ('softshrink', F.softshrink, True), ('glu', F.glu, True),
                      ('softsign', F.softsign, True), ('softmin', lambda t: F.softmin(t, 0), False)]:
    for dt in [torch.float32, torch.float64]:
        check(name, f, x0.to(dt), grad)
for name, f in [('mish', F.mish), ('logsigmoid', F.logsigmoid), ('tanhshrink', F.tanhshrink), ('celu', lambda t: F.celu(t, 0.7))]:
    y = f(x0[:12].clone().requires_grad_())
    print(name, y)
w = torch.tensor([0.25, -0.5, 2.0], requires_grad=True)
xp = x0[:24].reshape(2, 3, 4).clone().requires_grad_()
y = F.prelu(xp, w)
y.backward(torch.linspace(-1, 1, 24).reshape(2, 3, 4))
print(y.grad_fn.name(), [n.name() for n, _ in y.grad_fn.next_functions], y.sum().item(), w.grad.tolist(), xp.grad.sum().item())
w1 = torch.tensor([0.25], requires_grad=True)
y = F.prelu(x0[:5], w1)
y.sum().backward()
print(y, w1.grad)
for name, f in [('selu', F.selu), ('celu', F.celu), ('mish', F.mish), ('hardswish', F.hardswish), ('hardsigmoid', F.hardsigmoid),
                ('threshold', lambda t, **k: F.threshold(t, 0.1, 20., **k)), ('relu6', F.relu6)]:
    a = x0[:8].clone().requires_grad_()
    b = a * 1
    y = f(b, inplace=True)
    y.sum().backward()
    print(name, y.grad_fn.name(), y is b, b._version, a.grad)
""",
"celu_zero_alpha": "F.celu(torch.tensor([-1.]), alpha=0.)",
"softshrink_negative_lambda": "F.softshrink(torch.tensor([-1.]), -1)",
"glu_odd_dimension": "F.glu(torch.randn(3))",
"prelu_channel_mismatch": "F.prelu(torch.randn(2, 3), torch.ones(2))",
"threshold_bool": "F.threshold(torch.tensor([True]), 0, 1)",
"gelu_integer_input_kind": "F.gelu(torch.tensor([1]))",
"hardtanh_bool_input_kind": "F.relu6(torch.tensor([True]))",
"activations_values_and_grads": """
x = torch.randn(2, 5) * 3
for f in [torch.relu, nn.functional.leaky_relu, lambda t: nn.functional.leaky_relu(t, 0.2), nn.functional.elu,
          nn.functional.silu, nn.functional.hardtanh, lambda t: nn.functional.softmax(t, dim=1),
          lambda t: nn.functional.log_softmax(t, dim=0), torch.sigmoid, torch.tanh, nn.functional.softplus]:
    a = x.clone().requires_grad_()
    y = f(a)
    (y * torch.arange(10.).view(2, 5)).sum().backward()
    print(y, a.grad)
""",
"inplace_activations": """
x = torch.tensor([-1., 0.5, 2.], requires_grad=True)
y = torch.sigmoid(x)
z = nn.ReLU(inplace=True)(y)
print(z is y, y._version, z.grad_fn)
for f in [lambda t: nn.functional.leaky_relu(t, 0.1, inplace=True), lambda t: nn.functional.elu(t, inplace=True),
          lambda t: nn.functional.silu(t, inplace=True), lambda t: nn.functional.hardtanh(t, inplace=True)]:
    a = x * 2
    b = f(a)
    b.sum().backward()
    print(b is a, a._version, b.grad_fn.name(), x.grad)
    x.grad = None
try:
    z.sum().backward()
except RuntimeError as e:
    print(e)
""",
"dropout_seeded": """
x = torch.ones(4, 5, requires_grad=True)
d = nn.Dropout(0.3)
y = d(x)
print(y, y.grad_fn)
y.sum().backward()
print(x.grad)
d.eval()
print(d(x) is x)
print(nn.functional.dropout(torch.ones(6), 0.5), nn.functional.dropout(torch.ones(3), training=False))
t = torch.ones(5)
print(nn.functional.dropout(t, 0.2, inplace=True) is t, t._version)
print(torch.rand(2))
""",
"linear_shapes_and_grad_fns": """
m = nn.Linear(3, 2)
for x in [torch.randn(4, 3), torch.randn(3), torch.randn(2, 4, 3), torch.randn(2, 4, 3).transpose(0, 1)]:
    x.requires_grad_()
    y = m(x)
    y.sum().backward()
    print(y.grad_fn, y.grad_fn.next_functions, y.shape)
    print(x.grad)
print(m.weight.grad, m.bias.grad)
nb = nn.Linear(3, 2, bias=False)
print(nb(torch.ones(2, 3)).grad_fn)
""",
}

LOSSES = {
"kl_div_reductions": """
x = torch.randn(3, 4, requires_grad=True)
p = F.softmax(torch.randn(3, 4), 1)
for red in ['batchmean', 'sum', 'none', 'mean']:
    l = F.kl_div(F.log_softmax(x, 1), p, reduction=red)
    print(red, l, l.grad_fn.name())
l = nn.KLDivLoss(reduction='batchmean', log_target=True)(F.log_softmax(x, 1), p.log())
l.backward()
print(l, x.grad, nn.KLDivLoss(), nn.KLDivLoss(log_target=True))
t = torch.tensor([0., 0.5, 0.5])
print(F.kl_div(torch.tensor([-1., -2., -3.]), t, reduction='sum'))
print(F.kl_div(torch.tensor(-1.), torch.tensor(0.3), reduction='batchmean'))
F.kl_div(torch.tensor([1, 2]), torch.tensor([1, 2]))
""",
"losses_values_grads": """
x = torch.randn(4, 3)
t = torch.randn(4, 3)
for red in ['mean', 'sum', 'none']:
    for f in [nn.functional.mse_loss, nn.functional.l1_loss, nn.functional.smooth_l1_loss, nn.functional.huber_loss,
              lambda a, b, reduction: nn.functional.smooth_l1_loss(a, b, reduction=reduction, beta=0.5),
              lambda a, b, reduction: nn.functional.huber_loss(a, b, reduction=reduction, delta=0.3)]:
        a = x.clone().requires_grad_()
        y = f(a, t, reduction=red)
        y.sum().backward() if red == 'none' else y.backward()
        print(red, y.grad_fn.name(), y, a.grad)
""",
"cross_entropy_forms": """
x = torch.randn(5, 4)
c = torch.tensor([0, 3, 1, 1, 2])
p = torch.rand(5, 4).softmax(1)
w = torch.tensor([1., 2., 0.5, 1.5])
for kw in [{}, {'reduction': 'sum'}, {'reduction': 'none'}, {'label_smoothing': 0.1}, {'weight': w},
           {'ignore_index': 1}, {'weight': w, 'label_smoothing': 0.2}, {'weight': w, 'ignore_index': 3, 'reduction': 'sum'}]:
    for target in [c, p]:
        if 'ignore_index' in kw and target is p:
            continue
        a = x.clone().requires_grad_()
        y = nn.functional.cross_entropy(a, target, **kw)
        y.sum().backward()
        print(kw, y, y.grad_fn.name(), a.grad)
print(nn.CrossEntropyLoss()(torch.randn(3, 5, requires_grad=True), torch.tensor([1, 0, 4])))
""",
"nll_loss": """
lp = torch.randn(6, 3).log_softmax(1).requires_grad_()
t = torch.tensor([0, 2, 1, 2, 0, -100])
for kw in [{}, {'reduction': 'sum'}, {'reduction': 'none'}, {'weight': torch.tensor([0.2, 1., 3.])}]:
    y = nn.functional.nll_loss(lp, t, **kw)
    y.sum().backward()
    print(y, y.grad_fn.name(), lp.grad)
    lp.grad = None
print(nn.NLLLoss()(torch.randn(3).log_softmax(0), torch.tensor(1)))
x4 = torch.randn(2, 3, 2, 2, requires_grad=True)
y = nn.functional.cross_entropy(x4, torch.randint(0, 3, (2, 2, 2)))
y.backward()
print(y, y.grad_fn.name(), x4.grad[0, 0])
try:
    nn.functional.nll_loss(lp, torch.tensor([0, 5, 1, 2, 0, 1]))
except IndexError as e:
    print(e)
""",
"bce_losses": """
logits = torch.randn(3, 4)
target = torch.rand(3, 4)
for red in ['mean', 'sum', 'none']:
    a = logits.clone().requires_grad_()
    y = nn.functional.binary_cross_entropy(torch.sigmoid(a), target, reduction=red)
    y.sum().backward()
    print(y, y.grad_fn.name(), a.grad)
    b = logits.clone().requires_grad_()
    z = nn.functional.binary_cross_entropy_with_logits(b, target, reduction=red)
    z.sum().backward()
    print(z, z.grad_fn.name(), b.grad)
c = logits.clone().requires_grad_()
z = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([1., 2., 3., 4.]))(c, target)
z.backward()
print(z, c.grad)
print(nn.BCELoss(weight=torch.tensor([1., 2., 3., 4.]))(torch.sigmoid(logits), target))
try:
    nn.functional.binary_cross_entropy(logits, target)
except RuntimeError as e:
    print(e)
""",
"loss_size_warning": """
print(nn.MSELoss()(torch.ones(3, 1), torch.zeros(3)))
print(nn.L1Loss(reduction='sum')(torch.ones(3), torch.zeros(3)))
""",
}

UTILS = {
"clip_and_vectors": """
net = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
net(torch.randn(5, 3)).pow(2).sum().backward()
print(nn.utils.clip_grad_norm_(net.parameters(), 0.5))
print(net[0].weight.grad, net[2].bias.grad._version)
print(nn.utils.clip_grad_norm_(net.parameters(), 0.1, norm_type=1.0))
nn.utils.clip_grad_value_(net.parameters(), 0.01)
print(net[0].bias.grad)
v = nn.utils.parameters_to_vector(net.parameters())
print(v.shape, v.grad_fn)
nn.utils.vector_to_parameters(torch.arange(float(v.numel())), net.parameters())
print(net[2].bias, net[2].bias._version)
""",
"one_hot_normalize_pad": """
print(nn.functional.one_hot(torch.tensor([0, 2, 1])), nn.functional.one_hot(torch.tensor([1, 0]), 4))
x = torch.randn(3, 4, requires_grad=True)
y = nn.functional.normalize(x)
y.sum().backward()
print(y, x.grad)
print(nn.functional.normalize(torch.tensor([[3., 4.]]), p=1, dim=1))
print(nn.functional.pad(torch.ones(2, 2), (1, 1)), nn.functional.pad(torch.ones(2, 3), (0, 1, 1, 0), value=2.))
""",
}

ALL = {**MODULES, **LAYERS, **LOSSES, **UTILS}

NORM_CONV = {
"adaptive_average_pooling": """
x = (torch.randn(2, 3, 13, 11) * 10).requires_grad_()
for size in [1, (3, 4), 5, (13, 11), (7, 3), (None, 2), (2, None)]:
    y = F.adaptive_avg_pool2d(x, size)
    y.backward(torch.linspace(-1, 1, y.numel()).reshape(y.shape))
    print(size, y.shape, y.grad_fn.name(), y.sum().item(), y.double().pow(2).sum().item(), x.grad.double().pow(2).sum().item())
    x.grad = None
z = torch.randn(2, 3, 10, requires_grad=True)
y = F.adaptive_avg_pool1d(z, 3)
print(y.shape, y.grad_fn.name(), y.grad_fn.next_functions[0][0].name(), y.sum().item())
print(F.adaptive_avg_pool1d(z, 1).grad_fn.name(), F.adaptive_avg_pool2d(torch.ones(2, 3), 1))
print(nn.AdaptiveAvgPool2d(3), nn.AdaptiveAvgPool2d((1, None)), nn.AdaptiveAvgPool1d(4), nn.AdaptiveAvgPool2d((None, 2))(x).shape)
net = nn.Sequential(nn.Conv2d(3, 4, 3), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(4, 2))
out = net(x)
print(out, out.grad_fn.name())
F.adaptive_avg_pool2d(torch.ones(2, 0, 3), 2)
""",
"conv_layers": """
c = nn.Conv2d(2, 3, 3)
print(c, c.weight._version, c.bias)
x = torch.randn(1, 2, 5, 5, requires_grad=True)
y = c(x)
print(y, y.grad_fn.name())
y.sum().backward()
print(x.grad[0, 0], c.bias.grad)
c2 = nn.Conv2d(2, 4, (3, 2), stride=2, padding=1, bias=False)
print(c2, c2(torch.randn(3, 2, 6, 5)))
c1 = nn.Conv1d(2, 3, 3, padding='same')
print(c1, c1(torch.randn(2, 2, 6)))
try:
    c(torch.randn(1, 4, 5, 5))
except RuntimeError as e:
    print(e)
""",
"pooling": """
x = torch.randn(1, 2, 5, 6, requires_grad=True)
m = nn.MaxPool2d(2)
y = m(x)
print(m, y, y.grad_fn.name())
y.sum().backward()
print(x.grad)
a = nn.AvgPool2d(3, stride=2, padding=1)
z = a(x)
print(a, z, z.grad_fn.name())
x.grad = None
z.sum().backward()
print(x.grad)
print(nn.functional.max_pool2d(torch.arange(16.).view(1, 1, 4, 4), 2, return_indices=True))
""",
"layer_norm": """
ln = nn.LayerNorm(4)
print(ln, ln.weight, ln.bias, ln.weight._version)
x = torch.randn(3, 4, requires_grad=True)
y = ln(x)
print(y, y.grad_fn.name())
(y * torch.arange(12.).view(3, 4)).sum().backward()
print(x.grad, ln.weight.grad, ln.bias.grad)
print(nn.LayerNorm([2, 3], elementwise_affine=False)(torch.randn(2, 2, 3)))
print(nn.functional.layer_norm(torch.randn(2, 20), (20,)))
""",
"batch_norm_modes": """
bn = nn.BatchNorm1d(3)
print(bn, bn.running_mean._version, bn.num_batches_tracked, bn.num_batches_tracked._version)
x = torch.randn(5, 3, requires_grad=True)
y = bn(x)
print(y, y.grad_fn.name())
print(bn.running_mean, bn.running_var, bn.running_mean._version, bn.num_batches_tracked, bn.num_batches_tracked._version)
(y * torch.arange(15.).view(5, 3)).sum().backward()
print(x.grad.shape, bn.weight.grad, bn.bias.grad)  # (x.grad: measured in test_last_bits, 99% of last bits)
bn.eval()
print(bn(x), bn.running_mean._version)
print(list(bn.state_dict().keys()))
b2 = nn.BatchNorm2d(2, momentum=None)
for _ in range(2):
    b2(torch.randn(2, 2, 3, 3))
print(b2, b2.running_mean, b2.running_var, b2.num_batches_tracked)
try:
    nn.BatchNorm1d(2)(torch.ones(1, 2))
except ValueError as e:
    print(e)
""",
"embedding": """
e = nn.Embedding(5, 3, padding_idx=0)
print(e, e.weight)
idx = torch.tensor([[1, 0, 4], [4, 4, 2]])
y = e(idx)
print(y, y.grad_fn.name())
y.sum().backward()
print(e.weight.grad)
try:
    e(torch.tensor([5]))
except IndexError as e2:
    print(e2)
""",
}
ALL.update(NORM_CONV)

HOOKS = {
"full_backward_hooks": """
m = nn.Linear(2, 2)
def hook(mod, gi, go):
    print('hook', type(mod).__name__, gi, go)
h = m.register_full_backward_hook(hook)
x = torch.ones(1, 2, requires_grad=True)
y = m(x)
print(y.grad_fn.name(), y.grad_fn.next_functions[0][0].name())
y.sum().backward()
print(x.grad)
m(torch.ones(1, 2)).sum().backward()
h.remove()
m(x).sum().backward()
m2 = nn.Linear(2, 2)
m2.register_full_backward_hook(lambda mod, gi, go: (gi[0] * 0,))
x2 = torch.ones(1, 2, requires_grad=True)
m2(x2).sum().backward()
print(x2.grad)
pre = nn.Linear(2, 2)
pre.register_full_backward_pre_hook(lambda mod, go: print('pre', go))
pre(torch.ones(1, 2)).sum().backward()
""",
}
ALL.update(HOOKS)

SCENARIOS = {
"freeze_and_detach_between_networks": """
enc = nn.Sequential(nn.Linear(3, 4), nn.Tanh())
dec = nn.Linear(4, 2)
x = torch.randn(5, 3)
for p in enc.parameters():
    p.requires_grad = False
h = enc(x)
print(h.requires_grad, h.grad_fn)
out = dec(h)
out.sum().backward()
print(enc[0].weight.grad, dec.weight.grad)
print(sum(p.numel() for p in enc.parameters() if p.requires_grad), sum(p.numel() for p in dec.parameters()))
enc.requires_grad_(True)
h2 = enc(x).detach()
dec.zero_grad()
dec(h2).pow(2).mean().backward()
print(enc[0].weight.grad, dec.bias.grad)
""",
"custom_module_repr_and_tree": """
class Block(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.lin = nn.Linear(n, n)
        self.act = nn.GELU()
    def extra_repr(self):
        return f'n={self.n}'
    def forward(self, x):
        return self.act(self.lin(x)) + x
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = nn.ModuleList([Block(2) for _ in range(2)])
        self.head = nn.Linear(2, 1)
        self.register_buffer('mask', torch.ones(2))
    def forward(self, x):
        for b in self.blocks:
            x = b(x)
        return self.head(x * self.mask)
net = Net()
print(net)
print([n for n, _ in net.named_modules()])
print([n for n, _ in net.named_buffers()], list(net.state_dict().keys()))
y = net(torch.ones(3, 2))
print(y, y.grad_fn)
print(net.blocks[1].lin.weight.grad is None, net.get_submodule('blocks.0.lin'))
""",
"apply_prints_modules": """
net = nn.Sequential(nn.Linear(2, 2), nn.Sequential(nn.ReLU(), nn.Linear(2, 1)))
@torch.no_grad()
def show(m):
    print(type(m).__name__)
    if isinstance(m, nn.Linear):
        m.weight.fill_(0.5)
net.apply(show)
print(net[1][1].weight, net[0].weight._version)
""",
"forward_hooks_capture_activations": """
acts = {}
def save(name):
    def hook(m, inp, out):
        acts[name] = out.detach()
    return hook
net = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
handles = [m.register_forward_hook(save(str(i))) for i, m in enumerate(net)]
net(torch.ones(1, 2))
print(sorted(acts), acts['1'], acts['1']._version)
for h in handles:
    h.remove()
acts.clear()
net(torch.ones(1, 2))
print(acts)
""",
"batchnorm_dropout_train_eval": """
net = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.ReLU(), nn.Dropout(0.5), nn.Linear(4, 1))
x = torch.randn(6, 3)
net.train()
a = net(x)
b = net(x)
print(torch.equal(a, b), net[1].num_batches_tracked, net[1].running_mean)
net.eval()
c = net(x)
d = net(x)
print(torch.equal(c, d), net[1].num_batches_tracked, c)
print(net[1].state_dict())
""",
"parameter_data_assignment": """
lin = nn.Linear(2, 2)
w = lin.weight
lin.weight.data = torch.zeros(2, 2)
print(lin.weight is w, lin.weight, lin.weight._version)
lin.weight.data.fill_(3)
print(lin.weight._version, lin.weight)
with torch.no_grad():
    lin.bias.copy_(torch.tensor([1., -1.]))
print(lin.bias, lin.bias._version, lin.bias.is_leaf)
try:
    lin.bias.add_(1)
except RuntimeError as e:
    print(e)
""",
}
ALL.update(SCENARIOS)

TORCH_NAMES = {
"nn_ops_under_torch": """
x = torch.randn(2, 3, requires_grad=True)
w = torch.randn(4, 3)
b = torch.randn(4)
print(torch.addmm(b, x, w.t()), torch.dropout(torch.ones(4), 0.5, True), torch.dropout(torch.ones(2), 0.5, False))
print(torch.layer_norm(x, (3,)), torch.embedding(w, torch.tensor([0, 3])))
print(torch.conv1d(torch.ones(1, 1, 4), torch.ones(2, 1, 2)), torch.constant_pad_nd(torch.ones(2), (1, 2), 5.))
print(torch.max_pool2d(torch.arange(16.).view(1, 4, 4), 2), torch.conv2d(torch.ones(1, 1, 3, 3), torch.ones(1, 1, 2, 2)))
""",
}
ALL.update(TORCH_NAMES)

OLD_HOOKS = {
"non_full_backward_hook": """
m = nn.Linear(2, 2)
def hook(mod, gi, go):
    print('hook', len(gi), [None if g is None else g.shape for g in gi], go)
m.register_backward_hook(hook)
x = torch.ones(1, 2, requires_grad=True)
m(x).sum().backward()
try:
    m.register_full_backward_hook(hook)
except RuntimeError as e:
    print(e)
r = nn.ReLU()
r.register_backward_hook(hook)
r(x * 2).sum().backward()
""",
}
ALL.update(OLD_HOOKS)

NETWORKS = {
"small_cnn_step": """
net = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1, bias=False), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                    nn.Dropout(0.25), nn.Linear(4 * 3 * 3, 3))
x = torch.randn(2, 1, 6, 6)
target = torch.tensor([0, 2])
loss = nn.CrossEntropyLoss()(net(x), target)
print(loss, loss.grad_fn.next_functions)
loss.backward()
print(net[0].weight.grad[0, 0], net[1].weight.grad, net[6].bias.grad)  # (a conv bias before BatchNorm: noise)
print([n for n, p in net.named_parameters()], net[1].running_var)
""",
}
ALL.update(NETWORKS)
