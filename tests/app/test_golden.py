"""`tensorsh test`: the golden-file format, matching, reports, --update and the command line."""
import os

import pytest

from tensorsh.app import golden

ERR = ("RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.")



@pytest.fixture(autouse=True)
def outside_ci(monkeypatch):
    """--update refuses under CI; these tests run the tool as a developer would (CI sets CI=true)."""
    monkeypatch.delenv("CI", raising=False)

def run(capsys, *argv):
    code = golden.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    return str(p)


# ---- format and matching ----
def test_normalize_and_output_lines():
    assert golden.normalize("   #>  a  ") == "#>  a"
    assert golden.normalize("#>") == "#>"
    assert golden.normalize("#> ") == "#>"
    assert golden.output_lines("a\n\nb\n") == ["#> a", "#>", "#> b"]
    assert golden.output_lines("") == []
    assert golden.raised_lines("E: x\ny") == ["#! E: x", "#! y"]


def test_align_exact_and_wildcard():
    assert golden.align(["#> a"], ["#> a"]) == (0, ["#> a"])
    assert golden.align(["#> a"], ["#> b"])[0] > 0
    assert golden.align(["#> a", "#> ...", "#> z"], ["#> a", "#> 1", "#> 2", "#> z"])[0] == 0
    assert golden.align(["#> ..."], [])[0] == 0
    # a wildcard never swallows an error
    cost, new = golden.align(["#> ..."], ["#> 1", "#! E: boom"])
    assert cost == 1 and new == ["#> ...", "#! E: boom"]
    # update keeps the wildcard and the lines that still match; the result matches
    actual = ["#> head", "#> 0x1", "#> new", "#! E: x"]
    cost, new = golden.align(["#> head", "#> ...", "#> old"], actual)
    assert cost > 0 and new[:2] == ["#> head", "#> ..."] and "#> old" not in new
    assert golden.align(new, actual)[0] == 0


# ---- running files ----
def test_passing_file_says_1_passed(tmp_path, capsys):
    f = write(tmp_path, "ok.tsh", "x = tensor([1.], grad)\ny = x.detach()\ny[0] = 2\nprint(x)\n"
                                  "#> tensor([2.], requires_grad=True)\nx.add_(1)\n#! " + ERR + "\nprint(x * 2)\n"
                                  "#> tensor([4.], grad_fn=<MulBackward0>)\n")
    code, out, _ = run(capsys, f)
    assert code == 0
    assert out.splitlines()[-1] == "1 passed, 0 failed"


def test_wrong_expectation_shows_file_line_and_both_texts(tmp_path, capsys):
    f = write(tmp_path, "bad.tsh", "# c\nprint(ones(2))\n#> tensor([1., 2.])\n")
    code, out, _ = run(capsys, f)
    assert code == 1
    assert f"{f}:2" in out
    assert "-#> tensor([1., 2.])" in out and "+#> tensor([1., 1.])" in out
    assert out.splitlines()[-1] == "0 passed, 1 failed"


def test_unexpected_error_fails_and_file_goes_on(tmp_path, capsys):
    f = write(tmp_path, "err.tsh", "x = tensor([1.], grad)\nx.add_(1)\nprint(x)\n#> tensor([1.], requires_grad=True)\n")
    code, out, _ = run(capsys, f)
    assert code == 1
    assert f"{f}:2" in out and "+#! " + ERR in out
    assert f"{f}:3" not in out        # the statement after the error ran, in the rolled-back session


def test_expected_error_that_does_not_happen_fails(tmp_path, capsys):
    f = write(tmp_path, "noerr.tsh", "x = ones(1)\nx.add_(1)\n#! " + ERR + "\n")
    code, out, _ = run(capsys, f)
    assert code == 1 and "-#! RuntimeError" in out


def test_unstated_output_is_a_mismatch(tmp_path, capsys):
    f = write(tmp_path, "script.tsh", "print(1)\n")
    assert run(capsys, f)[0] == 1


def test_warning_and_output_order(tmp_path, capsys):
    f = write(tmp_path, "w.tsh", "x = ones(1, grad)\ny = x * 2\nprint(y.grad)\n")
    run(capsys, "--update", f)
    lines = open(f).read().splitlines()
    assert lines[3].startswith("#! UserWarning: The .grad attribute of a Tensor that is not a leaf")
    assert lines[4] == "#> None"
    assert run(capsys, f)[0] == 0


def test_statements_sharing_a_line_share_a_block(tmp_path, capsys):
    f = write(tmp_path, "semi.tsh", "print(1); print(2)\n#> 1\n#> 2\n")
    assert run(capsys, f)[0] == 0


def test_for_block_expectations_follow_the_block(tmp_path, capsys):
    f = write(tmp_path, "loop.tsh", "for i in range(2):\n    print(i)\n#> 0\n#> 1\n")
    assert run(capsys, f)[0] == 0


