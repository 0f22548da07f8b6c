"""Programs in PyTorch spelling run in torch and in the engine; printed text and errors must match."""

PROGRAMS = {
"views_share_storage": """
x = torch.arange(6.).view(2, 3)
v = x[:, 1]
v[0] = 100.
print(x, v._base is x, v.is_contiguous(), v.stride(), v.storage_offset())
t = x.t()
print(t.is_contiguous(), t.stride(), t._version, x._version)
print(x.view(-1).data_ptr() == x.data_ptr(), x[1].data_ptr() - x.data_ptr())
""",
"version_counter_shared": """
x = torch.ones(3, requires_grad=True)
d = x.detach()
d.add_(1)
print(x._version, d._version, x.data._version)
e = x.data
e.mul_(2)
print(x, x._version, e._version)
""",
"clone_keeps_graph": """
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = a.clone()
print(b, b.is_leaf, b.requires_grad, b.grad_fn.next_functions[0][0].variable is a)
(b * b).sum().backward()
print(a.grad)
""",
"grad_accumulates": """
w = torch.tensor([1., 2.], requires_grad=True)
for i in range(3):
    (w * w).sum().backward()
    print(w.grad)
w.grad.zero_()
print(w.grad)
w.grad = None
print(w.grad)
""",
"retain_graph_twice": """
x = torch.tensor([2.], requires_grad=True)
y = x ** 3
y.backward(retain_graph=True)
print(x.grad)
y.backward()
print(x.grad)
y.backward()
""",
"hooks_replace_grad": """
x = torch.tensor([1., 2., 3.], requires_grad=True)
h = x.register_hook(lambda g: g * 10)
y = (x * 2).sum()
y.backward()
print(x.grad)
h.remove()
x.grad = None
(x * 2).sum().backward()
print(x.grad)
""",
"hook_on_intermediate": """
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 3
y.register_hook(lambda g: print('hook sees', g))
z = (y ** 2).sum()
z.backward()
print(x.grad)
""",
"retain_grad": """
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 3
y.retain_grad()
z = (y * y).sum()
z.backward()
print(y.grad, x.grad, y.retains_grad, x.retains_grad)
""",
"no_grad_block": """
x = torch.ones(2, requires_grad=True)
with torch.no_grad():
    y = x * 2
    print(y.requires_grad, torch.is_grad_enabled())
    x.add_(1)
print(y, x, x._version, torch.is_grad_enabled())
with torch.no_grad():
    with torch.enable_grad():
        z = x * 2
print(z)
""",
"leaf_inplace_error": """
x = torch.ones(2, requires_grad=True)
x.add_(1)
""",
"view_of_leaf_inplace_error": """
x = torch.ones(2, requires_grad=True)
x[0] = 5
""",
"no_grad_view_inplace": """
a = torch.ones(3, requires_grad=True)
with torch.no_grad():
    v = a[0:2]
print(v.requires_grad, v.is_leaf)
v.mul_(2)
""",
"copyslices": """
a = torch.ones(4, requires_grad=True)
b = a * 2
b[1:3] = torch.tensor([5., 6.])
print(b)
print(b.grad_fn.name(), b.grad_fn.next_functions[0][0].name(), b._version)
b.sum().backward()
print(a.grad)
""",
"view_inplace_asstrided": """
a = torch.ones(3, requires_grad=True)
b = a.exp()
c = b[1:]
c.mul_(2)
print(b, c)
print(type(b.grad_fn).__name__ if False else b.grad_fn.name(), c.grad_fn.name())
print(c.grad_fn.next_functions[0][0] is b.grad_fn)
""",
"view_inplace_backward": """
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = a * 1
c = b[1:]
c.mul_(a[1:] * 2)
b.sum().backward()
print(a.grad)
""",
"base_inplace_view_grad_fn": """
a = torch.ones(3, requires_grad=True)
b = a.clone()
v = b[:2]
print(v.grad_fn.name())
b.mul_(3)
print(v.grad_fn.name(), v)
v.sum().backward()
print(a.grad)
""",
"saved_input_modified": """
a = torch.ones(2, requires_grad=True)
b = a * 2
c = b * b
b.add_(1)
c.sum().backward()
""",
"saved_output_modified_tanh": """
a = torch.ones(2, requires_grad=True)
b = a.tanh()
b2 = b.sigmoid()
b.add_(1)
b2.sum().backward()
""",
"data_bypasses_version": """
a = torch.ones(3, requires_grad=True)
b = a.sigmoid()
b.data.zero_()
print(b._version)
b.sum().backward()
print(a.grad)
""",
"deepcopy_non_leaf": """
import copy
x = torch.ones(2, requires_grad=True)
y = x * 2
copy.deepcopy(y)
""",
"deepcopy_leaf_copies_grad": """
import copy
x = torch.ones(2, requires_grad=True)
(x * 3).sum().backward()
z = copy.deepcopy(x)
print(z, z.grad, z.is_leaf, z.requires_grad, z.data_ptr() == x.data_ptr(), z.grad is x.grad, z._version)
""",
"detach_view_inplace": """
x = torch.ones(4, requires_grad=True)
y = x * 2
v = y[:2]
v.detach_()
""",
"requires_grad_non_leaf": """
x = torch.ones(2, requires_grad=True)
y = x * 2
y.requires_grad_(True)
print(y.requires_grad)
y.requires_grad = False
""",
"int_requires_grad": """
x = torch.tensor([1, 2])
print(x, x.dtype)
x.requires_grad_()
""",
"implicit_nonscalar": """
x = torch.ones(2, 2, requires_grad=True)
(x * 2).backward()
""",
"gradient_arg": """
x = torch.ones(2, 2, requires_grad=True)
y = x * x * 3
y.backward(torch.tensor([[1., 2.], [3., 4.]]))
print(x.grad)
""",
"gradient_arg_shape": """
x = torch.ones(3, requires_grad=True)
(x * 2).backward(torch.ones(2))
""",
"autograd_grad": """
x = torch.tensor([1., 2.], requires_grad=True)
y = (x ** 3).sum()
g, = torch.autograd.grad(y, x, create_graph=True)
print(g)
g2, = torch.autograd.grad(g.sum(), x)
print(g2, x.grad)
""",
"autograd_grad_unused": """
x = torch.tensor([1., 2.], requires_grad=True)
z = torch.tensor([1., 2.], requires_grad=True)
y = (x * 2).sum()
print(torch.autograd.grad(y, [x, z], allow_unused=True, retain_graph=True))
torch.autograd.grad(y, [x, z])
""",
"higher_order": """
x = torch.tensor(2., requires_grad=True)
y = x ** 4
dy, = torch.autograd.grad(y, x, create_graph=True)
d2y, = torch.autograd.grad(dy, x, create_graph=True)
d3y, = torch.autograd.grad(d2y, x)
print(dy, d2y, d3y)
""",
"saved_outputs_carry_their_history_into_a_second_derivative": """
x = torch.tensor([0.3, -1.2, 2.0], requires_grad=True)
for f in (torch.tanh, torch.sigmoid, torch.exp, torch.sqrt):
    y = f(x.abs()).sum()
    g, = torch.autograd.grad(y, x, create_graph=True)
    print(g.grad_fn.name(), g.requires_grad)
    h, = torch.autograd.grad(g.sum(), x)
    print(g, h)
""",
"create_graph_backward": """
x = torch.tensor([1., 3.], requires_grad=True)
y = (x.exp() * x).sum()
y.backward(create_graph=True)
print(x.grad)
g = x.grad.sum()
x.grad = None
g.backward()
print(x.grad)
""",
"promotion": """
a = torch.tensor([1, 2])
print(a * 1.5, (a * 1.5).dtype)
b = torch.tensor([1.], dtype=torch.float64)
print(b + 1, (b + 1).dtype)
print(a / 2, a // 2, a > 1, (a == 2).dtype)
print(torch.tensor([True, False]) + 1)
print(torch.tensor(2.5, dtype=torch.float64) * torch.ones(2))
print(a + torch.tensor(1.5, dtype=torch.float64))
print(torch.tensor([1, 2], dtype=torch.int64).sum(), torch.tensor([True, True]).sum())
""",
"printing_corner_cases": """
print(torch.tensor(3.))
print(torch.tensor([]))
print(torch.zeros(2, 0))
print(torch.tensor([1e-5, 1.]))
print(torch.tensor([1e10, 1.]))
print(torch.tensor([float('nan'), float('inf'), -0.]))
print(torch.tensor([[1, 2], [3, 4]]))
print(torch.tensor([True, False]))
print(torch.arange(2000.))
print(torch.ones(2, dtype=torch.float64, requires_grad=True))
print(torch.linspace(0, 1, 5))
print(torch.eye(3))
print(torch.full((2, 2), 7))
""",
"shapes_and_sizes": """
x = torch.zeros(2, 3, 4)
print(x.shape, x.size(), x.size(1), x.dim(), x.numel(), x.stride())
y = x.permute(2, 0, 1)
print(y.shape, y.stride(), y.is_contiguous(), y.contiguous().stride())
print(x.transpose(0, 2).shape, x.unsqueeze(1).shape, x.unsqueeze(-1).stride(), x[None].shape)
print(x.view(6, 4).shape, x.reshape(-1).shape, x.flatten(1).shape, x[..., 0].shape, x[:, None, 1].shape)
print(torch.ones(1, 3, 1).squeeze().shape, torch.ones(1, 3, 1).squeeze(0).shape, torch.ones(3, 1).expand(3, 4).stride())
""",
"view_errors": """
x = torch.zeros(2, 3)
print(x.t().reshape(6).is_contiguous())
x.t().view(6)
""",
"broadcast_error": """
torch.ones(2, 3) + torch.ones(4)
""",
"mm_error": """
torch.ones(2, 3) @ torch.ones(2, 3)
""",
"index_error": """
x = torch.ones(3)
x[3]
""",
"too_many_indices": """
torch.ones(3)[0, 0]
""",
"matmul_kinds": """
a = torch.ones(2, 3, requires_grad=True)
b = torch.ones(3, 2, requires_grad=True)
v = torch.ones(3, requires_grad=True)
print(a @ b, a @ v, v @ v, v @ b)
(a @ b).sum().backward()
print(a.grad, b.grad)
print(torch.ones(2, 2, 3) @ torch.ones(3, 2))
""",
"reductions": """
x = torch.tensor([[1., 5., 3.], [4., 2., 6.]], requires_grad=True)
print(x.sum(), x.sum(0), x.sum(dim=1, keepdim=True), x.mean(), x.mean(1))
m = x.max()
print(m, x.max(0), x.min(dim=1).values)
vals, idx = x.max(dim=1)
print(vals, idx)
(vals.sum() + m).backward()
print(x.grad)
""",
"elementwise_grads": """
x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
ys = [x.exp(), x.log(), x.sin(), x.cos(), x.tanh(), x.sigmoid(), x.relu(), x.sqrt(), x.abs(), x.pow(3), x.clamp(0.7, 1.5), 2 ** x, x ** x, 1 / x, x / 3, 3 - x, -x]
for y in ys:
    x.grad = None
    y.sum().backward()
    print(y.grad_fn.name(), x.grad)
""",
"cat_stack": """
a = torch.ones(2, requires_grad=True)
b = torch.zeros(3, requires_grad=True)
c = torch.cat([a, b])
print(c)
(c * torch.arange(5.)).sum().backward()
print(a.grad, b.grad)
s = torch.stack([a, a * 2], dim=1)
print(s)
""",
"setitem_forms": """
x = torch.zeros(3, 4)
x[0] = 1
x[1, 1:3] = torch.tensor([7., 8.])
x[:, 3] = torch.tensor([4., 5., 6.])
x[2][0] = -1
x[x > 6] = 0
print(x, x._version)
""",
"augmented_assign": """
x = torch.ones(3, requires_grad=True)
y = x * 2
y += 1
y *= y
print(y, y._version)
y.sum().backward()
""",
"augmented_assign_keeps_the_tensor": """
x = torch.ones(3, requires_grad=True)
y = x * 2
y += 1
z = y
z -= 1
z *= 3
print(z is y, y, y._version, y.grad_fn.name())
y.sum().backward()
print(x.grad)
""",
"fill_and_zero_graph": """
a = torch.tensor([2., 3.], requires_grad=True)
b = a * 3
b.zero_()
print(b)
b.sum().backward()
print(a.grad)
""",
"copy_into_nonleaf": """
a = torch.tensor([1., 2.], requires_grad=True)
src = torch.tensor([5., 6.], requires_grad=True)
b = a * 1
b.copy_(src * 2)
print(b)
b.sum().backward()
print(a.grad, src.grad)
""",
"detach_then_clone": """
x = torch.ones(3, requires_grad=True)
a = x.detach().clone()
b = x.clone().detach()
a[0] = 5.
print(x, a, b, a.data_ptr() == x.data_ptr())
""",
"requires_grad_flag_ops": """
x = torch.ones(2)
print((x * 2).requires_grad)
x.requires_grad_()
y = x * 2
print(y.requires_grad, y.is_leaf, x.is_leaf, y.grad_fn.next_functions)
""",
"next_functions_chain": """
x = torch.ones(2, requires_grad=True)
y = (x.exp() + 1) * 2
fn = y.grad_fn
print(fn.name(), [f[0].name() if f[0] is not None else None for f in fn.next_functions])
add = fn.next_functions[0][0]
print(add.name(), [f[0].name() if f[0] is not None else None for f in add.next_functions])
""",
"item_tolist": """
x = torch.tensor([[1., 2.], [3., 4.]])
print(x.tolist(), x[0, 1].item(), x.sum().item(), torch.tensor(3).item(), torch.tensor([True]).item())
x.item()
""",
"float64_grad": """
x = torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True)
y = (x ** 2).sum()
y.backward()
print(x.grad, y)
""",
"untyped_storage": """
x = torch.tensor([1., 2.])
print(x.untyped_storage().tolist())
print(x[1:].untyped_storage().tolist() == x.untyped_storage().tolist())
print(torch.tensor([1, 2]).untyped_storage().nbytes())
""",
"second_backward_mul_scalar": """
a = torch.ones(3, requires_grad=True)
y = (a + 2).sum()
y.backward()
y.backward()
print(a.grad)
z = (a * 2).sum()
z.backward()
z.backward()
""",
"no_grad_in_place_leaf_then_backward": """
a = torch.ones(3, requires_grad=True)
w = torch.ones(3, requires_grad=True)
y = (a * w).sum()
with torch.no_grad():
    a.mul_(2)
print(a, a.requires_grad, a._version)
y.backward()
""",
"exp_then_exp_": """
a = torch.tensor([0., 1.], requires_grad=True)
b = a.exp()
b.exp_()
print(b)
b.sum().backward()
""",
"sigmoid_inplace_chain": """
a = torch.tensor([0., 1.], requires_grad=True)
b = a * 2
b.sigmoid_()
c = b * 3
c.sum().backward()
print(a.grad, b.grad_fn.name())
""",
"pow_inplace_saved": """
a = torch.tensor([1., 2.], requires_grad=True)
b = a + 0
b.pow_(2)
b.sum().backward()
print(a.grad)
""",
"clamp_inplace": """
a = torch.tensor([-1., 0.5, 2.], requires_grad=True)
b = a * 1
b.clamp_(0, 1)
b.sum().backward()
print(b, a.grad)
""",
"div_inplace": """
a = torch.tensor([1., 2.], requires_grad=True)
b = a * 1
b.div_(4)
b.sum().backward()
print(b, a.grad)
""",
"nonleaf_grad_warning_value": """
a = torch.ones(2, requires_grad=True)
b = a * 2
b.sum().backward()
print(b.grad)
print(b.is_leaf)
""",
"hook_leaf_order": """
x = torch.tensor([1., 2.], requires_grad=True)
x.register_hook(lambda g: print('first', g))
x.register_hook(lambda g: g + 1)
x.register_hook(lambda g: print('third', g))
(x * 2).sum().backward()
print(x.grad)
""",
"grad_of_expand": """
x = torch.tensor([1., 2.], requires_grad=True)
y = x.unsqueeze(0).expand(3, 2)
print(y)
(y * torch.arange(6.).view(3, 2)).sum().backward()
print(x.grad)
""",
"transpose_grad": """
x = torch.arange(6., requires_grad=True)
y = x.view(2, 3).t()
print(y, y.is_contiguous())
(y * torch.tensor([[1., 2.], [3., 4.], [5., 6.]])).sum().backward()
print(x.grad)
""",
"select_grad": """
x = torch.arange(6., requires_grad=True).view(2, 3)
print(x.is_leaf, x.grad_fn.name())
w = torch.arange(6., requires_grad=True)
y = w.view(2, 3)[1]
y.sum().backward()
print(w.grad)
""",
"sum_to_broadcast_grad": """
a = torch.ones(2, 1, requires_grad=True)
b = torch.ones(3, requires_grad=True)
(a * b * torch.arange(6.).view(2, 3)).sum().backward()
print(a.grad, b.grad)
""",
}

