"""addmv, addr, baddbmm and addbmm share one node (scaled_products.ScaledProductBackward): each product operand is
saved only where the other one wants a gradient, as PyTorch's codegen saves them (grad_fn._saved_* is None
otherwise); gradients, alpha and beta as torch's."""
from same_as_torch import same_as_torch

SAVES = """
torch.manual_seed(0)
x = torch.randn(3)
mat = torch.randn(3, 2)
vec = torch.randn(2, requires_grad=True)
y = torch.addmv(x, mat, vec)
print(y.grad_fn._saved_mat, y.grad_fn._saved_vec, y.grad_fn._saved_alpha, y.grad_fn._saved_beta)
mat.requires_grad_()
y = torch.addmv(x, mat, torch.randn(2), beta=0.5, alpha=2)
print(y.grad_fn._saved_mat is None, y.grad_fn._saved_vec)
y.sum().backward()
print(mat.grad)
v1 = torch.randn(3, requires_grad=True)
v2 = torch.randn(2)
y = torch.addr(torch.randn(3, 2), v1, v2, beta=2)
print(y.grad_fn._saved_vec1, y.grad_fn._saved_vec2)
y = torch.addr(torch.randn(3, 2), v2.repeat(2)[:3], v1[:2].detach().requires_grad_(), alpha=0.5)
print(y.grad_fn._saved_vec1, y.grad_fn._saved_vec2)
b = torch.randn(2, 3, 4)
b1 = torch.randn(2, 3, 5, requires_grad=True)
b2 = torch.randn(2, 5, 4, requires_grad=True)
for y in (torch.baddbmm(b, b1, b2, beta=0.5, alpha=2), torch.addbmm(b[0], b1, b2, alpha=3)):
    print(y.grad_fn.name(), y.grad_fn._saved_alpha, y.grad_fn._saved_beta, y.grad_fn._saved_batch1.shape)
    print(torch.autograd.grad(y.sum(), (b1, b2)))
y = torch.baddbmm(b, b1.detach(), b2)
print(y.grad_fn._saved_batch1 is not None, y.grad_fn._saved_batch2)
"""


def test_scaled_products_save_what_torch_saves():
    same_as_torch(SAVES)
