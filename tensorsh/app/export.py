"""`tensorsh export`: a .tsh experiment as an equivalent, runnable PyTorch script (and the --against-torch runner).

The translation works on the language's AST: a statement that needs no rewriting is copied
verbatim (a pasted PyTorch snippet stays as it was), the others are printed back from the AST
with the short spellings expanded (`tensor(x, grad)` -> `torch.tensor(x, requires_grad=True)`,
`backward(y, retain)` -> `y.backward(retain_graph=True)`, bare `exp` -> `torch.exp`, ...).
Comments, blank lines and the `#>`/`#!` expectations are kept as they are.
"""
import os
import sys

from tensorsh.lang import ast as A

USAGE = "usage: tensorsh export FILE.tsh [-o OUT.py]\n"
PY_BUILTINS = {"print", "len", "range", "int", "float", "bool", "str", "repr", "abs", "round", "pow", "enumerate",
               "zip", "reversed", "slice", "isinstance", "hasattr", "getattr", "min", "max", "sum", "list", "tuple",
               "sorted", "any", "all", "True", "False", "None"}
FLAGS = {"grad": "requires_grad", "retain": "retain_graph", "create": "create_graph"}
DRAWING = {"graph", "show", "make_dot", "why", "history", "compare"}
ANSWERS = {"why", "history", "compare"}
COMPOUND = (A.BinOp, A.UnaryOp, A.BoolOp, A.Compare, A.IfExp, A.Lambda)
MARK = "\x1e"           # frames the protocol tokens the --against-torch run writes between outputs

HEADER = """\
import copy
import traceback
import warnings

import torch

warnings.simplefilter("default")


def _report(kind_message):
    print(kind_message)


def _error(e):
    # printed as the last line of Python's traceback would read
    _report(_last_line(e))


{last_line}

def _warning(message, category, *args, **kwargs):
    # printed as tensorsh's `#!` lines state it: without the C++ source location torch appends
    _report(f"{category.__name__}: {str(message).split(' (Triggered internally at ')[0]}")


warnings.showwarning = _warning
"""

MARKED_HEADER = """\
import copy
import traceback
import warnings

import torch

warnings.simplefilter("default")


def _token(kind, text):
    print("\\x1e" + kind + text + "\\x1e", end="")


def _mark(i, drawing=False):
    _token("U" if drawing else "S", str(i))
    _tick(i)


_tick = globals().get("_tick") or (lambda i: None)   # the --against-torch driver's per-statement timer


def _error(e):
    _token("E", _last_line(e))


{last_line}

def _warning(message, category, *args, **kwargs):
    _token("W", f"{category.__name__}: {str(message).split(' (Triggered internally at ')[0]}")


warnings.showwarning = _warning
"""


_LAST_LINE = """\
def _last_line(e):
    # Python's own display adds a misspelt name's suggestion (". Did you mean: 'x'?") that format_exception_only
    # does not (Python 3.11)
    import contextlib, io, sys
    text = "".join(traceback.format_exception_only(type(e), e)).rstrip("\\n")
    shown = io.StringIO()
    with contextlib.redirect_stderr(shown):
        sys.__excepthook__(type(e), e, e.__traceback__)
    shown = shown.getvalue().rstrip("\\n")
    return shown[shown.rindex(text):] if text and text in shown else text
"""
HEADER, MARKED_HEADER = (h.replace("{last_line}", _LAST_LINE) for h in (HEADER, MARKED_HEADER))


def torch_available():
    """True when `import torch` would work in this Python (checked without importing it)."""
    import importlib.util
    return importlib.util.find_spec("torch") is not None