PROGRAMS.update({
"int_arithmetic": """
a = torch.tensor([1, 2, 3])
print(a / 2, a // 2, a % 2, a ** 2, -a, a * a, a - 1, 2 ** a, a.float(), a.double().dtype)
print(a.sum(), a.max(), a.to(torch.float64), a.float().mean())
print(torch.tensor([1, 2]).sum(dtype=torch.float64))
""",
"int_inplace_cast_error": """
a = torch.tensor([1, 2])
a.add_(1)
print(a)
a.add_(1.5)
""",
"int_div_inplace_error": """
torch.tensor([1, 2]).div_(2)
""",
"bool_ops": """
m = torch.tensor([1., -2., 3.]) > 0
print(m, m.sum(), ~m, m & torch.tensor([True, True, False]), m.float(), m.dtype)
""",
"view_grad_fn_printing": """
x = torch.arange(6., requires_grad=True)
print(x[0], x[1:3], x.view(2, 3), x.view(2, 3).t(), x.view(2, 3)[:, 1], x[None], x.unsqueeze(1).squeeze(1))
print(x.view(2, 3).permute(1, 0), x.view(2, 3).transpose(0, 1), x.expand(2, 6)[0], x.reshape(3, 2), x.flatten())
""",
"negative_and_step_slices": """
x = torch.arange(10)
print(x[-1], x[1:-1], x[::3], x[-3:], x[5:2], x[:100], x[-100:2])
y = torch.arange(12).view(3, 4)
print(y[:, -1], y[-1, ::2], y[1:, 1:3], y[..., 1], y[:, None, 0])
""",
"sum_mean_dims": """
x = torch.arange(24.).view(2, 3, 4)
print(x.sum((0, 2)), x.mean(dim=(1, 2), keepdim=True).shape, x.sum(-1).shape, x.max(dim=2, keepdim=True).values.shape)
print(torch.zeros(0).sum(), torch.zeros(2, 0).sum(1))
""",
"nonleaf_inplace_view_then_use_view": """
a = torch.ones(4, requires_grad=True)
b = a * 2
v = b.view(2, 2)
v[0, 0] = 10.
print(b, v, b._version, v._version)
(v * v).sum().backward()
print(a.grad)
""",
"detach_version_sharing_then_backward_ok": """
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
z = y.detach()
z[0] = 100.
print(y, y._version)
y.sum().backward()
print(x.grad)
""",
"retain_graph_false_then_grad_call": """
x = torch.tensor([1., 2.], requires_grad=True)
y = (x.exp()).sum()
torch.autograd.grad(y, x)
torch.autograd.grad(y, x)
""",
"no_grad_requires_grad_result": """
x = torch.ones(2, requires_grad=True)
with torch.no_grad():
    y = x + 1
    z = x[0]
print(y.requires_grad, y.grad_fn, z.requires_grad, z.grad_fn, z.is_leaf)
""",
"backward_on_leaf_scalar": """
x = torch.tensor(3., requires_grad=True)
x.backward()
print(x.grad)
x.backward(torch.tensor(2.))
print(x.grad)
""",
"grad_assign_mismatch": """
x = torch.ones(3, requires_grad=True)
x.grad = torch.ones(2)
""",
"zero_dim_ops": """
a = torch.tensor(2., requires_grad=True)
b = a * a + 1
print(b, b.shape, b.dim(), b.item())
b.backward()
print(a.grad)
print(torch.tensor(5) + torch.tensor([1., 2.]))
""",
"deepcopy_view_shares_nothing": """
import copy
x = torch.arange(4.)
v = x[1:3]
w = copy.deepcopy(v)
w[0] = 100.
print(x, v, w, w.storage_offset(), w._base is None)
""",
"hook_returning_none_and_modify": """
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
seen = []
y.register_hook(lambda g: seen.append(g.clone()))
y.register_hook(lambda g: g * 0)
y.sum().backward()
print(seen, x.grad)
""",
"retain_grad_accumulates": """
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 2
y.retain_grad()
z = y.sum()
z.backward(retain_graph=True)
z.backward()
print(y.grad, x.grad)
""",
"linspace_arange": """
print(torch.linspace(-1, 1, 7), torch.linspace(0, 10, 4), torch.arange(0, 1, 0.25), torch.arange(1, 10, 3), torch.arange(5.5))
print(torch.linspace(0, 1, 11).tolist()[3])
""",
"full_like_and_dtypes": """
x = torch.ones(2, dtype=torch.float64)
print(torch.zeros_like(x), torch.full_like(x, 3), torch.ones_like(x, dtype=torch.int64), torch.full((2,), 1.5), torch.full((2,), True))
print(torch.ones(2, 3).dtype, torch.tensor([1, 2.]).dtype, torch.tensor([True, 1]).dtype, torch.tensor(3).dtype)
""",
"exp_overflow_and_nan": """
x = torch.tensor([100., -100., 0.])
print(x.exp(), x.sigmoid(), x.log(), (x * 0).sqrt(), torch.tensor([-1.]).sqrt())
""",
"large_matmul_values": """
a = torch.arange(12.).view(3, 4)
b = torch.arange(8.).view(4, 2)
print(a @ b, a.t() @ a, (a @ b).sum())
""",
})


