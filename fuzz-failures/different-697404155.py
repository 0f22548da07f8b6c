v1 = torch.tensor([[-2.5, -0.5, 1.5], [-0.5, 1.5, 0.0]])
v1[:] = v1
v2 = v1.view_as(v1)
v3 = v1.mT
print(v2.shape, v2.stride(), v2.storage_offset(), v2.is_contiguous())
with torch.set_grad_enabled(False):
    v6 = v3.exp()
torch.manual_seed(8)
lin = torch.nn.Linear(v1.shape[-1], 2)
v7 = lin(v1)
print(v7, lin.weight.grad)
v8 = v3.flatten()[:0]
print(v8.sum(), v8.mean(), v8.amax(0) if v8.numel() else None)
v9 = v6.repeat_interleave(2, dim=-2)
print(v9._base is None, v9._is_view())
v10 = v2.to(torch.float16) * 3
v11 = v9.detach()
v13 = torch.tensor([[2.0241, 0.5, -1.0], [0.5, 1.5, -1.0]], dtype=torch.float64, requires_grad=True)
v14 = v3.int()
print(v13.shape, v13.stride(), v13.storage_offset(), v13.is_contiguous())
print(v8.sum().item())
v16 = v6.sigmoid()

# ---- torch printed:
# torch.Size([2, 3]) (3, 1) 0 True
# tensor([[ 0.7519,  0.2683],
#         [ 1.0023, -0.4197]], grad_fn=<AddmmBackward0>) None
# tensor(0.) tensor(nan) None
# False True
# torch.Size([2, 3]) (3, 1) 0 True
# 0.0
# ---- tensorsh printed:
# torch.Size([2, 3]) (3, 1) 0 True
# tensor([[ 0.7519,  0.2683],
#         [ 1.0023, -0.4197]], grad_fn=<AddmmBackward0>) None
# tensor(0.) tensor(nan) None
# True False
# torch.Size([2, 3]) (3, 1) 0 True
# 0.0