# ---------------------------------------------------------------- expressions
class Translator:
    """Prints AST nodes back as Python, expanding the short spellings."""

    def __init__(self, namespace, assigned, expand=True):
        self.namespace = namespace          # torch names a bare name may stand for
        self.assigned = assigned            # names the program binds (they shadow builtins)
        self.expand = expand                # False: print back as written (to see whether anything changes)

    def is_builtin(self, name):
        return self.expand and name not in self.assigned

    def atom(self, node):
        text = self.expr(node)
        if isinstance(node, COMPOUND):
            return f"({text})"
        return text

    def expr(self, n):
        method = getattr(self, "x_" + type(n).__name__)
        return method(n)

    def x_Name(self, n):
        if self.is_builtin(n.id):
            if n.id == "grad":
                return "torch.autograd.grad"
            if n.id == "deepcopy":
                return "copy.deepcopy"
            if n.id in FLAGS:
                return "True"
            if n.id in DRAWING:
                return "None"
            if n.id not in PY_BUILTINS and n.id in self.namespace:
                return "torch." + n.id
        return n.id

    def x_Const(self, n):
        if n.value is Ellipsis:
            return "..."
        return repr(n.value)

    def x_FString(self, n):
        out = []
        for p in n.parts:
            if isinstance(p, str):
                out.append(p.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
                           .replace("{", "{{").replace("}", "}}"))
            else:
                inner = p.self_doc if p.self_doc else self.expr(p.value)
                if not p.self_doc and inner.startswith("{"):
                    inner = " " + inner
                conv = f"!{p.conversion}" if p.conversion else ""
                spec = f":{self.x_FString(A.FString(p.spec))[2:-1]}" if isinstance(p.spec, list) else \
                    f":{p.spec}" if p.spec else ""
                out.append("{" + inner + conv + spec + "}")
        return "f'" + "".join(out) + "'"

    def x_Yield(self, n):
        if n.value is None:
            return "(yield)"
        return f"(yield from {self.expr(n.value)})" if n.is_from else f"(yield {self.expr(n.value)})"

    def x_ListExpr(self, n):
        return "[" + ", ".join(self.expr(e) for e in n.elts) + "]"

    def x_TupleExpr(self, n):
        if len(n.elts) == 1:
            return "(" + self.expr(n.elts[0]) + ",)"
        return "(" + ", ".join(self.expr(e) for e in n.elts) + ")"

    def x_Comprehension(self, n):
        ifs = "".join(" if " + self.atom(c) for c in n.ifs)
        return f"for {self.target(n.target)} in {self.atom(n.iter)}{ifs}"

    def x_ListComp(self, n):
        return "[" + self.expr(n.elt) + " " + " ".join(self.expr(g) for g in n.generators) + "]"

    def x_BinOp(self, n):
        out = self.atom(n.operands[0])
        for op, operand in zip(n.ops, n.operands[1:]):
            out += f" {op} {self.atom(operand)}"
        return out

    def x_UnaryOp(self, n):
        return ("not " if n.op == "not" else n.op) + self.atom(n.operand)

    def x_BoolOp(self, n):
        return f" {n.op} ".join(self.atom(v) for v in n.values)

    def x_Compare(self, n):
        out = self.atom(n.left)
        for op, c in zip(n.ops, n.comparators):
            out += f" {op} {self.atom(c)}"
        return out

    def x_IfExp(self, n):
        return f"{self.atom(n.body)} if {self.atom(n.test)} else {self.atom(n.orelse)}"

    def x_Lambda(self, n):
        params = self.params(n.params)
        return f"lambda {params}: {self.expr(n.body)}" if params else f"lambda: {self.expr(n.body)}"

    def params(self, p):
        from tensorsh.lang.scope import signature
        return ", ".join(signature(p, lambda i: self.expr(p.defaults[i]), lambda k: self.expr(p.kw_defaults[k])))

    def x_DictExpr(self, n):
        return "{" + ", ".join(f"**{self.atom(v)}" if k is None else f"{self.expr(k)}: {self.expr(v)}"
                               for k, v in zip(n.keys, n.values)) + "}"

    def x_SetExpr(self, n):
        return "{" + ", ".join(self.expr(e) for e in n.elts) + "}"

    def x_SetComp(self, n):
        return "{" + self.expr(n.elt) + " " + " ".join(self.expr(g) for g in n.generators) + "}"

    def x_DictComp(self, n):
        return "{" + f"{self.expr(n.key)}: {self.expr(n.value)} " + " ".join(self.expr(g) for g in n.generators) + "}"

    def x_GeneratorExp(self, n):
        return "(" + self.expr(n.elt) + " " + " ".join(self.expr(g) for g in n.generators) + ")"

    def x_NamedExpr(self, n):
        return f"({n.target} := {self.expr(n.value)})"

    def x_DoubleStarred(self, n):
        return "**" + self.atom(n.value)

    def x_Attribute(self, n):
        value = self.atom(n.value)
        if isinstance(n.value, A.Const) and isinstance(n.value.value, int):
            value = f"({value})"            # `(1).real`, not `1.real`
        return f"{value}.{n.attr}"

    def x_Slice(self, n):
        parts = ["" if p is None else self.expr(p) for p in (n.lower, n.upper)]
        out = ":".join(parts)
        if n.step is not None:
            out += ":" + self.expr(n.step)
        return out

    def x_Subscript(self, n):
        idx = n.index
        if isinstance(idx, A.TupleExpr):
            inner = ", ".join(self.expr(e) for e in idx.elts) + ("," if len(idx.elts) == 1 else "")
        else:
            inner = self.expr(idx)
        return f"{self.atom(n.value)}[{inner}]"

    def x_Starred(self, n):
        return "*" + self.expr(n.value)

    def x_Call(self, n):
        f = n.func
        args = list(n.args)
        keywords = [f"{k.name}={self.expr(k.value)}" if isinstance(k, A.Keyword) else self.expr(k) for k in n.keywords]
        if len(args) == 1 and isinstance(args[0], A.GeneratorExp) and not keywords:
            return f"{self.atom(f)}{self.expr(args[0])}"
        flags = []
        rest = []
        for a in args:
            if isinstance(a, A.Name) and a.id in FLAGS and self.is_builtin(a.id):
                flags.append(f"{FLAGS[a.id]}=True")
            else:
                rest.append(self.expr(a))
        if isinstance(f, A.Name) and self.is_builtin(f.id):
            if f.id == "backward" and rest:
                return f"{self.atom(args[0])}.backward({', '.join(rest[1:] + flags + keywords)})"
            if f.id in DRAWING:
                return "None"
        return f"{self.atom(f)}({', '.join(rest + flags + keywords)})"

    def target(self, t):
        if isinstance(t, A.Starred):
            return "*" + self.target(t.value)
        if isinstance(t, A.TupleExpr):
            return ", ".join(self.target(e) for e in t.elts) + ("," if len(t.elts) == 1 else "")
        return self.expr(t)

    # ---------------------------------------------------------------- statements
    def statement(self, n, indent=""):
        """Python lines for one statement (a block gives several)."""
        kind = type(n).__name__
        if kind == "ExprStmt":
            if _is_drawing(n, self):
                return [indent + "# " + _drawing_comment(n, self)]
            return [indent + self.expr(n.value)]
        if kind == "Assign":
            return [indent + " = ".join([self.target(t) for t in n.targets] + [self.expr(n.value)])]
        if kind == "AugAssign":
            return [indent + f"{self.target(n.target)} {n.op}= {self.expr(n.value)}"]
        if kind == "Pass":
            return [indent + "pass"]
        if kind == "Delete":
            return [indent + "del " + ", ".join(self.target(t) for t in n.targets)]
        if kind == "Assert":
            msg = f", {self.expr(n.msg)}" if n.msg is not None else ""
            return [indent + f"assert {self.expr(n.test)}{msg}"]
        if kind == "Import":
            return [indent + "import " + ", ".join(m + (f" as {a}" if a else "") for m, a in n.names)]
        if kind == "FromImport":
            text = f"from {n.module} import " + ", ".join(m + (f" as {a}" if a else "") for m, a in n.names)
            return [indent + ("# " + text if n.module == "torchviz" else text)]
        if kind == "With":
            ctx = n.context
            text = self.expr(ctx)
            if self.expand and isinstance(ctx, (A.Name, A.Attribute)) and text.split(".")[-1] in ("no_grad", "enable_grad"):
                text = (text if text.startswith("torch.") else "torch." + text.split(".")[-1]) + "()"
            head = f"with {text}" + (f" as {n.name}" if n.name else "") + ":"
            return [indent + head] + self.body(n.body, indent + "    ")
        if kind == "For":
            head = f"for {self.target(n.target)} in {self.expr(n.iter)}:"
            return [indent + head] + self.body(n.body, indent + "    ") + self.orelse(n.orelse, indent)
        inner = indent + "    "
        if kind == "While":
            return [indent + f"while {self.expr(n.test)}:"] + self.body(n.body, inner) + self.orelse(n.orelse, indent)
        if kind == "If":
            out = [indent + f"if {self.expr(n.test)}:"] + self.body(n.body, inner)
            while len(n.orelse) == 1 and isinstance(n.orelse[0], A.If):
                n = n.orelse[0]
                out += [indent + f"elif {self.expr(n.test)}:"] + self.body(n.body, inner)
            return out + self.orelse(n.orelse, indent)
        if kind == "Try":
            out = [indent + "try:"] + self.body(n.body, inner)
            for h in n.handlers:
                head = "except" + (f" {self.expr(h.type)}" if h.type is not None else "") + \
                    (f" as {h.name}" if h.name else "") + ":"
                out += [indent + head] + self.body(h.body, inner)
            out += self.orelse(n.orelse, indent)
            if n.finalbody:
                out += [indent + "finally:"] + self.body(n.finalbody, inner)
            return out
        if kind == "FunctionDef":
            decorators = [indent + "@" + self.expr(d) for d in n.decorators]
            returns = f" -> {self.expr(n.returns)}" if n.returns is not None else ""
            return decorators + [indent + f"def {n.name}({self.params(n.params)}){returns}:"] + self.body(n.body, inner)
        if kind == "ClassDef":
            decorators = [indent + "@" + self.expr(d) for d in n.decorators]
            bases = ", ".join([self.expr(b) for b in n.bases] + [self.expr(k) for k in n.keywords])
            return decorators + [indent + f"class {n.name}" + (f"({bases})" if bases else "") + ":"] + \
                self.body(n.body, inner)
        if kind == "Return":
            return [indent + "return" + (f" {self.expr(n.value)}" if n.value is not None else "")]
        if kind == "Raise":
            text = "raise" + (f" {self.expr(n.exc)}" if n.exc is not None else "")
            return [indent + text + (f" from {self.expr(n.cause)}" if n.cause is not None else "")]
        if kind in ("Break", "Continue"):
            return [indent + kind.lower()]
        if kind in ("Global", "Nonlocal"):
            return [indent + kind.lower() + " " + ", ".join(n.names)]
        if kind == "AnnAssign":
            value = f" = {self.expr(n.value)}" if n.value is not None else ""
            return [indent + f"{self.target(n.target)}: {self.expr(n.annotation)}{value}"]
        raise ValueError(f"cannot export a {kind} statement")

    def orelse(self, stmts, indent):
        return [indent + "else:"] + self.body(stmts, indent + "    ") if stmts else []

    def body(self, stmts, indent):
        out = []
        for s in stmts:
            out += self.statement(s, indent)
        return out or [indent + "pass"]


