"""Classes of difference found by the twenty-seventh round's held-out programs on storages and views (held27a,
issue 16), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"bfloat16_views_its_bits_as_int16_or_float16_and_back": """
x = torch.tensor([1.0, -2.0, 0.5, 3.25], dtype=torch.bfloat16)
for t in [x, x[1:], x[::2], x.view(2, 2).t(), torch.tensor(2., dtype=torch.bfloat16)]:
    for dt in [torch.int16, torch.float16, torch.bfloat16]:
        y = t.view(dt)
        print(dt, y.shape, y.stride(), y.storage_offset(), y)
b = x.view(torch.int16)
b[0] = 16512
b[1:] += 1
print(x, b, x._version)
x.view(torch.float16).mul_(2)
print(x, b[::2].view(torch.bfloat16), b.untyped_storage().nbytes(), b[1].data_ptr() - x.data_ptr())
z = torch.tensor([0.3, -1.7, 100.], dtype=torch.bfloat16)
print(torch.equal((z.view(torch.int16) & 0x7fff).view(torch.bfloat16), z.abs()))
y = torch.arange(-3, 5, dtype=torch.int16) * 4000
v = y[2:6]
c = y.view(torch.bfloat16)
v.add_(1)
print(c, y._version, c._version)
c.mul_(2)
print(y, v)
print(torch.tensor([1., 2., -0.5], dtype=torch.float16).view(torch.bfloat16))
print(torch.empty(0, dtype=torch.bfloat16).view(torch.uint8).shape)
""",
"resize_of_a_bfloat16_tensor_grows_its_storage_to_two_bytes_an_element": """
for dt in [torch.bfloat16, torch.float16, torch.float32]:
    z = torch.zeros(2, 2, dtype=dt)
    s = z[1:]
    z.resize_(3, 3)
    print(dt, z.untyped_storage().nbytes(), s.untyped_storage().nbytes(), z[0].tolist(), s.tolist())
    w = torch.zeros(4, dtype=dt)[2:]
    w.resize_(4)
    print(w.untyped_storage().nbytes(), w.storage_offset())
    e = torch.empty(0, dtype=dt)
    e.resize_(3)
    print(e.untyped_storage().nbytes())
""",
"set_s_negative_sizes_overflow_numel_and_its_negative_strides_overflow_the_storage_size_or_are_replaced": """
s = torch.tensor([1., 2., 3.]).untyped_storage()
for size, stride in [((-2,), None), ((-1,), None), ((2, -1), None), ((-2,), (1,)), ((-1,), (2,)), ((2, -3), (1, 1)),
                     ((3,), (-1,)), ((2,), (-1,)), ((0,), (-1,)), ((0,), (5,)), ((1,), (-1,)), ((1, 1, 2), (-1, -5, 1)),
                     ((2, 1), (1, -1)), ((0, 2), (-3, -1)), ((2, 2), (2 ** 62, 1))]:
    for t in [torch.tensor([], dtype=torch.float32), torch.zeros(5, 5)]:
        try:
            if stride is None:
                t.set_(s, 1, size)
            else:
                t.set_(s, 1, size, stride)
            print(size, stride, t.shape, t.stride(), t.tolist())
        except Exception as e:
            print(size, stride, type(e).__name__, e)
