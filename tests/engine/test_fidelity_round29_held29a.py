"""Classes of difference found by the twenty-ninth round's held-out programs on storages, views and in-place ops
(held29a, issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"storage_item_writes_check_as_thpstorage_set_and_typed_ones_go_through_a_tensor_setitem": """
def t(name, f):
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
def us(idx, val):
    x = torch.arange(6, dtype=torch.int16)
    x.untyped_storage()[idx] = val
    return x.tolist(), x._version
def ts(idx, val, dt=torch.int16):
    x = torch.arange(6, dtype=dt)
    y = x.view(2, 3)
    x.storage()[idx] = val
    return x.tolist(), x._version, y._version
for idx, val in [(0, 7), (0, 300), (slice(0, 2), 1), (0, 2.5), (-1, 1), (12, 1), (slice(0, 2), 1.5), (True, 1),
                 (0, torch.tensor(3)), ((0,), 1), (torch.tensor(0), 1), (0, None)]:
    t(f'us {idx} {val}', lambda: us(idx, val))
for idx, val in [(0, 7), (0, 70000), (-1, 1), (6, 1), (slice(0, 4, 2), 1), (slice(2, 4), 2.7), (True, 1),
                 (slice(0, 2), torch.tensor([8, 9])), (slice(0, 2), torch.tensor([8, 9, 10])), (slice(5, 1), 1),
                 ((0,), 1), (torch.tensor(0), 1), (0, None), (slice(0, 2), [4, 5]), (0, torch.zeros(2).storage())]:
    t(f'ts {idx} {val}', lambda: ts(idx, val))
t('bf16', lambda: ts(2, 1.3, torch.bfloat16))
t('half', lambda: ts(slice(1, 3), 1.3, torch.half))
t('nan', lambda: ts(2, float('nan')))
for idx in [torch.tensor(1), True, slice(0, 1), 5]:
    t(f'get {idx}', lambda: torch.arange(3).storage()[idx])
def fill(s, v):
    s.fill_(v)
    return s.tolist()
for v in [1, 257, -1, 1.5, True, None, torch.tensor(2)]:
    t(f'us fill {v}', lambda: fill(torch.zeros(2, dtype=torch.int16).untyped_storage(), v))
for dt, v in [(torch.int16, 70000), (torch.int16, 2.7), (torch.bfloat16, 1.3), (torch.bool, 2), (torch.int8, float('inf')),
              (torch.float16, 1e5), (torch.int32, torch.tensor([1, 2])), (torch.complex64, 1j)]:
    t(f'ts fill {dt} {v}', lambda: fill(torch.zeros(2, dtype=dt).storage(), v))
""",
"in_inference_mode_view_dtype_is_an_inference_tensor_and_unsafe_split_pieces_are_views_with_their_own_counters": """
y = torch.arange(12.).view(3, 4)
with torch.inference_mode():
    v = y.view(torch.int32)
    u = y.unsafe_split(1)[0]
    k = y.unsafe_chunk(2, 1)[1]
    i = torch.ones(4)
    iu = i.unsafe_split(2)[0]
    iv = i.view(torch.int16)
for name, t in [('v', v), ('u', u), ('k', k), ('iu', iu), ('iv', iv)]:
    print(name, t.is_inference(), t._is_view(), t._base is None, t.shape)
for name, t in [('v', v), ('u', u), ('k', k), ('iv', iv)]:
    try:
        print(name, t._version)
        t.add_(1)
        print(name, t._version, y._version)
    except Exception as e:
        print(name, type(e).__name__, e)
with torch.inference_mode():
    v.add_(1)
    iv.add_(1)
