"""The Pygments lexer: keywords, builtins, numbers, strings, attributes, and golden expectation lines."""
from pygments.token import Comment, Generic, Keyword, Name, Number, String

from tensorsh.render.lexer import TensorshLexer


def tokens(text):
    return [(t, v) for t, v in TensorshLexer().get_tokens(text) if v.strip()]


def test_statement_tokens():
    got = tokens("with no_grad:\n    y = x.exp() * 2.5e-3  # note\n")
    assert (Keyword, "with") in got
    assert (Name.Builtin, "no_grad") in got
    assert (Name.Attribute, "exp") in got
    assert (Number, "2.5e-3") in got
    assert (Comment.Single, "# note") in got


def test_expectation_lines_and_strings():
    got = tokens("print(f'a = {a}')\n#> a = 1\n#! RuntimeError: no\n")
    assert (Generic.Output, "#> a = 1") in got
    assert (Generic.Error, "#! RuntimeError: no") in got
    assert (String.Interpol, "{a}") in got


def test_registered_entry_point_name():
    assert TensorshLexer.name == "tensorsh" and "*.tsh" in TensorshLexer.filenames
