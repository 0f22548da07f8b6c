"""Generator functions: a `def` whose body yields runs as a real Python generator.

A statement that contains a `yield` of its own function compiles to a Python generator function
`g(frame)` (driven with `yield from`, so `send`, `throw` and `close` reach the innermost `yield` as in
CPython), and returns the statement's signal (BREAK/CONTINUE/RETURN) as its StopIteration value; every
other statement is the compiler's ordinary closure. A `yield` stands as a statement, on the right of
`=` or `+=`, or after `return`; anywhere else the compiler refuses it with a located error.
"""
from tensorsh.lang import ast as A
from tensorsh.lang.compiler import (BREAK, CONTINUE, HANDLING, RETURN, _UNDO, exit_with, locate, python_exception,
                                    unbound)
from tensorsh.lang.scope import children

_COMP_NAMES = {"<listcomp>": "list comprehension", "<setcomp>": "set comprehension",
               "<dictcomp>": "dict comprehension", "<genexpr>": "generator expression"}


def yields(node):
    """Whether node holds a `yield` of the function it is in (nested defs, lambdas and classes have their own)."""
    stack = [node]
    while stack:
        n = stack.pop()
        if n.__class__ is A.Yield:
            return True
        if isinstance(n, (A.FunctionDef, A.ClassDef, A.Lambda)):
            continue
        stack.extend(children(n))
    return False


def refuse(compiler, node):
    """A `yield` where tensorsh cannot run it: CPython's error where CPython refuses it too."""
    scope = compiler.scope
    if scope.kind == "comp":
        message, detail = f"'yield' inside {_COMP_NAMES.get(scope.name, 'comprehension')}", None
    elif not scope.in_function:
        message, detail = "'yield' outside function", None
    elif getattr(scope, "kind_lambda", False):
        message, detail = "'yield' inside a lambda is not supported by tensorsh", "write a def that yields instead"
    else:
        message = "'yield' here is not supported by tensorsh"
        detail = "a yield stands as a statement, after '=' or '+=', or after 'return'"
    return compiler.error(node, "SyntaxError", message, detail=detail)


def generator_body(compiler, body_nodes, name, qualname):
    """A def's body as run(frame) -> a generator object named as CPython names it."""
    body = block(compiler, body_nodes)

    def gen_run(frame):
        try:
            r = yield from body(frame)
        except RuntimeError as e:      # PEP 479: the StopIteration's location is where the error happened
            cause = e.__cause__
            if isinstance(cause, StopIteration) and getattr(e, "_tsh_node", None) is None:
                node = getattr(cause, "_tsh_node", None)
                if node is not None:
                    e._tsh_node = node
            raise
        if r is RETURN:
            return frame[1]
        return None

    def run(frame):
        g = gen_run(frame)
        g.__name__, g.__qualname__ = name, qualname
        return g
    return run


def block(compiler, nodes):
    steps = tuple((True, statement(compiler, n)) if yields(n) else (False, compiler.statement(n)) for n in nodes)

    def run_block(frame):
        for is_gen, fn in steps:
            r = (yield from fn(frame)) if is_gen else fn(frame)
            if r is not None:
                return r
        return None
    return run_block


def statement(compiler, node):
    node._src = compiler.source
    compile_ = _STATEMENTS.get(node.__class__)
    if compile_ is None:
        compiler.statement(node)        # a yield inside an expression: refused there, located
        raise refuse(compiler, node)
    compiler.nesting += 1
    try:
        return compile_(compiler, node)
    finally:
        compiler.nesting -= 1


def _yield_value(compiler, node):
    """g(frame): yields what `node` (a Yield) yields and returns the value sent back."""
    if node.value is None:
        def yield_none(frame):
            return (yield None)
        return yield_none
    value = compiler.expr(node.value)
    if not node.is_from:
        def yield_(frame):
            return (yield value(frame))
        return yield_

    def yield_from(frame):
        v = value(frame)
        try:
            it = iter(v)
        except TypeError as e:
            locate(e, node.value)
            raise
        return (yield from it)
    return yield_from


def _value(compiler, node, value):
    if value.__class__ is not A.Yield:
        compiler.expr(value)            # the yield is inside the expression: refused there
        raise refuse(compiler, node)
    return _yield_value(compiler, value)


def _expr_stmt(compiler, node):
    value, loc = _value(compiler, node, node.value), compiler.location(node)

    def expr_stmt(frame):
        _UNDO["_location"] = loc
        yield from value(frame)
    return expr_stmt


def _assign(compiler, node):
    value, loc = _value(compiler, node, node.value), compiler.location(node)
    stores = tuple(compiler.store(t) for t in node.targets)

    def assign(frame):
        _UNDO["_location"] = loc
        v = yield from value(frame)
        for store in stores:
            store(frame, v)
    return assign


