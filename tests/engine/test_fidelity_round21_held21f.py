"""Classes of difference found by the held-out programs on shapes, broadcasting and products of round 21 (held21f),
one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

# a gradient's graph as names, a few levels deep (the double-backward programs print it)
CHAIN = """
def chain(fn, depth=0, out=None):
    out = [] if out is None else out
    if fn is None or depth > 3: return out
    out.append(type(fn).__name__)
    for f, _ in fn.next_functions: chain(f, depth + 1, out)
    return out
"""

PROGRAMS = {
"meshgrid_checks_in_atens_order_and_streams_the_tensor_as_at_print": """
def t(f):
    try: print([tuple(g.shape) for g in f()])
    except Exception as e: print(type(e).__name__, e)
a = torch.tensor([1, 2])
for x in [torch.tensor([[1.5, 2], [3, 4]]), torch.tensor([[1e10, 2], [3, 4]]), torch.tensor([[1, -2], [3, 4]], dtype=torch.int8),
          torch.tensor([[True, False]]), torch.ones(0, 2), torch.tensor([[0.001, 2e-5]]), torch.tensor([[float('nan'), 1.5]]),
          torch.tensor([[float('-inf'), float('nan')]]), torch.ones(1, 2, dtype=torch.bfloat16), torch.ones(2, 2).half(),
          torch.arange(24.).reshape(2, 3, 2, 2) * 1e5 + 0.5, torch.arange(300.).reshape(3, 100) / 7, torch.arange(60.).reshape(2, 30),
          torch.tensor([[-5000.5, 2]]), torch.tensor([[1e200, 1.5]], dtype=torch.double), torch.tensor([[1.5e6, 1.65e6]]),
          torch.tensor([[1.5e8, 1.65e8]], dtype=torch.double), torch.tensor([[-2e-6, -3e-6]]), torch.tensor([[0., -0.]])]:
    t(lambda: torch.meshgrid(x, indexing="ij"))
    t(lambda: torch.meshgrid(torch.ones(1, dtype=x.dtype), x, indexing="xy"))
m1, m2 = torch.ones(2, 2), torch.zeros(1, 2)
t(lambda: torch.meshgrid(m1, m2, indexing="xy")); t(lambda: torch.meshgrid(m1, m2, indexing="ij"))
t(lambda: torch.meshgrid(a, m2, indexing="bad")); t(lambda: torch.meshgrid(a, a.float(), indexing="bad"))
t(lambda: torch.meshgrid(a, torch.ones(2, 2), indexing="ij")); t(lambda: torch.meshgrid(m1, a.float(), m2, indexing="xy"))
""",
"split_and_unflatten_read_numpy_ints_and_integer_tensors_as_parsed": """
import numpy as np
x = torch.arange(24.).reshape(2, 3, 4)
for a in [np.int64(1), torch.tensor(1), np.int32(2), np.array(1), True, torch.tensor(1.), torch.tensor([1])]:
    for f in [lambda: x.split(1, a), lambda: torch.split(x, 1, a), lambda: x.unflatten(a, (1, -1)), lambda: torch.unflatten(x, a, (1, -1)),
              lambda: x.split(a), lambda: x.split([1, 1], a), lambda: x.unflatten(1, (a, -1)), lambda: x.split(1, dim=a),
              lambda: x.unflatten(dim=a, sizes=(1, -1)), lambda: x.split([a, 3 - int(a)], 1)]:
        try: r = f(); print(tuple(r.shape) if isinstance(r, torch.Tensor) else [tuple(p.shape) for p in r])
        except Exception as e: print(type(e).__name__, e)
