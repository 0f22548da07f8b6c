"""AST -> Python closures. Each expression becomes `fn(frame) -> value`; each statement `fn(frame)`.

The tree is walked once, at compile time; a loop body runs its closures directly. Values are plain
Python values and engine objects; operators are Python's `operator` functions (the engine's Tensor
implements the dunders). Attribute access is limited to each class's `__api__` (engine objects) or
a small allowlist (Python values), so a program can never reach a Python internal.
"""
import operator
import re
import sys

from tensorsh.lang import ast as A
from tensorsh.lang.errors import UserError, Note, did_you_mean

MAX_DEPTH = 100                 # nesting of expressions; deeper gives a located error, never RecursionError
MAX_ITEMS = 10_000_000          # longest list/str/tuple a program may build from Python values
MAX_INT_BITS = 100_000          # largest int `**` may produce
PRIVATE_OK = frozenset({"_version", "_base"})

# The Python values a program can hold, and the few attributes each may use.
SAFE_ATTRS = {
    str: frozenset({"join", "split", "strip", "lstrip", "rstrip", "upper", "lower", "startswith", "endswith",
                    "count", "find", "index", "isdigit", "title", "capitalize", "splitlines"}),
    list: frozenset({"append", "extend", "pop", "index", "count", "insert", "reverse", "copy", "clear", "remove"}),
    tuple: frozenset({"index", "count"}),
    int: frozenset({"real", "imag", "bit_length"}),
    float: frozenset({"real", "imag", "is_integer"}),
    bool: frozenset(),
    range: frozenset({"start", "stop", "step", "index", "count"}),
    type(None): frozenset(),
    slice: frozenset({"start", "stop", "step"}),
}

BINARY = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "//": operator.floordiv,
    "%": operator.mod, "@": operator.matmul, "**": operator.pow, "&": operator.and_, "|": operator.or_,
    "^": operator.xor,
}
INPLACE = {
    "+": operator.iadd, "-": operator.isub, "*": operator.imul, "/": operator.itruediv, "//": operator.ifloordiv,
    "%": operator.imod, "@": operator.imatmul, "**": operator.ipow, "&": operator.iand, "|": operator.ior,
    "^": operator.ixor,
}
UNARY = {"-": operator.neg, "+": operator.pos, "~": operator.invert, "not": operator.not_}
COMPARE = {
    "<": operator.lt, ">": operator.gt, "==": operator.eq, ">=": operator.ge, "<=": operator.le,
    "!=": operator.ne, "is": operator.is_, "is not": operator.is_not,
    "in": lambda a, b: a in b, "not in": lambda a, b: a not in b,
}
_SEQ = (str, list, tuple, bytes)