# Which behaviour each program is about: the test modules (test_views.py, ...) select by topic.
TOPICS = {
    'views': ['views_share_storage', 'shapes_and_sizes', 'view_errors', 'view_grad_fn_printing', 'negative_and_step_slices', 'setitem_forms', 'untyped_storage', 'select_grad', 'transpose_grad', 'grad_of_expand', 'view_inplace_asstrided', 'base_inplace_view_grad_fn', 'nonleaf_inplace_view_then_use_view', 'copyslices', 'view_inplace_backward', 'index_error', 'too_many_indices'],
    'version_counter': ['version_counter_shared', 'data_bypasses_version', 'detach_version_sharing_then_backward_ok', 'saved_input_modified', 'saved_output_modified_tanh', 'exp_then_exp_', 'sigmoid_inplace_chain', 'pow_inplace_saved', 'clamp_inplace', 'div_inplace', 'fill_and_zero_graph', 'copy_into_nonleaf', 'augmented_assign', 'augmented_assign_keeps_the_tensor', 'no_grad_in_place_leaf_then_backward'],
    'inplace_errors': ['leaf_inplace_error', 'view_of_leaf_inplace_error', 'no_grad_view_inplace', 'detach_view_inplace', 'int_inplace_cast_error', 'int_div_inplace_error'],
    'copies': ['clone_keeps_graph', 'deepcopy_non_leaf', 'deepcopy_leaf_copies_grad', 'deepcopy_view_shares_nothing', 'detach_then_clone', 'shallow_copy'],
    'backward': ['grad_accumulates', 'retain_graph_twice', 'second_backward_mul_scalar', 'retain_graph_false_then_grad_call', 'implicit_nonscalar', 'gradient_arg', 'gradient_arg_shape', 'backward_on_leaf_scalar', 'grad_assign_mismatch', 'float64_grad', 'elementwise_grads', 'sum_to_broadcast_grad', 'matmul_kinds', 'reductions', 'cat_stack', 'zero_dim_ops', 'next_functions_chain', 'nonleaf_grad_warning_value', 'requires_grad_non_leaf', 'int_requires_grad', 'requires_grad_flag_ops'],
    'higher_order': ['autograd_grad', 'autograd_grad_unused', 'higher_order', 'create_graph_backward'],
    'hooks': ['hooks_replace_grad', 'hook_on_intermediate', 'retain_grad', 'retain_grad_accumulates', 'hook_leaf_order', 'hook_returning_none_and_modify'],
    'no_grad': ['no_grad_block', 'no_grad_requires_grad_result'],
    'promotion': ['promotion', 'int8_int16', 'true_division_of_integers', 'float_remainder_sign', 'int_arithmetic', 'bool_ops', 'full_like_and_dtypes', 'linspace_arange', 'exp_overflow_and_nan', 'large_matmul_values', 'item_tolist', 'sum_mean_dims', 'printing_corner_cases', 'broadcast_error', 'mm_error'],
}


