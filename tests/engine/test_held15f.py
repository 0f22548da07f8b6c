"""Classes of difference found by round 15's held-out programs on namespace coverage (held15f): functions and
classes PyTorch has that tensorsh lacked, one program each, run verbatim in torch (one process for all) and in the
language; stdout, the error's last line and the warnings must be equal."""
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "nn"))  # the runner the torch.nn programs share
from forum_runner import program_tests  # noqa: E402

HEADER = "import torch\n"

PROGRAMS = {
    "fisher_kumaraswamy_continuous_bernoulli_vonmises_lowrank": """
        from torch.distributions import FisherSnedecor, Kumaraswamy, ContinuousBernoulli, VonMises, LowRankMultivariateNormal
        torch.manual_seed(0)
        f = FisherSnedecor(3.0, 1.5)
        print(f, f.batch_shape, f.mean, f.variance, f.mode)
        print(f.sample((3,)))
        print(f.rsample())
        k = Kumaraswamy(torch.tensor([0.5, 2.0]), 3.0)
        print(k, k.mode, k.entropy())
        print(k.sample((2,)))
        print(k.expand((3, 2)).batch_shape)
        c = ContinuousBernoulli(logits=torch.tensor([-1.0, 0.0, 2.0]))
        print(c, c.probs, c.mean, c.variance, c.entropy())
        print(c.cdf(torch.tensor([0.2, 0.5, 0.7])), c.icdf(torch.tensor([0.2, 0.5, 0.7])))
        print(c.sample((2,)))
        print(c.rsample())
        print(c.expand((2, 3)))
        v = VonMises(torch.tensor([0.0, 1.0]), torch.tensor([0.5, 5.0]))
        print(v.sample((3,)))
        print(v.variance, v.expand((2, 2)).batch_shape)
        lr = LowRankMultivariateNormal(torch.zeros(2, 3), torch.ones(3, 2), torch.tensor([1.0, 2.0, 3.0]))
        print(lr.rsample())
        print(lr.scale_tril)
        print(lr.precision_matrix)
        print(lr.entropy())
        print(lr.expand((4, 2)).batch_shape)
    """,
    "continuous_bernoulli_probs_validation_error": """
        from torch.distributions import ContinuousBernoulli
        c = ContinuousBernoulli(probs=torch.tensor([0.3]), validate_args=True)
        print(c.log_prob(torch.tensor([0.4])))
        ContinuousBernoulli(probs=torch.tensor([1.3]), validate_args=True)
    """,
    "kumaraswamy_grad_and_support_error": """
        from torch.distributions import Kumaraswamy
        x = torch.tensor(2.0, requires_grad=True)
        k = Kumaraswamy(x, torch.tensor(3.0))
        lp = k.log_prob(torch.tensor(0.4))
        print(lp)
        lp.backward()
        print(x.grad)
        k.log_prob(torch.tensor(1.4))
    """,
    "lowrank_normal_shape_error": """
        from torch.distributions import LowRankMultivariateNormal
        LowRankMultivariateNormal(torch.zeros(3), torch.ones(2, 1), torch.ones(3))
    """,
    "linalg_tensorinv_tensorsolve_graphs_and_errors": """
        torch.manual_seed(0)
        a = torch.randn(6, 2, 3, requires_grad=True)
        r = torch.linalg.tensorinv(a, ind=1); print(r.grad_fn.name(), r.grad_fn.next_functions[0][0].name(), r.stride())
        for args in [(torch.randn(4, 2, 3), 1), (torch.randn(6,2,3), 0), (torch.zeros(2,2), 1), (torch.randn(2,3),2)]:
            try: torch.linalg.tensorinv(*args)
            except Exception as e: print(type(e).__name__, e)
        b = torch.randn(6)
        x = torch.linalg.tensorsolve(a, b); print(x.grad_fn.name(), x.grad_fn.next_functions[0][0].name())
        for args in [(torch.randn(4, 2, 3), torch.randn(4)), (torch.randn(2,3,6), torch.randn(6), (0,1)), (torch.zeros(2,2), torch.ones(2))]:
            try: print(torch.linalg.tensorsolve(*args).shape)
            except Exception as e: print(type(e).__name__, e)
        try: torch.linalg.tensorinv(a, 1.5)
        except Exception as e: print(type(e).__name__, e)
    """,
    "pdist_values_gradients_and_errors": """
        import torch.nn.functional as F
        x = torch.tensor([[0.0, 1.0, 2.0], [1.0, 1.0, 1.0], [3.0, 0.0, -1.0]], dtype=torch.float64, requires_grad=True)
        d = F.pdist(x, p=3)
        print(d, d.grad_fn.name(), d.grad_fn._saved_p)
        d.backward(torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64))
        print(x.grad)
        print(torch.pdist(torch.ones(1, 3)), torch.pdist(torch.ones(3, 0)), torch.pdist(torch.zeros(0, 2)))
        print(torch.pdist(torch.tensor([[1.0, 2.0], [1.0, 5.0]]), float('inf')), torch.pdist(torch.eye(3), 0))
        print(hasattr(torch.Tensor, "pdist"))
        for f in (lambda: torch.pdist(torch.ones(3)), lambda: torch.pdist(torch.ones(2, 2, dtype=torch.int64)),
                  lambda: torch.pdist(torch.ones(2, 2), -1.0), lambda: torch.pdist(torch.ones(2, 2), "a"),
                  lambda: torch.pdist(torch.ones(2, 2, dtype=torch.float16)), lambda: torch.pdist([[1.0]]),
                  lambda: torch.pdist(torch.ones(2, 2), q=2)):
            try:
                print(f())
            except Exception as e:
                print(type(e).__name__, e)
    """,
    "max_unpool3d_graph_module_and_errors": """
        import torch.nn.functional as F
        x = torch.arange(64.0).reshape(1, 2, 2, 4, 4).requires_grad_()
        o, i = F.max_pool3d(x, 2, return_indices=True)
        u = F.max_unpool3d(o, i, 2)
        print(u.shape, u.grad_fn.name(), u.grad_fn.next_functions[0][0].name())
        u.sum().backward()
        print(x.grad.sum())
        m = torch.nn.MaxUnpool3d((1, 2, 2), stride=(1, 2, 2))
        print(m)
        print(m(o, i, output_size=[1, 2, 2, 4, 4])[0, 0, 0])
        print(F.max_unpool3d(o[0], i[0], 2).shape)
        for f in [lambda: F.max_unpool3d(o, i.int(), 2), lambda: F.max_unpool3d(o[0, 0], i[0, 0], 2),
                  lambda: F.max_unpool3d(o, i + 100, 2), lambda: F.max_unpool3d(o, i[..., :0], 2),
                  lambda: F.max_unpool3d(o.int(), i, 2), lambda: F.max_unpool3d(o, i, 2, output_size=(5, 5, 5)),
                  lambda: F.max_unpool3d(o, i, 2, stride=0)]:
            try:
                print(f())
            except Exception as e:
                print(type(e).__name__, e)
    """,
    "native_batch_norm_statistics_and_graph": """
        torch.manual_seed(0)
        x = torch.randn(4, 3, 2, dtype=torch.float64, requires_grad=True)
        w = torch.rand(3, dtype=torch.float64, requires_grad=True)
        rm, rv = torch.zeros(3, dtype=torch.float64), torch.ones(3, dtype=torch.float64)
        out, m, v = torch.native_batch_norm(x, w, None, rm, rv, True, 0.3, 1e-5)
        print(out.grad_fn.name(), m, v, m.requires_grad, rm, rv)
        out.pow(2).sum().backward()
        print(x.grad[0], w.grad)
        o2, m2, v2 = torch.native_batch_norm(x.detach(), None, None, rm, rv, False, 0.3, 1e-5)
        print(o2[1], m2, v2)
        torch.native_batch_norm(x, None, None, None, None, True, 0.1)
    """,
    "orthogonal_polynomials_dtypes_no_grad_and_parser": """
        S = torch.special
        x = torch.tensor([-1.0, -0.3, 0.0, 0.5, 1.0], requires_grad=True)
        y = S.chebyshev_polynomial_t(x, 9)
        print(y, y.requires_grad, y.grad_fn)
        print(S.chebyshev_polynomial_u(torch.tensor([1, 2]), 3), S.legendre_polynomial_p(0.5, torch.tensor([0, 1, 2, 3])))
        print(S.hermite_polynomial_h(torch.tensor([0.5], dtype=torch.float64), torch.tensor([2.9, -1.0, float('nan')])))
        print(S.hermite_polynomial_he(torch.tensor([2.0]), 200), S.laguerre_polynomial_l(torch.tensor([0.0, 2.0]), 4))
        print(S.shifted_chebyshev_polynomial_w(torch.tensor([0.0, 0.25, 1.0]), 5))
        for f in (lambda: S.chebyshev_polynomial_t(x.half(), 2), lambda: S.chebyshev_polynomial_t(x),
                  lambda: S.chebyshev_polynomial_v(0.5, 2), lambda: S.legendre_polynomial_p(x, 2, 3),
                  lambda: S.laguerre_polynomial_l(x, m=2), lambda: S.laguerre_polynomial_l(n=2, x=x)):
            try:
                print(f())
            except Exception as e:
                print(type(e).__name__, e)
        y.sum().backward()
    """,
    "interop_threads_get_set_once": """
        print(torch.get_num_interop_threads())
        for f in (lambda: torch.set_num_interop_threads(0), lambda: torch.set_num_interop_threads("a"),
                  lambda: torch.get_num_interop_threads(1), lambda: torch.set_num_interop_threads(n=2)):
            try:
                print(f())
            except Exception as e:
                print(type(e).__name__, e)
        torch.set_num_interop_threads(3)
        print(torch.get_num_interop_threads(), torch.get_num_threads() >= 1)
        torch.set_num_interop_threads(2)
    """,
    "wishart_sampling_moments_and_errors": """
        from torch.distributions import Wishart
        torch.manual_seed(0)
        w = Wishart(df=torch.tensor([3.0, 5.0]), scale_tril=torch.tensor([[1.0, 0.0], [0.5, 2.0]]))
        print(w, w.batch_shape, w.event_shape)
        print(w.mean, w.mode)
        print(w.precision_matrix)
        s = w.rsample((2,))
        print(s.shape, s[0, 1])
        print(w.log_prob(s), w.entropy())
        print(w.expand((3, 2)).batch_shape, w.arg_constraints["df"])
        v = Wishart(4, precision_matrix=torch.eye(3, dtype=torch.float64) * 2)
        print(v.covariance_matrix, v.sample().dtype)
        u = Wishart(1.5, covariance_matrix=torch.eye(2))
        print(u.df)
        Wishart(0.5, covariance_matrix=torch.eye(2))
    """,
    "lkj_cholesky_sampling_and_log_prob": """
        from torch.distributions import LKJCholesky
        torch.manual_seed(2)
        d = LKJCholesky(3, concentration=torch.tensor([0.5, 2.0]))
        print(d, d.batch_shape, d.event_shape, d.support)
        L = d.sample()
        print(L)
        print(d.log_prob(L))
        e = d.expand((2, 2))
        print(e.batch_shape, e.sample().shape)
        print(LKJCholesky(2).log_prob(torch.tensor([[1.0, 0.0], [0.6, 0.8]])))
        LKJCholesky(1)
    """,
    "adaptive_log_softmax_with_loss": """
        torch.manual_seed(0)
        asm = torch.nn.AdaptiveLogSoftmaxWithLoss(6, 8, cutoffs=[3, 5], head_bias=True)
        print(asm)
        print([(n, tuple(p.shape)) for n, p in asm.named_parameters()])
        x = torch.randn(4, 6)
        out = asm(x, torch.tensor([0, 3, 7, 4]))
        print(out)
        out.loss.backward()
        print(asm.head.weight.grad.sum(), asm.tail[1][0].weight.grad)
        print(asm(x[0], torch.tensor(6)).output, asm.predict(x))
        print(asm.log_prob(x).exp().sum(1))
        for f in (lambda: asm(x, torch.tensor([0, 9, 1, 2])), lambda: asm(x, torch.tensor([[0]])),
                  lambda: torch.nn.AdaptiveLogSoftmaxWithLoss(6, 8, cutoffs=[5, 3])):
            try:
                f()
            except Exception as e:
                print(type(e).__name__, e)
        asm(x[:2], torch.tensor([1, 2, 3]))
    """,
    "fractional_max_pool2d_functional_module_and_errors": """
        import torch.nn.functional as F
        torch.manual_seed(0)
        x = torch.randn(2, 2, 7, 6, dtype=torch.float64, requires_grad=True)
        o, i = F.fractional_max_pool2d(x, (3, 2), output_ratio=(0.5, 0.5), return_indices=True)
        print(o, i)
        print(o.grad_fn.name())
        o.sum().backward()
        print(x.grad[1, 1])
        m = torch.nn.FractionalMaxPool2d(2, output_size=(4, 3))
        print(m, m(x[0]).shape, len(list(m.buffers())))
        y = torch.tensor([[[1.0, float('nan'), 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]])
        print(F.fractional_max_pool2d(y, 2, output_size=2, _random_samples=torch.tensor([[[0.3, 0.9]]])))
        cases = [lambda: F.fractional_max_pool2d(x, 2, output_size=7), lambda: F.fractional_max_pool2d(x[0, 0], 2, output_size=3),
                 lambda: F.fractional_max_pool2d(x, 2, output_size=3, _random_samples=torch.rand(2, 2, 2)),
                 lambda: F.fractional_max_pool2d(x, 2, output_size=3, _random_samples=torch.rand(1, 2, 2, dtype=torch.float64)),
                 lambda: F.fractional_max_pool2d(x, 2), lambda: F.fractional_max_pool2d(x, 2, output_ratio=0.5),
                 lambda: F.fractional_max_pool2d(x.int(), 2, output_size=3), lambda: torch.nn.FractionalMaxPool2d(2, output_ratio=1.5)]
        for c in cases:
            try:
                print(c())
            except Exception as e:
                print(type(e).__name__, e)
        F.fractional_max_pool2d(x, 2, output_size=3, _random_samples=torch.rand(2, 3, 2, dtype=torch.float64))
    """,
    "special_and_linalg_parser_texts": """
        x = torch.tensor([0.5, 1.5])
        cases = [lambda: torch.special.erf("a"), lambda: torch.special.expit(x, 1), lambda: torch.special.i0e(x, out=1),
                 lambda: torch.special.xlogy(x), lambda: torch.special.zeta(x), lambda: torch.special.logit(x, eps="a"),
                 lambda: torch.special.softmax(x), lambda: torch.special.log_softmax(x, 0, torch.int64),
                 lambda: torch.special.polygamma(x, 1), lambda: torch.special.round(x, 2),
                 lambda: torch.special.bessel_j0(x, x), lambda: torch.special.ndtri(1.0), lambda: torch.special.logsumexp(x),
                 lambda: torch.special.multigammaln(x, "a"), lambda: torch.special.entr(x, foo=1),
                 lambda: torch.linalg.norm(x, "fro", 0, foo=1), lambda: torch.linalg.inv(x, x),
                 lambda: torch.linalg.vector_norm(x, ord="a"), lambda: torch.linalg.det([[1.0]]),
                 lambda: torch.linalg.matrix_power(torch.eye(2), 1.5), lambda: torch.linalg.solve(torch.eye(2)),
                 lambda: torch.linalg.cross(x), lambda: torch.linalg.diagonal(x, 1),
                 lambda: torch.linalg.multi_dot(x), lambda: torch.linalg.tensorsolve(torch.eye(2), x, dims=1)]
        for c in cases:
            try:
                print(c())
            except Exception as e:
                print(type(e).__name__, str(e).replace(chr(10), " | "))
    """,
    "randint_like_tensor_high": """
        x = torch.ones(2, 3)
        torch.manual_seed(0)
        print(torch.randint_like(x, torch.tensor(5)), torch.randint_like(x, 1, torch.tensor(5)))
        print(torch.randint_like(x, torch.tensor(7), dtype=torch.int64))
        torch.randint_like(x, torch.tensor([5]))
    """,
    "default_tensor_type_debug_mode_get_device": """
        x = torch.tensor([[1.0, -2.0], [3.0, 4.0]])
        print(torch.get_device(x), x.get_device())
        for t in [torch.Tensor, torch.float64, "torch.Foo", 3, "foo.Bar", torch.IntTensor]:
            try:
                torch.set_default_tensor_type(t)
                print("ok", torch.get_default_dtype())
            except Exception as e:
                print(type(e).__name__, e)
        torch.set_default_tensor_type(torch.DoubleTensor)
        print(torch.tensor([1.5]).dtype, torch.get_default_dtype(), torch.ones(1).dtype)
        torch.set_default_tensor_type("torch.FloatTensor")
        print(torch.tensor([1.5]).dtype)
        for m in [1.5, "x", 5, 2, "warn", "default"]:
            try:
                torch.set_deterministic_debug_mode(m)
                print(torch.get_deterministic_debug_mode(), torch.are_deterministic_algorithms_enabled())
            except Exception as e:
                print(type(e).__name__, e)
        torch.get_device(3)
    """,
    "special_airy_ai": """
        x = torch.tensor([-5.0, -1.0, 0.0, 0.5, 3.0, 10.0], requires_grad=True)
        y = torch.special.airy_ai(x)
        print(y, y.requires_grad, torch.special.airy_ai(torch.tensor([1, 2])))
        print(torch.special.airy_ai(x.detach().double()))
        for f in (lambda: torch.special.airy_ai(x.half()), lambda: torch.special.airy_ai(1.0), lambda: torch.special.airy_ai(x, 1)):
            try:
                print(f())
            except Exception as e:
                print(type(e).__name__, e)
        y.sum().backward()
    """,
}