class Limit(Exception):
    """A resource guard tripped (the program asked for an absurdly large Python value)."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind, self.message = kind, message


def _too_long(n):
    raise Limit("MemoryError", f"result would have {n} items (tensorsh's limit for Python values is {MAX_ITEMS})")


def guarded_mul(a, b):
    ta, tb = type(a), type(b)
    if ta in _SEQ and (tb is int or tb is bool) and len(a) * b > MAX_ITEMS:
        _too_long(len(a) * b)
    if tb in _SEQ and (ta is int or ta is bool) and len(b) * a > MAX_ITEMS:
        _too_long(len(b) * a)
    return a * b


def guarded_pow(a, b):
    if type(a) is int and type(b) is int and b > 0 and abs(a) > 1 and a.bit_length() * b > MAX_INT_BITS:
        raise Limit("OverflowError", f"integer result too large (more than {MAX_INT_BITS} bits)")
    return a ** b


_WIDTH = re.compile(r"(\d{5,})")


def check_format_spec(spec):
    m = _WIDTH.search(spec or "")
    if m and int(m.group(1)) > 10000:
        raise Limit("ValueError", "format width or precision too large for tensorsh")


def guarded_mod(a, b):
    if type(a) is str:
        check_format_spec(a)
    return a % b


GUARDED = {"*": guarded_mul, "**": guarded_pow, "%": guarded_mod}


def _inplace_guard(op):
    base = INPLACE[op]
    if op == "*":
        def imul(a, b):
            guarded_mul(a, b) if type(a) in _SEQ else None
            return base(a, b)
        return imul
    if op == "**":
        def ipow(a, b):
            if type(a) is int:
                return guarded_pow(a, b)
            return base(a, b)
        return ipow
    return base


class NoAttribute(AttributeError):
    """The language refused or could not find an attribute (a user error, unlike an engine AttributeError)."""


class Lazy:
    """A module member loaded the first time a program reads it (`torch.nn`, `torch.optim`), so start-up does
    not pay for what a program never uses. `load()` must return the same object every time."""
    __slots__ = ("load",)

    def __init__(self, load):
        self.load = load


class Namespace:
    """A module-like value (`torch`, `copy`, `torchviz`, `torch.autograd` if given as a dict)."""

    def __init__(self, name, members):
        self._name = name
        self._members = members

    def __repr__(self):
        return f"<module '{self._name}'>"


class UserFunction:
    """A `lambda` written in the program; the engine may call it (hooks)."""

    __api__ = frozenset()

    def __init__(self, params, body, frame):
        self._params = params
        self._body = body
        self._frame = frame

    def __call__(self, *args, **kwargs):
        params = self._params
        if kwargs or len(args) != len(params):
            if kwargs:
                raise TypeError(f"<lambda>() got an unexpected keyword argument '{next(iter(kwargs))}'")
            n = len(params)
            raise TypeError(f"<lambda>() takes {n} positional argument{'s' if n != 1 else ''} but "
                            f"{len(args)} {'were' if len(args) != 1 else 'was'} given")
        frame = dict(self._frame) if self._frame else {}
        frame.update(zip(params, args))
        return self._body(frame)

    def __repr__(self):
        return "<function <lambda>>"


def type_name(obj):
    return type(obj).__name__


def attribute_names(obj):
    """The names a program may read on obj (for completion and 'did you mean')."""
    if type(obj) is Namespace:
        return sorted(obj._members)
    api = getattr(type(obj), "__api__", None)
    if api is None and type(obj).__module__.startswith("tensorsh."):
        api = getattr(obj, "__api__", None)
    if api is not None:
        extra = getattr(type(obj), "__tsh_attrs__", None)
        return sorted(set(api) | set(extra(obj) if extra is not None else ()))
    for t in type(obj).__mro__:
        if t in SAFE_ATTRS:
            return sorted(SAFE_ATTRS[t])
    return []


def load_attr(obj, name):
    """`obj.name`, if the language allows it; AttributeError (Python's wording) otherwise."""
    t = type(obj)
    if t is Namespace:
        try:
            value = obj._members[name]
        except KeyError:
            raise NoAttribute(f"module '{obj._name}' has no attribute '{name}'") from None
        if type(value) is Lazy:
            value = obj._members[name] = value.load()
        return value
    if name[:2] == "__" or (name[:1] == "_" and name not in PRIVATE_OK and name not in getattr(t, "__api__", ())):
        raise NoAttribute(f"'{t.__name__}' object has no attribute '{name}'")
    api = getattr(t, "__api__", None)
    if api is None and t.__module__.startswith("tensorsh."):
        api = getattr(obj, "__api__", None)   # engine objects whose API is per instance (namespaces)
    if api is None:
        for base in t.__mro__:
            if base in SAFE_ATTRS:
                api = SAFE_ATTRS[base]
                break
        else:
            api = ()
    if name in api:
        return getattr(obj, name)
    extra = getattr(t, "__tsh_attrs__", None)  # names that depend on the instance (a Module's parameters)
    if extra is not None and name[:1] != "_" and name in extra(obj):
        return getattr(obj, name)
    if t is str and name == "format":
        return _str_format(obj)
    raise NoAttribute(f"'{t.__name__}' object has no attribute '{name}'")


def _str_format(text):
    check_format_spec(text)

    def format(*args, **kwargs):  # '{}'.format(...) with format specs checked like f-strings
        return text.format(*args, **kwargs)
    return format


def store_attr(obj, name, value):
    t = type(obj)
    if name[:1] != "_" and "*" in getattr(t, "__settable__", ()):
        setattr(obj, name, value)  # any public name (a Module registers parameters and submodules itself)
        return
    api = getattr(t, "__api__", None)
    if api is None or name not in api or (name[:1] == "_" and name not in PRIVATE_OK) or t is Namespace:
        if t is Namespace:
            raise NoAttribute(f"cannot set attributes of module '{obj._name}' in tensorsh")
        raise NoAttribute(f"'{t.__name__}' object has no attribute '{name}'")
    if name not in getattr(t, "__settable__", ()):
        if callable(getattr(t, name, None)):
            raise NoAttribute(f"tensorsh does not let a program replace the method '{name}' of a '{t.__name__}'")
        raise NoAttribute(f"attribute '{name}' of 'torch._C.TensorBase' objects is not writable"
                          if t.__name__ == "Tensor" else f"attribute '{name}' of '{t.__name__}' objects is not writable")
    setattr(obj, name, value)


class SessionCall:
    """A builtin the session runs itself (show, graph): a call site hands it to hooks.special_call."""


class _Spread(list):
    """The items of a `*value` argument, spliced into the call's positional arguments."""


def _spliced(values):
    """Positional argument values with each `*value` (a _Spread) spliced in."""
    flat = []
    for v in values:
        flat.extend(v) if type(v) is _Spread else flat.append(v)
    return flat


def _located_pair(op, left, right, node):
    """op(left, right) as a closure; an error is located at node."""
    def pair(frame):
        a = left(frame)
        b = right(frame)
        try:
            return op(a, b)
        except Exception as e:
            locate(e, node)
            raise
    return pair


def locate(exc, node):
    """Remember the innermost node an exception passed through (first one wins)."""
    if getattr(exc, "_tsh_node", None) is None:
        try:
            exc._tsh_node = node
        except (AttributeError, TypeError):
            pass


class Location:
    """Where a statement is: what the session reports and what the engine's blame points to."""

    __slots__ = ("filename", "line", "col", "end_line", "end_col", "source_line")

    def __init__(self, filename, line, col, end_line, end_col, source_line):
        self.filename, self.line, self.col = filename, line, col
        self.end_line, self.end_col, self.source_line = end_line, end_col, source_line

    def __repr__(self):
        return f"{self.filename}:{self.line}:{self.col}"


_MISSING = object()


class Compiler:
    """Compiles statements of one Source against a session's variables and builtins."""

    def __init__(self, source, variables, builtins, hooks):
        self.source = source
        self.variables = variables
        self.builtins = builtins
        self.hooks = hooks          # the session: .enter_statement(loc), .special_call(...)
        self.depth = 0
        self.locals = ()            # lambda parameter names visible here (innermost last)

    # ---- errors ----
    def error(self, node, kind, message, detail=None, notes=None):
        return self.source.error_at(node, kind, message, detail=detail, notes=notes)

    def location(self, node):
        return Location(self.source.filename, node.line, node.col, node.end_line, node.end_col,
                        self.source.line(node.line))

    # ---- statements ----
    def statement(self, node):
        method = getattr(self, "stmt_" + type(node).__name__)
        return method(node)

    def block(self, nodes):
        fns = tuple(self.statement(n) for n in nodes)
        if len(fns) == 1:
            return fns[0]

        def run_block(frame):
            for fn in fns:
                fn(frame)
        return run_block

    def _entered(self, node, body):
        """Wrap a simple statement so the session knows which statement runs (blame, Ctrl-C)."""
        loc = self.location(node)
        enter = self.hooks.enter_statement

        def run(frame):
            enter(loc)
            body(frame)
        return run

    def stmt_ExprStmt(self, node):
        value = self.expr(node.value)
        result = self.hooks.results

        def run(frame):
            result[0] = value(frame)
        return self._entered(node, run)

    def stmt_Pass(self, node):
        return self._entered(node, lambda frame: None)

    def stmt_Assign(self, node):
        value = self.expr(node.value)
        target = node.targets[0]
        if len(node.targets) == 1 and isinstance(target, A.Name) and target.id not in self.locals:
            # the hot case (`y = y * 1.0001` in a loop): one closure, no separate store or enter call
            name, variables, enter, loc = target.id, self.variables, self.hooks.enter_statement, self.location(node)

            def assign_name(frame):
                enter(loc)
                variables[name] = value(frame)
            return assign_name
        stores = [self.store(t) for t in node.targets]
        if len(stores) == 1:
            store = stores[0]

            def run(frame):
                store(frame, value(frame))
        else:
            def run(frame):
                v = value(frame)
                for s in stores:
                    s(frame, v)
        return self._entered(node, run)

    def stmt_AugAssign(self, node):
        op = _inplace_guard(node.op)
        value = self.expr(node.value)
        target = node.target
        if isinstance(target, A.Name):
            name, variables = target.id, self.variables
            load = self.expr(target)

            def run(frame):
                current = load(frame)
                rhs = value(frame)
                try:
                    variables[name] = op(current, rhs)
                except Exception as e:
                    locate(e, node)
                    raise
            return self._entered(node, run)
        obj = self.expr(target.value)
        if isinstance(target, A.Attribute):
            attr = target.attr

            def get(o, k):
                return load_attr(o, attr)

            def put(o, k, v):
                store_attr(o, attr, v)
            key = lambda frame: None  # noqa: E731
        else:
            key = self.subscript(target.index)
            get, put = operator.getitem, operator.setitem

        def run(frame):
            o = obj(frame)
            k = key(frame)
            try:
                current = get(o, k)
            except Exception as e:
                locate(e, target)
                raise
            rhs = value(frame)
            try:
                put(o, k, op(current, rhs))
            except Exception as e:
                locate(e, node)
                raise
        return self._entered(node, run)

    def stmt_Delete(self, node):
        deletes = []
        for t in node.targets:
            if isinstance(t, A.Name):
                deletes.append((t, self.expr(t), None, None))
            else:
                deletes.append((t, None, self.expr(t.value), self.subscript(t.index)))
        variables = self.variables

        def run(frame):
            for t, load, obj, key in deletes:
                if load is not None:
                    load(frame)                 # NameError if unbound
                    variables.pop(t.id, None)
                    continue
                o, k = obj(frame), key(frame)
                try:
                    del o[k]
                except Exception as e:
                    locate(e, t)
                    raise
        return self._entered(node, run)

    def stmt_Assert(self, node):
        test = self.expr(node.test)
        msg = self.expr(node.msg) if node.msg is not None else None

        def run(frame):
            if not test(frame):
                e = AssertionError(msg(frame)) if msg is not None else AssertionError()
                locate(e, node)
                raise e
        return self._entered(node, run)

    def stmt_Import(self, node):
        binds = tuple((alias or dotted.split(".")[0], dotted if alias else dotted.split(".")[0], dotted)
                      for dotted, alias in node.names)
        variables, builtins, resolve = self.variables, self.builtins, self.hooks.module

        def run(frame):
            for _, _, dotted in binds:
                resolve(dotted, node)   # ModuleNotFoundError for anything but torch, copy, torchviz
            for name, bound, _ in binds:
                value = resolve(bound, node)
                if name in variables or builtins.get(name, _MISSING) is not value:
                    variables[name] = value
        return self._entered(node, run)

    def stmt_FromImport(self, node):
        variables, resolve = self.variables, self.hooks.module
        names = node.names

        def run(frame):
            module = resolve(node.module, node)
            values = []
            for name, alias in names:
                try:
                    values.append((alias or name, load_attr(module, name)))
                except AttributeError:
                    raise self.error(node, "ImportError",
                                     f"cannot import name '{name}' from '{node.module}' (unknown location)",
                                     detail=f"'{node.module}' has no '{name}' in tensorsh") from None
            for bound, value in values:
                if bound in variables or self.builtins.get(bound, _MISSING) is not value:
                    variables[bound] = value
        return self._entered(node, run)

    def stmt_With(self, node):
        ctx_fn = self.expr(node.context)
        store = self.store(A.Name(node.name, line=node.line, col=node.col, end_line=node.end_line,
                                  end_col=node.end_col)) if node.name else None
        body = self.block(node.body)
        enter = self.hooks.enter_statement
        loc = self.location(node)

        def run(frame):
            enter(loc)
            ctx = ctx_fn(frame)
            if isinstance(ctx, type):
                ctx = ctx()
            kind = type(ctx)
            if not (hasattr(kind, "__enter__") and hasattr(kind, "__exit__")):
                e = TypeError(f"'{type_name(ctx)}' object does not support the context manager protocol")
                locate(e, node.context)
                raise e
            value = ctx.__enter__()
            if store is not None:
                store(frame, value)
            try:
                body(frame)
            except BaseException:
                if not ctx.__exit__(*sys.exc_info()):
                    raise
            else:
                ctx.__exit__(None, None, None)
        return run

    def stmt_For(self, node):
        iterable = self.expr(node.iter)
        store = self.store(node.target)
        body = self.block(node.body)
        enter = self.hooks.enter_statement
        loc = self.location(node)

        def run(frame):
            enter(loc)
            it = iterable(frame)
            try:
                it = iter(it)
            except TypeError as e:
                locate(e, node.iter)
                raise
            for item in it:
                store(frame, item)
                body(frame)
        return run

    # ---- assignment targets: fn(frame, value) ----
    def store(self, node):
        if isinstance(node, A.Name):
            name, variables = node.id, self.variables
            if name in self.locals:
                raise self.error(node, "SyntaxError", "cannot assign to a lambda parameter")

            def store_name(frame, value):
                variables[name] = value
            return store_name
        if isinstance(node, A.Attribute):
            obj, attr = self.expr(node.value), node.attr

            def store_attribute(frame, value):
                o = obj(frame)
                try:
                    store_attr(o, attr, value)
                except Exception as e:
                    locate(e, node)
                    raise
            return store_attribute
        if isinstance(node, A.Subscript):
            obj, key = self.expr(node.value), self.subscript(node.index)

            def store_item(frame, value):
                o = obj(frame)
                k = key(frame)
                try:
                    o[k] = value
                except Exception as e:
                    locate(e, node)
                    raise
            return store_item
        if isinstance(node, (A.TupleExpr, A.ListExpr)):
            stores = [self.store(e) for e in node.elts]
            n = len(stores)

            def store_unpack(frame, value):
                try:
                    items = list(value) if type(value) not in (list, tuple) else value
                except TypeError:
                    e = TypeError(f"cannot unpack non-iterable {type_name(value)} object")
                    locate(e, node)
                    raise e from None
                if len(items) != n:
                    if len(items) > n:
                        e = ValueError(f"too many values to unpack (expected {n})")
                    else:
                        e = ValueError(f"not enough values to unpack (expected {n}, got {len(items)})")
                    locate(e, node)
                    raise e
                for s, v in zip(stores, items):
                    s(frame, v)
            return store_unpack
        raise self.error(node, "SyntaxError", "cannot assign to expression")

    # ---- expressions: fn(frame) -> value ----
    def expr(self, node):
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise self.error(node, "RecursionError", "maximum recursion depth exceeded during compilation",
                                 detail=f"expression is too deeply nested (the limit is {MAX_DEPTH} levels)")
            return getattr(self, "expr_" + type(node).__name__)(node)
        finally:
            self.depth -= 1

    def expr_Const(self, node):
        value = node.value
        return lambda frame: value

    def expr_Name(self, node):
        name = node.id
        if name in self.locals:
            return lambda frame: frame[name]
        variables, builtins = self.variables, self.builtins
        get = variables.get

        def load_name(frame):
            value = get(name, _MISSING)
            if value is _MISSING:
                value = builtins.get(name, _MISSING)
                if value is _MISSING:
                    note = did_you_mean(name, list(variables) + list(builtins) + ["True", "False", "None"])
                    if name == "help":
                        note = Note("tensorsh has no help(); in the shell, :help explains the language and "
                                    ":help NAME a function or a tensor method (e.g. :help add_)")
                    raise self.error(node, "NameError", f"name '{name}' is not defined",
                                     notes=[note] if note else None)
                if type(value) is Lazy:
                    value = builtins[name] = value.load()
            return value
        return load_name

    def expr_ListExpr(self, node):
        elts = tuple(self.expr(e) for e in node.elts)
        return lambda frame: [e(frame) for e in elts]

    def expr_TupleExpr(self, node):
        elts = tuple(self.expr(e) for e in node.elts)
        return lambda frame: tuple([e(frame) for e in elts])

    def expr_BinOp(self, node):
        fns = [self.expr(o) for o in node.operands]
        ops = [GUARDED.get(op) or BINARY[op] for op in node.ops]
        if len(ops) == 1:
            left, right, op = fns[0], fns[1], ops[0]
            const = node.operands[1]
            if isinstance(const, A.Const) and type(const.value) in (float, int) and \
                    (op is not guarded_mul or type(const.value) is float):
                # `tensor * 1.0001`: the constant folded in (a float cannot repeat a sequence, so no guard)
                op, c = BINARY[node.ops[0]] if op is guarded_mul else op, const.value

                def binop_const(frame):
                    a = left(frame)
                    try:
                        return op(a, c)
                    except Exception as e:
                        locate(e, node)
                        raise
                return binop_const
            return _located_pair(op, left, right, node)
        first = fns[0]
        steps = []
        for i, (op, fn) in enumerate(zip(ops, fns[1:])):
            last = node.operands[i + 1]
            span = A.Node(line=node.line, col=node.col, end_line=last.end_line, end_col=last.end_col)
            steps.append((op, fn, span))
        steps = tuple(steps)

        def chain(frame):
            value = first(frame)
            for op, fn, span in steps:
                b = fn(frame)
                try:
                    value = op(value, b)
                except Exception as e:
                    locate(e, span)
                    raise
            return value
        return chain

    def expr_UnaryOp(self, node):
        operand, op = self.expr(node.operand), UNARY[node.op]

        def unary(frame):
            v = operand(frame)
            try:
                return op(v)
            except Exception as e:
                locate(e, node)
                raise
        return unary

    def expr_BoolOp(self, node):
        values = tuple(self.expr(v) for v in node.values)
        if node.op == "and":
            def and_(frame):
                v = None
                for fn in values:
                    v = fn(frame)
                    if not v:
                        return v
                return v
            return _located(and_, node)

        def or_(frame):
            v = None
            for fn in values:
                v = fn(frame)
                if v:
                    return v
            return v
        return _located(or_, node)

    def expr_Compare(self, node):
        left = self.expr(node.left)
        rest = tuple((COMPARE[op], self.expr(c)) for op, c in zip(node.ops, node.comparators))
        if len(rest) == 1:
            (op, right), = rest
            return _located_pair(op, left, right, node)

        def compare_chain(frame):
            a = left(frame)
            result = True
            for op, fn in rest:
                b = fn(frame)
                result = op(a, b)
                if not result:
                    return result
                a = b
            return result
        return _located(compare_chain, node)

    def expr_ListComp(self, node):
        outer = self.locals
        gens = []
        try:
            for g in node.generators:
                it = self.expr(g.iter)          # evaluated with the names bound so far
                names = tuple(_target_names(g.target))
                self.locals = self.locals + names
                gens.append((it, self._local_store(g.target), tuple(self.expr(c) for c in g.ifs), g.iter))
            elt = self.expr(node.elt)
        finally:
            self.locals = outer
        gens = tuple(gens)

        def listcomp(frame):
            out = []
            inner = dict(frame) if frame else {}

            def loop(level):
                if level == len(gens):
                    out.append(elt(inner))
                    if len(out) > MAX_ITEMS:
                        _too_long(len(out))
                    return
                it, store, conds, where = gens[level]
                source = it(inner)
                if type(source) is range and len(source) > MAX_ITEMS:
                    _too_long(len(source))
                for item in source:
                    store(inner, item)
                    if all(c(inner) for c in conds):
                        loop(level + 1)
            loop(0)
            return out
        return _located(listcomp, node)

    def _local_store(self, target):
        if isinstance(target, A.Name):
            name = target.id

            def store(frame, value):
                frame[name] = value
            return store
        stores = tuple(self._local_store(e) for e in target.elts)
        n = len(stores)

        def unpack(frame, value):
            items = list(value)
            if len(items) != n:
                raise ValueError(f"too many values to unpack (expected {n})" if len(items) > n
                                 else f"not enough values to unpack (expected {n}, got {len(items)})")
            for s, v in zip(stores, items):
                s(frame, v)
        return unpack

    def expr_IfExp(self, node):
        test, body, orelse = self.expr(node.test), self.expr(node.body), self.expr(node.orelse)
        return lambda frame: body(frame) if test(frame) else orelse(frame)

    def expr_Lambda(self, node):
        outer = self.locals
        self.locals = outer + tuple(node.params)
        try:
            body = self.expr(node.body)
        finally:
            self.locals = outer
        params = tuple(node.params)
        return lambda frame: UserFunction(params, body, frame)

    def expr_Attribute(self, node):
        obj, attr = self.expr(node.value), node.attr

        def attribute(frame):
            o = obj(frame)
            try:
                return load_attr(o, attr)
            except AttributeError as e:
                raise self._attribute_error(node, o, attr, e) from None
            except Exception as e:
                locate(e, node)
                raise
        return attribute

    def _attribute_error(self, node, obj, attr, exc):
        notes = []
        note = did_you_mean(attr, attribute_names(obj))
        if note:
            notes.append(note)
        elif attr.startswith("_"):
            notes.append(Note("tensorsh does not expose Python internals"))
        return UserError("AttributeError", str(exc), self.source.filename, node.line, node.col, node.end_col,
                        self.source.line(node.line), notes=notes, end_line=node.end_line)

    def subscript(self, node):
        if isinstance(node, A.Slice):
            parts = [self.expr(p) if p is not None else None for p in (node.lower, node.upper, node.step)]
            lo, hi, st = parts
            return lambda frame: slice(lo(frame) if lo else None, hi(frame) if hi else None, st(frame) if st else None)
        if isinstance(node, A.TupleExpr):
            items = tuple(self.subscript(e) for e in node.elts)
            return lambda frame: tuple([i(frame) for i in items])
        return self.expr(node)

    def expr_Subscript(self, node):
        obj, key = self.expr(node.value), self.subscript(node.index)

        def index(frame):
            o = obj(frame)
            k = key(frame)
            try:
                return o[k]
            except Exception as e:
                locate(e, node)
                raise
        return index

    def expr_Slice(self, node):
        raise self.error(node, "SyntaxError", "invalid syntax", detail="a slice ':' is only valid inside []")

    def expr_Call(self, node):
        func = self.expr(node.func)
        args = tuple(self._argument(a) for a in node.args)
        kwargs = tuple((k.name, self.expr(k.value)) for k in node.keywords)
        special = self.hooks.special_call
        texts = tuple(self.source.text_of(a) for a in node.args)
        # the argument list is built as the call site needs it: a spread splices, plain ones are read in order
        if any(isinstance(a, A.Starred) for a in node.args):
            def positional(frame):
                return _spliced([x(frame) for x in args])
        elif len(args) == 0:
            def positional(frame):
                return ()
        elif len(args) == 1:
            (arg,) = args

            def positional(frame):
                return (arg(frame),)
        else:
            def positional(frame):
                return [x(frame) for x in args]

        if not kwargs:
            def call(frame):
                f = func(frame)
                a = positional(frame)
                try:
                    if isinstance(f, SessionCall):
                        return special(f, list(a), {}, texts, node)
                    return f(*a)
                except Exception as e:
                    locate(e, node)
                    raise
            if node.func.__class__ is A.Name and node.func.id == "why":  # why(...) sees its argument unrun
                from tensorsh.lang import questions
                if questions.asks(node):
                    return questions.compile_why(self, node, func, call)
            return call

        def call_kw(frame):
            f = func(frame)
            a = positional(frame)
            kw = {k: v(frame) for k, v in kwargs}
            try:
                if isinstance(f, SessionCall):
                    return special(f, list(a), kw, texts, node)
                return f(*a, **kw)
            except Exception as e:
                locate(e, node)
                raise
        return call_kw

    def _argument(self, node):
        """A positional argument as fn(frame); `*value` as a closure yielding a _Spread of its items."""
        if not isinstance(node, A.Starred):
            return self.expr(node)
        value = self.expr(node.value)

        def spread(frame):
            v = value(frame)
            n = len(v) if hasattr(v, "__len__") else 0
            if n > MAX_ITEMS:
                _too_long(n)
            try:
                return _Spread(v)
            except TypeError as e:
                locate(e, node)
                raise
        return spread

    def expr_FString(self, node):
        pieces = []
        for part in node.parts:
            if isinstance(part, str):
                pieces.append(part)
                continue
            value = self.expr(part.value)
            conv = {"r": repr, "s": str, "a": ascii}.get(part.conversion)
            if part.self_doc and conv is None and not part.spec:
                conv = repr
            spec = part.spec or ""
            if "{" in spec:
                raise self.error(part, "SyntaxError", "f-string: nested replacement fields are not supported",
                                 detail="tensorsh's f-strings take a literal format spec")
            try:
                check_format_spec(spec)
            except Limit as e:
                raise self.error(part, e.kind, e.message) from None
            pieces.append((value, conv, spec, part.self_doc or "", part))
        pieces = tuple(pieces)

        def fstring(frame):
            out = []
            for p in pieces:
                if type(p) is str:
                    out.append(p)
                    continue
                value, conv, spec, prefix, part = p
                v = value(frame)
                try:
                    if conv is not None:
                        v = conv(v)
                    out.append(prefix + format(v, spec))
                except Exception as e:
                    locate(e, part)
                    raise
            return "".join(out)
        return fstring

    def expr_Keyword(self, node):  # pragma: no cover - keywords are compiled by expr_Call
        raise self.error(node, "SyntaxError", "invalid syntax")


def _target_names(node):
    if isinstance(node, A.Name):
        return [node.id]
    if isinstance(node, (A.TupleExpr, A.ListExpr)):
        return [n for e in node.elts for n in _target_names(e)]
    raise UserError("SyntaxError", "cannot assign to expression in a comprehension")


def _located(fn, node):
    def run(frame):
        try:
            return fn(frame)
        except Exception as e:
            locate(e, node)
            raise
    return run