def _is_drawing(n, tr):
    v = n.value
    return isinstance(v, A.Call) and isinstance(v.func, A.Name) and v.func.id in DRAWING and tr.is_builtin(v.func.id)


def _drawing_comment(n, tr):
    name = n.value.func.id
    if name in ANSWERS:  # the question itself, in PyTorch spelling: PyTorch has no equivalent to run
        args = ", ".join(tr.expr(a) for a in n.value.args)
        return f"{name}({args})  (a tensorsh answer; PyTorch has no equivalent)"
    return f"{name}(...)  (tensorsh draws this; not part of the PyTorch script)"


def assigned_names(nodes):
    """Every name the program binds anywhere (assignment, for, with-as, lambda, import)."""
    names = set()

    def visit(x):
        if isinstance(x, list):
            for y in x:
                visit(y)
            return
        if not isinstance(x, A.Node):
            return
        if isinstance(x, A.Assign):
            for t in x.targets:
                bind(t)
        elif isinstance(x, (A.AugAssign,)):
            bind(x.target)
        elif isinstance(x, A.For):
            bind(x.target)
        elif isinstance(x, A.Comprehension):
            bind(x.target)
        elif isinstance(x, A.With) and x.name:
            names.add(x.name)
        elif isinstance(x, (A.Lambda, A.FunctionDef)):
            names.update(x.params.names())
            if isinstance(x, A.FunctionDef):
                names.add(x.name)
        elif isinstance(x, A.ClassDef):
            names.add(x.name)
        elif isinstance(x, A.AnnAssign):
            bind(x.target)
        elif isinstance(x, A.ExceptHandler) and x.name:
            names.add(x.name)
        elif isinstance(x, A.NamedExpr):
            names.add(x.target)
        elif isinstance(x, (A.Import, A.FromImport)):
            for m, a in x.names:
                if not (isinstance(x, A.FromImport) and x.module == "torchviz"):
                    names.add(a or m.split(".")[0])
        for k in x.__dataclass_fields__:
            v = getattr(x, k)
            visit(list(v.values()) if isinstance(v, dict) else v)

    def bind(t):
        if isinstance(t, A.Starred):
            bind(t.value)
        elif isinstance(t, A.Name):
            names.add(t.id)
        elif isinstance(t, (A.TupleExpr, A.ListExpr)):
            for e in t.elts:
                bind(e)

    visit(nodes)
    return names - {"torch", "copy"}