def programs(topic):
    return {name: PROGRAMS[name] for name in TOPICS[topic]}

PROGRAMS.update({
"vector_matrix_product_squeezes_in_place": """
torch.manual_seed(0)
a = torch.randn(3, requires_grad=True)
b = torch.randn(3, 2)
y = a @ b
print(y.grad_fn.name(), y.grad_fn.next_functions[0][0].name(), y._is_view(), y._base is None, y._version)
y.sum().backward()
print(a.grad)
with torch.no_grad():
    z = a @ b
print(z._version, z._is_view(), z.requires_grad, (torch.ones(3) @ torch.ones(3, 2))._version)
""",
"inplace_index_add_scatter_add_masked_scatter": """
torch.manual_seed(0)
x = torch.randn(3, 4, requires_grad=True)
y = x * 1
idx = torch.tensor([0, 0, 2])
z = y.index_add_(0, idx, torch.ones(3, 4), alpha=2)
print(z is y, y._version, y.grad_fn.name(), y)
src = torch.ones(1, 4, requires_grad=True)
w = x * 1
w.scatter_add_(0, torch.tensor([[0, 1, 2, 0]]), src)
print(w.grad_fn.name(), w._version)
(y.sum() + w.sum()).backward()
print(x.grad, src.grad)
m = x.detach().clone()
m.masked_scatter_(m > 0, torch.arange(12.))
print(m, m._version)
c = torch.zeros(3)
c.index_add_(0, torch.tensor([0, 0, 2]), torch.ones(3))
print(c)
t = torch.zeros(2, 3)
t.scatter_add_(1, torch.tensor([[0, 0], [2, 2]]), torch.ones(2, 2))
print(t)
q = torch.ones(2, requires_grad=True)
q.index_add_(0, torch.tensor([0]), torch.ones(1))
""",
"shallow_copy": """
import copy
a = torch.arange(6.).requires_grad_()
a.sum().backward()
with torch.no_grad():
    a.add_(1)
    a.add_(1)
b = copy.copy(a)
print(b.grad, b._version, a._version, b.is_leaf, b.requires_grad)
v = a.detach()[2:5]
e = copy.copy(v)
print(e, e.storage_offset(), e._base is None)
e[0] = 100
print(a)
t = torch.arange(4).reshape(2, 2).t()
f = copy.copy(t)
print(f.stride(), f.is_contiguous())
print(copy.copy([a])[0] is a, copy.copy({'a': 1}), copy.copy((1, 2)), copy.copy(3))
class P:
    def __init__(self):
        self.x = [1]
p = P()
q = copy.copy(p)
print(q.x is p.x, q is p)
""",
"int8_int16": """
a = torch.tensor([[1, 2], [100, -4]], dtype=torch.int8)
print(a, a.dtype, a.type(), a.element_size(), a.is_signed() if hasattr(a, 'is_signed') else None)
b = torch.tensor([1, 2], dtype=torch.uint8)
print(a[0] + b, (a[0] + b).dtype, torch.promote_types(torch.uint8, torch.int8), torch.promote_types(torch.int8, torch.int32))
s = torch.tensor([300, -2], dtype=torch.int16)
print(s, s * 200, s.short(), s.char(), s.byte(), s.half(), s.sum(), s.sum().dtype, s.float().mean())
print(a * 2, a // 3, a / 3, a % 3, -a, a.abs(), a.max(), a.argmax(), a.to(torch.int64), a + 1.5, a + True)
print(a.cumsum(0), a.cumsum(0).dtype, a.prod(), torch.tensor([127], dtype=torch.int8) + 1)
print(torch.CharTensor([1, 2]), torch.ShortTensor([3]), torch.ByteTensor([4]), torch.HalfTensor([0.5]))
print(torch.arange(5, dtype=torch.int16), torch.full((2,), -3, dtype=torch.int8), torch.zeros(2, dtype=torch.short))
print(isinstance(a, torch.CharTensor), torch.result_type(a, 2.5), torch.result_type(a, b), torch.can_cast(torch.int8, torch.float16))
print(torch.tensor([1.7, -2.5, 300.0]).to(torch.int16), a.t().contiguous().stride(), a.untyped_storage().nbytes())
""",
"true_division_of_integers": """
a = torch.tensor([3, 200], dtype=torch.uint8)
print(a / 300, a * 300, a + 1000, a - 300, a.div(300, rounding_mode="floor"), a.div(300, rounding_mode="trunc"))
b = torch.tensor([3, 200], dtype=torch.int32)
print(b / 3000000000, b * 3000000000, torch.tensor([5], dtype=torch.int8) / 1000)
""",
"float_remainder_sign": """
print(torch.tensor([-2.0, 2.0, 5.5, -5.5]) % 1, torch.remainder(torch.tensor([-4]), 2.0), 7 % torch.tensor([-2., 2.]))
print(torch.tensor([-3., 3.]) % -2, torch.tensor([-4, 4]) % 3, torch.tensor([1.], dtype=torch.float16) % 0.3)
x = torch.tensor([-2.0, 2.0], requires_grad=True)
y = x % 1.5
y.sum().backward()
print(y, x.grad, torch.tensor([-6.0]).remainder(torch.tensor([3.0, -3.0])).untyped_storage().tolist() if False else 0)
""",
"backward_inputs": """
z = torch.ones(3, requires_grad=True)
w = torch.ones(3, requires_grad=True)
o = (z * 2 + w * 3).sum()
o.backward(inputs=[z], retain_graph=True)
print(z.grad, w.grad)
q = z * 2
q.sum().backward(inputs=[q])
print(q.grad, z.grad)
torch.autograd.backward(o, inputs=w)
print(w.grad)
""",
"nonleaf_grad_assigned_no_warning": """
x = torch.ones(2, requires_grad=True)
y = x * 2
y.grad = torch.ones(2)
print(y.grad)
""",
"tensor_of_tensor_warning": """
x = torch.ones(2, requires_grad=True)
y = torch.tensor(x)
print(y, y.requires_grad)
""",
})
TOPICS["backward"] += ["backward_inputs", "nonleaf_grad_assigned_no_warning", "tensor_of_tensor_warning"]
TOPICS["higher_order"] += ["saved_outputs_carry_their_history_into_a_second_derivative"]

PROGRAMS.update({
"norm_prod_softmax_nodes": """
x = torch.tensor([[1., -2., 3.], [0.5, 4., -1.5]], requires_grad=True)
ys = [x.norm(), x.norm(dim=1), x.norm(p=1), x.norm(p=3, dim=0, keepdim=True), x.norm(p=float('inf')),
      x.prod(), x.prod(1), x.prod(0, keepdim=True), x.softmax(1), x.log_softmax(0), torch.log_softmax(x, 1)]
for y in ys:
    x.grad = None
    print(y)
    y.sum().backward()
    print(x.grad)
z = torch.tensor([2., 0., 3., 0.5], requires_grad=True)
z.prod().backward()
print(z.grad)
w = torch.tensor([[2., 0., 3.], [1., 2., 0.]], requires_grad=True)
w.prod(1).sum().backward()
print(w.grad)
""",
})
TOPICS["backward"] += ["norm_prod_softmax_nodes"]

