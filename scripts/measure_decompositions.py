"""How often tensorsh's decompositions print what PyTorch 2.13 prints, and agree to the last bit, on random matrices
(orders 1-8, a third batched, float32 and float64); the rates are docs/FIDELITY.md's. Run: python3
scripts/measure_decompositions.py [trials] [seed] (needs torch)."""
import sys

import numpy as np
import torch

from tensorsh.engine import torch_api
from tensorsh.engine.tensorimpl import Tensor

ns, linalg = torch_api.NAMESPACE, torch_api.NAMESPACE["linalg"]
ours = Tensor._from_numpy


def main(trials=400, seed=0):
    rng = np.random.default_rng(seed)
    stats = {}

    def record(name, theirs, mine):
        theirs = theirs if isinstance(theirs, tuple) else (theirs,)
        mine = mine if isinstance(mine, tuple) else (mine,)
        s = stats.setdefault(name, [0, 0, 0])
        s[0] += 1
        s[1] += all(repr(x) == repr(y) for x, y in zip(theirs, mine))
        s[2] += all(np.array_equal(x.numpy(), np.asarray(y._np)) for x, y in zip(theirs, mine))

    for _ in range(trials):
        n, m = (int(k) for k in rng.integers(1, 9, 2))
        batch = () if rng.random() < 0.66 else (int(rng.integers(1, 4)),)
        dt = np.float32 if rng.random() < 0.5 else np.float64
        a = rng.standard_normal(batch + (n, n)).astype(dt)
        spd = (a @ np.swapaxes(a, -1, -2) + n * np.eye(n)).astype(dt)
        r = rng.standard_normal(batch + (n, m)).astype(dt)
        b = rng.standard_normal(batch + (n, 2)).astype(dt)
        t = lambda x: torch.from_numpy(np.array(x))
        L = torch.linalg.cholesky(t(spd))
        record("cholesky", L, linalg.cholesky(ours(spd)))
        record("cholesky_solve", torch.cholesky_solve(t(b), L), ns["cholesky_solve"](ours(b), ours(L.numpy())))
        record("cholesky_inverse", torch.cholesky_inverse(L), ns["cholesky_inverse"](ours(L.numpy())))
        record("solve_triangular", torch.linalg.solve_triangular(L, t(b), upper=False),
               linalg.solve_triangular(ours(L.numpy()), ours(b), upper=False))
        record("qr (Q, R)", tuple(torch.linalg.qr(t(r))), tuple(linalg.qr(ours(r))))
        w, v = torch.linalg.eigh(t(a))
        w2, v2 = linalg.eigh(ours(a))
        record("eigh eigenvalues", w, w2)
        record("eigh eigenvectors", v, v2)
        shape = "square" if n == m else "tall" if n > m else "wide"
        U, S, Vh = torch.linalg.svd(t(r), full_matrices=False)
        U2, S2, Vh2 = linalg.svd(ours(r), full_matrices=False)
        record("svd S", S, S2)
        record(f"svd U, Vh ({shape})", (U, Vh), (U2, Vh2))
        LU, piv = torch.linalg.lu_factor(t(a))
        record("lu_factor (LU, pivots)", (LU, piv), tuple(linalg.lu_factor(ours(a))))
        record("lu_solve", torch.linalg.lu_solve(LU, piv, t(b)),
               linalg.lu_solve(ours(LU.numpy()), ours(piv.numpy()), ours(b)))
        record("pinv", torch.linalg.pinv(t(r)), linalg.pinv(ours(r)))
        record("matrix_exp", torch.linalg.matrix_exp(t(a)), linalg.matrix_exp(ours(a)))
    print(f"| op | cases | printed the same | bits the same |\n|---|---|---|---|")
    for k, (c, p, bits) in stats.items():
        print(f"| {k} | {c} | {100 * p / c:.1f}% | {100 * bits / c:.1f}% |")


if __name__ == "__main__":
    main(*(int(x) for x in sys.argv[1:]))
