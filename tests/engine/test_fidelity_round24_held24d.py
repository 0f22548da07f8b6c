"""Classes of difference found by the twenty-fourth round's held-out programs on indexing, scatter and gather
(held24d, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"nonzero_refuses_out_with_as_tuple_before_anything_else": """
x = torch.tensor([1., 0., 2.], requires_grad=True)
for kw in [dict(as_tuple=True, out=torch.empty(0)), dict(as_tuple=True, out=torch.empty(0, dtype=torch.long)),
           dict(as_tuple=False, out=torch.empty(0, dtype=torch.long)), dict(as_tuple=True, out=None)]:
    try:
        print(torch.nonzero(x, **kw))
    except Exception as e:
        print(type(e).__name__, e)
""",
"index_add_and_index_reduce_read_a_0_dim_sources_size_in_their_count_message": """
for op in ['index_add', 'index_reduce']:
    for self_, idx, src in [(torch.tensor(1.), torch.tensor([0, 0]), torch.tensor(5.)),
                            (torch.tensor(1.), torch.tensor([], dtype=torch.long), torch.tensor(5.)),
                            (torch.zeros(3), torch.tensor([0, 0]), torch.tensor(5.)),
                            (torch.zeros(3), torch.tensor([0, 1]), torch.tensor([5.])),
                            (torch.zeros(2, 3), torch.tensor([0, 1]), torch.tensor(5.))]:
        for dim in [0, -1]:
            try:
                args = (dim, idx, src) + (('prod',) if op == 'index_reduce' else ())
                print(op, dim, getattr(self_, op)(*args))
            except Exception as e:
                print(op, dim, type(e).__name__, e)
""",
"a_0_dim_self_is_one_element_the_index_kernels_write_in_turn": """
def run(name, f):
    a = torch.tensor(1.)
    try:
        print(name, f(a), a)
    except Exception as e:
        print(name, type(e).__name__, e, a)
run('fill01', lambda a: a.index_fill_(0, torch.tensor([0, 1]), 5.))
run('fill0m2', lambda a: a.index_fill_(0, torch.tensor([0, -2]), 5.))
run('scatter', lambda a: a.scatter_(0, torch.tensor([0, 1]), torch.tensor([5., 6.])))
run('scatter_add', lambda a: a.scatter_add_(0, torch.tensor([0, 1]), torch.tensor([5., 6.])))
run('scatter_reduce', lambda a: a.scatter_reduce_(0, torch.tensor([0, 1]), torch.tensor([5., 6.]), 'prod'))
run('copy00', lambda a: a.index_copy_(0, torch.tensor([0, 0]), torch.tensor([5., 6.])))
run('copy01', lambda a: a.index_copy_(0, torch.tensor([0, 1]), torch.tensor([5., 6.])))
run('copy001', lambda a: a.index_copy_(0, torch.tensor([0, 0, 1]), torch.tensor([5., 6., 7.])))
run('copy', lambda a: a.index_copy(0, torch.tensor([0, 0, 0]), torch.tensor([5., 6., 7.])))
run('copyout', lambda a: torch.index_copy(a, 0, torch.tensor([0, 0]), torch.tensor([5., 6.]), out=torch.empty(())))
s = torch.tensor(1., requires_grad=True)
y = s.index_copy(0, torch.tensor([0]), torch.tensor([5., 6.]).requires_grad_()[1:])
y.backward()
print(y, s.grad)
""",
"scatter_reduce_inplace_keeps_what_its_loop_wrote_before_a_bad_index": """
for dt in [torch.float32, torch.int64, torch.float16]:
    for r in ['sum', 'prod', 'mean', 'amax', 'amin']:
        for inc in [True, False]:
            a = torch.tensor([1, 2, 3], dtype=dt)
            try:
                a.scatter_reduce_(0, torch.tensor([0, 0, 2, 5, 1]), torch.tensor([5, 6, 7, 8, 9], dtype=dt), r,
                                  include_self=inc)
            except Exception as e:
                print(r, inc, type(e).__name__, e, a)
            a = torch.ones(2, 3, dtype=dt)
            try:
                a.scatter_(1, torch.tensor([[0, 2], [1, 3]]), torch.tensor([[5, 6], [7, 8]], dtype=dt), reduce='add')
            except Exception as e:
                print('scatter_', type(e).__name__, e, a)
            try:
                a.scatter_reduce_(1, torch.tensor([[0, 0], [1, -1]]), torch.tensor([[5, 6], [7, 8]], dtype=dt), r,
                                  include_self=inc)
            except Exception as e:
                print(r, inc, type(e).__name__, e, a)
