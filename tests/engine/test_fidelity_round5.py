"""The classes of difference the fifth fidelity round found (issue 16), one differential program each: printed
text, errors and warnings as torch's."""
import pytest

from same_as_torch import same_as_torch

TRY = """
def t(name, f):
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
"""

PROGRAMS = {
"index_writes_refuse_a_source_sharing_memory_with_self": TRY + """
def on(f):
    def g():
        z = torch.arange(6.).reshape(2, 3)
        f(z)
        return z
    return g
i0 = torch.tensor([0])
t("index_put_ self", on(lambda z: z.index_put_((i0,), z)))
t("index_put_ row", on(lambda z: z.index_put_((i0,), z[1])))
t("index_put_ element", on(lambda z: z.index_put_((i0,), z[0, 0])))
t("index_put_ mask, one element", on(lambda z: z.index_put_((z > 2,), z[0, :1])))
t("index_put_ mask, self", on(lambda z: z.index_put_((z > 2,), z)))
t("index_copy_", on(lambda z: z.index_copy_(0, i0, z[1:])))
t("index_copy_ self", on(lambda z: z.index_copy_(0, torch.tensor([0, 1]), z)))
t("index_add_ self", on(lambda z: z.index_add_(0, torch.tensor([0, 1]), z)))
t("index_fill_", on(lambda z: z.index_fill_(0, i0, z[1, 1])))
t("scatter_ self", on(lambda z: z.scatter_(0, torch.zeros(2, 3, dtype=torch.long), z)))
t("scatter_add_", on(lambda z: z.scatter_add_(0, torch.zeros(1, 3, dtype=torch.long), z[1:])))
t("scatter_reduce_", on(lambda z: z.scatter_reduce_(0, torch.zeros(1, 3, dtype=torch.long), z[1:], 'sum')))
t("masked_scatter_", on(lambda z: z.masked_scatter_(z > 2, z[1])))
t("masked_fill_", on(lambda z: z.masked_fill_(z > 2, z[1, 1])))
t("add_ partial", on(lambda z: z.view(-1)[:3].add_(z.view(-1)[1:4])))
for k in range(6):
    z = torch.arange(6.).reshape(2, 3)
    try:
        if k == 0:
            z[i0] = z[1]
        elif k == 1:
            z[z > 2] = z
        elif k == 2:
            z[:, torch.tensor([0])] = z[:, 1:2]  # (not dense: too hard to check, PyTorch writes)
        elif k == 3:
            z[:, torch.tensor([0])] = z[:1, 1:2]
        elif k == 4:
            u = torch.tensor([-3, -3, 5]).unfold(0, 2, 1)
            u[u > 0] = u
        else:
            i = torch.tensor([0, 1])
            i[i] = 0
        print(k, z)
    except Exception as e:
        print(k, type(e).__name__, e)
w = torch.ones(3).expand(2, 3)
w[torch.tensor([0])] = 1.0
w[w > 0] = 2.0
print(w)
x = torch.ones(3, requires_grad=True)
x[torch.tensor([0])] = torch.ones(2)
""",
"bool_division_kernels_and_integer_fmod_by_zero": TRY + """
b = torch.tensor([True, False])
i = torch.tensor([3, -4])
t("%", lambda: b % b)
t("remainder number", lambda: b.remainder(True))
t("fmod", lambda: b.fmod(b))
t("//", lambda: b // False)
t("rfloordiv", lambda: True // b)
t("remainder_", lambda: b.remainder_(b))
t("fmod_", lambda: b.fmod_(b))
t("floor_divide_", lambda: b.floor_divide_(b))
t("div floor", lambda: b.div(b, rounding_mode='floor'))
t("div trunc", lambda: b.div(b, rounding_mode='trunc'))
t("b % 2", lambda: b % 2)
t("fmod int 0", lambda: torch.fmod(i, 0))
t("fmod int tensor 0", lambda: i.fmod(torch.tensor([0, 1])))
t("div int 0 floor", lambda: i.div(0, rounding_mode='floor'))
t("div int 0 trunc", lambda: i.div(torch.tensor([1, 0]), rounding_mode='trunc'))
t("fmod float 0", lambda: torch.tensor([1.5, -2.5]).fmod(0))
""",
"shape_and_dtype_checks_in_torch_order": TRY + """
t("logical_and", lambda: torch.ones(3, 2).logical_and(torch.ones(2, 2)))
t("logical_or", lambda: torch.ones(3, 2).logical_or(torch.ones(2, 2)))
t("logical_xor", lambda: torch.ones(3, 2).logical_xor(torch.ones(2, 2)))
t("dot dtypes first", lambda: torch.zeros(2) @ torch.zeros(4, dtype=torch.float16))
t("dot sizes", lambda: torch.zeros(2).dot(torch.zeros(4)))
t("allclose dtypes", lambda: torch.zeros(0, dtype=torch.float64).allclose(torch.zeros(11)))
t("allclose shapes", lambda: torch.zeros(0).allclose(torch.zeros(11)))
t("allclose", lambda: torch.tensor([1., float('nan')]).allclose(torch.tensor([1., float('nan')]), equal_nan=True))
t("allclose ints", lambda: torch.tensor([1, 2]).allclose(torch.tensor([1, 3])))
""",
"empty_tensors_chunk_diag_norm": TRY + """
e = torch.tensor([], dtype=torch.float64, requires_grad=True)
t("unsafe_chunk", lambda: e.unsafe_chunk(2))
t("unsafe_chunk 3", lambda: e.unsafe_chunk(3)[-1].grad_fn.name())
t("chunk", lambda: e.chunk(2))
d = torch.zeros(0).diag()
t("diag", lambda: (d, d.stride()))
t("norm dim 0", lambda: d.norm(dim=0))
t("norm 3", lambda: torch.zeros(0, 3).norm(3, dim=0))
t("norm 1", lambda: torch.zeros(2, 0).norm(1, dim=0))
""",
"non_differentiable_ops_read_a_stale_multi_output_view": TRY + """
for e in ["x.signbit()", "x.isinf()", "x.isposinf()", "x.isneginf()", "x.isnan()", "x > 0", "x.isfinite()", "x.sign()",
          "x.floor()", "x.argmax()", "x.clone()", "x.detach()", "x.bool()"]:
    x1 = torch.ones(1, 2, 3, requires_grad=True)
    x = x1.chunk(2, 2)[0]
    with torch.no_grad():
        x.mul_(2)
    t(e, lambda: eval(e).shape)
""",
"post_accumulate_hooks_run_for_a_leaf_that_stopped_requiring_grad": """
a = torch.ones(2, requires_grad=True)
a.register_post_accumulate_grad_hook(lambda p: print('post', p.grad, p.requires_grad))
y = (a * 2).sum()
a.requires_grad_(False)
y.backward()
print(a.grad)
b = torch.ones(2, requires_grad=True)
b.register_post_accumulate_grad_hook(lambda p: print('post b', p.grad))
(b * 2).sum().backward()
y = (b * 3).sum()
b.detach_()
y.backward()
print(b.grad)
""",
"cat_and_stack_write_contiguous_results": """
v = torch.tensor([-2.5, -2.5, 0.5]).expand(3, 3)
w = torch.zeros(3, 1).expand(3, 4)
t = torch.zeros(2, 3).t()
for xs in ([v, v], [w, w], [t, t], [t, v[:, :2]], [v, t.t()]):
    print(torch.cat(xs).stride(), torch.cat(xs, 1).stride(), torch.stack(xs).stride(), torch.stack(xs, 2).stride(),
          torch.vstack(xs).stride(), torch.hstack(xs).stride())
x = torch.tensor([-2.5, 1.0, 0.5], requires_grad=True)
y = torch.vstack([x.expand(3, 3), x.expand(3, 3)])
print(y.untyped_storage().tolist())
""",
"a_saved_in_place_output_of_a_view_is_named_by_the_saving_node_once_its_grad_fn_is_gone": """
def run(f):
    try:
        f()
    except Exception as e:
        print(str(e)[:160])
v1 = torch.zeros(3, requires_grad=True)
v2 = torch.autograd.grad(v1.log_softmax(-1).sum(), v1, create_graph=True)[0]
v3 = v2[[True] * len(v2)].view_as(v2)
v3.cumprod_(0)
with torch.no_grad():
    v3.add_(1)
run(lambda: torch.autograd.grad(v3.sum(), v1))
a = torch.ones(3, requires_grad=True)
b = (a * 1).view(3)
b.exp_()
keep = b * 2  # (holds the view's grad_fn of the time: PyTorch names it)
b.add_(1)
run(lambda: keep.sum().backward())
d = (a * 1)[1:]
d.sigmoid_()
with torch.no_grad():
    d.mul_(2)
run(lambda: d.sum().backward())
""",
"size_indexing_errors": TRY + """
x = torch.tensor(1.)
t("-1", lambda: x.shape[-1])
t("str", lambda: x.shape['a'])
t("slice", lambda: torch.zeros(2, 3).shape[1:])
""",
"zero_dim_inputs_to_functional_activations_and_losses": """
F = torch.nn.functional
for x in [torch.tensor(0.3, requires_grad=True), torch.tensor([0.3, -1.2], dtype=torch.float64, requires_grad=True)]:
    for f in [F.gelu, lambda v: F.gelu(v, approximate='tanh'), F.silu, F.mish, F.elu, F.selu, F.celu, F.softplus,
              F.logsigmoid, F.hardswish, F.hardtanh, F.relu6, F.leaky_relu]:
        y = f(x)
        g, = torch.autograd.grad(y.sum(), x, create_graph=True)
        print(y, g, torch.autograd.grad(g.sum(), x, allow_unused=True))
    t = x.detach().sigmoid()
    for f in [F.mse_loss, F.l1_loss, F.smooth_l1_loss, F.huber_loss, F.binary_cross_entropy_with_logits,
              lambda a, b: F.binary_cross_entropy(a.sigmoid(), b)]:
        y = f(x, t)
        print(y, torch.autograd.grad(y, x))
print(F.prelu(torch.tensor(0.3, requires_grad=True), torch.tensor([0.25])))
""",
"shrink_threshold_and_logit_gradients_are_differentiable": """
F = torch.nn.functional
for f in [F.softshrink, F.hardshrink, lambda v: F.threshold(v, 0.5, 0.0), lambda v: F.threshold(v * 1, 0.5, 0.0, True),
          torch.logit, lambda v: v.logit(0.1), lambda v: v.logit(-0.5)]:
    x = torch.tensor([0.3, -1.2, 0.7, 0.05, 1.5], dtype=torch.float64, requires_grad=True)
    y = f(x)
    g, = torch.autograd.grad(y.sum(), x, create_graph=True)
    print(y, g, torch.autograd.grad(g.sum(), x, allow_unused=True), torch.autograd.grad(y.sum(), x))
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round5_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
