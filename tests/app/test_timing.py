"""The timer behind :timeit (and scripts/bench.py)."""
from tensorsh.app.timing import timeit, describe, format_time


def test_timeit_autoranges_and_describes():
    calls = []
    result = timeit(lambda: calls.append(1), repeat=3, target=0.01)
    assert result["loops"] >= 1 and result["runs"] == 3
    assert len(calls) >= result["loops"] * 3
    assert result["best"] <= result["mean"]
    loops = result["loops"]
    assert describe(result).endswith(f"(mean ± std. dev. of 3 runs, {loops:,} loop{'s' if loops != 1 else ''} each)")


def test_describe_names_one_loop_and_many_loops_as_ipython():
    one = {"mean": 1.5e-3, "std": 2e-5, "best": 1.4e-3, "loops": 1, "runs": 7}
    assert describe(one) == "1.5 ms ± 20 µs per loop (mean ± std. dev. of 7 runs, 1 loop each)"
    many = dict(one, mean=2.5e-7, std=3e-9, loops=1_000_000)
    assert describe(many) == "250 ns ± 3 ns per loop (mean ± std. dev. of 7 runs, 1,000,000 loops each)"


def test_format_time_units():
    assert format_time(1.5) == "1.5 s"
    assert format_time(0.0025) == "2.5 ms"
    assert format_time(3.2e-6) == "3.2 µs"
    assert format_time(4e-9) == "4 ns"