""",
"index_reduce_inplace_keeps_its_fill_and_the_slices_folded_before_a_bad_index": """
for dt in [torch.float32, torch.int64, torch.float16, torch.bool, torch.complex64]:
    for r in ['prod', 'mean', 'amax', 'amin']:
        for inc in [True, False]:
            for shape, dim, idx in [((3,), 0, [0, 0, 2, 5, 1]), ((2, 3), 1, [0, 2, -1]), ((3, 2), 0, [0, 2, 3]),
                                    ((3, 2), 0, [1, -4, 0]), ((), 0, [0, 1])]:
                a = torch.ones(shape, dtype=dt)
                n = len(idx)
                src = torch.arange(2, 2 + n * (a.numel() // max(a.shape[dim] if a.dim() else 1, 1))).to(dt)
                src = src.reshape(*(s if k != dim else n for k, s in enumerate(shape))) if a.dim() else src
                try:
                    a.index_reduce_(dim, torch.tensor(idx), src, r, include_self=inc)
                    print(r, inc, a)
                except Exception as e:
                    print(r, inc, shape, type(e).__name__, e, a)
""",
"out_of_place_index_put_writes_a_clone_that_shares_memory_with_nothing": """
for acc in [False, True]:
    for name, f in [('index_put', lambda x: x.index_put((torch.tensor([1, 1]),), x[:2], accumulate=acc)),
                    ('mask', lambda x: x.index_put((torch.tensor([True, False, True]),), x[:2], accumulate=acc)),
                    ('same', lambda x: x.index_put((torch.tensor([0, 1, 2]),), x, accumulate=acc)),
                    ('index_is_self', lambda x: x.index_put((x[:2].long(),), torch.tensor(5), accumulate=acc)),
                    ('torch.index_put', lambda x: torch.index_put(x, (torch.tensor([1, 1]),), x[1:], accumulate=acc)),
                    ('index_put_', lambda x: x.index_put_((torch.tensor([1, 1]),), x[:2], accumulate=acc))]:
        x = torch.tensor([1, 0, 2])
        try:
            print(name, acc, f(x), x)
        except Exception as e:
            print(name, acc, type(e).__name__, e, x)
e = torch.zeros(1, 3).expand(2, 3)
for f in [lambda: e.index_put((torch.tensor([0]),), torch.tensor(1.)),
          lambda: e.index_put((torch.tensor([[True, False, True]] * 2),), torch.tensor(1.)),
          lambda: e.index_put((torch.tensor([0]),), torch.tensor([1., 2., 3.]), accumulate=True).stride()]:
    print(f())
x = torch.tensor([1., 0., 2.], requires_grad=True)
y = x * 1
z = y.index_put((torch.tensor([1, 1]),), y[:2], accumulate=True)
z.sum().backward()
print(z, z.grad_fn.name(), x.grad)
""",
"index_fill_clones_self_as_empty_like_lays_it_out": """
base = torch.arange(24.).reshape(2, 3, 4)
for name, v in [('expand', torch.zeros(1, 3).expand(2, 3)), ('t', base[0].t()), ('step', base[:, :, ::2]),
                ('perm', base.permute(2, 0, 1)), ('exp3', torch.zeros(3, 1, 2).expand(3, 4, 2)),
                ('bf16', base.bfloat16().transpose(0, 1)), ('0d', torch.tensor(1.)), ('empty', torch.zeros(0, 3).t())]:
    for f in [lambda v: v.index_fill(-1, torch.tensor([0]), 7),
              lambda v: v.index_fill(0, torch.tensor([0]), torch.tensor(7.))]:
        r = f(v)
        print(name, r.stride(), r.is_contiguous(), r.sum())
""",
"index_puts_indices_refuse_none_in_the_parser_at_the_arguments_own_position": """
x = torch.zeros(2, 3)
for f in [lambda: torch.index_put(x, [None, torch.tensor([0])], torch.tensor(1.)),
          lambda: torch.index_put_(x, (torch.tensor([0]), None), torch.tensor(1.)),
          lambda: x.index_put([torch.tensor([0]), None], torch.tensor(1.)),
          lambda: x.index_put_((None,), torch.tensor(1.), accumulate=True),
          lambda: torch.index_put(x, (torch.tensor([0]), 3), torch.tensor(1.))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round24_held24d_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