def test_orphan_expectation_fails(tmp_path, capsys):
    f = write(tmp_path, "orphan.tsh", "#> nothing prints this\n\nx = 1\n")
    code, out, _ = run(capsys, f)
    assert code == 1 and f"{f}:1" in out


def test_syntax_error_fails_the_file(tmp_path, capsys):
    f = write(tmp_path, "syn.tsh", "x = (1,\n")
    code, out, _ = run(capsys, f)
    assert code == 1 and "SyntaxError" in out


def test_check_flags_wildcard_under_silent_statement(tmp_path, capsys):
    f = write(tmp_path, "chk.tsh", "x = 1\n#> ...\n")
    assert run(capsys, f)[0] == 0
    assert run(capsys, "--check", f)[0] == 1


# ---- --update ----
def test_update_fixes_stale_file_in_place(tmp_path, capsys):
    text = ("# my experiment\n"
            "x = tensor([1.], grad)   # a leaf\n"
            "print(x)\n#> stale\n#> lines\n"
            "x.add_(1)\n"                            # now errors: the #! line is added
            "print(x * 2)\n#> ...\n"                 # a wildcard that still matches is kept
            "print(1)\n")
    f = write(tmp_path, "stale.tsh", text)
    code, out, _ = run(capsys, "--update", f)
    assert code == 0 and "updated 1 file" in out
    assert open(f).read() == ("# my experiment\n"
                              "x = tensor([1.], grad)   # a leaf\n"
                              "print(x)\n#> tensor([1.], requires_grad=True)\n"
                              "x.add_(1)\n#! " + ERR + "\n"
                              "print(x * 2)\n#> ...\n"
                              "print(1)\n#> 1\n")
    assert run(capsys, f)[0] == 0
    assert [p.name for p in tmp_path.iterdir()] == ["stale.tsh"]     # no temporary file left


def test_update_without_trailing_newline(tmp_path, capsys):
    f = write(tmp_path, "nl.tsh", "print(1)")
    run(capsys, "--update", f)
    assert open(f).read() == "print(1)\n#> 1"


def test_update_refused_under_ci(tmp_path, capsys, monkeypatch):
    f = write(tmp_path, "ci.tsh", "print(1)\n")
    monkeypatch.setenv("CI", "true")
    code, _, err = run(capsys, "--update", f)
    assert code == 2 and "CI" in err and open(f).read() == "print(1)\n"
    assert run(capsys, "--update", "--force", f)[0] == 0
    assert open(f).read() == "print(1)\n#> 1\n"


def test_write_atomic_keeps_the_old_file_on_failure(tmp_path, monkeypatch):
    f = write(tmp_path, "a.tsh", "old\n")

    def boom(*a):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        golden.write_atomic(f, "new\n")
    assert open(f).read() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.tsh"]


# ---- command line ----
def test_k_x_and_folders(tmp_path, capsys):
    write(tmp_path, "a_good.tsh", "print(1)\n#> 1\n")
    write(tmp_path, "b_bad.tsh", "print(1)\n#> 2\n")
    write(tmp_path, "c_bad.tsh", "print(1)\n#> 3\n")
    (tmp_path / ".hidden").mkdir()
    write(tmp_path / ".hidden", "h.tsh", "print(1)\n")
    assert run(capsys, str(tmp_path))[1].splitlines()[-1] == "1 passed, 2 failed"
    assert run(capsys, "-k", "good", str(tmp_path))[1].splitlines()[-1] == "1 passed, 0 failed"
    assert run(capsys, "-x", str(tmp_path))[1].splitlines()[-1] == "1 passed, 1 failed"


def test_fresh_session_per_file(tmp_path, capsys):
    write(tmp_path, "a.tsh", "manual_seed(3)\nq = 1\nwith no_grad:\n    x = ones(1).add_(1)\n")
    write(tmp_path, "b.tsh", "print(randn(2))\n#> tensor([0.9773, 1.1569])\nprint(q)\n#! NameError: name 'q' is not defined\n")
    code, out, _ = run(capsys, str(tmp_path))
    assert code == 0, out


def test_usage_errors(tmp_path, capsys):
    assert run(capsys, "--nope")[0] == 2
    assert run(capsys, str(tmp_path / "missing"))[0] == 2
    assert run(capsys, "-k")[0] == 2
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "--update" in out


def test_no_colour_when_not_a_terminal(tmp_path, capsys):
    f = write(tmp_path, "bad.tsh", "print(1)\n#> 2\n")
    assert "\x1b[" not in run(capsys, f)[1]


class FakeTerminal:
    def __init__(self):
        self.text = ""

    def isatty(self):
        return True

    def write(self, s):
        self.text += s

    def flush(self):
        pass