# ---------------------------------------------------------------- whole files
def _namespace():
    try:
        from tensorsh.engine.torch_api import NAMESPACE
        return set(NAMESPACE)
    except ImportError:
        return set()


def export_source(text, filename="<input>", marked=False):
    """The PyTorch script for a .tsh program (raises UserError on a syntax error).

    marked=True (for --against-torch) wraps every statement and frames each statement's output
    with protocol tokens; otherwise only statements whose expectations name an error are wrapped.
    """
    from tensorsh.app.goldenfile import find_blocks
    from tensorsh.lang.parser import Source, parse
    src = Source(text, filename)
    nodes = parse(src)
    lines = text.split("\n")
    tr = Translator(_namespace(), assigned_names(nodes))
    plain = Translator(set(), set(), expand=False)
    stmts = [_Stmt(n, src) for n in nodes]
    blocks, _ = find_blocks(lines, stmts)
    expects_error = {b.line for b in blocks
                     if any(e.startswith("#!") and not e.startswith("#! UserWarning") for e in b.expected)}
    out = (MARKED_HEADER if marked else HEADER).split("\n")
    out.append("# ---- " + os.path.basename(filename) + " ----")
    line, index = 1, 0
    for unit in _units(stmts):
        while line < unit[0].line:
            out.append(lines[line - 1])
            line += 1
        last_line = unit[-1].end_line
        single = len(unit) == 1 and unit[0].line == unit[0].end_line
        for st in unit:
            code = tr.statement(st.node)
            drawing = code[0].startswith("#")
            if code == plain.statement(st.node) and not drawing:   # nothing to expand: keep the user's text
                if isinstance(st.node, A.BLOCKS):
                    code = lines[st.line - 1:st.end_line]
                elif single:
                    code = [lines[st.line - 1].strip()]          # with its trailing comment
                else:
                    code = src.text_of(st.node).split("\n")
            if marked:
                out.append(f"_mark({index}, drawing=True)" if drawing else f"_mark({index})")
            index += 1
            if not drawing and (marked or last_line in expects_error):
                out += ["try:"] + ["    " + c for c in code] + ["except Exception as e:", "    _error(e)"]
            else:
                out += code
        line = last_line + 1
    out += lines[line - 1:]
    return "\n".join(out).rstrip("\n") + "\n"