""",
"untyped_storage_from_buffer_copies_whole_elements_in_a_byte_order_with_its_checks": """b = b'\x00\x00\x80\x3f\x01\x02'
cases = [
    lambda: torch.UntypedStorage.from_buffer(b, dtype=torch.uint8),
    lambda: torch.UntypedStorage.from_buffer(b),
    lambda: torch.UntypedStorage.from_buffer(b, dtype=torch.float32),
    lambda: torch.UntypedStorage.from_buffer(b, 'little', dtype=torch.float32),
    lambda: torch.UntypedStorage.from_buffer(b, 'little', dtype=torch.int16),
    lambda: torch.UntypedStorage.from_buffer(b, 'big', dtype=torch.int16),
    lambda: torch.UntypedStorage.from_buffer(b, 'native', dtype=torch.int16),
    lambda: torch.UntypedStorage.from_buffer(b, 'middle', dtype=torch.int16),
    lambda: torch.UntypedStorage.from_buffer(b, 'little', dtype=torch.float32, count=1),
    lambda: torch.UntypedStorage.from_buffer(b, 'little', dtype=torch.float32, count=2),
    lambda: torch.UntypedStorage.from_buffer(b, 'little', dtype=torch.int16, offset=2),
    lambda: torch.UntypedStorage.from_buffer(b, 'little', dtype=torch.int16, offset=7),
    lambda: torch.UntypedStorage.from_buffer(b, 'little', dtype=torch.int16, offset=-1),
    lambda: torch.UntypedStorage.from_buffer(b, dtype=torch.int8, count=3, offset=1),
    lambda: torch.UntypedStorage.from_buffer(bytearray(b), dtype=torch.bool),
    lambda: torch.UntypedStorage.from_buffer([1, 2], dtype=torch.uint8),
    lambda: torch.UntypedStorage.from_buffer(b'', dtype=torch.uint8),
    lambda: torch.UntypedStorage.from_buffer(b, 'big', dtype=torch.float64),
    lambda: torch.UntypedStorage.from_buffer(b'\x00\x00\x80\x3f\x00\x00\x00\x40', 'little', dtype=torch.float32),
    lambda: torch.UntypedStorage.from_buffer(b'\x00\x00\x80\x3f\x00\x00\x00\x40', 'big', dtype=torch.complex64),
    lambda: torch.UntypedStorage.from_buffer(b'\x80\x3f', 'little', dtype=torch.bfloat16),
    lambda: torch.UntypedStorage.from_buffer(b, byte_order='little', dtype=torch.int16, count=-1),
]
for i, f in enumerate(cases):
    try:
        s = f()
        print(i, type(s).__name__, s.nbytes(), list(s) if type(s).__name__ == 'UntypedStorage' else s.tolist())
    except Exception as e:
        print(i, type(e).__name__, e)
s = torch.UntypedStorage.from_buffer(b'\x00\x00\x80\x3f\x00\x00\x00\x40', 'little', dtype=torch.float32)
print(torch.tensor([], dtype=torch.float32).set_(s))
ba = bytearray(b'\x01\x02')
s2 = torch.UntypedStorage.from_buffer(ba, dtype=torch.uint8)
ba[0] = 9
print(list(s2))
""",
"a_binary_op_of_two_same_shaped_tensors_orders_size_1_dims_by_the_second_operands_strides": """
import itertools
for sh in [(2, 3, 1, 5), (1, 3, 1, 5), (3, 1, 4), (2, 1, 1, 3)]:
    n = len(sh)
    layouts = []
    for perm in itertools.permutations(range(n)):
        inv = [perm.index(d) for d in range(n)]
        layouts.append(torch.randn([sh[p] for p in perm]).permute(*inv))
    for a in layouts[:3]:
        for b in layouts:
            print(sh, a.stride(), b.stride(), (a + b).stride(), (a * b).stride(), torch.maximum(a, b).stride(),
                  torch.atan2(a, b).stride())
a = torch.randn(2, 3, 1, 5)
cl = a.contiguous(memory_format=torch.channels_last)
print((a + cl).stride(), (a - cl).stride(), (cl + a).stride(), (a + cl).is_contiguous(memory_format=torch.channels_last))
""",
"pow_of_a_tensor_to_a_number_lays_its_output_out_from_the_tensor_alone_as_a_unary_op": """
for st in [(15, 1, 1, 3), (15, 1, 30, 3), (5, 10, 1, 1), (1, 10, 2, 2), (3, 1, 6, 6)]:
    a = torch.randn(60).as_strided((2, 3, 1, 5), st)
    print(st, a.pow(2).stride(), a.pow(0.5).stride(), a.pow(-1).stride(), (a ** 3).stride(), a.square().stride(),
          a.float_power(2).stride(), a.int().pow(2).stride(), a.half().pow(0.5).stride(), a.exp().stride(), (a * 2).stride(),
          (2 ** a).stride(), a.pow(torch.tensor(2.)).stride())
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round27_held27a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
