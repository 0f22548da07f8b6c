"""Reveal the order in which PyTorch (its BLAS, its kernels) adds the terms of a reduction: the summation tree.

FPRev's probe: for each pair of terms (i, j), x_i = M, x_j = -M and every other term 1, with M large enough to
absorb any count of ones. Wherever the sum meets M the ones already in it vanish, the two cancel where their
subtrees meet, and the ones added after survive: the result is the number of terms outside the lowest common
subtree of i and j. Those sizes for every pair give the tree. It tells the order, not the operations: whether a
node is a fused multiply-add or an add of rounded products is then tested on random values (how the Intel gemv
and small gemm orders of kernels.intel_matmul were read).

    python3 scripts/summation_tree.py mm 4 40 1 --row 0 --col 0          # x (4, 40) @ w (40, 1)
    python3 scripts/summation_tree.py mm 2 40 3 --transposed             # x @ W.t(), W (3, 40)
    python3 scripts/summation_tree.py vm 16 20                           # ones(1, 16) @ x (16, 20): over rows
    python3 scripts/summation_tree.py mm 3 40 1 --double                 # the same in float64

Needs torch (a development tool, like the oracle scripts).
"""
import argparse
import itertools

import numpy as np


def lca_sizes(reduce, n, dtype=np.float32):
    """{(i, j): size of the lowest common subtree of terms i and j}; reduce(probes (n, P)) -> P sums."""
    pairs = list(itertools.combinations(range(n), 2))
    big = 2.0 ** (40 if dtype == np.float32 else 70)
    probes = np.ones((n, len(pairs)), dtype)
    for c, (i, j) in enumerate(pairs):
        probes[i, c], probes[j, c] = big, -big
    sums = np.asarray(reduce(probes), np.float64)
    size = {}
    for c, (i, j) in enumerate(pairs):
        size[i, j] = size[j, i] = n - sums[c]
    return size


def tree(reduce, n, dtype=np.float32):
    """The summation tree of n terms as nested tuples of term indices (a '?' node where the sizes disagree)."""
    if n == 1:
        return 0
    size = lca_sizes(reduce, n, dtype)

    def build(leaves):
        if len(leaves) == 1:
            return leaves[0]
        groups = []
        for leaf in leaves:  # (two terms are in one child of this node when their common subtree is smaller)
            home = next((g for g in groups if size[leaf, g[0]] < len(leaves)), None)
            groups.append([leaf]) if home is None else home.append(leaf)
        return ("?", leaves) if len(groups) == 1 else tuple(build(g) for g in groups)
    return build(list(range(n)))


def show(t):
    if isinstance(t, int):
        return str(t)
    if t and t[0] == "?":
        return "?" + str(t[1])
    return "(" + " ".join(show(c) for c in t) + ")"


def main():
    import torch
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("op", choices=["mm", "vm"], help="mm: x (m, k) @ w (k, n), the sum over k of one entry; "
                                                         "vm: ones(1, m) @ x (m, k), the sum over m of column col")
    parser.add_argument("sizes", type=int, nargs="+", help="mm: m k n; vm: m k")
    parser.add_argument("--row", type=int, default=0)
    parser.add_argument("--col", type=int, default=0)
    parser.add_argument("--transposed", action="store_true", help="mm: w as W.t() of a row-major W (nn.Linear)")
    parser.add_argument("--double", action="store_true", help="float64 operands")
    args = parser.parse_args()
    dtype = torch.float64 if args.double else torch.float32

    def reduce(probes):
        out = []
        for c in range(probes.shape[1]):
            column = torch.from_numpy(probes[:, c].copy())
            if args.op == "mm":
                m, k, n = args.sizes
                x = torch.ones(m, k, dtype=dtype)
                x[args.row] = column
                w = torch.ones(n, k, dtype=dtype).t() if args.transposed else torch.ones(k, n, dtype=dtype)
                out.append(torch.mm(x, w)[args.row, args.col].item())
            else:
                m, k = args.sizes
                x = torch.ones(m, k, dtype=dtype)
                x[:, args.col] = column
                out.append(torch.mm(torch.ones(1, m, dtype=dtype), x)[0, args.col].item())
        return out
    print(show(tree(reduce, args.sizes[1] if args.op == "mm" else args.sizes[0],
                    np.float64 if args.double else np.float32)))


if __name__ == "__main__":
    main()
