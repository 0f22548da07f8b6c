import torch
with torch.no_grad():
    p = torch.ones(2, requires_grad=True)
    q = p * 2
    with torch.enable_grad():
        r = p * 2
print(p.requires_grad, p.is_leaf, q.requires_grad, r.requires_grad, r.grad_fn.name())
with torch.inference_mode():
    t = torch.ones(3)
    with torch.inference_mode(False):
        u = torch.ones(3)
    print(torch.is_inference_mode_enabled())
print(t.is_inference(), u.is_inference(), torch.is_inference_mode_enabled())
for what in (lambda: t.requires_grad_(), lambda: t._version):
    try:
        print(what())
    except RuntimeError as e:
        print(e)
tc = t.clone()
print(tc.is_inference(), tc._version)
tc.requires_grad_()
print(tc)
@torch.inference_mode()
def predict(x):
    return x * 3
out = predict(torch.ones(2, requires_grad=True))
print(out, out.requires_grad, out.is_inference())
class Model:
    def __init__(self):
        self.w = torch.tensor([2.0], requires_grad=True)
    @torch.no_grad()
    def evaluate(self, x):
        return self.w * x
    @torch.enable_grad()
    def train_step(self, x):
        return self.w * x
m = Model()
print(m.evaluate(torch.ones(1)).requires_grad)
with torch.no_grad():
    print(m.train_step(torch.ones(1)).requires_grad)
torch.set_grad_enabled(False)
v = m.w * 3
torch.set_grad_enabled(True)
print(v.requires_grad)
with torch.inference_mode():
    t = torch.ones(2, 3)
    inner = t.clone()
    print(inner.is_inference())
n = torch.ones(2, 3)
cases = [('clone', lambda a: a.clone()), ('contig', lambda a: a.t().contiguous()), ('mul', lambda a: a * 2),
         ('to64', lambda a: a.to(torch.float64)), ('zeros_like', torch.zeros_like), ('detach', lambda a: a.detach()),
         ('reshape', lambda a: a.t().reshape(6)), ('new_zeros', lambda a: a.new_zeros(2)),
         ('new_ones', lambda a: a.new_ones(2)), ('new_full', lambda a: a.new_full((2,), 1.)),
         ('new_empty', lambda a: a.new_empty(2)), ('double', lambda a: a.double()), ('half', lambda a: a.half()),
         ('bool', lambda a: a.bool()), ('int', lambda a: a.int()), ('clone_cf', lambda a: a.clone(memory_format=torch.contiguous_format)),
         ('data.clone', lambda a: a.data.clone()), ('torch.clone', torch.clone), ('bf16', lambda a: a.bfloat16()),
         ('to_same', lambda a: a.to(torch.float32)), ('float', lambda a: a.float())]
for name, f in cases:
    r1, r2 = f(t), f(n)
    print(name, r1._version if not r1.is_inference() else 'inf', r2._version)
c = t.clone()
c.add_(1)
print(c._version)
