"""A small timer in the manner of IPython's %timeit: autorange the loop count, best-of and mean of repeats."""
import time


def timeit(fn, repeat=7, target=0.2, max_loops=1_000_000):
    """Time fn(): returns {'mean', 'std', 'best', 'loops', 'runs'} in seconds per call."""
    clock = time.perf_counter
    loops = 1
    while True:
        t0 = clock()
        for _ in range(loops):
            fn()
        elapsed = clock() - t0
        if elapsed >= target / repeat or loops >= max_loops:
            break
        loops = min(max_loops, loops * (10 if elapsed < target / repeat / 10 else 2))
    times = []
    for _ in range(repeat):
        t0 = clock()
        for _ in range(loops):
            fn()
        times.append((clock() - t0) / loops)
    mean = sum(times) / len(times)
    std = (sum((t - mean) ** 2 for t in times) / len(times)) ** 0.5
    return {"mean": mean, "std": std, "best": min(times), "loops": loops, "runs": repeat}


def format_time(seconds):
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("\u00b5s", 1e-6), ("ns", 1e-9)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds * 1e9:.3g} ns"


def describe(result):
    """IPython's line: '1.23 µs ± 45.6 ns per loop (mean ± std. dev. of 7 runs, 100,000 loops each)'."""
    loops = result["loops"]
    return (f"{format_time(result['mean'])} \u00b1 {format_time(result['std'])} per loop "
            f"(mean \u00b1 std. dev. of {result['runs']} runs, {loops:,} loop{'s' if loops != 1 else ''} each)")
