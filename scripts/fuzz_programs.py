"""Random PyTorch programs, thousands at a time, in torch and in tensorsh's engine: prints the agreement and writes
each program that differs (with both outputs) to a folder. Not part of CI (tests/engine/test_random_programs.py
runs a few hundred per CI run). Usage: python scripts/fuzz_programs.py [--count N] [--seed S] [--out DIR] [--bfloat16]
[--api W] [--family F]"""
import argparse
import collections
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [ROOT, os.path.join(ROOT, "tests", "engine")]

from same_as_torch import TorchCrashed, compare_random_program  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--out", default="fuzz-failures")
    parser.add_argument("--bfloat16", action="store_true", help="draw torch.bfloat16 among the dtypes too")
    parser.add_argument("--api", type=int, default=0, metavar="W",
                        help="draw statements from the whole signature table too, W against the other kinds' 50")
    parser.add_argument("--family", help="draw half the statements from this one of the generator's families "
                                             "(composites, indexing, networks, ...)")
    args = parser.parse_args()
    options = {k: v for k, v in (("bfloat16", args.bfloat16), ("api", args.api), ("family", args.family)) if v}
    os.makedirs(args.out, exist_ok=True)
    verdicts = collections.Counter()
    for seed in range(args.seed, args.seed + args.count):
        try:
            src, verdict, got, want = compare_random_program(seed, **options)
        except TorchCrashed:
            verdicts["torch crashed (skipped)"] += 1
            continue
        verdicts[verdict] += 1
        if verdict != "same":
            with open(os.path.join(args.out, f"{verdict}-{seed}.py"), "w") as f:
                f.write(src + "\n# ---- torch printed:\n" + _commented(want) + "# ---- tensorsh printed:\n"
                        + _commented(got))
    compared = args.count - verdicts["torch crashed (skipped)"]
    print(f"seeds {args.seed}..{args.seed + args.count - 1}: {dict(verdicts)}")
    print(f"same: {verdicts['same'] / max(compared, 1):.2%}, same or digits only: "
          f"{(verdicts['same'] + verdicts['digits']) / max(compared, 1):.2%} of {compared}")
    return 0 if verdicts["different"] == 0 else 1


def _commented(result):
    out, warns = result
    return "".join(f"# {line}\n" for line in out.splitlines()) + "".join(f"# warning: {w}\n" for w in warns)


if __name__ == "__main__":
    sys.exit(main())
