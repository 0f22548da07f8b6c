"""Classes of difference found by the thirty-first round's held-out programs on storages, views and in-place ops
(held31a, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"diff_out_checks_overlap_with_the_narrowed_views_its_sub_out_reads": """
for dt in [torch.float32, torch.bool, torch.int64]:
    for n, prepend in [(1, False), (2, False), (1, True)]:
        x = (torch.arange(6) % 3).to(dt)
        m = (torch.arange(12) % 5).view(3, 4).to(dt)
        for name, src, o in [('same', x, x), ('tail', x, x[1:]), ('head', x, x[:5]), ('matrix', m, m),
                             ('row', m, m[0]), ('rows_dim0', m, m[1:])]:
            try:
                if prepend:
                    r = torch.diff(src, n, out=o, prepend=torch.zeros(src.shape[:-1] + (1,), dtype=dt))
                elif name == 'rows_dim0':
                    r = torch.diff(src, n, 0, out=o)
                else:
                    r = torch.diff(src, n, out=o)
                print(dt, n, prepend, name, r.tolist())
            except Exception as e:
                print(dt, n, prepend, name, type(e).__name__, e)
""",
"an_expanded_out_of_another_shape_is_resized_before_a_structured_ops_overlap_check": """
x = torch.arange(6.)
m = torch.arange(6.).view(2, 3)
cases = {'cat': lambda o: torch.cat([x, x], out=o), 'stack': lambda o: torch.stack([x, x], out=o),
         'gather': lambda o: torch.gather(x, 0, torch.tensor([1, 0]), out=o),
         'max_dim': lambda o: torch.max(x, 0, out=(o, torch.empty(0, dtype=torch.long))),
         'logsumexp': lambda o: torch.logsumexp(x, 0, out=o), 'dot': lambda o: torch.dot(x, x, out=o),
         'kron': lambda o: torch.kron(x, x, out=o), 'mm': lambda o: torch.mm(m, m.t(), out=o),
         'matmul': lambda o: torch.matmul(m, m.t(), out=o), 'tril': lambda o: torch.tril(m, out=o),
         'cat_same_shape': lambda o: torch.cat([x[:3], x[3:]], out=o),
         'gather_same_shape': lambda o: torch.gather(x, 0, torch.arange(6), out=o),
         'add': lambda o: torch.add(x, 1, out=o), 'index_select': lambda o: torch.index_select(x, 0, torch.tensor([0, 1]), out=o),
         'cumsum': lambda o: torch.cumsum(x, 0, out=o), 'outer': lambda o: torch.outer(x, x, out=o)}
for name, f in cases.items():
    o = torch.zeros(1).expand(6)
    try:
        r = f(o)
        r = r[0] if isinstance(r, tuple) else r
        print(name, r.tolist(), o.shape, o.stride(), r is o)
    except Exception as e:
        print(name, type(e).__name__, e)
""",
"dim_order_sorts_as_prims_and_its_ambiguity_check_refuses_what_torch_refuses": """
cases = {'expanded': torch.empty(3).expand(2, 3), 'row_expanded': torch.empty(2, 1).expand(2, 3),
         'transposed': torch.empty(2, 3).t(), 'channels_last': torch.empty(2, 3, 4, 5).to(memory_format=torch.channels_last),
         'ambiguous_cl': torch.empty(2, 3, 1, 1), 'size_one': torch.empty(2, 1, 4), 'permuted': torch.empty(2, 3, 4).permute(2, 0, 1),
         'equal_strides': torch.empty(9).as_strided((3, 3), (1, 1)), 'equal_strides_sizes': torch.empty(12).as_strided((4, 3), (1, 1)),
         'stepped': torch.empty(2, 3, 4)[..., ::2], 'multiple': torch.empty(30).as_strided((2, 3, 2), (6, 4, 1)),
         'empty': torch.empty(2, 0, 4), 'all_zero': torch.empty(1).as_strided((2, 3), (0, 0))}
for name, t in cases.items():
    for check in [False, True, [torch.contiguous_format], [torch.channels_last], [torch.contiguous_format, torch.channels_last], 'x']:
        try:
            print(name, check, t.dim_order(ambiguity_check=check))
        except Exception as e:
            print(name, check, type(e).__name__, e)
""",
"a_storage_that_grows_or_is_resized_is_reallocated_so_its_data_ptr_moves": """
a = torch.arange(4.)
b = a[:2]
p = a.data_ptr()
a.resize_(2)
print('shrink keeps', a.data_ptr() == p)
a.resize_(4)
print('back within keeps', a.data_ptr() == p)
a.resize_(100)
print('grow moves', a.data_ptr() == p, 'view follows', b.data_ptr() == a.data_ptr())
q = a.data_ptr()
a.untyped_storage().resize_(400)
print('storage resize_ same size moves', a.data_ptr() == q)
c = torch.zeros(3)
e = torch.empty(0)
e.set_(c.untyped_storage(), 0, (5,))
print('set_ growing moves', e.data_ptr() == c.data_ptr(), e.untyped_storage().data_ptr() == c.untyped_storage().data_ptr())
f = torch.zeros(2)
pf = f.data_ptr()
f.resize_as_(torch.zeros(3, 3))
print('resize_as_ grows', f.data_ptr() == pf)
g = torch.zeros(2)
pg = g.data_ptr()
torch.add(torch.ones(5), 1, out=torch.empty(0))
g.resize_(0)
torch.add(torch.ones(5), 1, out=g)
print('out= grows', g.data_ptr() == pg)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round31_held31a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
