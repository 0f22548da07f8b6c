"""The tensorsh syntax tree: small dataclasses, each carrying its source span.

Positions are 1-based; `end_col` is exclusive (the column just after the node), as Lark reports.
Binary operators form flat chains (`BinOp.operands`/`ops`) so `1+1+...+1` never nests deeply.
"""
from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass(eq=False)
class Node:
    line: int = field(default=0, repr=False, kw_only=True)
    col: int = field(default=0, repr=False, kw_only=True)
    end_line: int = field(default=0, repr=False, kw_only=True)
    end_col: int = field(default=0, repr=False, kw_only=True)

    def span(self):
        return (self.line, self.col, self.end_line, self.end_col)


# ---- expressions ----
@dataclass(eq=False)
class Name(Node):
    id: str


@dataclass(eq=False)
class Const(Node):
    value: Any


@dataclass(eq=False)
class FormattedValue(Node):
    value: Node
    conversion: Optional[str]      # 'r', 's' or None
    spec: Optional[str]            # the text after ':' (literal) or None
    self_doc: Optional[str] = None  # the "x=" text of f"{x=}"


@dataclass(eq=False)
class FString(Node):
    parts: list                    # str or FormattedValue


@dataclass(eq=False)
class ListExpr(Node):
    elts: list


@dataclass(eq=False)
class TupleExpr(Node):
    elts: list


@dataclass(eq=False)
class Comprehension(Node):
    target: Node
    iter: Node
    ifs: list


@dataclass(eq=False)
class ListComp(Node):
    elt: Node
    generators: list               # Comprehension, outermost first


@dataclass(eq=False)
class BinOp(Node):
    operands: list                 # n + 1 operands
    ops: list                      # n operator spellings, applied left to right


@dataclass(eq=False)
class UnaryOp(Node):
    op: str                        # '-', '+', '~', 'not'
    operand: Node


@dataclass(eq=False)
class BoolOp(Node):
    op: str                        # 'and' / 'or'
    values: list


@dataclass(eq=False)
class Compare(Node):
    left: Node
    ops: list                      # '<', 'is not', 'not in', ...
    comparators: list


@dataclass(eq=False)
class IfExp(Node):
    test: Node
    body: Node
    orelse: Node


@dataclass(eq=False)
class Lambda(Node):
    params: list
    body: Node


@dataclass(eq=False)
class Keyword(Node):
    name: str
    value: Node


@dataclass(eq=False)
class Starred(Node):
    """`*value` among a call's positional arguments."""
    value: Node


@dataclass(eq=False)
class Call(Node):
    func: Node
    args: list
    keywords: list


@dataclass(eq=False)
class Attribute(Node):
    value: Node
    attr: str
    attr_col: int = 0              # column of the attribute name itself


@dataclass(eq=False)
class Slice(Node):
    lower: Optional[Node]
    upper: Optional[Node]
    step: Optional[Node]


@dataclass(eq=False)
class Subscript(Node):
    value: Node
    index: Node                    # an expression, a Slice, or a TupleExpr of those


# ---- statements ----
@dataclass(eq=False)
class ExprStmt(Node):
    value: Node


@dataclass(eq=False)
class Assign(Node):
    targets: list                  # a = b = value: [a, b]
    value: Node


@dataclass(eq=False)
class AugAssign(Node):
    target: Node
    op: str                        # '+', '-', ... (without '=')
    value: Node


@dataclass(eq=False)
class Pass(Node):
    pass


@dataclass(eq=False)
class Delete(Node):
    targets: list                  # names and subscripts


@dataclass(eq=False)
class Assert(Node):
    test: Node
    msg: Optional[Node]


@dataclass(eq=False)
class Import(Node):
    names: list                    # [(dotted name, alias or None)]


@dataclass(eq=False)
class FromImport(Node):
    module: str
    names: list                    # [(name, alias or None)]


@dataclass(eq=False)
class With(Node):
    context: Node
    name: Optional[str]
    body: list


@dataclass(eq=False)
class For(Node):
    target: Node
    iter: Node
    body: list


def dump(node):
    """A compact, position-free rendering for tests: `BinOp([Const(1), Const(2)], ['+'])`."""
    if isinstance(node, Node):
        fields = [k for k in node.__dataclass_fields__ if k not in ("line", "col", "end_line", "end_col", "attr_col")]
        return "%s(%s)" % (type(node).__name__, ", ".join(dump(getattr(node, k)) for k in fields))
    if isinstance(node, list):
        return "[%s]" % ", ".join(dump(x) for x in node)
    if isinstance(node, tuple):
        return "(%s)" % ", ".join(dump(x) for x in node)
    return repr(node)