PROGRAMS.update({
"grad_buffer_not_shared_with_user": """
x = torch.ones(3, requires_grad=True)
g = torch.ones(3)
(x + 0).backward(g)
g.add_(1)
print(x.grad, g)
x.grad = None
seen = []
x.register_hook(lambda t: seen.append(t))
(x * 3).sum().backward()
seen[0].add_(1)
print(x.grad, seen[0])
x.grad = None
y = x * 2
y.retain_grad()
(y * 1).backward(torch.full((3,), 5.))
y.grad.add_(1)
print(x.grad, y.grad)
x.grad.mul_(2)
(x * 2).sum().backward()
print(x.grad)
""",
})
TOPICS["backward"] += ["grad_buffer_not_shared_with_user"]

PROGRAMS.update({
"var_std_cumsum": """
x = torch.tensor([[1., 2., 4.], [3., 5., 9.]], requires_grad=True)
print(x.var(), x.var(0), x.var(1, keepdim=True), x.var(unbiased=False), x.std(), x.std(1, correction=0), x.var(dim=1, correction=2))
print(x.var(0, False), torch.var(x, 1), torch.std(x))
print(x.cumsum(0), x.cumsum(-1), torch.cumsum(x, 1), torch.tensor([1, 2, 3]).cumsum(0), torch.tensor([1., 2.]).cumsum(0, dtype=torch.float64))
for y in [x.var(), x.var(0), x.var(1, keepdim=True), x.std(), x.std(1, correction=0), x.var((0, 1)), x.cumsum(0), x.cumsum(1), (x * x).std(0)]:
    x.grad = None
    y.sum().backward()
    print(y.grad_fn.name(), x.grad)
print(torch.tensor([1.0]).var(), torch.tensor(3.).cumsum(0), torch.tensor(3.).var())
z = torch.tensor([0.5, 1.5], requires_grad=True)
s = z.std()
s.backward()
print(s, z.grad)
""",
"var_of_integers": """
print(torch.tensor([1, 2, 3]).var())
""",
"cumsum_needs_a_dim": """
x = torch.ones(2, 3)
print(x.cumsum(1))
print(x.cumsum())
""",
"cumsum_dim_out_of_range": """
torch.ones(2, 3).cumsum(2)
""",
})
TOPICS["backward"] += ["var_std_cumsum", "var_of_integers", "cumsum_needs_a_dim", "cumsum_dim_out_of_range"]

PROGRAMS.update({
"norm_orders_zero_and_fro": """
x = torch.tensor([[1., 0.], [3., 4.]], requires_grad=True)
print(x.norm(p=0), x.norm(p=0, dim=1), x.norm(p="fro"), torch.norm(x, p="fro", dim=1), x.norm(p=-1))
y = x.norm(p=0)
y.backward()
print(x.grad)
""",
"prod_of_several_dims_is_refused": """
torch.ones(2, 3).prod((0, 1))
""",
"prod_of_several_dims_by_keyword_is_refused": """
torch.ones(2, 3).prod(dim=[0, 1])
""",
"cumsum_dim_must_be_int": """
torch.ones(2, 3).cumsum(1.5)
""",
})
TOPICS["backward"] += ["norm_orders_zero_and_fro", "prod_of_several_dims_is_refused",
                       "prod_of_several_dims_by_keyword_is_refused", "cumsum_dim_must_be_int"]

PROGRAMS.update({
"norm_of_integers_is_refused": """
print(torch.tensor([1, 2]).prod(), torch.tensor([1, 2]).cumsum(0), torch.tensor([True, False]).cumsum(0))
torch.tensor([1, 2]).norm()
""",
})
TOPICS["backward"] += ["norm_of_integers_is_refused"]

