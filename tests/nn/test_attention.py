"""Attention and batched products against torch: torch.baddbmm/addbmm (values, grad_fn and its _saved_*, errors),
F.scaled_dot_product_attention, nn.MultiheadAttention and the Transformer layers. Each program runs verbatim in torch
(one process for all) and in the language; stdout, the error's last line and warnings must be equal."""
import pytest

from forum_runner import run_in_language, run_in_torch, write_programs

PROGRAMS = {
    "baddbmm_addbmm_values_grads": """
        torch.manual_seed(0)
        s = torch.randn(3, 4, requires_grad=True)
        b1 = torch.randn(2, 3, 5, requires_grad=True)
        b2 = torch.randn(2, 5, 4, requires_grad=True)
        y = torch.baddbmm(s, b1, b2, beta=0.5, alpha=2)
        print(y, y.grad_fn, y.grad_fn._saved_alpha, y.grad_fn._saved_beta, y.grad_fn._saved_batch1.shape)
        y.sum().backward()
        print(s.grad, b1.grad, b2.grad)
        z = s.addbmm(b1, b2, alpha=0.25)
        print(z, z.grad_fn, z.grad_fn._saved_batch1_sym_argsize_0, z.grad_fn._saved_batch1_sym_argsize_1, z.grad_fn._saved_batch2_sym_argsize_2)
        z.pow(2).sum().backward()
        print(s.grad, b1.grad, b2.grad)
        c = torch.randn(2, 3, 4)
        d = c.clone()
        print(d.baddbmm_(b1, b2), d._version, d.grad_fn)
        e = torch.randn(3, 4)
        print(e.addbmm_(b1.detach(), b2.detach(), beta=0), e._version)
        w = torch.randn(2, 3, 4)
        print(w.baddbmm(b1.detach(), b2.detach(), beta=0.0), torch.baddbmm(w, b1, b2).grad_fn.next_functions)
        x = torch.randn(4, 8, 16, dtype=torch.float64, requires_grad=True)
        v = torch.randn(4, 16, 8, dtype=torch.float64)
        r = torch.baddbmm(torch.randn(8, 8, dtype=torch.float64), x, v, alpha=3)
        print(r.sum(), torch.autograd.grad(r.sum(), x)[0].sum())
        print(torch.addbmm(torch.zeros(2, 2, dtype=torch.int32), torch.ones(3, 2, 2, dtype=torch.int32), torch.ones(3, 2, 2, dtype=torch.int32), alpha=2))
        print(torch.baddbmm(torch.randn(2, 1, 4), torch.randn(2, 3, 0), torch.randn(2, 0, 4), beta=3))
        """,
    "baddbmm_addbmm_errors": """
        def t(f):
            try: r=f(); print("OK", r.shape if isinstance(r,torch.Tensor) else r, r.dtype)
            except Exception as e: print(type(e).__name__+":", e)
        A=torch.randn
        t(lambda: torch.baddbmm(A(3,4),A(2,3,5),A(2,5,4)))
        t(lambda: torch.baddbmm(A(5,4),A(2,3,5),A(2,5,4)))
        t(lambda: torch.baddbmm(A(2,3,4),A(3,5),A(2,5,4)))
        t(lambda: torch.baddbmm(A(2,3,4),A(2,3,5),A(5,4)))
        t(lambda: torch.baddbmm(A(2,3,4),A(2,3,5),A(3,5,4)))
        t(lambda: torch.baddbmm(A(2,3,4),A(2,3,5),A(2,6,4)))
        t(lambda: torch.baddbmm(A(2,3,4).double(),A(2,3,5),A(2,5,4)))
        t(lambda: torch.baddbmm(A(2,3,4),A(2,3,5).double(),A(2,5,4)))
        t(lambda: torch.baddbmm(A(2,3,4),A(2,3,5),A(2,5,4).double()))
        t(lambda: torch.baddbmm(torch.ones(2,3,4,dtype=torch.long),torch.ones(2,3,5,dtype=torch.long),torch.ones(2,5,4,dtype=torch.long)))
        t(lambda: torch.baddbmm(torch.ones(2,3,4,dtype=torch.bool),torch.ones(2,3,5,dtype=torch.bool),torch.ones(2,5,4,dtype=torch.bool)))
        t(lambda: torch.baddbmm(A(2,3,4),A(2,3,5),A(2,5,4),beta=True))
        t(lambda: torch.baddbmm(torch.ones(2,3,4,dtype=torch.long),torch.ones(2,3,5,dtype=torch.long),torch.ones(2,5,4,dtype=torch.long),beta=0.5))
        t(lambda: torch.baddbmm(torch.ones(2,3,4,dtype=torch.long),torch.ones(2,3,5,dtype=torch.long),torch.ones(2,5,4,dtype=torch.long),alpha=0.5))
        t(lambda: A(2,3,4).baddbmm_(A(2,3,5),A(2,5,4)))
        t(lambda: A(3,4).baddbmm_(A(2,3,5),A(2,5,4)))
        t(lambda: A(1,3,4).baddbmm_(A(2,3,5),A(2,5,4)))
        t(lambda: A(2,3,4).double().baddbmm_(A(2,3,5),A(2,5,4)))
        t(lambda: torch.addbmm(A(3,4),A(2,3,5),A(2,5,4)))
        t(lambda: torch.addbmm(A(4),A(2,3,5),A(2,5,4)))
        t(lambda: torch.addbmm(A(2,4),A(2,3,5),A(2,5,4)))
        t(lambda: torch.addbmm(A(3,4),A(3,5),A(2,5,4)))
        t(lambda: torch.addbmm(A(3,4),A(2,3,5),A(5,4)))
        t(lambda: torch.addbmm(A(3,4),A(2,3,5),A(3,5,4)))
        t(lambda: torch.addbmm(A(3,4),A(2,3,5),A(2,6,4)))
        t(lambda: torch.addbmm(A(3,4).double(),A(2,3,5),A(2,5,4)))
        t(lambda: torch.addbmm(A(3,4),A(2,3,5).double(),A(2,5,4)))
        t(lambda: torch.addbmm(A(3,4),A(2,3,5),A(2,5,4).double()))
        t(lambda: torch.addbmm(torch.ones(3,4,dtype=torch.long),torch.ones(2,3,5,dtype=torch.long),torch.ones(2,5,4,dtype=torch.long)))
        t(lambda: torch.addbmm(torch.ones(3,4,dtype=torch.bool),torch.ones(2,3,5,dtype=torch.bool),torch.ones(2,5,4,dtype=torch.bool)))
        t(lambda: A(3,4).addbmm_(A(2,3,5),A(2,5,4)))
        t(lambda: torch.addbmm(A(3,4),A(0,3,5),A(0,5,4),beta=2))
        t(lambda: torch.baddbmm(A(0,3,4),A(0,3,5),A(0,5,4),beta=2))
        t(lambda: torch.baddbmm(A(2,3,4),A(2,3,0),A(2,0,4),beta=2))
        t(lambda: torch.baddbmm(A(3,4),A(2,3,5),A(2,5,4),beta=0))
        t(lambda: torch.addbmm(torch.ones(3,4,dtype=torch.long),torch.ones(2,3,5,dtype=torch.long),torch.ones(2,5,4,dtype=torch.long),alpha=0.5))
        t(lambda: torch.baddbmm(A(2,3,4),A(2,3,5),A(2,5,4),beta=0).requires_grad)
        x=A(3,4,requires_grad=True)
        t(lambda: x.addbmm_(A(2,3,5),A(2,5,4)))
        """,
    "sdpa_kernels_values_grads": """
        torch.manual_seed(5)
        q = torch.randn(1, 2, 3, 4, requires_grad=True)
        k = torch.randn(1, 2, 5, 4, requires_grad=True)
        v = torch.randn(1, 2, 5, 4, requires_grad=True)
        o = F.scaled_dot_product_attention(q, k, v)
        print(o, o.is_contiguous(), o._version)
        g = o.grad_fn
        print(g.name(), g._saved_dropout_p, g._saved_is_causal, g._saved_scale, g._saved_attn_mask)
        print(g._saved_logsumexp, g._saved_query is q, g._saved_output.shape)
        o.sum().backward()
        print(q.grad, k.grad, v.grad)
        mask = torch.tensor([[True, False, True, True, False], [False, False, False, False, False], [True, True, True, True, True]])
        o2 = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, scale=0.5)
        print(o2, o2.grad_fn._saved_attn_mask, o2.grad_fn._saved_scale)
        o3 = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        print(o3)
        q3, k3, v3 = q[0].detach().requires_grad_(), k[0].detach(), v[0].detach()
        o4 = F.scaled_dot_product_attention(q3, k3, v3, attn_mask=torch.zeros(3, 5), is_causal=False)
        print(o4, o4.grad_fn, o4.grad_fn.next_functions[0][0].name())
        torch.manual_seed(1)
        o5 = F.scaled_dot_product_attention(q, k, v, dropout_p=0.5)
        print(o5, o5.grad_fn)
        o5.sum().backward()
        print(q.grad)
        with torch.no_grad():
            print(F.scaled_dot_product_attention(q, k, v).grad_fn)
        o6 = F.scaled_dot_product_attention(q, k[:, :1], v[:, :1], enable_gqa=True)
        print(o6, o6.grad_fn)
        """,
    "sdpa_choice_and_errors": """
        def t(f):
            try: r=f(); print("OK", tuple(r.shape), r.dtype, r.grad_fn.__class__.__name__)
            except Exception as e: print(type(e).__name__+":", e)
        A=lambda *s: torch.randn(*s, requires_grad=True)
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,5,4),A(2,2,5,4),attn_mask=torch.zeros(3,5),is_causal=True))
        t(lambda: F.scaled_dot_product_attention(A(2,3,4),A(2,5,4),A(2,5,4),attn_mask=torch.zeros(3,5),is_causal=True))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,5,4).double(),A(2,2,5,4)))
        t(lambda: F.scaled_dot_product_attention(A(4),A(4),A(4)))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,5,4),A(2,2,5,4),attn_mask=torch.zeros(3,5,dtype=torch.long)))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,5,4),A(2,2,5,4),attn_mask=torch.zeros(3,5,dtype=torch.float64)))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,5,4),A(2,2,5,4),attn_mask=torch.zeros(2,1,3,5)))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,5,4),A(2,2,5,4),attn_mask=torch.zeros(1,3,5)))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,5,4),A(2,2,5,4),attn_mask=torch.zeros(5)))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,5,4),A(2,2,5,4),attn_mask=torch.zeros(3,1)))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,5,4),A(2,2,5,4),attn_mask=torch.zeros(4,5)))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,5,3),A(2,2,5,4)))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,6,4),A(2,2,5,4)))
        t(lambda: F.scaled_dot_product_attention(A(1,2,3,4),A(2,2,5,4),A(2,2,5,4)))
        t(lambda: F.scaled_dot_product_attention(A(2,4,3,4),A(2,3,5,4),A(2,3,5,4),enable_gqa=True))
        t(lambda: F.scaled_dot_product_attention(A(2,4,3,4),A(2,2,5,4),A(2,1,5,4),enable_gqa=True))
        t(lambda: F.scaled_dot_product_attention(torch.ones(2,2,3,4,dtype=torch.long),torch.ones(2,2,5,4,dtype=torch.long),torch.ones(2,2,5,4,dtype=torch.long)))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,5,4),A(2,2,5,4),dropout_p=1.5))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,5,4),A(2,2,5,4),dropout_p=-0.5))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,5,4),A(2,2,5,4),scale=-1.0))
        t(lambda: F.scaled_dot_product_attention(A(2,2,0,4),A(2,2,5,4),A(2,2,5,4)))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,0,4),A(2,2,0,4)))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4).transpose(-1,-2),A(2,2,4,5).transpose(-1,-2),A(2,2,5,4)))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,5,4),A(2,2,5,4),attn_mask=torch.zeros(5,3).t()))
        t(lambda: F.scaled_dot_product_attention(A(2,2,3,4),A(2,2,5,4),A(2,2,5,4),attn_mask=torch.zeros(2,2,3,5,requires_grad=True)))
        t(lambda: F.scaled_dot_product_attention(A(3,4),A(5,4),A(5,4),is_causal=True))
        t(lambda: F.scaled_dot_product_attention(A(3,4),A(5,4),[1.0]))
        t(lambda: F.scaled_dot_product_attention(A(3,4),A(5,4),A(5,4),None, 0.0, False, 0.5))
        """,
}

NAMES = sorted(PROGRAMS)
HEADER = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n"


@pytest.fixture(scope="module")
def torch_results(tmp_path_factory):
    pytest.importorskip("torch")
    paths = write_programs(tmp_path_factory.mktemp("attention"), PROGRAMS, HEADER)
    return paths, run_in_torch(list(paths.values()))


@pytest.mark.parametrize("name", NAMES)
def test_attention_program_prints_what_torch_prints(name, torch_results):
    paths, results = torch_results
    assert run_in_language(paths[name]) == results[paths[name]]
