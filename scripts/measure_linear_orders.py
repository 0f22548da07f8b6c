"""How often tensorsh's float32 `x @ w.t()`, `torch.addmm(b, x, w.t())` and `F.linear(x, w, b)` (a row-major x times
a transposed weight: nn.Linear's forward) equal PyTorch 2.13's bits, per shape group, over inner dimensions 5-64,
1-16 rows and 1-16 columns of fresh tensors. Run from the checkout: python3 -m scripts.measure_linear_orders [k,k,...]
[threads] (needs torch; one thread unless told)."""
import sys

import numpy as np
import torch

from tensorsh import nn
from tensorsh.engine import torch_api

ns, F = torch_api.NAMESPACE, nn.NAMESPACE["functional"]
ours = ns["from_numpy"]


def group(m, n, k):
    if m == 1 or n == 1:
        return "m=1 or n=1"
    if m >= 4 and n >= 12:
        return "m>=4,n>=12"
    return "lanes, k%4" + ("==0" if k % 4 == 0 else "!=0")


def main(ks=tuple(range(5, 65)), threads=1):
    torch.set_num_threads(threads)
    stats = {}
    for k in ks:
        for m in range(1, 17):
            for n in range(1, 17):
                rng = np.random.default_rng(k * 1000 + m * 37 + n)
                x, w, b = (rng.standard_normal(s).astype(np.float32) for s in ((m, k), (n, k), (n,)))
                tx, tw, tb = (torch.tensor(v) for v in (x, w, b))  # (fresh: 64-byte aligned, as a user's tensors)
                sx, sw, sb = ours(x.copy()), ours(w.copy()), ours(b.copy())
                for name, theirs, mine in (("mm", tx @ tw.t(), sx @ sw.t()),
                                           ("addmm", torch.addmm(tb, tx, tw.t()), ns["addmm"](sb, sx, sw.t())),
                                           ("linear", torch.nn.functional.linear(tx, tw, tb), F.linear(sx, sw, sb))):
                    s = stats.setdefault((group(m, n, k), name), [0, 0])
                    s[0] += 1
                    s[1] += np.array_equal(theirs.numpy().view(np.int32), np.asarray(mine._np).view(np.int32))
    for (g, name), (total, same) in sorted(stats.items()):
        print(f"{g:16} {name:7} {same}/{total} shapes bit for bit")


if __name__ == "__main__":
    main(tuple(int(v) for v in sys.argv[1].split(",")) if len(sys.argv) > 1 else tuple(range(5, 65)),
         int(sys.argv[2]) if len(sys.argv) > 2 else 1)