""",
"argument_messages_name_numpy_scalars_by_their_dotted_tp_name": """
import numpy as np
m = torch.ones(2, 2)
for f in [lambda: torch.block_diag(m, np.float64(2)), lambda: torch.cartesian_prod(torch.tensor([1]), np.int64(3)),
          lambda: torch.atleast_2d(np.int64(3)), lambda: torch.cat([m, np.array(1.)]), lambda: torch.broadcast_tensors(m, np.int32(1))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
""",
"broadcast_shapes_compares_as_torch_refs_broadcast_shapes": """
import numpy as np
for s in [((2.0,), (2,)), ((2.0,), (3,)), ((1.0,),), ((2.5,), (1,)), ((np.int64(1),),), ((np.int64(2),), (2,)), (np.int64(2),),
          ((1,), (np.int64(3),)), ((-1.0,),), ((True,), (3,)), ((2,), (True,)), ((3,), (2.0,)), ((2, 3), (2.0, 1)), ((3,), ("a",)),
          ((None,),), ((torch.tensor(2),), (2,)), (range(1, 3), (3, 1)), ([2], [3])]:
    try: print(torch.broadcast_shapes(*s))
    except Exception as e: print(type(e).__name__, e)
""",
"out_none_is_no_out_and_tensor_params_keep_their_keyword_names": """
x = torch.arange(9.).reshape(3, 3) / 8 + 0.5
v = torch.arange(3.)
for f in [lambda: torch.kron(x, v, out=None), lambda: torch.abs(x, out=None), lambda: torch.add(x, 1, out=None),
          lambda: torch.amax(x, 0, out=None), lambda: torch.linalg.det(x, out=None), lambda: torch.linalg.inv(x + 3 * torch.eye(3), out=None),
          lambda: torch.linalg.vecdot(x, x, out=None), lambda: torch.dot(v, tensor=v), lambda: v.dot(tensor=v),
          lambda: torch.allclose(x, other=x), lambda: torch.equal(x, other=x), lambda: torch.where(condition=x > 1),
          lambda: torch.mm(x, x, out=None), lambda: torch.matmul(x, v, out=None), lambda: torch.fft.fftfreq(4, out=None)]:
    try: r = f(); print(r if not isinstance(r, torch.Tensor) else (tuple(r.shape), r.dtype))
    except Exception as e: print(type(e).__name__, str(e)[:40])
""",
"namespace_functions_take_pytorchs_keyword_names": """
x = torch.arange(9.).reshape(3, 3) / 8 + torch.eye(3) * 3
for f in [lambda: torch.linalg.det(A=x), lambda: torch.linalg.inv(A=x), lambda: torch.linalg.solve(A=x, B=x),
          lambda: torch.linalg.vecdot(x=x, y=x), lambda: torch.linalg.svdvals(A=x), lambda: torch.linalg.tensorsolve(x, other=x[0]),
          lambda: torch.special.airy_ai(x=x), lambda: torch.isin(elements=x, test_element=1.0), lambda: torch.linalg.cross(input=x, other=x),
          lambda: torch.linalg.matrix_norm(A=x), lambda: torch.linalg.eigvals(A=x)]:
    try: r = f(); print(tuple(r.shape), r.dtype)
    except Exception as e: print(type(e).__name__, e)
""",
"a_size_holds_numpy_integers_as_they_are_and_ops_read_them": """
import numpy as np
s = torch.Size([np.int64(3), 2]); x = torch.arange(6.)
print(s, type(s[0]).__name__, list(torch.Size(np.array([4, 5]))), s.numel(), type(s.numel()).__name__, torch.Size([torch.tensor(3), True]))
for f in [lambda: x.view(torch.Size([2, 3])), lambda: x.view(s), lambda: torch.zeros(s), lambda: torch.ones(1, 1).expand(s),
          lambda: x.new_zeros(s), lambda: torch.full(s, 1.), lambda: torch.broadcast_shapes(s, (3, 1)), lambda: x.unflatten(0, s),
          lambda: torch.tensor([1, 2]).repeat(torch.Size([np.int64(2)]))]:
    try: r = f(); print(tuple(r.shape) if isinstance(r, torch.Tensor) else r)
    except Exception as e: print(type(e).__name__, e)
""",
"view_dtype_to_a_larger_element_checks_size_and_offset_before_the_last_stride": """
base, big = torch.zeros(64, dtype=torch.int8), torch.zeros(64, dtype=torch.int64)
for x in [base.as_strided((2, 4), (8, 2)), base.as_strided((2, 4), (16, 2), 1), base.as_strided((2, 4), (16, 1), 1), base.as_strided((2, 4), (6, 2)),
          base.as_strided((2, 3), (5, 2), 1), base.as_strided((0, 2), (1, 3)), base.as_strided((2, 0), (3, 5)), torch.zeros(4, 2, dtype=torch.int8).t(),
          big.as_strided((2, 2), (4, 2)), big.as_strided((2, 2), (4, 2), 1), big[0]]:
    for dt in [torch.int16, torch.int32, torch.int8, torch.float64]:
        try: r = x.view(dt); print(tuple(r.shape), r.stride(), r.storage_offset())
        except Exception as e: print(type(e).__name__, e)
""",
"movedim_names_repeated_dims_as_given": """
x = torch.ones(2, 3, 4)
for s, d in [([0, -3], [1, 2]), ([0, 1], [-1, 2]), ([1, 1], [0, 0]), ([0, 1], [2, -1])]:
    try: print(x.movedim(s, d).shape)
    except Exception as e: print(type(e).__name__, e)
try: print(torch.tensor(1.).moveaxis([0, -1], [0, 0]))
except Exception as e: print(type(e).__name__, e)
""",
"scaled_products_gradients_take_conjugates_and_scale_by_mul_scalar": CHAIN + """
for dt in [torch.complex64, torch.float32]:
    for beta, alpha in [(2, 3), (0.5, 1j), (1j, -1), (1, 1)]:
        if not dt.is_complex and (isinstance(alpha, complex) or isinstance(beta, complex)): continue
        for name, f, shapes in [("addmm", torch.addmm, [(2, 2), (2, 3), (3, 2)]), ("addmv", torch.addmv, [(2,), (2, 3), (3,)]),
                                ("addr", torch.addr, [(3, 2), (3,), (2,)]), ("baddbmm", torch.baddbmm, [(2, 2, 2), (2, 2, 3), (2, 3, 2)]),
                                ("addbmm", torch.addbmm, [(2, 2), (2, 2, 3), (2, 3, 2)]), ("mv", lambda a, b, c, **k: torch.mv(b, c), [(1,), (2, 3), (3,)])]:
            xs = [(torch.arange(1., 1 + torch.Size(s).numel()).reshape(s) / 7 * (1 + 0.5j if dt.is_complex else 1)).to(dt).requires_grad_() for s in shapes]
            y = f(*xs, beta=beta, alpha=alpha)
            gs = torch.autograd.grad((y * (1 + 2j)).real.sum() if dt.is_complex else y.sum(), xs, create_graph=True, allow_unused=True)
            print(name, beta, alpha, [chain(None if q is None else q.grad_fn)[:3] for q in gs])
            print([None if q is None else [round(complex(v).real, 4) + 1j * round(complex(v).imag, 4) for v in q.flatten()[:3].tolist()] for q in gs])
""",
"addcmul_and_addcdiv_gradients_take_conjugates": CHAIN + """
for op in [torch.addcmul, torch.addcdiv]:
    for value in [2, 1j, 0.5 - 1j]:
        for dts in [(torch.complex64,) * 3, (torch.float32, torch.complex64, torch.complex64), (torch.complex64, torch.float32, torch.complex64)]:
            xs = [(torch.arange(1., 4.) / 7 * (1 + 0.5j if d.is_complex else 1)).to(d).requires_grad_() for d in dts]
            y = op(*xs, value=value)
            gs = torch.autograd.grad((y * (1 + 2j)).real.sum(), xs, create_graph=True)
            print(op.__name__, value, [chain(q.grad_fn)[:3] for q in gs], [[round(complex(v).real, 4) + 1j * round(complex(v).imag, 4) for v in q.tolist()] for q in gs])
""",
"add_sub_rsub_lerp_cross_gradients_conjugate_their_scalars_and_operands": CHAIN + """
a0 = (torch.arange(1., 4.) / 7 * (1 + 0.5j)).to(torch.complex64); b0 = (torch.arange(2., 5.) / 5 * (0.5 - 1j)).to(torch.complex64)
for name, f in [("add", lambda a, b: torch.add(a, b, alpha=1j)), ("add2", lambda a, b: torch.add(a, b, alpha=2)), ("sub", lambda a, b: torch.sub(a, b, alpha=2 - 1j)),
                ("rsub", lambda a, b: torch.rsub(a, b, alpha=1j)), ("lerp c", lambda a, b: torch.lerp(a, b, 0.3 + 0.2j)), ("lerp t", lambda a, b: torch.lerp(a, b, b)),
                ("cross", torch.linalg.cross), ("add_", lambda a, b: a.clone().add_(b, alpha=1j)), ("sub_", lambda a, b: a.clone().sub_(b, alpha=-1j))]:
    for real in (False, True):
        a, b = (a0.real.clone(), b0.real.clone()) if real else (a0.clone(), b0.clone())
        a.requires_grad_(); b.requires_grad_()
        try:
            y = f(a, b)
            gs = torch.autograd.grad((y * (1 + 2j)).real.sum() if y.is_complex() else y.sum(), (a, b), create_graph=True)
            print(name, real, [chain(q.grad_fn)[:3] for q in gs], [[round(complex(v).real, 4) + 1j * round(complex(v).imag, 4) for v in q.tolist()] for q in gs])
        except Exception as e: print(name, real, type(e).__name__, e)
""",
"pow_gradient_of_complex_exponents_and_bases": CHAIN + """
a0 = (torch.arange(0., 3.) / 7 * (1 + 0.5j)).to(torch.complex64); b0 = (torch.arange(2., 5.) / 5 * (0.5 - 1j)).to(torch.complex64)
for name, f in [("pow", lambda a, b: a ** b), ("rpow c", lambda a, b: (1 + 1j) ** a * b), ("rpow r", lambda a, b: 2 ** a * b), ("rpow 0", lambda a, b: 0 ** a * b),
                ("rpow neg", lambda a, b: (-2) ** a * b), ("pow real", lambda a, b: a.real ** b.real), ("pow mixed", lambda a, b: a.real ** b),
                ("pow mixed2", lambda a, b: a ** b.real), ("pow neg base", lambda a, b: (-a.real) ** b.real)]:
    a, b = a0.clone().requires_grad_(), b0.clone().requires_grad_()
    y = f(a, b)
    gs = torch.autograd.grad((y * (1 + 2j)).real.sum() if y.is_complex() else y.sum(), (a, b), create_graph=True, allow_unused=True)
    print(name, [chain(None if q is None else q.grad_fn)[:3] for q in gs],
          [None if q is None else [round(complex(v).real, 4) + 1j * round(complex(v).imag, 4) for v in q.tolist()] for q in gs])
""",
"narrow_checks_a_tensor_start_before_all_else": """
x = torch.arange(6.).reshape(2, 3)
for s in [torch.tensor(1), torch.tensor([1]), torch.tensor(1.), torch.tensor(True), torch.tensor([[1]]), torch.tensor(1, dtype=torch.uint8)]:
    for f in [lambda: x.narrow(1, s, 2), lambda: torch.narrow(x, 1, s, 2), lambda: torch.tensor(5.).narrow(0, s, 1), lambda: x.narrow(1, s, -1)]:
        try: print(f())
        except Exception as e: print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round21_held21f_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
