"""Classes of difference found by the twenty-sixth round's held-out programs on training loops, optimizers,
schedulers and save/load (held26f, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"rprop_foreach_keeps_the_new_gradient_in_prevs_memory": """
for maximize in [False, True]:
    for dt in [torch.float32, torch.complex64]:
        for foreach in [False, True]:
            torch.manual_seed(0)
            w = torch.randn(5, dtype=dt, requires_grad=True)
            opt = torch.optim.Rprop([w], lr=0.1, maximize=maximize, foreach=foreach)
            for _ in range(3):
                opt.zero_grad()
                (w.abs() ** 3 - w.abs()).sum().backward()
                opt.step()
            print(maximize, dt, foreach, w._version, w.grad._version,
                  {k: v._version for k, v in opt.state[w].items()}, opt.state[w]['prev'].tolist())
""",
"complex_abs_backward_multiplies_by_the_sgn_kernels_values": """
torch.manual_seed(0)
for n in [3, 4, 9, 16, 17, 33]:
    w = torch.randn(n, dtype=torch.complex64, requires_grad=True)
    w.abs().sum().backward()
    print(n, w.grad.tolist(), torch.equal(w.grad, w.detach().sgn()))
    w.grad = None
    (w.abs() ** 2 + w.abs()).sum().backward()
    print(n, w.grad.tolist())
z = torch.tensor([0j, 3 + 4j, -1e-30 + 2j], dtype=torch.complex128, requires_grad=True)
z.abs().backward(torch.tensor([2., 0.5, -1.], dtype=torch.float64))
print(z.grad)
""",
"complex64_sgns_vectors_are_the_cpus_width": """
torch.manual_seed(0)
for n in [8, 9, 15, 16, 17, 24, 31, 32, 33]:
    z = torch.randn(n, dtype=torch.complex64)
    print(n, z.sgn().tolist())
    print(n, z[::2].sgn().tolist())
    x = z.clone()
    x.sgn_()
    print(torch.equal(x, z.sgn()))
m = torch.randn(3, 21, dtype=torch.complex64)
print(m.sgn().tolist(), m[:, 2:].sgn().tolist())
""",
"fused_sgd_on_half_types_never_stores_its_vector_loops_parameters": """
for dt in [torch.float16, torch.bfloat16]:
    for n in [8, 24, 27, 31]:
        for kw in [dict(momentum=0.9, dampening=0.1, weight_decay=0.1), dict(momentum=0.5, nesterov=True, maximize=True),
                   dict(weight_decay=0.2)]:
            torch.manual_seed(n)
            w = torch.randn(n).to(dt).requires_grad_()
            opt = torch.optim.SGD([w], fused=True, lr=0.1, **kw)
            for i in range(3):
                opt.zero_grad()
                (w.float() ** 3).sum().backward()
                opt.step()
                print(dt, n, i, w.tolist(), opt.state[w]['momentum_buffer'].tolist() if 'momentum' in kw else None)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round26_held26f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
