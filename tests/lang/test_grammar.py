"""The grammar: what parses, into which AST, and that the generated parser matches the grammar file."""
import hashlib
import pathlib

import pytest

from tensorsh.lang import _parser
from tensorsh.lang.ast import dump
from tensorsh.lang.errors import UserError
from tensorsh.lang.parser import parse

ROOT = pathlib.Path(__file__).resolve().parents[2]


def one(src):
    nodes = parse(src)
    assert len(nodes) == 1, nodes
    return dump(nodes[0])


def test_generated_parser_matches_grammar():
    text = (ROOT / "grammar" / "tensorsh.lark").read_text(encoding="utf-8")
    assert _parser.GRAMMAR_SHA256 == hashlib.sha256(text.encode("utf-8")).hexdigest(), \
        "grammar/tensorsh.lark changed: run `python scripts/gen_parser.py`"


@pytest.mark.parametrize("src, expected", [
    ("x = 1", "Assign([Name('x')], Const(1))"),
    ("x = 1.", "Assign([Name('x')], Const(1.0))"),
    ("x = 2.5e-3", "Assign([Name('x')], Const(0.0025))"),
    ("x = 10**3", "Assign([Name('x')], BinOp([Const(10), Const(3)], ['**']))"),
    ("x = True, False, None", "Assign([Name('x')], TupleExpr([Const(True), Const(False), Const(None)]))"),
    ("x = (1,)", "Assign([Name('x')], TupleExpr([Const(1)]))"),
    ("x = ([1.0])", "Assign([Name('x')], ListExpr([Const(1.0)]))"),
    ("x = [1, 2,]", "Assign([Name('x')], ListExpr([Const(1), Const(2)]))"),
    ("x = 'a\\n' \"b\"", "Assign([Name('x')], Const('a\\nb'))"),
    ("a, b = c = 1, 2", "Assign([TupleExpr([Name('a'), Name('b')]), Name('c')], TupleExpr([Const(1), Const(2)]))"),
    ("y[0] = 2.", "Assign([Subscript(Name('y'), Const(0))], Const(2.0))"),
    ("y[1:3] = t", "Assign([Subscript(Name('y'), Slice(Const(1), Const(3), None))], Name('t'))"),
    ("x[::2]", "ExprStmt(Subscript(Name('x'), Slice(None, None, Const(2))))"),
    ("x[:, 0]", "ExprStmt(Subscript(Name('x'), TupleExpr([Slice(None, None, None), Const(0)])))"),
    ("x[..., None]", "ExprStmt(Subscript(Name('x'), TupleExpr([Const(Ellipsis), Const(None)])))"),
    ("x[-1]", "ExprStmt(Subscript(Name('x'), UnaryOp('-', Const(1))))"),
    ("z += 5", "AugAssign(Name('z'), '+', Const(5))"),
    ("x.grad = None", "Assign([Attribute(Name('x'), 'grad')], Const(None))"),
    ("-2 ** 2", "ExprStmt(UnaryOp('-', BinOp([Const(2), Const(2)], ['**'])))"),
    ("1 + 2 * 3 - 4", "ExprStmt(BinOp([Const(1), BinOp([Const(2), Const(3)], ['*']), Const(4)], ['+', '-']))"),
    ("a @ b", "ExprStmt(BinOp([Name('a'), Name('b')], ['@']))"),
    ("a is not None", "ExprStmt(Compare(Name('a'), ['is not'], [Const(None)]))"),
    ("a < b <= c", "ExprStmt(Compare(Name('a'), ['<', '<='], [Name('b'), Name('c')]))"),
    ("not a in b", "ExprStmt(UnaryOp('not', Compare(Name('a'), ['in'], [Name('b')])))"),
    ("a or b and c", "ExprStmt(BoolOp('or', [Name('a'), BoolOp('and', [Name('b'), Name('c')])]))"),
    ("f(1, b=2)", "ExprStmt(Call(Name('f'), [Const(1)], [Keyword('b', Const(2))]))"),
    ("x.register_hook(lambda g: g * 2)",
     "ExprStmt(Call(Attribute(Name('x'), 'register_hook'), [Lambda(Params([], ['g'], [], None, [], {}, None, []), BinOp([Name('g'), Const(2)], ['*']))], []))"),
    ("print(f'a = {a}')", "ExprStmt(Call(Name('print'), [FString(['a = ', FormattedValue(Name('a'), None, None, None)])], []))"),
    ("f\"{x.shape}\"", "ExprStmt(FString([FormattedValue(Attribute(Name('x'), 'shape'), None, None, None)]))"),
    ("f'{v:.2f} {{}}'", "ExprStmt(FString([FormattedValue(Name('v'), None, '.2f', None), ' {}']))"),
    ("import torch", "Import([('torch', None)])"),
    ("import torch.autograd", "Import([('torch.autograd', None)])"),
    ("import torch as T", "Import([('torch', 'T')])"),
    ("from torchviz import make_dot", "FromImport('torchviz', [('make_dot', None)])"),
    ("from copy import deepcopy", "FromImport('copy', [('deepcopy', None)])"),
    ("pass", "Pass()"),
    ("[t for t in x if t]", "ExprStmt(ListComp(Name('t'), [Comprehension(Name('t'), Name('x'), [Name('t')])]))"),
    ("del x, y[0]", "Delete([Name('x'), Subscript(Name('y'), Const(0))])"),
    ("assert x, 'msg'", "Assert(Name('x'), Const('msg'))"),
    ("a if b else c", "ExprStmt(IfExp(Name('b'), Name('a'), Name('c')))"),
])
def test_parses(src, expected):
    assert one(src) == expected


