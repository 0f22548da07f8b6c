"""Classes of difference found by the thirty-first round's random programs (held31h, issue 16, seeds
1080000..1089999), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"max_and_min_of_an_empty_tensor_into_out_give_the_reduction_start_value": """
for dt in [torch.float32, torch.float64, torch.int64, torch.int32, torch.uint8, torch.bool, torch.float16, torch.int8,
           torch.int16, torch.bfloat16]:
    for f in [torch.max, torch.min]:
        o = torch.ones(0, dtype=dt)
        r = f(torch.ones(0, dtype=dt), out=o)
        print(f.__name__, dt, r, r.shape, r is o, o._version)
o = torch.ones(2)
print(torch.min(torch.ones(0, 3), out=o), o.shape)
o = torch.ones(2, dtype=torch.float64)
print(torch.max(torch.ones(0, dtype=torch.int32), out=o), o.shape)
try:
    torch.max(torch.ones(0), out=torch.ones((), dtype=torch.int64))
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.ones(0).max()
except Exception as e:
    print(type(e).__name__, e)
""",
"vmap_over_a_batch_of_size_zero_gives_the_outputs_shapes_with_no_elements": """
vmap = torch.func.vmap
for shape in [(0, 1), (0, 3), (0, 0), (0, 2, 3)]:
    for name, f in [("mean", lambda x: x.tanh().mean()), ("sum", lambda x: x.sum(-1)), ("id", lambda x: x),
                    ("mul", lambda x: x * 2), ("long", lambda x: x.long()), ("pair", lambda x: (x, x.sum()))]:
        r = vmap(f)(torch.ones(shape))
        print(shape, name, r)
print(vmap(lambda x: x + 1, in_dims=1)(torch.ones(2, 0)).shape)
print(vmap(lambda x, y: x * y)(torch.ones(0, 2), torch.ones(0, 2)).shape)
print(vmap(lambda x: x.sum(0), out_dims=1)(torch.ones(0, 2, 3)).shape)
print(vmap(lambda x, y: x + y, in_dims=(0, None))(torch.ones(0, 2), torch.ones(2)))
print(vmap(lambda x: x.double() @ torch.ones(2, 3, dtype=torch.float64))(torch.ones(0, 2)))
print(torch.func.grad(lambda x: x.sum())(torch.ones(0)))
""",
"autograd_functional_jvp_and_hvp_make_their_dummies_with_the_factorys_requires_grad_check": """
F = torch.autograd.functional
cases = {"jvp_long": lambda: F.jvp(lambda x: x.long(), torch.ones(3), torch.ones(3)),
         "jvp_bool": lambda: F.jvp(lambda x: x > 0, torch.tensor(2.), torch.tensor(1.)),
         "jvp_tuple": lambda: F.jvp(lambda x: (x * 2, x.int()), torch.ones(2), torch.ones(2)),
         "jvp_float": lambda: F.jvp(lambda x: x.exp(), torch.ones(2), torch.ones(2)),
         "hvp_long_in": lambda: F.hvp(lambda x: x.sum(), torch.ones(2, dtype=torch.long), torch.ones(2, dtype=torch.long)),
         "hvp": lambda: F.hvp(lambda x: (x ** 3).sum(), torch.ones(2), torch.ones(2))}
for k, f in cases.items():
    try:
        print(k, f())
    except Exception as e:
        print(k, type(e).__name__, e)
""",
"an_in_place_clamp_or_nextafter_saves_self_as_a_recorded_clone": """
for shape in [(3,), (0,), ()]:
    for name, f in [("clamp_min_t", lambda v: v.clamp_min_(torch.zeros(shape))), ("clamp_max_s", lambda v: v.clamp_max_(0.)),
                    ("clamp_min_s", lambda v: v.clamp_min_(0.)), ("clamp_t", lambda v: v.clamp_(torch.zeros(shape), torch.ones(shape))),
                    ("clip_t", lambda v: v.clip_(max=torch.ones(shape))), ("clamp_s", lambda v: v.clamp_(0., 1.)),
                    ("nextafter_", lambda v: v.nextafter_(torch.zeros(shape)))]:
        a = torch.full(shape, 0.5, requires_grad=True)
        v = a * 2
        gf = f(v).grad_fn
        print(shape, name, gf.name(), gf._saved_self, gf._saved_self.grad_fn.next_functions[0][0].name())
        if name != "nextafter_":
            g, = torch.autograd.grad(v.sum(), a, create_graph=True)
            print(g, g.grad_fn)
""",
"nn_functional_hardtanh_and_elu_in_place_spellings_take_aten_int_defaults": """
F = torch.nn.functional
for name, f in [("hardtanh_", lambda v: F.hardtanh_(v)), ("hardtanh_args", lambda v: F.hardtanh_(v, -0.5, 2)),
                ("hardtanh_inplace", lambda v: F.hardtanh(v, inplace=True)), ("elu_", lambda v: F.elu_(v)),
                ("elu_alpha", lambda v: F.elu_(v, 2)), ("elu_inplace", lambda v: F.elu(v, inplace=True)),
                ("leaky_relu_", lambda v: F.leaky_relu_(v))]:
    v = torch.full((2,), 0.5, requires_grad=True) * 2
    gf = f(v).grad_fn
    print(name, gf.name(), [(k, getattr(gf, k)) for k in sorted(dir(gf)) if k.startswith("_saved_") and k != "_saved_self"])
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round31_held31h_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