PROGRAMS.update({
"rounding_ops": """
x = torch.tensor([[2.5, -2.5, 0.5, -0.5], [1.49, -3.7, 1234.5678, 7.0]], requires_grad=True)
for y in [x.floor(), x.ceil(), x.round(), x.trunc(), x.frac(), x.round(decimals=2), x.round(decimals=-1), torch.round(x, decimals=1), torch.fix(x)]:
    x.grad = None
    y.sum().backward()
    print(y, x.grad)
d = torch.tensor([0.125, 2.675, -1.005], dtype=torch.float64)
print(d.round(decimals=2), d.round(), d.frac(), d.floor())
i = torch.tensor([3, -4])
print(i.floor(), i.ceil(), i.round(), i.trunc(), i.floor_(), i.round_(), i.dtype)
z = x.detach().clone()
print(z.floor_(), z._version, x.clone().round_(decimals=1), x.clone().frac_())
w = x * 1
w.ceil_()
print(w.grad_fn)
w.sum().backward()
print(x.grad)
""",
"trig_and_logs": """
x = torch.tensor([0.3, -0.7, 1.2], requires_grad=True)
for y in [x.tan(), x.sinh(), x.cosh(), x.atan(), (x / 2).asin(), (x / 2).acos(), x.exp2(), x.abs().log2(), x.abs().log10(), torch.arctan(x)]:
    x.grad = None
    y.sum().backward()
    print(y, x.grad)
d = torch.tensor([0.5, 2.0], dtype=torch.float64, requires_grad=True)
d.sinh().sum().backward()
print(d.grad, torch.tensor([1, 2]).tan(), torch.tensor([1, 8]).log2())
v = torch.tensor([0.5, 1.5]).clone()
print(v.tan_(), v.cosh_(), v._version)
""",
"masked_fill_forms": """
x = torch.tensor([[1., -2., 3.], [-4., 5., -6.]], requires_grad=True)
m = x.detach() > 0
y = x.masked_fill(m, 0.)
y.sum().backward()
print(y, x.grad)
v = torch.tensor(7., requires_grad=True)
x.grad = None
y = x.masked_fill(m, v)
(y * torch.arange(6.).view(2, 3)).sum().backward()
print(y, x.grad, v.grad)
print(torch.ones(3).masked_fill(torch.tensor([[True, False, True], [False, False, True]]), 2.))
print(torch.tensor([1, 2, 3]).masked_fill(torch.tensor([True, False, True]), 2.5))
h = x * 2
h.masked_fill_(torch.tensor([True, False, True]), -1.)
print(h, h.grad_fn, h._version)
x.grad = None
h.sum().backward()
print(x.grad)
s = x.masked_select(m)
s.sum().backward()
print(s, x.grad)
print(torch.masked_fill(x, m, 1.5))
""",
"flip_roll_repeat": """
x = torch.arange(6., requires_grad=True)
b = x.view(2, 3)
w = torch.tensor([[1., 10., 100.], [1000., 10000., 100000.]])
for y in [b.flip(0), b.flip((0, 1)), b.flip(-1), b.roll(1), b.roll(1, 0), b.roll((1, 2), (0, 1)), b.roll(-4)]:
    x.grad = None
    (y * w).sum().backward()
    print(y, x.grad)
r = b.repeat(2, 2)
x.grad = None
(r * torch.arange(24.).view(4, 6)).sum().backward()
print(r, x.grad)
r3 = b.repeat(2, 1, 2)
x.grad = None
(r3 * torch.arange(24.).view(2, 2, 6)).sum().backward()
print(r3.shape, x.grad, b.repeat(1, 1).grad_fn, b.repeat(0, 1), torch.flip(b, [1]))
""",
"tril_triu": """
x = torch.arange(1., 13.).view(3, 4).requires_grad_()
for y in [x.tril(), x.triu(), x.tril(-1), x.triu(2), x.tril(5), torch.triu(x, -1)]:
    x.grad = None
    (y * y).sum().backward()
    print(y, x.grad)
c = x.detach().clone()
print(c.tril_(), c._version, torch.ones(2, 2, 3).triu(1))
h = x * 1
h.triu_()
print(h.grad_fn)
x.grad = None
h.sum().backward()
print(x.grad)
""",
"gather_index_select": """
x = torch.tensor([[1., 2., 3.], [4., 5., 6.]], requires_grad=True)
g = x.gather(1, torch.tensor([[0, 0, 2], [1, 2, 1]]))
(g * torch.tensor([[1., 2., 3.], [4., 5., 6.]])).sum().backward()
print(g, x.grad)
x.grad = None
s = x.index_select(1, torch.tensor([2, 0, 2]))
(s * torch.tensor([[1., 2., 3.], [4., 5., 6.]])).sum().backward()
print(s, x.grad, x.index_select(0, torch.tensor(1)))
x.grad = None
h = x.gather(0, torch.tensor([[1, 0]]))
h.sum().backward()
print(h, x.grad)
z = torch.zeros(2, 3)
print(z.scatter_add(1, torch.tensor([[0, 0], [2, 1]]), torch.ones(2, 2)), z.index_add(1, torch.tensor([0, 0]), torch.ones(2, 2), alpha=2))
x.grad = None
(gg,) = torch.autograd.grad(x.gather(1, torch.tensor([[1], [2]])).pow(2).sum(), x, create_graph=True)
print(gg, gg.grad_fn)
gg.sum().backward()
print(x.grad)
""",
"clamp_min_max": """
x = torch.tensor([-1., 0., 0.5, 2.], requires_grad=True)
for y in [x.clamp_min(0.), x.clamp_max(0.5), torch.clamp_min(x, 0.5), x.clamp_min(min=1)]:
    x.grad = None
    y.sum().backward()
    print(y, x.grad)
b = torch.tensor([0., 1., 0., 1.], requires_grad=True)
x.grad = None
y = x.clamp_max(b)
y.sum().backward()
print(y, x.grad, b.grad)
print(torch.tensor([1, 5]).clamp_min(2), torch.tensor([1, 5]).clamp_min(2.5))
h = x * 1
h.clamp_min_(0.)
print(h, h.grad_fn)
""",
"amax_amin": """
x = torch.tensor([[1., 3., 3.], [2., 2., 0.]], requires_grad=True)
for y in [x.amax(), x.amax(1), x.amin(0), x.amax((0, 1)), x.amin(1, keepdim=True), x.amax(-1, True)]:
    x.grad = None
    (y * 3).sum().backward()
    print(y, x.grad)
print(torch.tensor([[1, 7], [9, 2]]).amax(0), torch.amin(x, 1), torch.tensor(5.).amax())
""",
"small_aliases": """
x = torch.tensor([1., 2., 3.], requires_grad=True)
print(x.cpu() is x, x.type_as(torch.ones(1, dtype=torch.float64)), x.type_as(torch.ones(1, dtype=torch.long)))
y = torch.tensor([4., 5.], requires_grad=True)
o = torch.outer(x, y)
o.sum().backward()
print(o, x.grad, y.grad, x.outer(y).grad_fn, torch.ger(x, y).shape)
m = torch.arange(6.).view(2, 3)
print(m.swapaxes(0, 1), m.swapdims(0, 1).grad_fn, m.swapaxes(0, 1)._base is m)
u = m.unflatten(1, (3, 1))
print(u.shape, u._base is m, m.view(6).unflatten(0, (2, -1)))
""",
"masked_fill_long_mask": "print(torch.ones(3).masked_fill(torch.tensor([1, 0, 1]), 0.))\n",
"masked_fill_value_not_scalar": "print(torch.ones(3).masked_fill(torch.tensor([True, False, True]), torch.tensor([1., 2.])))\n",
"masked_fill_mask_broadcast_error": "print(torch.ones(2, 3).masked_fill(torch.tensor([True, False]), 0.))\n",
"masked_fill_inplace_grows": "print(torch.ones(2, 3).masked_fill_(torch.ones(2, 2, 3, dtype=torch.bool), 2.))\n",
"flip_repeated_dim": "print(torch.ones(2, 3).flip(0, 0))\n",
"flip_dim_range": "print(torch.ones(2, 3).flip(2))\n",
"repeat_too_few": "print(torch.ones(2, 3).repeat(2))\n",
"repeat_negative": "print(torch.ones(2, 3).repeat(-1, 2))\n",
"tril_needs_matrix": "print(torch.ones(3).tril())\n",
"tril_inplace_on_leaf_view_is_refused_first": "a = torch.ones(2, 3, requires_grad=True)\na.reshape(-1).tril_()\n",
"masked_fill_inplace_on_leaf_is_refused_first": "a = torch.ones(3, requires_grad=True)\na.masked_fill_(torch.tensor([1, 0, 1]), 0.)\n",
"tril_leaf_inplace": "x = torch.ones(2, 2, requires_grad=True)\nx.tril_()\n",
"gather_out_of_bounds": "print(torch.ones(2, 3).gather(1, torch.tensor([[0], [5]])))\n",
"gather_float_index": "print(torch.ones(2, 3).gather(1, torch.tensor([[0.], [1.]])))\n",
"gather_wrong_dims": "print(torch.ones(2, 3).gather(1, torch.tensor([0, 1])))\n",
"gather_index_too_big": "print(torch.ones(2, 3).gather(1, torch.tensor([[0], [1], [0]])))\n",
"index_select_out_of_bounds": "print(torch.ones(2, 3).index_select(1, torch.tensor([2, 5])))\n",
"index_select_matrix_index": "print(torch.ones(2, 3).index_select(1, torch.tensor([[0]])))\n",
"index_select_out_of_bounds_other_dims": "print(torch.ones(2, 3, 4).index_select(2, torch.tensor([5])))\n",
"amax_of_empty": "print(torch.ones(0).amax())\n",
"amax_empty_dim": "print(torch.ones(2, 0).amax(1))\n",
"outer_of_matrix": "print(torch.outer(torch.ones(2, 2), torch.ones(2)))\n",
"roll_misaligned": "print(torch.ones(2, 3).roll((1, 2), 0))\n",
"unflatten_bad_sizes": "print(torch.ones(2, 3).unflatten(1, (2, 2)))\n",
"round_decimals_of_integers": "print(torch.tensor([1, 2]).round(decimals=1))\n",
"floor_of_bool": "print(torch.tensor([True]).floor())\n",
"frac_of_integers": "print(torch.tensor([1, 2]).frac())\n",
"clamp_min_string": "print(torch.ones(2).clamp_min('a'))\n",
"tan_inplace_integers": "print(torch.tensor([1, 2]).tan_())\n",
"where_sums_broadcast_grads_back": """
a = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], requires_grad=True)
v0 = torch.tensor([0.3, 0.1, 5.], requires_grad=True)
s = torch.tensor(0.7, requires_grad=True)
v4 = torch.where(a > v0, a, v0)
(v4 * torch.arange(6.).view(2, 3)).sum().backward()
print(a.grad, v0.grad)
w = torch.where(torch.tensor([True, False]).view(2, 1), s, a)
(w * w).sum().backward()
print(s.grad, a.grad, w.shape)
""",
"masked_fill_and_tril_write_expanded_tensors": """
b = torch.tensor([[1., -2., 3.], [4., 5., -6.]])
e = b.expand(2, 2, 3)
e.masked_fill_(e > 4, 0.)
print(b, e._version)
e.tril_()
print(b)
""",
"gather_keeps_its_index": "a = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], requires_grad=True)\nb = a * 1.5\ni = torch.tensor([[1, 0, 1]])\nv = b.gather(0, i)\ni.zero_()\nv.sum().backward()\n",
"gather_keeps_self": "a = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], requires_grad=True)\nb = a * 1.5\nv = b.gather(0, torch.tensor([[1, 0, 1]]))\nb.add_(1)\nv.sum().backward()\n",
"masked_select_keeps_self": "a = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], requires_grad=True)\nb = a * 1.5\nv = b.masked_select(torch.tensor([True, False, True]))\nb.add_(1)\nv.sum().backward()\n",
"index_add_keeps_source": "a = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], requires_grad=True)\nb = a * 1.5\ns = torch.ones(2, 2, requires_grad=True) * 1\nv = b.index_add(1, torch.tensor([0, 2]), s)\ns.add_(1)\nv.sum().backward()\n",
"index_select_keeps_only_sizes": "a = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], requires_grad=True)\nb = a * 1.5\nv = b.index_select(1, torch.tensor([2, 0]))\nb.add_(1)\nv.sum().backward()\nprint(a.grad)\n",
})
TOPICS["selection"] = [
    "rounding_ops", "trig_and_logs", "masked_fill_forms", "flip_roll_repeat", "tril_triu", "gather_index_select",
    "clamp_min_max", "amax_amin", "small_aliases", "masked_fill_long_mask", "masked_fill_value_not_scalar",
    "masked_fill_mask_broadcast_error", "masked_fill_inplace_grows", "flip_repeated_dim", "flip_dim_range",
    "repeat_too_few", "repeat_negative", "tril_needs_matrix", "tril_inplace_on_leaf_view_is_refused_first",
    "masked_fill_inplace_on_leaf_is_refused_first", "tril_leaf_inplace", "gather_out_of_bounds",
    "gather_float_index", "gather_wrong_dims", "gather_index_too_big", "index_select_out_of_bounds",
    "index_select_matrix_index", "index_select_out_of_bounds_other_dims", "amax_of_empty", "amax_empty_dim", "outer_of_matrix", "roll_misaligned",
    "unflatten_bad_sizes", "round_decimals_of_integers", "floor_of_bool", "frac_of_integers", "clamp_min_string",
    "tan_inplace_integers", "gather_keeps_its_index", "gather_keeps_self",
    "masked_select_keeps_self", "masked_fill_and_tril_write_expanded_tensors", "where_sums_broadcast_grads_back", "index_add_keeps_source", "index_select_keeps_only_sizes",
]