def _aug_assign(compiler, node):
    from tensorsh.lang.compiler import _inplace_guard
    if node.target.__class__ is not A.Name:
        raise refuse(compiler, node.value)
    value, loc, op = _value(compiler, node, node.value), compiler.location(node), _inplace_guard(node.op)
    load, store = compiler.expr(node.target), compiler.store(node.target)

    def aug_assign(frame):
        _UNDO["_location"] = loc
        current = load(frame)
        rhs = yield from value(frame)
        try:
            result = op(current, rhs)
        except BaseException as e:
            locate(e, node)
            raise
        store(frame, result)
    return aug_assign


def _return(compiler, node):
    if not compiler.scope.in_function:
        raise compiler.error(node, "SyntaxError", "'return' outside function")
    value, loc = _value(compiler, node, node.value), compiler.location(node)

    def return_(frame):
        _UNDO["_location"] = loc
        frame[1] = yield from value(frame)
        return RETURN
    return return_


def _if(compiler, node):
    test, loc = compiler.expr(node.test), compiler.location(node)
    body = block(compiler, node.body)
    orelse = block(compiler, node.orelse) if node.orelse else None

    def if_(frame):
        _UNDO["_location"] = loc
        if test(frame):
            return (yield from body(frame))
        if orelse is not None:
            return (yield from orelse(frame))
        return None
    return if_


def _match(compiler, node):
    choose = compiler.match_case(node)
    bodies = tuple(block(compiler, c.body) for c in node.cases)

    def match(frame):
        i = choose(frame)
        return None if i is None else (yield from bodies[i](frame))
    return match


def _loop_body(compiler, nodes):
    compiler.scope.loops += 1
    try:
        return block(compiler, nodes)
    finally:
        compiler.scope.loops -= 1


def _loop(frame, items, store, body, orelse):
    """A loop over items (a for's iterator, or a while's test as one item per true test)."""
    for item in items:
        if store is not None:
            store(frame, item)
        r = yield from body(frame)
        if r is not None:
            if r is BREAK:
                return None
            if r is not CONTINUE:
                return r
    if orelse is not None:
        return (yield from orelse(frame))
    return None


def _while_true(test, frame):
    while test(frame):
        yield None


def _while(compiler, node):
    test, loc = compiler.expr(node.test), compiler.location(node)
    body = _loop_body(compiler, node.body)
    orelse = block(compiler, node.orelse) if node.orelse else None

    def while_(frame):
        _UNDO["_location"] = loc
        return (yield from _loop(frame, _while_true(test, frame), None, body, orelse))
    return while_


def _for(compiler, node):
    iterable, store, loc = compiler.expr(node.iter), compiler.store(node.target), compiler.location(node)
    body = _loop_body(compiler, node.body)
    orelse = block(compiler, node.orelse) if node.orelse else None

    def for_(frame):
        _UNDO["_location"] = loc
        it = iterable(frame)
        try:
            it = iter(it)
        except TypeError as e:
            locate(e, node.iter)
            raise
        return (yield from _loop(frame, it, store, body, orelse))
    return for_


def _with(compiler, node):
    enter, body = compiler.with_parts(node, lambda nodes: block(compiler, nodes))

    def with_(frame):
        ctx = enter(frame)
        try:
            r = yield from body(frame)
        except BaseException as e:
            if not exit_with(ctx, e):
                raise
            return None
        ctx.__exit__(None, None, None)
        return r
    return with_


def _unhandle(exc):
    """Take exc off HANDLING wherever it is: a handler that yielded may finish after others began."""
    for i in range(len(HANDLING) - 1, -1, -1):
        if HANDLING[i] is exc:
            del HANDLING[i]
            return


def _try(compiler, node):
    body, match, orelse, final = compiler.try_parts(node, lambda nodes: block(compiler, nodes))

    def try_except(frame):
        try:
            r = yield from body(frame)
        except BaseException as e:
            exc = python_exception(e)
            found = match(frame, exc)
            if found is None:
                raise
            handler, unbind = found
            HANDLING.append(exc)
            try:
                r = yield from handler(frame)
            finally:
                _unhandle(exc)
                unbound(unbind, frame)
            return r
        if r is None and orelse is not None:
            return (yield from orelse(frame))
        return r

    run = try_except if match is not None else body
    if final is None:
        return run

    def try_finally(frame):
        try:
            r = yield from run(frame)
        finally:
            f = yield from final(frame)
            if f is not None:
                return f       # noqa: B012 - `return`/`break` in finally drops the exception, as Python does
        return r
    return try_finally


_STATEMENTS = {A.ExprStmt: _expr_stmt, A.Assign: _assign, A.AugAssign: _aug_assign, A.Return: _return,
               A.If: _if, A.While: _while, A.For: _for, A.With: _with, A.Try: _try, A.Match: _match}
