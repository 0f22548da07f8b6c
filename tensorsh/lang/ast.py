"""The tensorsh syntax tree: small dataclasses, each carrying its source span.

Positions are 1-based; `end_col` is exclusive (the column just after the node), as Lark reports.
Binary operators form flat chains (`BinOp.operands`/`ops`) so `1+1+...+1` never nests deeply.
"""
from typing import Any, Optional

POSITION = ("line", "col", "end_line", "end_col")
_REQUIRED = object()


class _Factory:
    __slots__ = ("make",)

    def __init__(self, make):
        self.make = make


def field(default=_REQUIRED, default_factory=None, repr=True, kw_only=False):  # noqa: A002 - dataclasses' names
    return _Factory(default_factory) if default_factory is not None else default


def dataclass(eq=False):
    """A light stand-in for dataclasses.dataclass (one shared __init__, no code generated per class):
    the language has dozens of node classes and start-up pays for each generated one."""
    def make(cls):
        fields, defaults = [], {}
        for klass in reversed(cls.__mro__):
            for name in klass.__dict__.get("__annotations__", {}):
                if name not in fields:
                    fields.append(name)
                if name in klass.__dict__:
                    defaults[name] = klass.__dict__[name]
        for name, value in defaults.items():
            if type(value) is _Factory and name in cls.__dict__:
                delattr(cls, name)
        cls._tsh_fields = tuple(f for f in fields if f not in POSITION)
        cls._tsh_defaults = defaults
        cls.__dataclass_fields__ = dict.fromkeys(fields)
        return cls
    return make


@dataclass(eq=False)
class Node:
    line: int = 0
    col: int = 0
    end_line: int = 0
    end_col: int = 0

    def __init__(self, *args, line=0, col=0, end_line=0, end_col=0, **kw):
        names = self._tsh_fields
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__}() takes {len(names)} arguments")
        for name, value in zip(names, args):
            setattr(self, name, value)
        for name in names[len(args):]:
            if name in kw:
                value = kw.pop(name)
            else:
                value = self._tsh_defaults.get(name, _REQUIRED)
                if value is _REQUIRED:
                    raise TypeError(f"{type(self).__name__}() missing argument '{name}'")
                if type(value) is _Factory:
                    value = value.make()
            setattr(self, name, value)
        if kw:
            raise TypeError(f"{type(self).__name__}() got an unexpected argument '{next(iter(kw))}'")
        self.line, self.col, self.end_line, self.end_col = line, col, end_line, end_col

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(f"{k}={getattr(self, k)!r}" for k in self._tsh_fields))

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
    spec: Optional[Any]            # the text after ':', None, or parts (str | FormattedValue) for `{x:{w}}`
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
class Params(Node):
    """A def's or lambda's parameters, in Python's order: `a, b=1, /, c, *args, d, e=2, **kw`."""
    posonly: list = field(default_factory=list)    # names before `/`
    args: list = field(default_factory=list)       # positional-or-keyword names
    defaults: list = field(default_factory=list)   # nodes for the last len(defaults) of posonly + args
    vararg: Optional[str] = None
    kwonly: list = field(default_factory=list)     # names after `*` / `*args`
    kw_defaults: dict = field(default_factory=dict)  # kwonly name -> node
    kwarg: Optional[str] = None
    annotations: list = field(default_factory=list)  # annotation nodes (evaluated, as Python does)

    def names(self):
        out = self.posonly + self.args + ([self.vararg] if self.vararg else []) + self.kwonly
        return out + ([self.kwarg] if self.kwarg else [])


@dataclass(eq=False)
class Lambda(Node):
    params: Params
    body: Node


@dataclass(eq=False)
class DictExpr(Node):
    keys: list                     # a None key: `**value`
    values: list


@dataclass(eq=False)
class SetExpr(Node):
    elts: list


@dataclass(eq=False)
class GeneratorExp(Node):
    elt: Node
    generators: list


@dataclass(eq=False)
class SetComp(Node):
    elt: Node
    generators: list


@dataclass(eq=False)
class DictComp(Node):
    key: Node
    value: Node
    generators: list


@dataclass(eq=False)
class NamedExpr(Node):
    target: str
    value: Node


@dataclass(eq=False)
class Keyword(Node):
    name: str
    value: Node


@dataclass(eq=False)
class Starred(Node):
    """`*value` among a call's positional arguments, in a display, or as an assignment target."""
    value: Node


@dataclass(eq=False)
class DoubleStarred(Node):
    """`**mapping` among a call's arguments."""
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


@dataclass(eq=False)
class Yield(Node):
    value: Optional[Node]          # `yield` alone: None
    is_from: bool = False          # `yield from iterable`


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
    orelse: list = field(default_factory=list)


@dataclass(eq=False)
class While(Node):
    test: Node
    body: list
    orelse: list


@dataclass(eq=False)
class If(Node):
    test: Node
    body: list
    orelse: list                   # `elif` is an If inside orelse


@dataclass(eq=False)
class ExceptHandler(Node):
    type: Optional[Node]
    name: Optional[str]
    body: list


@dataclass(eq=False)
class Try(Node):
    body: list
    handlers: list
    orelse: list
    finalbody: list


@dataclass(eq=False)
class Raise(Node):
    exc: Optional[Node]
    cause: Optional[Node]


@dataclass(eq=False)
class Return(Node):
    value: Optional[Node]


@dataclass(eq=False)
class Break(Node):
    pass


@dataclass(eq=False)
class Continue(Node):
    pass


@dataclass(eq=False)
class Global(Node):
    names: list


@dataclass(eq=False)
class Nonlocal(Node):
    names: list


@dataclass(eq=False)
class FunctionDef(Node):
    name: str
    params: Params
    body: list
    decorators: list = field(default_factory=list)
    returns: Optional[Node] = None


@dataclass(eq=False)
class ClassDef(Node):
    name: str
    bases: list
    keywords: list
    body: list
    decorators: list = field(default_factory=list)


@dataclass(eq=False)
class AnnAssign(Node):
    target: Node
    annotation: Node
    value: Optional[Node]


@dataclass(eq=False)
class Match(Node):
    """`match subject:` with its `case` blocks, tried in order."""
    subject: Node
    cases: list


@dataclass(eq=False)
class MatchCase(Node):
    pattern: Node
    guard: Optional[Node]
    body: list


# Patterns (PEP 634): each says whether a value matches and which names it binds.
@dataclass(eq=False)
class MatchValue(Node):
    """A literal or a dotted name: matches what compares equal (None/True/False: what *is* it)."""
    value: Node
    identity: bool = False


@dataclass(eq=False)
class MatchCapture(Node):
    """A bare name binds the value (`_`, name None, binds nothing); with a pattern, `pattern as name`."""
    name: Optional[str]
    pattern: Optional[Node] = None


@dataclass(eq=False)
class MatchSequence(Node):
    patterns: list          # MatchStar at most once


@dataclass(eq=False)
class MatchStar(Node):
    name: Optional[str]


@dataclass(eq=False)
class MatchMapping(Node):
    keys: list
    patterns: list
    rest: Optional[str]


@dataclass(eq=False)
class MatchClass(Node):
    cls: Node
    patterns: list
    kwd_attrs: list
    kwd_patterns: list


@dataclass(eq=False)
class MatchOr(Node):
    patterns: list


BLOCKS = (With, For, While, If, Try, FunctionDef, ClassDef)


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
