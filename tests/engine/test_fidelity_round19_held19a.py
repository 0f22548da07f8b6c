"""Classes of difference found by the held-out programs on storages, views and copy semantics of round 19
(held19a), one differential program each, run in torch and in the engine."""
import pytest

from same_as_torch import same_as_torch

PROGRAMS = {
"the_saved_tensor_modified_error_names_bool_and_bfloat16_by_cpp_type": """
for dt in [torch.bool, torch.bfloat16, torch.float16, torch.uint8, torch.complex64]:
    a = torch.ones(2, requires_grad=True)
    t = torch.zeros(2, dtype=dt)
    y = a * t
    t.logical_not_() if dt is torch.bool else t.add_(1)
    try:
        y.abs().sum().backward()
    except Exception as e:
        print(e)
""",
"storages_print_convert_and_name_themselves_as_torch": """
x = torch.tensor([1, 258, -1], dtype=torch.int16)
s = x.untyped_storage()
t = x.storage()
print(torch.empty(0).untyped_storage(), torch.empty(0, dtype=torch.int64).storage())
print(s.get_device(), t.get_device(), s.is_sparse, s.is_sparse_csr, t.is_sparse, s.filename, t.filename)
print(s.new().nbytes(), s.to(device="cpu") is s, t.to(device="cpu") is t, s.type(), t.type())
f = s.float()
print(torch.typename(f), f.dtype, f.size(), f.tolist()[:4])
print(t.float().tolist(), t.short().data_ptr() == t.data_ptr(), t.long().tolist(), t.bool().tolist(), t.double().tolist())
print(t.char().tolist(), t.byte().tolist(), t.half().tolist(), t.bfloat16().tolist(), t.complex_float().tolist(), s.bool())
b = torch.arange(2, dtype=torch.int32).untyped_storage().clone()
b.byteswap(torch.int32)
print(b.tolist())
for f in [lambda: s.copy_(3), lambda: s.copy_(torch.ones(2)), lambda: torch.zeros(2, dtype=torch.int16).untyped_storage().copy_(t).tolist()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"the_legacy_constructors_take_a_storage": """
x = torch.arange(6.)
for f in [lambda: x.new(x.untyped_storage()), lambda: x.new(x.storage()), lambda: x.new(torch.arange(3).storage()),
          lambda: torch.FloatTensor(x.untyped_storage()), lambda: torch.LongTensor(x.storage()), lambda: torch.Tensor(x.untyped_storage()),
          lambda: torch.DoubleTensor(x.untyped_storage()), lambda: x.new(torch.UntypedStorage(3)), lambda: torch.Tensor(storage=x.untyped_storage()),
          lambda: x.new(x.untyped_storage()).data_ptr() == x.data_ptr(), lambda: x.new(x.untyped_storage())._version]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
""",
"storages_copy_as_clones_and_deepcopy_once_per_storage": """
x = torch.arange(4.)
s = x.untyped_storage()
print(copy.copy(s).data_ptr() != s.data_ptr(), copy.copy(x.storage()).data_ptr() != x.data_ptr(), copy.copy(s).tolist() == s.tolist())
a = copy.deepcopy([s, x, x[1:], x.storage(), s])
print(a[0] is a[4], a[1].untyped_storage().data_ptr() == a[0].data_ptr(), a[2].untyped_storage().data_ptr() == a[0].data_ptr(), a[3].data_ptr() == a[0].data_ptr())
a[0][0] = 1
print(a[1], a[2], x)
b = copy.deepcopy({"t": x.storage(), "u": x})
print(b["t"].data_ptr() == b["u"].data_ptr(), b["t"].dtype)
""",
"torch_typed_storage_constructs_resizes_and_compares_by_identity": """
x = torch.arange(3.)
for f in [lambda: torch.TypedStorage(2, 3), lambda: torch.TypedStorage(2.5), lambda: torch.TypedStorage(x), lambda: torch.TypedStorage(wrap_storage=x.untyped_storage()),
          lambda: torch.TypedStorage(wrap_storage=x.untyped_storage(), dtype=torch.int32).tolist(), lambda: torch.TypedStorage(wrap_storage=x, dtype=torch.int32),
          lambda: torch.TypedStorage(wrap_storage=x.untyped_storage(), dtype=3), lambda: torch.TypedStorage(1, wrap_storage=x.untyped_storage()),
          lambda: torch.TypedStorage([1, 2], dtype=torch.int64).tolist(), lambda: torch.TypedStorage((1.5, True), dtype=torch.float64).tolist(),
          lambda: torch.TypedStorage(range(3)).tolist(), lambda: torch.TypedStorage(-1), lambda: torch.TypedStorage(0, dtype=torch.bfloat16).tolist(),
          lambda: torch.TypedStorage([1.5], dtype=torch.bfloat16), lambda: isinstance(x.storage(), torch.TypedStorage),
          lambda: isinstance(torch.FloatStorage(2), torch.TypedStorage), lambda: isinstance(x.untyped_storage(), torch.TypedStorage),
          lambda: x.storage().pickle_storage_type(), lambda: torch.ones(1, dtype=torch.bool).storage().pickle_storage_type(),
          lambda: torch.UntypedStorage([1, 2, 300]).tolist()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
s = x.storage()
s.resize_(5)
print(s.size(), x.untyped_storage().nbytes(), s == x.storage(), s == s)
""",
"a_custom_functions_non_differentiable_view_outputs_are_its_views_too": """
class F(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        v = x.view(-1)
        ctx.mark_non_differentiable(v)
        return v
    @staticmethod
    def backward(ctx, g):
        return None
class G(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.view(-1), x[0]
    @staticmethod
    def backward(ctx, g, h):
        return None
for make in [lambda: F.apply(torch.ones(2, 2, requires_grad=True) * 1), lambda: F.apply(torch.ones(2, 2)), lambda: G.apply(torch.ones(2, 2))[0],
             lambda: G.apply(torch.ones(2, 2, requires_grad=True) * 1)[1]]:
    v = make()
    print(v.requires_grad, v._is_view(), v.grad_fn is None)
    for op in [lambda: v.add_(1), lambda: v.add_(torch.ones(1, requires_grad=True)), lambda: v._base.add_(torch.ones(1, requires_grad=True)) and v.sum()]:
        try:
            op(); print("ok", v.grad_fn is None)
        except Exception as e:
            print(e)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fidelity_round19_held19a_class_prints_as_torch(name):
    same_as_torch(PROGRAMS[name])
