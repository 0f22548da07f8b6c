"""Classes of difference the twenty-sixth round found (issue 16) with the lead's probes, one differential program
each."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"pointwise_loss_target_gradients_are_the_swapped_formula_and_elu_keeps_a_zero": '''
F = torch.nn.functional
torch.manual_seed(0)
for dt in (torch.float32, torch.float64, torch.float16, torch.bfloat16):
    x = torch.randn(20).to(dt)
    y = x.clone()
    y[::3] = torch.randn(7).to(dt)
    for f in (F.mse_loss, F.smooth_l1_loss, F.huber_loss, F.l1_loss, lambda a, b: F.smooth_l1_loss(a, b, beta=0.5)):
        a, b = x.clone().requires_grad_(), y.clone().requires_grad_()
        f(a, b).backward()
        print(dt, a.grad.tolist(), b.grad.tolist())
z, w = torch.zeros(3, requires_grad=True), torch.zeros(3, requires_grad=True)
F.mse_loss(z, w).backward()
print(z.grad, w.grad)
print(F.elu(torch.tensor([0., -0., -1., 2.]), alpha=-1.), F.elu(torch.zeros(20), alpha=-2.)[:3],
      F.celu(torch.tensor([0., -0.]), 0.5), F.selu(torch.tensor([0., -0.])))
''',
"grid_sampler_reads_sizes_as_size_and_vdot_saves_its_operands_first": '''
for s in [(), (2,), (1, 2, 3, 4)]:
    for g in [(), (1, 2, 2, 2), (2,)]:
        try:
            print(torch.grid_sampler(torch.ones(s), torch.ones(g), 0, 0, True).shape)
        except Exception as e:
            print(s, g, type(e).__name__, e)
v1 = torch.ones(2, 3, requires_grad=True)
with torch.inference_mode():
    v4 = torch.ones(1, 2, 3) * 2
for f in (lambda: v4.vdot(v1), lambda: v1.vdot(v4), lambda: torch.vdot(v4, v1[0]), lambda: v4[0, 0].vdot(v1[0]),
          lambda: v4[0, 0].vdot(v4[0, 1])):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
''',
"random_program_one_offs_empty_as_strided_grad_zero_dim_pad_real_conj_physical_isin_out": '''
v1 = torch.tensor([[-0.75, 0.3528], [0.0, -0.75], [4.0, 4.0]], requires_grad=True)
v3 = v1.as_strided((0,), (3,))
v1.prod().backward()
v3.backward(torch.ones(v3.shape))
print(v1.grad, torch.where(v3 > 0, v3, v3))
x = torch.zeros((), dtype=torch.float64, requires_grad=True)
print(torch.constant_pad_nd(x, ()), torch.constant_pad_nd(torch.ones(2), ()), torch.nn.functional.pad(x, ()))
e = torch.ones(3, 1).expand(3, 4)
print(torch.conj_physical_(e), e.conj_physical_() is e, e._version)
for args in [(torch.zeros(2), torch.tensor([1.])), (torch.zeros(2), 4.0), (torch.tensor([True]), 1), (torch.zeros(2), 1j)]:
    for o in (torch.zeros(2), torch.zeros(2, dtype=torch.bool), torch.zeros(0, dtype=torch.int64)):
        try:
            print(torch.isin(*args, out=o))
        except Exception as ex:
            print(type(ex).__name__, ex)
''',
"float32_products_of_rows_left_over_from_blocks_of_four_take_mkls_orders": '''
torch.manual_seed(0)
for m, n, k in [(5, 12, 5), (6, 16, 16), (7, 13, 32), (9, 20, 8), (10, 12, 64), (11, 40, 100), (5, 17, 300), (13, 24, 17),
                (18, 50, 64), (30, 16, 200), (7, 128, 9), (10, 33, 16)]:
    a, at = torch.randn(m, k), torch.randn(k, m).t()
    b, bt = torch.randn(k, n), torch.randn(n, k).t()
    c = torch.randn(n)
    print(m, n, k, [(x @ y).view(torch.int32).sum().item() for x in (a, at) for y in (b, bt)],
          [torch.addmm(c, x, y).view(torch.int32).sum().item() for x in (a, at) for y in (b, bt)])
for batch, sizes in ((10, (20, 32, 16, 1)), (7, (13, 24, 12, 3)), (30, (8, 64, 20, 1)), (5, (100, 50, 12, 2))):
    layers = []
    for i in range(len(sizes) - 1):
        layers += [torch.nn.Linear(sizes[i], sizes[i + 1]), torch.nn.Tanh()]
    net = torch.nn.Sequential(*layers[:-1])
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    x, y = torch.randn(batch, sizes[0]), torch.randn(batch, sizes[-1])
    for step in range(8):
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(net(x), y)
        loss.backward()
        opt.step()
        print(batch, step, loss.item())
''',
"samples_made_by_an_inplace_kernel_below_autograd_have_version_0": '''
torch.manual_seed(0)
x = torch.rand(3, dtype=torch.float64, requires_grad=True)
p = torch.full((3,), 0.5)
for f in (lambda: x.bernoulli(1.0), lambda: x.bernoulli(0.3), lambda: torch.bernoulli(x, 0.5), lambda: p.bernoulli(),
          lambda: torch.native_dropout(p, 0.5, True)[0], lambda: torch.native_dropout(p, 0.5, True)[1],
          lambda: torch.native_dropout(x, 0.2, True)[0], lambda: torch.nn.functional.dropout(p, 0.5),
          lambda: torch.rand_like(p), lambda: torch.bernoulli(p, out=torch.empty(3))):
    r = f()
    print(r._version, r.grad_fn)
''',
"affine_grid_generator_checks_the_size_length_first": '''
for size in [(-1,), (1,), (1, 1, 2), (1, 1, 2, 2, 2, 2), (1, 1, 2, 2)]:
    for theta in (torch.zeros(1, 2, 3), torch.tensor(1.), torch.zeros(2, 3)):
        try:
            print(torch.affine_grid_generator(theta, size, False).shape)
        except Exception as e:
            print(type(e).__name__, e)
''',
"factories_with_out_ignore_pin_memory_and_check_the_device_type": '''
for name, f in [("arange", lambda o, **k: torch.arange(3, out=o, **k)), ("zeros", lambda o, **k: torch.zeros(2, out=o, **k)),
                ("full", lambda o, **k: torch.full((2,), 1., out=o, **k)), ("linspace", lambda o, **k: torch.linspace(0, 1, 3, out=o, **k)),
                ("eye", lambda o, **k: torch.eye(2, out=o, **k)), ("empty", lambda o, **k: torch.empty(2, out=o, **k)),
                ("rand", lambda o, **k: torch.rand(2, out=o, **k)), ("randint", lambda o, **k: torch.randint(5, (2,), out=o, **k)),
                ("randperm", lambda o, **k: torch.randperm(3, out=o, **k)), ("normal", lambda o, **k: torch.normal(0., 1., (2,), out=o, **k))]:
    for kw in ({"pin_memory": True}, {"device": "meta"}, {"device": "cuda:1"}, {"pin_memory": True, "dtype": torch.int64},
               {"dtype": torch.float64, "device": "meta"}, {"device": torch.device("cpu", 0)}):
        o = torch.zeros(0, dtype=torch.int64 if name in ("randint", "randperm") else torch.float32)
        torch.manual_seed(0)
        try:
            r = f(o, **kw)
            print(name, kw, r.dtype, r.shape, r is o)
        except Exception as e:
            print(name, kw, type(e).__name__, e)
print(torch.arange(False, -0.75, -1.0, out=torch.tensor(0), pin_memory=True))
''',
"dot_products_take_mkls_sse_dot_with_alignment_and_threads": '''
torch.manual_seed(0)
for dt, iv in ((torch.float32, torch.int32), (torch.float64, torch.int64)):
    for n in list(range(0, 40)) + [61, 127, 4095, 4096, 8191, 8192, 9001]:
        A, B = torch.randn(2 * n + 8, dtype=dt), torch.randn(3 * n + 8, dtype=dt)
        outs = []
        for oa, ob, sa, sb in ((0, 0, 1, 1), (1, 1, 1, 1), (1, 3, 1, 1), (3, 1, 1, 1), (2, 0, 1, 1), (1, 0, 2, 1),
                               (0, 2, 1, 3)):
            a, b = A[oa:oa + n * sa:sa], B[ob:ob + n * sb:sb]
            outs += [torch.dot(a, b).view(iv).item(), (a @ b).view(iv).item(), torch.vdot(a, b).view(iv).item()]
        outs.append(torch.dot(A[:1].expand(n), B[:n]).view(iv).item())
        print(dt, n, outs)
x = torch.linspace(0, 1, 4)
print((x @ x).item(), (x[1:] @ x[1:]).item())
''',
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round26_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