def test_colour_diff_and_progress_bar_on_a_terminal(tmp_path):
    f = write(tmp_path, "bad.tsh", "print(1)\n#> 2\n")
    text = golden.report(golden.check_file(f), golden.Colours(True))
    assert "\x1b[31m-#> 2\x1b[0m" in text and "\x1b[32m+#> 1\x1b[0m" in text
    term = FakeTerminal()
    bar = golden.Progress(40, term)
    bar.step(20, True)
    bar.step(21, False)
    assert "20/40" in term.text and "21/40  1 failed" in term.text
    assert not golden.Progress(3, term).on          # few files: no bar


# ---- the first hour (issue 15) ----
def test_an_empty_folder_has_no_tests(tmp_path, capsys):
    code, out, _ = run(capsys, str(tmp_path))
    assert (code, out) == (golden.NO_TESTS, f"no tests found in {tmp_path} (golden tests are .tsh files with #> or #! lines)\n")


def test_files_without_expectations_in_a_folder_are_not_tests(tmp_path, capsys):
    write(tmp_path, "bench.tsh", "print(1)\n")           # as scripts/bench_data's programs
    write(tmp_path, "t.tsh", "print(2)\n#> 2\n")
    code, out, _ = run(capsys, str(tmp_path))
    assert (code, out) == (0, "1 passed, 0 failed\n")
    code, out, _ = run(capsys, str(tmp_path / "bench.tsh"))  # named explicitly: a test (--update fills it in)
    assert code == 1 and "+#> 1" in out


def test_the_repository_root_passes_as_a_folder(capsys):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    assert golden.find_files([os.path.join(root, "scripts")]) == []


def test_a_statement_past_the_time_limit_is_reported_where_it_is(tmp_path, capsys):
    p = write(tmp_path, "loop.tsh", "x = 1\nfor i in range(10**9):\n    x = x + 1\n#> never\nprint(x)\n#> 1\n")
    code, out, _ = run(capsys, "--timeout", "0.3", p)
    assert code == 1
    assert out.splitlines()[:4] == [
        f"FAILED {p}",
        f"{p}:2:1: error: this statement did not finish within 0.3 s (the time limit of a statement in a test; "
        "change it with --timeout or TENSORSH_TEST_TIMEOUT)",
        "    2 | for i in range(10**9):",
        "      | ^"]


def test_the_time_limit_comes_from_the_environment(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TENSORSH_TEST_TIMEOUT", "0.2")
    p = write(tmp_path, "loop.tsh", "for i in range(10**9):\n    pass\n")
    code, out, _ = run(capsys, p)
    assert code == 1 and "did not finish within 0.2 s" in out
    code, out, _ = run(capsys, "--timeout", "x", p)
    assert code == 2


def test_a_long_error_may_be_stated_by_its_beginning(tmp_path, capsys):
    p = write(tmp_path, "e.tsh", "a = tensor([2., 3.], grad)\nb = a.exp()\nb.fill_(2)\nb.sum().backward()\n"
                                 "#! RuntimeError: one of the variables needed for gradient computation has been ...\n")
    assert run(capsys, p)[0] == 0
    p = write(tmp_path, "f.tsh", "a = tensor([2., 3.], grad)\nb = a.exp()\nb.fill_(2)\nb.sum().backward()\n"
                                 "#! RuntimeError: one of the variables needed for the gradient ...\n")
    assert run(capsys, p)[0] == 1
    assert golden.same("#! E: ab...", "#! E: abc") and not golden.same("#> ab...", "#> abc")


def test_against_torch_names_the_python_that_cannot_import_torch(tmp_path, capsys, monkeypatch):
    p = write(tmp_path, "t.tsh", "print(1)\n#> 1\n")
    fake = tmp_path / "fake"
    (fake / "torch").mkdir(parents=True)
    (fake / "torch" / "__init__.py").write_text("raise ImportError('libtorch_cpu.so: cannot open shared object file')\n")
    monkeypatch.setenv("PYTHONPATH", str(fake) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    code, out, err = run(capsys, "--against-torch", p)
    assert code == 2
    assert err == (f"tensorsh test: --against-torch: torch cannot be imported by {golden.sys.executable}: "
                   "ImportError: libtorch_cpu.so: cannot open shared object file\n")


def test_against_torch_a_statement_past_the_time_limit_is_located(tmp_path, capsys):
    import importlib.util
    if importlib.util.find_spec("torch") is None:
        pytest.skip("torch is not installed")
    p = write(tmp_path, "loop.tsh", "x = 1\nprint(x)\n#> 1\nfor i in range(10**9):\n    x = x + 1\n")
    code, out, _ = run(capsys, "--against-torch", "--timeout", "1", p)
    assert code == 1
    assert out.splitlines()[:2] == [
        f"FAILED {p}",
        f"{p}:4:1: error: this statement did not finish within 1 s (the time limit of a statement in a test; "
        "change it with --timeout or TENSORSH_TEST_TIMEOUT)"]