PROGRAMS.update({
"strided_views": """
x = torch.arange(12.).view(3, 4).requires_grad_()
y = torch.arange(24.).view(2, 3, 4)
for v in [x.diagonal(), x.diagonal(1), x.diagonal(-2), x.unfold(1, 2, 1), x.unfold(0, 2, 1), x.movedim(0, 1),
          x.as_strided((3, 3), (1, 1)), x.as_strided((2, 2), (4, 1), 5), x.t().as_strided((2,), (5,)),
          torch.broadcast_to(x[0], (2, 4)), torch.diagonal(x), torch.as_strided(x, (2,), (1,), 3)]:
    print(v, v.shape, v.stride(), v.storage_offset(), v.is_contiguous(), v.data_ptr() - x.data_ptr())
    print(v.grad_fn.name(), v._base is x._base)
    x.grad = None
    (v * torch.arange(float(v.numel())).view(v.shape)).sum().backward()
    print(x.grad)
for v in [y.diagonal(0, 0, 2), y.diagonal(1, -1, 0), y.unfold(2, 3, 1), y.movedim((0, 2), (2, 0)), y.moveaxis(0, -1),
          torch.movedim(y, 1, 0)]:
    print(v, v.shape, v.stride(), v.storage_offset(), v.is_contiguous(), v.data_ptr() - y.data_ptr(), v._base is y._base)
""",

"diagonal_inplace_writes_through": """
x = torch.zeros(3, 3, requires_grad=True)
b = x * 1
d = b.diagonal()
d.add_(torch.tensor([1., 2., 3.]))
print(b, b._version, d._version, b.grad_fn.name(), d.grad_fn.name())
(b * torch.arange(9.).view(3, 3)).sum().backward()
print(x.grad)
m = torch.arange(9.).view(3, 3)
m.diagonal().fill_(-1.)
m.unfold(1, 2, 1)[0, 0].zero_()
print(m, m._version)
""",
"unfold_double_backward": """
x = torch.arange(5., requires_grad=True)
u = x.unfold(0, 3, 1)
(g,) = torch.autograd.grad((u * u).sum(), x, create_graph=True)
print(g, g.grad_fn)
g.sum().backward()
print(x.grad)
d = torch.arange(9.).view(3, 3).requires_grad_()
(h,) = torch.autograd.grad(d.diagonal().pow(2).sum(), d, create_graph=True)
print(h, h.grad_fn)
""",
"empty_tensors_have_no_address": "x = torch.ones(3, 4)\nprint(torch.ones(0).data_ptr(), x[0:0].data_ptr(), x[:, 0:0].data_ptr(), x.diagonal(7).data_ptr(), x[2:2].storage_offset())\n",
"inplace_on_self_overlapping_views": """
x = torch.arange(5.)
x.unfold(0, 3, 1).mul_(2)
print(x, x._version)
for shape, stride in [((3, 3), (1, 1)), ((3, 3), (1, 2)), ((3, 3), (2, 1)), ((2, 3, 4), (1, 4, 1)), ((4, 20), (3, 1))]:
    n = torch.Size(shape).numel()
    for op in [lambda v: v.add_(torch.arange(float(shape[-1])) * 1.5), lambda v: v.sub_(v), lambda v: v.mul_(v),
               lambda v: v.div_(3), lambda v: v.neg_(), lambda v: v.exp_(), lambda v: v.sqrt_(), lambda v: v.pow_(2),
               lambda v: v.copy_(torch.arange(float(n)).view(shape)), lambda v: v.fill_(2.), lambda v: v.zero_()]:
        b = torch.arange(50.) / 7
        op(b.as_strided(shape, stride))
        print(b[:40], b._version)
i = torch.arange(6)
i.unfold(0, 3, 1).add_(1)
print(i)
y = torch.arange(6., requires_grad=True) * 1
y.unfold(0, 3, 2).mul_(2)
print(y)
""",
"as_strided_out_of_bounds": "print(torch.ones(3, 4).as_strided((3, 3), (4, 1), 20))\n",
"as_strided_negative_stride": "print(torch.ones(3, 4).as_strided((2,), (-1,)))\n",
"as_strided_length_mismatch": "print(torch.ones(3, 4).as_strided((2, 2), (1,)))\n",
"diagonal_same_dims": "print(torch.ones(3, 4).diagonal(0, 1, -1))\n",
"unfold_too_big": "print(torch.ones(3, 4).unfold(1, 5, 1))\n",
"unfold_zero_step": "print(torch.ones(3, 4).unfold(1, 2, 0))\n",
"movedim_lengths_differ": "print(torch.ones(3, 4).movedim((0, 1), (0,)))\n",
"movedim_repeated_destination": "print(torch.ones(3, 4).movedim((0, 1), (1, 1)))\n",
})
TOPICS["views"] += ["strided_views", "empty_tensors_have_no_address", "diagonal_inplace_writes_through", "unfold_double_backward",
                    "inplace_on_self_overlapping_views", "as_strided_out_of_bounds", "as_strided_negative_stride",
                    "as_strided_length_mismatch", "diagonal_same_dims", "unfold_too_big", "unfold_zero_step",
                    "movedim_lengths_differ", "movedim_repeated_destination"]

