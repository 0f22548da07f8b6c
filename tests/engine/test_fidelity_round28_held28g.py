"""Classes of difference found by the twenty-eighth round's held-out programs on tensor creation and
torch.nn.functional (held28g, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"affine_grid_of_a_reduced_float_theta_with_a_unit_spatial_size_is_tensor_cpus_dispatch_error": """
torch.manual_seed(0)
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16]:
    for size in [(1, 1, 1, 3), (1, 1, 3, 1), (1, 1, 2, 3), (1, 1, 1, 2, 2), (1, 1, 2, 2, 1), (1, 1, 2, 2, 2)]:
        theta = torch.randn(1, len(size) - 2, len(size) - 1).to(dt)
        for ac in [False, True]:
            try:
                print(dt, size, ac, F.affine_grid(theta, size, align_corners=ac).flatten()[:4])
            except Exception as e:
                print(dt, size, ac, type(e).__name__, e)
""",
"pixel_unshuffle_of_an_empty_tensor_is_a_clone_and_the_shuffles_backward_checks_the_other_ops_shapes": """
for shape, r in [((0, 4, 2, 2), 2), ((1, 0, 2, 2), 2), ((1, 8, 0, 3), 3), ((2, 0, 4), 2), ((1, 4, 2, 2), 1)]:
    for tr in [False, True]:
        x = torch.zeros(shape)
        x = x.transpose(-1, -2) if tr else x
        x.requires_grad_()
        try:
            y = F.pixel_unshuffle(x, r if not tr else 1)
            print(shape, tr, y.shape, y.stride(), y.grad_fn.name())
            y.sum().backward()
            print(x.grad.shape)
        except Exception as e:
            print(type(e).__name__, e)
for shape in [(0, 4, 2, 2), (1, 4, 0, 2), (2, 0, 4, 1), (1, 4, 1, 1)]:
    x = torch.zeros(shape, requires_grad=True)
    y = F.pixel_shuffle(x, 2)
    print(y.shape, y.stride())
    for create in [False, True]:
        try:
            g, = torch.autograd.grad(y.sum(), x, create_graph=create, retain_graph=True)
            print(g.shape)
        except Exception as e:
            print(type(e).__name__, e)
""",
"unfold_and_fold_dispatch_over_complex_types_too": """
torch.manual_seed(0)
for dt in [torch.complex64, torch.complex128, torch.int64, torch.bool, torch.float16]:
    try:
        x = torch.randn(1, 2, 4, 4).to(dt)
        u = F.unfold(x, 2, padding=1, stride=2)
        print(dt, u.shape, u.dtype, u[0, :2, :3])
        f = F.fold(u, (4, 4), 2, padding=1, stride=2)
        print(f.dtype, torch.equal(f, x))
    except Exception as e:
        print(dt, type(e).__name__, e)
x = torch.randn(1, 1, 3, 3, dtype=torch.complex64, requires_grad=True)
u = F.unfold(x, 2)
print(u.grad_fn.name())
(u * torch.randn(u.shape, dtype=torch.complex64)).abs().sum().backward()
print(x.grad)
""",
"complex_and_polar_want_out_of_the_parts_complex_type_before_broadcasting": """
for f in [torch.complex, torch.polar]:
    for a, b, o in [(torch.ones(2), torch.ones(2), torch.empty(2, dtype=torch.complex128)),
                    (torch.ones(2).double(), torch.ones(2).double(), torch.empty(2, dtype=torch.complex64)),
                    (torch.ones(2), torch.ones(2), torch.empty(3, dtype=torch.complex64)),
                    (torch.ones(2), torch.ones(3), torch.empty(2)),
                    (torch.ones(2), torch.ones(3).double(), torch.empty(2)),
                    (torch.ones(2), torch.ones(3), torch.empty(2, dtype=torch.complex64)),
                    (torch.ones(2).half(), torch.ones(2).half(), torch.empty(2, dtype=torch.complex64)),
                    (torch.ones(2).long(), torch.ones(2).long(), torch.empty(2, dtype=torch.complex64))]:
        try:
            print(f(a, b, out=o), o.dtype)
        except Exception as e:
            print(type(e).__name__, e)
    print(f(torch.ones(2), torch.zeros(2), out=torch.empty(0, dtype=torch.complex64)))
""",
"tril_and_triu_indices_check_row_and_col_before_the_index_type": """
for f in [torch.tril_indices, torch.triu_indices]:
    for r, c in [(-1, 2), (2, -1), (2, 3)]:
        for dt in [None, torch.int32, torch.int16, torch.float32, torch.bool]:
            try:
                print(f.__name__, r, c, dt, f(r, c, dtype=dt) if dt else f(r, c))
            except Exception as e:
                print(f.__name__, r, c, dt, type(e).__name__, e)
""",
"hardtanh_and_relu6_of_a_complex_tensor_are_clamps_refusal": """
for dt in [torch.complex64, torch.complex128]:
    for name, f in [('hardtanh', lambda x: F.hardtanh(x)), ('hardtanh_', lambda x: F.hardtanh_(x)),
                    ('hardtanh_kw', lambda x: F.hardtanh(x, min_val=0., max_val=2., inplace=True)),
                    ('relu6', lambda x: F.relu6(x)), ('relu6_', lambda x: F.relu6(x, inplace=True)),
                    ('Hardtanh', lambda x: torch.nn.Hardtanh()(x)), ('ReLU6', lambda x: torch.nn.ReLU6()(x))]:
        x = torch.tensor([-2, 0, 1.5 + 1j, 3]).to(dt)
        for rg in [False, True]:
            try:
                print(name, dt, rg, f(x.clone().requires_grad_(rg)))
            except Exception as e:
                print(name, dt, rg, type(e).__name__, e)
""",
"silu_computes_complex_tensors_and_refuses_their_out_of_place_gradient": """
z = torch.tensor([1 + 1j, -0.5j, 2.], requires_grad=True)
for f in [lambda: F.silu(z), lambda: F.silu(z, inplace=True), lambda: F.silu(z * 1, inplace=True),
          lambda: torch.nn.SiLU(inplace=True)(z.clone()), lambda: torch.nn.SiLU()(z.detach())]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
with torch.no_grad():
    print(F.silu(z))
print(F.silu(torch.randn(2, 3, dtype=torch.complex64).t()).stride())
for dt in [torch.complex64, torch.complex128]:
    print(F.silu(torch.tensor([100 + 0j, -100 + 0j, 0j, 2 - 3j, -1.5 + 0.25j], dtype=dt)))
y = F.silu(z * 1, inplace=True)
y.abs().sum().backward()
print(z.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round28_held28g_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