torch_results, test_round15_held15f_program_prints_what_torch_prints = program_tests(PROGRAMS, HEADER, "held15f")


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("p", [2.0, 1.0, float("inf"), 0.0, 3.0, 0.5, 1.5, 2.5])
def test_pdist_values_and_gradients_are_bit_equal_to_torch(dtype, p):
    """pdist's kernel (PyTorch's vector lanes and their reduction order, SLEEF's pow) and its backward, to the bit,
    over row lengths below, at and past a vector's lanes (a repeated row: the zero-distance branches)."""
    torch = pytest.importorskip("torch")
    from tensorsh.engine.ops.distances import pdist
    from tensorsh.engine.torch_api import NAMESPACE as T
    rng = np.random.default_rng(15)
    for m in (1, 3, 5, 8, 9, 17, 33, 100):
        x = rng.standard_normal((6, m)).astype(dtype)
        x[0] = x[1]
        tx = torch.from_numpy(x).requires_grad_()
        expected = torch.pdist(tx, p)
        expected.sum().backward()
        sx = T["from_numpy"](x.copy()).requires_grad_()
        got = pdist(sx, p)
        got.sum().backward()
        np.testing.assert_array_equal(got.detach()._np, expected.detach().numpy())
        np.testing.assert_array_equal(sx.grad._np, tx.grad.numpy())


