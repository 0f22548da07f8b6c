"""Error reports: exact text, positions, plain words, and Python's last line."""
import pytest

from tensorsh.lang.errors import format_error, UserError
from tensorsh.lang.session import Session


def report(src):
    err = Session(write=lambda t: None, write_err=lambda t: None).run(src, "t.tsh")
    assert err is not None, "expected an error"
    return format_error(err)


def last_line(src):
    return report(src).splitlines()[-1]


def test_expected_expression_after_equals():
    assert report("x = ") == (
        "t.tsh:1:4: error: expected an expression after '='\n"
        "    1 | x = \n"
        "      |    ^\n"
        "SyntaxError: invalid syntax\n")


def test_unclosed_paren_names_where_it_opened():
    assert report("a = 1\nx = (1,\ny = 2\n") == (
        "t.tsh:2:5: error: unclosed '(' opened at 2:5\n"
        "    2 | x = (1,\n"
        "      |     ^\n"
        "SyntaxError: '(' was never closed\n")


def test_name_error_with_did_you_mean():
    assert report("value = 1\nprint(valeu)") == (
        "t.tsh:2:7: error: name 'valeu' is not defined\n"
        "    2 | print(valeu)\n"
        "      |       ^~~~~\n"
        "note: did you mean 'value'?\n"
        "NameError: name 'valeu' is not defined. Did you mean: 'value'?\n")  # (Python 3.11's last line)


def test_misspelt_method():
    pytest.importorskip("numpy")
    out = report("x = ones(2)\ny = x.sumx()")
    assert "t.tsh:2:5: error: 'Tensor' object has no attribute 'sumx'" in out
    assert "note: did you mean 'sum'?" in out
    assert out.endswith("AttributeError: 'Tensor' object has no attribute 'sumx'. Did you mean: 'sum'?\n")


@pytest.mark.parametrize("src, last", [
    ("print(1))", "SyntaxError: unmatched ')'"),
    ("y = (1, 2]", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('"),
    ("x = 1\n    y = 2", "IndentationError: unexpected indent"),
    ("with no_grad:\nx = 1", "IndentationError: expected an indented block after 'with' statement on line 1"),
    ("for i in range(3)\n  pass", "SyntaxError: expected ':'"),
    ("x = 'abc", "SyntaxError: unterminated string literal (detected at line 1)"),
    ("f() = 1", "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?"),
    ("x = 1\x00", "SyntaxError: source code string cannot contain null bytes"),
    ("x = " + "(" * 300 + "1" + ")" * 300, "SyntaxError: too many nested parentheses"),
    ("-" * 5000 + "1", "RecursionError: maximum recursion depth exceeded during compilation"),
    ("import pandas", "ModuleNotFoundError: No module named 'pandas'"),
    ("__import__('os')", "NameError: name '__import__' is not defined"),
    ("open('/etc/passwd')", "NameError: name 'open' is not defined"),
    ("eval('1')", "NameError: name 'eval' is not defined"),
    ("x = (1).__class__.__base__", "AttributeError: type object 'int' has no attribute '__base__'"),
    ("x = [].__class__.__base__", "AttributeError: type object 'list' has no attribute '__base__'"),
    ("x = 'a'.encode", "AttributeError: 'str' object has no attribute 'encode'"),
    ("print(1/0)", "ZeroDivisionError: division by zero"),
    ("a, b = 1, 2, 3", "ValueError: too many values to unpack (expected 2)"),
    ("x = 'a' * 10**10", "MemoryError: result would have 10000000000 items (tensorsh's limit for Python values is 10000000)"),
    ("x = 2 ** 10**9", "OverflowError: integer result too large (more than 100000 bits)"),
    ("x = list(range(10**12))", "MemoryError: range of 1000000000000 items is too long (tensorsh's limit is 10000000)"),
    ("torch.foo", "AttributeError: module 'torch' has no attribute 'foo'"),
    ("getattr(1, '__class__').__subclasses__", "AttributeError: type object 'int' has no attribute '__subclasses__'"),
])
def test_last_line(src, last):
    assert last_line(src) == last


def test_report_points_at_the_failing_subexpression():
    out = report("x = [1, 2]\ny = 3 + x[5]")
    assert out.startswith("t.tsh:2:9: error: list index out of range\n")
    assert "      |         ^~~~\n" in out


def test_error_inside_a_loop_points_at_the_inner_statement():
    out = report("for i in range(3):\n    y = i.foo")
    assert out.startswith("t.tsh:2:9: error: 'int' object has no attribute 'foo'")


def test_incomplete_input_is_flagged_for_the_shell():
    from tensorsh.lang.parser import parse
    for src, incomplete in [("x = (1,", True), ("with no_grad:", True), ("x = 1)", False), ("x = ", False)]:
        with pytest.raises(UserError) as info:
            parse(src)
        assert info.value.incomplete is incomplete, src


def test_internal_errors_say_so():
    from tensorsh.lang.errors import InternalError
    err = InternalError(AssertionError("boom"), "t.tsh", 1, 1, 2, "x")
    text = format_error(err)
    assert "internal error in tensorsh" in text and "please report" in text
    assert "Traceback" not in text
