"""Python's scoping rules at compile time: which names are local, free (a closure's) or global, and frame slots.

A function's frame is a list: slot 0 is the frame it was defined in (its closure's parent), slot 1 a
spare, then one slot per local (parameters first). A free variable is `depth` hops up that chain, so a
closure reads and writes its enclosing function's variables in place, as Python's cells do. A class body
runs in a namespace dict; functions inside it skip it, as Python's do. The module's names are the
session's variables (a dict), then the builtins.
"""
import keyword
import sys

from tensorsh.lang import ast as A

FIRST_SLOT = 2
CLASS_CELL = "__class__"       # a method's hidden local holding [its class], for zero-argument super()


class ScopeError(Exception):
    def __init__(self, node, message):
        super().__init__(message)
        self.node, self.message = node, message


class Scope:
    def __init__(self, kind, parent, name=""):
        self.kind = kind                  # "module", "function", "class", "comp"
        self.parent = parent
        self.name = name
        self.slots = {}                   # function/comp: name -> slot index
        self.globals, self.nonlocals = set(), set()
        self.assigned = set()             # class: names its body binds
        self.params = set()               # function: its parameters
        self.deleted = set()              # names `del` or `except ... as` may unbind
        self.loops = 0                    # loops open at the point being compiled (break/continue checks)
        self.in_function = kind == "function"
        if parent is not None and parent.kind != "module":
            self.qualname = parent.qualname + (".<locals>." if parent.kind == "function" else ".") + name
        else:
            self.qualname = name
        self.code_name = "<module>" if kind == "module" else name  # (its frame's name in a traceback)

    def add(self, name):
        if name not in self.slots:
            self.slots[name] = FIRST_SLOT + len(self.slots)
        return self.slots[name]

    def enclosing(self):
        """The nearest enclosing scope whose frame a child's frame points to (class bodies are skipped)."""
        s = self.parent
        while s is not None and s.kind == "class":
            s = s.parent
        return s

    def resolve(self, name):
        """('local', slot) | ('free', depth, slot) | ('class', fallback) | ('global',)."""
        if self.kind == "module" or name in self.globals:
            return ("global",)
        if self.kind == "class":
            outer = self._free(name, 1)
            return ("class", outer)
        if name in self.slots and name not in self.nonlocals:
            return ("local", self.slots[name])
        return self._free(name, 1)

    def _free(self, name, depth):
        s = self.enclosing() if self.kind != "class" else _skip_classes(self.parent)
        while s is not None and s.kind != "module":
            if name in s.slots and name not in s.nonlocals and name not in s.globals:
                return ("free", depth, s.slots[name])
            if name in s.globals:
                return ("global",)
            s = s.enclosing()
            depth += 1
        return ("global",)


def _skip_classes(s):
    while s is not None and s.kind == "class":
        s = s.parent
    return s


def children(node):
    """The direct sub-nodes of a node (lists flattened)."""
    for k in node.__dataclass_fields__:
        if k in ("line", "col", "end_line", "end_col", "attr_col"):
            continue
        v = getattr(node, k)
        if isinstance(v, A.Node):
            yield v
        elif isinstance(v, list):
            for x in v:
                if isinstance(x, A.Node):
                    yield x
                elif isinstance(x, tuple):
                    yield from (y for y in x if isinstance(y, A.Node))
        elif isinstance(v, dict):
            yield from (x for x in v.values() if isinstance(x, A.Node))


def target_names(node, out):
    if isinstance(node, A.Name):
        out.append(node.id)
    elif isinstance(node, (A.TupleExpr, A.ListExpr)):
        for e in node.elts:
            target_names(e, out)
    elif isinstance(node, A.Starred):
        target_names(node.value, out)
    return out


def pattern_names(pattern, out):
    """The names a match statement's pattern binds (its captures, `as` names, `*rest`, `**rest`)."""
    stack = [pattern]
    while stack:
        p = stack.pop()
        if isinstance(p, (A.MatchCapture, A.MatchStar)) and p.name is not None:
            out.append(p.name)
        elif isinstance(p, A.MatchMapping) and p.rest is not None:
            out.append(p.rest)
        if not isinstance(p, A.MatchValue):
            stack.extend(c for c in children(p) if not isinstance(p, A.MatchClass) or c is not p.cls)
    return out


