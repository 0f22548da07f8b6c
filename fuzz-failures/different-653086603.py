v1 = torch.tensor(0.0, dtype=torch.float32, requires_grad=True)
print(v1.grad is None or v1.grad._version, v1.retains_grad)
v1.sum().backward(retain_graph=True)
v1.retain_grad()
v1.grad = torch.zeros_like(v1)
with torch.no_grad():
    with torch.enable_grad():
        v8 = v1 * 2
print(v8.grad_fn)
v9 = v8.erf()
v11 = v1.sigmoid()
v8.sum().backward(inputs=[v1])
print(v1.grad)
v13 = (v8 > 0).float().mean()
v16 = v1.int()
print(v9.tolist())
print(v1.grad is None or v1.grad._version, v1.retains_grad)
v11.clamp_max_(-1.0)
v21 = v16.cumsum(0)
print(v21._base is None, v21._is_view())
v22 = 2 ** v8
v23 = torch.nn.functional.elu(v1, alpha=0.5)
v25 = torch.full_like(v9, -2.03)
print(v22.tolist())
v21.fill_(2.0)
v11.tan_()
v26 = torch.tensor(3, dtype=torch.int32) < False
v23.backward(torch.ones_like(v23))
with torch.no_grad():
    v9 *= 2
print(v1, v1.grad)

# ---- torch printed:
# True False
# <MulBackward0 object>
# tensor(2.)
# 0.0
# 1 False
# True False
# 1.0
# tensor(0., requires_grad=True) tensor(2.5000)
# ---- tensorsh printed:
# True False
# <MulBackward0 object>
# tensor(2.)
# 0.0
# 0 False
# True False
# 1.0
# tensor(0., requires_grad=True) tensor(2.5000)