print(y, i)
""",
"resize_checks_the_numel_then_the_contiguous_bytes_for_overflow_before_growing_the_storage": """
for dt in [torch.float32, torch.int16, torch.bfloat16, torch.complex128]:
    for shape in [(2**62,), (2**61, 2), (2**31, 2**31, 4), (2**32, 2**32), (2**63 - 1,), (3, 2**61), (-1,), (2, -3)]:
        x = torch.ones(2, dtype=dt)
        try:
            x.resize_(shape)
        except Exception as e:
            print(dt, shape, type(e).__name__, e)
    x = torch.ones(4, dtype=dt)[3:]
    try:
        x.resize_(2**63 // x.element_size() - 2)
    except Exception as e:
        print(dt, 'offset', type(e).__name__, e)
""",
"baddbmm_inplace_small_products_run_element_by_element_over_memory_self_shares_and_check_no_overlap": """
def t(name, f):
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
for dt in [torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.int64, torch.int8]:
    def e():
        return (torch.arange(3).view(3, 1) + 1).to(dt).expand(3, 4).unsqueeze(0)
    o = lambda *s: (torch.ones(*s) * 1.1).to(dt)
    t(f'{dt} exp', lambda: e().baddbmm_(o(1, 3, 2), o(1, 2, 4)).tolist())
    t(f'{dt} exp ab', lambda: e().baddbmm_(o(1, 3, 2), o(1, 2, 4), beta=2, alpha=3).tolist())
    t(f'{dt} exp b0', lambda: e().baddbmm_(o(1, 3, 2), o(1, 2, 4), beta=0).tolist())
    t(f'{dt} self', lambda: (lambda x: x.baddbmm_(x, x).tolist())(torch.arange(4).to(dt).view(1, 2, 2)))
    t(f'{dt} self_t', lambda: (lambda x: x.baddbmm_(x.transpose(1, 2), x, alpha=2).tolist())(torch.arange(9).to(dt).view(1, 3, 3)))
    t(f'{dt} batch_exp', lambda: (torch.ones(1, 2, 2) * 3).to(dt).expand(3, 2, 2).baddbmm_(o(3, 2, 2), o(3, 2, 2)).tolist())
    t(f'{dt} k0', lambda: e().baddbmm_(o(1, 3, 0), o(1, 0, 4)).tolist())
    t(f'{dt} k0 b0', lambda: e().baddbmm_(o(1, 3, 0), o(1, 0, 4), beta=0).tolist())
t('big', lambda: torch.zeros(1, 30, 1).expand(1, 30, 30).baddbmm_(torch.ones(1, 30, 30), torch.ones(1, 30, 30)))
for dt in [torch.float32, torch.int64]:
    t(f'{dt} out self', lambda: (lambda x: torch.baddbmm(x, x, x, out=x).tolist())(torch.arange(4).to(dt).view(1, 2, 2)))
    t(f'{dt} out b1', lambda: (lambda x, y: torch.baddbmm(y, x, x, out=x).tolist())(torch.arange(4).to(dt).view(1, 2, 2),
                                                                                 torch.ones(1, 2, 2, dtype=dt)))
    t(f'{dt} out b2 ab', lambda: (lambda x, y: torch.baddbmm(y, y, x, beta=2, alpha=3, out=x).tolist())(
        torch.arange(4).to(dt).view(1, 2, 2), torch.ones(1, 2, 2, dtype=dt)))
    t(f'{dt} out b0', lambda: (lambda x, y: torch.baddbmm(y, x, x, beta=0, out=x).tolist())(
        torch.arange(4).to(dt).view(1, 2, 2), torch.ones(1, 2, 2, dtype=dt)))
    t(f'{dt} bmm out exp', lambda: torch.bmm(torch.ones(1, 2, 2, dtype=dt), torch.arange(4).view(1, 2, 2).to(dt),
                                             out=torch.zeros(1, 2, 1, dtype=dt).expand(1, 2, 2)).tolist())
    t(f'{dt} bmm big out exp', lambda: torch.bmm(torch.ones(1, 30, 30, dtype=dt), torch.ones(1, 30, 30, dtype=dt),
                                                 out=torch.zeros(1, 30, 1, dtype=dt).expand(1, 30, 30)).shape)
x = torch.arange(3.).view(3, 1).expand(3, 4).unsqueeze(0)
a = torch.ones(1, 3, 2, requires_grad=True)
y = x.baddbmm_(a, torch.ones(1, 2, 4))
print(y.grad_fn.name(), y._version, y.tolist())
y.sum().backward()
print(a.grad)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round29_held29a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