POLYNOMIALS = tuple(f"{family}_polynomial_{kind}" for family, kinds in (
    ("chebyshev", "tuvw"), ("shifted_chebyshev", "tuvw"), ("hermite", ("h", "he")), ("laguerre", "l"),
    ("legendre", "p")) for kind in kinds)


@pytest.mark.parametrize("name", POLYNOMIALS)
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_orthogonal_polynomials_are_bit_equal_to_torch(name, dtype):
    """Math.h's recurrences (GCC's fused multiply-adds) and trigonometric forms, over degrees below and past each
    family's switch to them, at the edges (0, +-1, 1/2, infinities) and NaN or negative degrees (a NaN x is left
    out: PyTorch's loop returns an uninitialized value there)."""
    torch = pytest.importorskip("torch")
    from tensorsh.engine.ops.polynomials import polynomial
    from tensorsh.engine.torch_api import NAMESPACE as T
    rng = np.random.default_rng(15)
    x = np.concatenate([rng.uniform(-1.2, 1.2, 300), rng.uniform(-5, 5, 100), [0, 1, -1, 0.5, np.inf]]).astype(dtype)
    for n in list(range(-1, 14)) + [20, 50, 129, 2.7, float("nan")]:
        degrees = np.full(x.shape, n, dtype)
        expected = getattr(torch.special, name)(torch.from_numpy(x), torch.from_numpy(degrees)).numpy()
        got = polynomial(name)(T["from_numpy"](x.copy()), T["from_numpy"](degrees))._np
        np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_airy_ai_is_bit_equal_to_torch(dtype):
    """Math.h's airy_ai (its asymptotic forms, the power series between, GCC's fused multiply-adds) to the bit."""
    torch = pytest.importorskip("torch")
    from tensorsh.engine.ops.polynomials import airy_ai
    from tensorsh.engine.torch_api import NAMESPACE as T
    rng = np.random.default_rng(15)
    x = np.concatenate([rng.uniform(-20, 20, 300), rng.uniform(-3, 3, 200), rng.uniform(8, 110, 50),
                        [0.0, -2.09, 2.09, 8.3203353, 103.892, np.inf, -np.inf, np.nan]]).astype(dtype)
    expected = torch.special.airy_ai(torch.from_numpy(x)).numpy()
    np.testing.assert_array_equal(airy_ai(T["from_numpy"](x.copy()))._np, expected)
