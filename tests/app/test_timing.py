"""The timer behind :timeit (and scripts/bench.py)."""
from tensorsh.app.timing import timeit, describe, format_time


def test_timeit_autoranges_and_describes():
    calls = []
    result = timeit(lambda: calls.append(1), repeat=3, target=0.01)
    assert result["loops"] >= 1 and result["runs"] == 3
    assert len(calls) >= result["loops"] * 3
    assert result["best"] <= result["mean"]
    assert describe(result).endswith(f"(mean ± std. dev. of 3 runs, {result['loops']:,} loops each)") or \
        result["loops"] == 1


def test_format_time_units():
    assert format_time(1.5) == "1.5 s"
    assert format_time(0.0025) == "2.5 ms"
    assert format_time(3.2e-6) == "3.2 µs"
    assert format_time(4e-9) == "4 ns"