def bound_names(body, scope):
    """Declare in `scope` the names a block binds (not looking inside nested functions, classes, lambdas)."""
    names = []

    def expr(e):
        if isinstance(e, A.NamedExpr):
            names.append(e.target)
        if isinstance(e, (A.Lambda,)):
            for d in e.params.defaults + list(e.params.kw_defaults.values()):
                expr(d)
            return
        for c in children(e):
            expr(c)

    def stmt(s):
        if isinstance(s, A.Global):
            for n in s.names:
                if n in names or n in scope.slots:
                    raise ScopeError(s, f"name '{n}' is assigned to before global declaration")
                scope.globals.add(n)
            return
        if isinstance(s, A.Nonlocal):
            if scope.kind == "module":
                raise ScopeError(s, "nonlocal declaration not allowed at module level")
            for n in s.names:
                if n in names or n in scope.slots:
                    raise ScopeError(s, f"name '{n}' is assigned to before nonlocal declaration")
                scope.nonlocals.add(n)
            return
        if isinstance(s, (A.FunctionDef, A.ClassDef)):
            names.append(s.name)
            for d in s.decorators:
                expr(d)
            if isinstance(s, A.FunctionDef):
                for d in s.params.defaults + list(s.params.kw_defaults.values()) + s.params.annotations:
                    expr(d)
                if s.returns is not None:
                    expr(s.returns)
            else:
                for b in s.bases + s.keywords:
                    expr(b)
            return
        if isinstance(s, A.Assign):
            for t in s.targets:
                target_names(t, names)
        elif isinstance(s, (A.AugAssign, A.AnnAssign)) and isinstance(s.target, A.Name):
            names.append(s.target.id)
        elif isinstance(s, A.For):
            target_names(s.target, names)
        elif isinstance(s, A.With) and s.name:
            names.append(s.name)
        elif isinstance(s, A.Delete):
            for t in s.targets:
                target_names(t, names)
            scope.deleted.update(target_names(s, []) if False else [t.id for t in s.targets if isinstance(t, A.Name)])
        elif isinstance(s, (A.Import, A.FromImport)):
            for dotted, alias in s.names:
                names.append(alias or dotted.split(".")[0])
        elif isinstance(s, A.Match):
            expr(s.subject)
            for case in s.cases:
                pattern_names(case.pattern, names)
                if case.guard is not None:
                    expr(case.guard)
                for b in case.body:
                    stmt(b)
            return
        elif isinstance(s, A.Try):
            for h in s.handlers:
                if h.name:
                    names.append(h.name)
                    scope.deleted.add(h.name)
        for c in children(s):
            if isinstance(c, A.ExceptHandler):
                if c.type is not None:
                    expr(c.type)
                for b in c.body:
                    stmt(b)
            elif _is_stmt(c):
                stmt(c)
            else:
                expr(c)

    for s in body:
        stmt(s)
    for n in scope.globals & scope.nonlocals:
        raise ScopeError(body[0], f"name '{n}' is nonlocal and global")
    for n in names:
        if n in scope.globals or n in scope.nonlocals:
            continue
        if scope.kind == "class":
            scope.assigned.add(n)
        elif scope.kind != "module":
            scope.add(n)
    return names


_STMTS = (A.ExprStmt, A.Assign, A.AugAssign, A.AnnAssign, A.Pass, A.Delete, A.Assert, A.Import, A.FromImport,
          A.With, A.For, A.While, A.If, A.Try, A.Raise, A.Return, A.Break, A.Continue, A.Global, A.Nonlocal,
          A.FunctionDef, A.ClassDef, A.Match)


def _is_stmt(node):
    return isinstance(node, _STMTS)


def uses_name(body, name):
    """Whether any expression in body (nested functions included) reads `name`."""
    stack = list(body)
    while stack:
        n = stack.pop()
        if isinstance(n, A.Name) and n.id == name:
            return True
        stack.extend(children(n))
    return False


# ---- real Python functions for `def` and `lambda` ----
_FACTORIES = {}


def check_names(params, node):
    for n in params.names():
        if keyword.iskeyword(n) or n.startswith("_tsh_"):
            raise ScopeError(node, "invalid syntax" if keyword.iskeyword(n) else f"the name '{n}' is reserved by tensorsh")


