import torch
import numpy as np
t = torch.tensor([1., 2., 3.])
a = np.array([1., 2., 3.])
ai = np.array([1, 2, 3])
g = torch.tensor([1., 2., 3.], requires_grad=True)
ti = torch.tensor([1, 2])
s = np.array([3, 4]).sum()
f = np.array([1.5]).sum()
print(type(s).__name__, type(a).__name__, s, f)
cases = [lambda: t + a, lambda: a + t, lambda: a * t, lambda: t * a, lambda: t - ai, lambda: ai - t, lambda: t > a,
         lambda: a > t, lambda: a * g, lambda: g * a, lambda: g / a, lambda: a / g, lambda: a / t, lambda: t / a,
         lambda: a @ t, lambda: t @ a, lambda: a ** t, lambda: t ** a, lambda: a == t, lambda: t == a, lambda: t != a,
         lambda: ti == np.array([1.5, 2.0]), lambda: t == np.array([1., 2.]), lambda: g == np.array([1., 3., 3.]),
         lambda: t == np.array(['a', 'b', 'c']), lambda: t // a, lambda: t % a, lambda: t.int() & ai, lambda: t & ai,
         lambda: t + np.array(2.0), lambda: np.array(2.0) * t, lambda: t[0] + a, lambda: t + np.array([True, False, True]),
         lambda: torch.tensor([1, 2], dtype=torch.uint8) + np.array([True, False]), lambda: np.exp(t),
         lambda: np.maximum(t, 2.0), lambda: np.array(t), lambda: np.asarray(t) * 2, lambda: np.array(g),
         lambda: ti * s, lambda: s * ti, lambda: ti.add(s), lambda: torch.add(ti, s), lambda: ti + f, lambda: ti.mul(f),
         lambda: torch.full((2,), s), lambda: torch.tensor([s, s]), lambda: ti.pow(s), lambda: s ** ti, lambda: s - ti,
         lambda: s / ti, lambda: ti.clamp(max=s), lambda: ti > s, lambda: s < ti, lambda: ti[s - 7],
         lambda: torch.zeros((s - 1, s - 2)), lambda: ti.view(s - 5), lambda: ti == s, lambda: torch.where(ti > 1, ti, s),
         lambda: t * np.float32(0.1), lambda: torch.full((2,), np.array([True]).all()), lambda: t.sum(np.int64(0))]
i = 0
for fn in cases:
    try:
        r = fn()
        print(i, type(r).__name__, r, getattr(r, "dtype", None))
    except Exception as e:
        print(i, type(e).__name__, e)
    i += 1
u = torch.tensor([1., 2.])
u += np.array([1., 1.])
print(u)
v = np.array([1., 2.])
v *= torch.tensor([2., 2.])
print(type(v).__name__, v)
v += torch.tensor([1., 1.])
