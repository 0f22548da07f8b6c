"""Classes of difference found by the twenty-eighth round's held-out programs on indexing, gather/scatter and masks
(held28d, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"an_empty_advanced_index_result_takes_tensor_iterators_compatible_strides_and_a_bool_scalar_is_a_long_index": """
x = torch.arange(12.).view(3, 4)
e = torch.tensor([], dtype=torch.long)
for name, f in [('false', lambda: x[False]), ('false_none', lambda: x[False, None]), ('none_false', lambda: x[None, False]),
                ('t_false', lambda: x.t()[False]), ('false_ell_none', lambda: x[False, ..., None]),
                ('true_none_false', lambda: x[True, None, False]), ('e_none', lambda: x[e, None]),
                ('e_none_e', lambda: x[e, None, e]), ('t_e', lambda: x.t()[e]), ('col_e', lambda: x[:, e]),
                ('empty_t', lambda: torch.zeros(2, 0, 3).transpose(0, 2)[[1]]), ('true_none', lambda: x[True, None]),
                ('t_true', lambda: x.t()[True]), ('ell_false', lambda: x[..., False]), ('row_none', lambda: x[[0, 1], None])]:
    r = f()
    print(name, r.shape, r.stride(), r.is_contiguous())
""",
"nonzero_out_checks_its_dtype_then_overlap_before_its_resize_and_nonzero_static_its_size_dtype_resize_then_overlap": """
def t(name, f):
    try:
        r = f()
        print(name, r.tolist(), r.shape, r.stride())
    except Exception as e:
        print(name, type(e).__name__, e)
y = torch.arange(5)
t('self', lambda: torch.nonzero(y, out=y))
y = torch.arange(5)
t('part', lambda: torch.nonzero(y, out=y[1:2]))
y = torch.arange(4)
t('col', lambda: torch.nonzero(y, out=y.view(4, 1)[1:]))
y = torch.arange(5)
t('apart', lambda: torch.nonzero(y[:2], out=y[2:]))
t('exp_int', lambda: torch.nonzero(torch.arange(3), out=torch.zeros(1, dtype=torch.int32).expand(2, 1)))
t('exp_long', lambda: torch.nonzero(torch.arange(3), out=torch.zeros(1, dtype=torch.long).expand(2, 1)))
y = torch.arange(5)
t('st_self', lambda: torch.nonzero_static(y, size=2, out=y))
y = torch.arange(5)
t('st_part', lambda: torch.nonzero_static(y, size=2, out=y[3:]))
t('st_exp', lambda: torch.nonzero_static(torch.arange(3), size=2, out=torch.zeros(1, dtype=torch.long).expand(2, 1)))
t('st_exp_resized', lambda: torch.nonzero_static(torch.arange(3), size=2, out=torch.zeros(1, dtype=torch.long).expand(3, 1)))
t('st_size', lambda: torch.nonzero_static(torch.arange(3), size=-1, out=torch.zeros(1, dtype=torch.int32)))
x = torch.arange(3.).requires_grad_()
t('st_grad', lambda: torch.nonzero_static(x, size=4, fill_value=7, out=torch.zeros(2, 1, dtype=torch.long)))
t('grad', lambda: torch.nonzero(x, out=torch.zeros(2, 1, dtype=torch.long)))
""",
"embedding_backward_adds_each_row_with_the_add_kernels_rounding_and_alpha_one_over_its_count": """
torch.manual_seed(0)
for dt in [torch.bfloat16, torch.float16, torch.float32]:
    for D in [1, 7, 40]:
        for scale in [False, True]:
            idx = torch.randint(0, 3, (4, 25))
            w = torch.zeros(4, D, dtype=dt, requires_grad=True)
            src = (torch.rand(4, 25, D) * 10).to(dt)
            torch.nn.functional.embedding(idx, w, padding_idx=2, scale_grad_by_freq=scale).backward(src)
            print(dt, D, scale, w.grad.sum(1).tolist(), w.grad[:, -1].tolist())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round28_held28d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