def signature(params, default, kw_default):
    """A def's parameter list as Python source parts; default(i) / kw_default(name) give a default's text."""
    sig = []
    positional = params.posonly + params.args
    first_default = len(positional) - len(params.defaults)
    for i, p in enumerate(positional):
        sig.append(p + (f"={default(i - first_default)}" if i >= first_default else ""))
        if params.posonly and i == len(params.posonly) - 1:
            sig.append("/")
    if params.vararg:
        sig.append("*" + params.vararg)
    elif params.kwonly:
        sig.append("*")
    sig += [k + (f"={kw_default(k)}" if k in params.kw_defaults else "") for k in params.kwonly]
    if params.kwarg:
        sig.append("**" + params.kwarg)
    return sig


def factory(params, nslots, name, operands=None, signal=None):
    """A maker of Python functions with exactly this signature: CPython binds the arguments (its own
    TypeError texts), and the function notes where it runs (`_tsh_L`: the undo module's variables) and
    calls `run(frame)` with the frame filled in.

    The source is generated from identifiers the grammar accepted (checked by check_names), once per
    signature shape; making a function at run time is then one call.

    `operands` (two parameter names): the body is `return a <op> b`; `run` is then (op, where) and the
    function applies op itself, without a frame list (where(exc) locates an error at the operator).
    `signal` (the compiler's RETURN): `run` is the body's block, and the function returns the frame's return
    slot when the block ends with that signal, else None (no closure between the function and its block)."""
    key = (tuple(params.posonly), tuple(params.args), len(params.defaults), params.vararg, tuple(params.kwonly),
           tuple(params.kw_defaults), params.kwarg, nslots, name, operands, signal is not None)
    made = _FACTORIES.get(key)
    if made is not None:
        return made
    sig = signature(params, lambda i: f"_tsh_d[{i}]", lambda k: f"_tsh_k[{k!r}]")
    names = params.names()
    pad = nslots - len(names)
    values = ", ".join(["_tsh_parent", "None"] + names + ["_tsh_U"] * pad)
    fname = name if name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("_tsh_") else "_tsh_f"
    back = "_tsh_L['_location'] = _tsh_back"  # (on return the caller's statement runs again: its warnings are its)
    if signal is not None:
        prelude = ""
        body = (f"  _tsh_f = [{values}]\n  _tsh_r = _tsh_f[1] if _tsh_run(_tsh_f) is _tsh_RETURN else None\n"
                f"  {back}\n  return _tsh_r\n")
    elif operands is None:
        prelude, body = "", f"  _tsh_r = _tsh_run([{values}])\n  {back}\n  return _tsh_r\n"
    else:
        prelude = " _tsh_op, _tsh_where = _tsh_run\n"
        body = (f"  try:\n   _tsh_r = _tsh_op({operands[0]}, {operands[1]})\n"
                f"  except _tsh_BaseException as _tsh_e:\n   _tsh_where(_tsh_e)\n   raise\n  {back}\n  return _tsh_r\n")
    src = (f"def _tsh_factory(_tsh_run, _tsh_parent, _tsh_U, _tsh_d, _tsh_k, _tsh_L, _tsh_loc):\n"
           f"{prelude}"
           f" def {fname}({', '.join(sig)}):\n"
           f"  _tsh_back = _tsh_L['_location']\n"
           f"  _tsh_L['_location'] = _tsh_loc\n"
           f"{body}"
           f" return {fname}\n")
    namespace = {"__name__": "__main__", "__builtins__": {}, "_tsh_BaseException": BaseException,
                 "_tsh_RETURN": signal}
    exec(compile(src, "<tensorsh>", "exec"), namespace)   # noqa: S102 - identifiers only, checked above
    made = _FACTORIES[key] = namespace["_tsh_factory"]
    return made


def caller_locations():
    """The statements that called the running program functions, innermost first (each function's frame keeps its
    caller's in `_tsh_back`): where `warnings.warn(..., stacklevel=n)` points."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename == "<tensorsh>" and "_tsh_back" in frame.f_locals:
            yield frame.f_locals["_tsh_back"]
        frame = frame.f_back