PROGRAMS.update({
"more_pointwise_and_orderings": """
x = torch.tensor([[3., 1., 2., 1.], [0., 0., 5., -1.], [2.5, -3., 1., 1.]], requires_grad=True)
w = torch.arange(12.).view(3, 4)
for r in [x.logsumexp(1), x.logsumexp(0, True), torch.logsumexp(x, (0, 1)), torch.atan2(x, x.flip(1)),
          x.atan2(torch.tensor(2.)), torch.fmod(x, 1.5), x.fmod(x.flip(0) + 3), x.sort()[0], x.sort(0, True).values,
          x.sort(descending=True, stable=True)[0], x.sum_to_size(4), x.sum_to_size(1, 4), x.sum_to_size(3, 1)]:
    x.grad = None
    (r * w.flatten()[:r.numel()].view(r.shape)).sum().backward()
    print(r, x.grad)
t = x.trace()
t.backward()
print(t, x.grad)
print(x.sort(), x.sort(1, True), x.argsort(), x.argsort(0, descending=True))
print(x.nonzero(), x.nonzero(as_tuple=True), x.count_nonzero(), x.count_nonzero(0), x.isinf(), x.isfinite())
s = torch.tensor([1., float('nan'), 0., float('inf'), -float('inf'), -1.])
print(s.sort(), s.sort(descending=True), s.isposinf(), s.isneginf(), s.isinf(), s.isfinite())
print(torch.logical_xor(x > 0, x < 2), torch.tensor([True, False, True]).sort(), torch.tensor([3, 1, 2]).argsort())
print(torch.tensor(5.).sort(), torch.tensor(0.).nonzero(), torch.tensor(2.).nonzero(as_tuple=True))
print(torch.tensor([5, -5]).fmod(3), torch.tensor([1, 2]).atan2(torch.tensor([2, 2])), torch.tensor([[1, 2], [3, 4]]).trace())
print(torch.tensor([1, 2]).logsumexp(0), torch.tensor([float('inf'), 1.]).logsumexp(0), torch.tensor([-float('inf'), -float('inf')]).logsumexp(0))
""",
"logsumexp_needs_dim": "print(torch.ones(3).logsumexp())\n",
"trace_of_vector": "print(torch.ones(3).trace())\n",
"sum_to_size_not_expandable": "print(torch.ones(2, 3).sum_to_size(2))\n",
})
TOPICS["selection"] += ["more_pointwise_and_orderings", "logsumexp_needs_dim", "trace_of_vector", "sum_to_size_not_expandable"]

PROGRAMS.update({
"post_accumulate_grad_hooks": """
x = torch.tensor([1., 2.], requires_grad=True)
w = torch.tensor([3., 4.], requires_grad=True)
h = x.register_post_accumulate_grad_hook(lambda t: print('post', t.grad, t is x))
w.register_post_accumulate_grad_hook(lambda t: print(t.grad.mul_(10)))
x.register_hook(lambda g: print('pre', g))
(x * w).sum().backward(retain_graph=True)
print(x.grad, w.grad)
(x * w).sum().backward(inputs=[x])
print(x.grad)
print(torch.autograd.grad((x * w).sum(), x))
h.remove()
(x * w).sum().backward()
print(x.grad, w.grad)
w.register_post_accumulate_grad_hook(lambda t: t.grad)
(x * w).sum().backward()
""",
"post_accumulate_hook_on_non_leaf": "x = torch.ones(2, requires_grad=True)\ny = x * 2\ny.register_post_accumulate_grad_hook(lambda t: None)\n",
"post_accumulate_hook_without_grad": "z = torch.ones(2)\nz.register_post_accumulate_grad_hook(lambda t: None)\n",
})
TOPICS["hooks"] += ["post_accumulate_grad_hooks", "post_accumulate_hook_on_non_leaf", "post_accumulate_hook_without_grad"]

PROGRAMS.update({
"fused_and_indexed_ops": """
x = torch.tensor([[1.3, -2.1, 0.0], [4.2, 5.5, -6.1]], requires_grad=True)
a = torch.tensor([0.3, 1.7, 2.9], requires_grad=True)
b = torch.tensor([[1.1], [-0.4]], requires_grad=True)
w = torch.tensor([0.2, 0.5, 0.9], requires_grad=True)
v = torch.tensor(7., requires_grad=True)
s = torch.tensor([[10., 20.], [30., 40.]], requires_grad=True)
for r in [x.addcmul(a, b), torch.addcmul(x, a, b, value=0.7), x.addcdiv(a, b, value=2), x.lerp(a, 0.3),
          x.lerp(a, 0.8), torch.lerp(x, a, w), torch.hypot(x, a), torch.xlogy(x, a), x.xlogy(2.),
          torch.xlogy(2., a), torch.xlogy(x, a * 0), x.nan_to_num(), x.sgn(), x.tile(2), a.tile((2, 1)), a.diag(1),
          x.diag(), torch.diag(x, -1), x.index_fill(1, torch.tensor([0, 2]), -1.), x.index_fill(1, torch.tensor([1]), v),
          x.index_copy(1, torch.tensor([2, 0]), s), x.scatter(1, torch.tensor([[0, 2], [1, 1]]), s),
          x.scatter(0, torch.tensor([[1, 0, 1]]), value=3.)]:
    for t in (x, a, b, w, v, s):
        t.grad = None
    (r * torch.arange(float(r.numel())).view(r.shape)).sum().backward()
    print(r, x.grad, a.grad, b.grad, w.grad, v.grad, s.grad)
y = x.detach().clone()
print(y.index_fill_(1, torch.tensor([0]), 2.), y.index_copy_(1, torch.tensor([2]), torch.ones(2, 1)), y._version)
print(y.scatter_(1, torch.tensor([[0]]), 5.), y.scatter_(1, torch.tensor([[1]]), torch.tensor([[8.]])), y._version)
print(torch.tensor([1, 2, 3]).index_fill(0, torch.tensor([0]), 2.7), torch.ones(2, 3).scatter(0, torch.tensor([[1, 0, 1]]), 7))
print(torch.nan_to_num(x / 0., nan=1., posinf=2.), torch.tensor([-0.0, 0.0]).signbit(), torch.tensor([1, -2]).sgn())
""",
"index_fill_negative_index_forward_and_backward": """
x = torch.tensor([[1.3, -2.1, 0.0], [4.2, 5.5, -6.1]], requires_grad=True)
v = torch.tensor(7., requires_grad=True)
r = x.index_fill(1, torch.tensor([0, -1]), v)
print(r, r.grad_fn.name())
r.sum().backward()
""",
"scatter_src_larger_than_index": "x = torch.ones(2, 3, requires_grad=True)\ns = torch.ones(2, 2, requires_grad=True)\ntorch.scatter(x, 1, torch.tensor([[2], [0]]), s).sum().backward()\n",
"index_fill_value_not_scalar": "print(torch.ones(2, 3).index_fill(1, torch.tensor([0]), torch.tensor([1., 2.])))\n",
"index_fill_int32_index": "print(torch.ones(2, 3).index_fill(1, torch.tensor([0], dtype=torch.int32), 1.))\n",
"index_copy_out_of_bounds": "print(torch.ones(2, 3).index_copy(1, torch.tensor([5]), torch.ones(2, 1)))\n",
"diag_of_3d": "print(torch.ones(2, 2, 2).diag())\n",
"addcdiv_of_integers": "print(torch.tensor([1, 2]).addcdiv(torch.tensor([1, 2]), torch.tensor([3, 4])))\n",
"lerp_of_integers": "print(torch.tensor([1, 2]).lerp(torch.tensor([3, 4]), 0.5))\n",
"hypot_of_integers": "print(torch.tensor([1, 2]).hypot(torch.tensor([3, 4])))\n",
})
TOPICS["selection"] += ["fused_and_indexed_ops", "index_fill_negative_index_forward_and_backward", "scatter_src_larger_than_index", "index_fill_value_not_scalar",
                        "index_fill_int32_index", "index_copy_out_of_bounds", "diag_of_3d", "addcdiv_of_integers",
                        "lerp_of_integers", "hypot_of_integers"]

PROGRAMS.update({
"leaf_hooks_run_in_pytorchs_queue_order": """
a = torch.tensor([1.], requires_grad=True)
b = torch.tensor([2.], requires_grad=True)
c = torch.tensor([3.], requires_grad=True)
d = torch.tensor([4.], requires_grad=True)
a.register_hook(lambda g: print('hook a', g))
b.register_hook(lambda g: print('hook b', g))
c.register_hook(lambda g: print('hook c', g))
d.register_hook(lambda g: print('hook d', g))
(a * b).sum().backward()
(a * b * c * d).sum().backward()
torch.cat([a, b, c, d]).sum().backward()
(a + b + c + d).sum().backward()
torch.stack([d, c, b, a]).sum().backward()
torch.autograd.backward([(a * 2).sum(), (b * 3).sum(), (c + d).sum()])
""",
})
TOPICS["hooks"] += ["leaf_hooks_run_in_pytorchs_queue_order"]
TOPICS["selection"] += ["inplace_index_add_scatter_add_masked_scatter"]
TOPICS["selection"] += ["vector_matrix_product_squeezes_in_place"]
