import torch

class Tracker:
    def __init__(self, name):
        self.name = name
        self.steps = []

    def __repr__(self):
        return f"Tracker({self.name!r}, steps={len(self.steps)})"

    @property
    def last(self):
        return self.steps[-1] if self.steps else None

class GradError(Exception):
    pass

def check_grad(t, name):
    if t.grad is None:
        raise GradError(f"{name} has no grad")
    return t.grad.norm().item()

tr = Tracker("sgd")
w = torch.tensor([[1.0, -1.0], [0.5, 2.0]], requires_grad=True)
b = torch.zeros(2, requires_grad=True)
x = torch.tensor([[1.0, 2.0]])
for epoch in range(3):
    out = x @ w + b
    loss = (out ** 2).mean()
    loss.backward()
    norms = {n: round(check_grad(p, n), 4) for n, p in [("w", w), ("b", b)]}
    tr.steps.append(norms)
    with torch.no_grad():
        for p in (w, b):
            p -= 0.1 * p.grad
            p.grad.zero_()
print(tr, tr.last)
try:
    check_grad(torch.ones(1), "ones")
except GradError as e:
    print("GradError:", e)
try:
    try:
        torch.ones(2) @ torch.ones(3)
    except RuntimeError as e:
        raise ValueError("matmul failed") from e
except ValueError as e:
    print(e, "| cause:", e.__cause__)
print(*[f"{v:.3f}" for v in w.flatten().tolist()], sep=" | ")
assert w.requires_grad, "w must require grad"
try:
    assert b.grad.sum() != 0, f"b.grad is {b.grad}"
except AssertionError as e:
    print("AssertionError:", e)
try:
    raise KeyError("k")
except KeyError as e:
    print(e.__cause__, repr(e), e.args)