def test_blocks_and_semicolons():
    nodes = parse("import torch\nx = 1; y = 2;\nwith torch.no_grad():\n    y = x * 2\n    z = 3\n"
                  "for i in range(3):\n    # a comment\n\n    x += i\nwith no_grad: w = 1\n")
    assert [type(n).__name__ for n in nodes] == ["Import", "Assign", "Assign", "With", "For", "With"]
    assert len(nodes[3].body) == 2 and len(nodes[4].body) == 1
    assert dump(nodes[3].context) == "Call(Attribute(Name('torch'), 'no_grad'), [], [])"


def test_brackets_suppress_newlines_and_nested_blocks():
    nodes = parse("x = f(1,\n      2)\nfor i in range(2):\n    for j in range(2):\n        with no_grad:\n            y = [i,\n  j]\n")
    assert len(nodes) == 2
    assert dump(nodes[0].value) == "Call(Name('f'), [Const(1), Const(2)], [])"


def test_positions():
    (stmt,) = parse("x = 1\n  \nyy = foo(1, 2)")[1:]
    assert stmt.span() == (3, 1, 3, 15)
    call = stmt.value
    assert (call.line, call.col, call.end_col) == (3, 6, 15)
    (fs,) = parse("print(f'ab{cde}')")
    fv = fs.value.args[0].parts[1]
    assert (fv.value.line, fv.value.col, fv.value.end_col) == (1, 12, 15)


def test_long_flat_chain_does_not_nest():
    node = parse("+".join(["1"] * 20000))[0].value
    assert len(node.operands) == 20000


@pytest.mark.parametrize("src", ["x = ", "x = (1,", "print(1))", "  x = 1", "x = $", "f() = 1",
                                 "x += = 2", "with x\n  y = 1", "x = 'abc",
                                 "if x: pass\nelse pass", "def f(a=1, b): pass", "def f(a, a): pass",
                                 "class C(: pass", "try:\n  x\n"])
def test_rejects(src):
    with pytest.raises(UserError) as info:
        parse(src)
    assert info.value.kind in ("SyntaxError", "IndentationError")
    assert info.value.line >= 1 and info.value.col >= 1