def _units(stmts):
    """Statements grouped as the golden runner groups them (one shares a line with the previous)."""
    units = []
    for st in stmts:
        if units and st.line == units[-1][-1].end_line:
            units[-1].append(st)
        else:
            units.append([st])
    return units


class _Stmt:
    """A statement's position and text, shaped like the session's Statement (for find_blocks)."""

    def __init__(self, node, src):
        self.node = node
        self.line = node.line
        from tensorsh.lang.session import _last_statement
        self.end_line = _last_statement(node).end_line
        self.source = src.text_of(node) if not isinstance(node, A.BLOCKS) else \
            "\n".join(src.lines[node.line - 1:self.end_line])


# ---------------------------------------------------------------- the command
def main(argv):
    """`tensorsh export FILE.tsh [-o OUT]`: exit 0, 1 on a syntax error in the file, 2 on a usage error."""
    args = list(argv)
    out_path = None
    files = []
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("-h", "--help"):
            sys.stdout.write(USAGE + "\nWrite FILE.tsh as an equivalent PyTorch script (to stdout, or OUT.py).\n")
            return 0
        if a in ("-o", "--output"):
            if i + 1 >= len(args):
                sys.stderr.write("tensorsh export: error: -o needs a file name\n" + USAGE)
                return 2
            out_path = args[i + 1]
            i += 1
        elif a.startswith("-") and a != "-":
            sys.stderr.write(f"tensorsh export: error: unrecognized argument: {a}\n" + USAGE)
            return 2
        else:
            files.append(a)
        i += 1
    if len(files) != 1:
        sys.stderr.write("tensorsh export: error: give exactly one FILE.tsh\n" + USAGE)
        return 2
    from tensorsh.app.golden import read_source
    from tensorsh.lang.errors import UserError, format_error
    text, problem = read_source(files[0])
    if problem:
        sys.stderr.write(f"tensorsh export: {files[0]}: {problem}\n")
        return 2 if problem.startswith("cannot read") else 1
    try:
        code = export_source(text, files[0])
    except UserError as e:
        sys.stderr.write(format_error(e))
        return 1
    if out_path is None:
        sys.stdout.write(code)
    else:
        from tensorsh.fileio import write_atomic
        open(out_path, "a").close()
        write_atomic(out_path, code)
    return 0
