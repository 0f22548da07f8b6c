"""Source text -> list of AST statements, with syntax errors in plain words and exact positions.

The parser is the standalone LALR module generated from grammar/tensorsh.lark (scripts/gen_parser.py),
so lark is not imported at run time. Its callbacks build the AST while parsing (no parse tree, no
recursion), and a postlexer turns indentation into _INDENT/_DEDENT and checks brackets.
"""
import keyword

from tensorsh.lang import _parser as P
from tensorsh.lang import ast as A
from tensorsh.lang.errors import UserError, Note

MAX_PARENS = 200        # CPython's limit: "too many nested parentheses"
MAX_INDENT = 100        # CPython's limit: "too many levels of indentation"
OPEN = {"LPAR": "(", "LSQB": "[", "LBRACE": "{"}
CLOSE = {"RPAR": ")", "RSQB": "]", "RBRACE": "}"}
MATCH = {")": "(", "]": "[", "}": "{"}
UNSUPPORTED_KEYWORDS = {"async", "await"}
EXPR_START = {"NAME", "DEC_NUMBER", "HEX_NUMBER", "FLOAT_NUMBER", "IMAG_NUMBER", "STRING", "LONG_STRING", "LPAR", "LSQB",
              "NONE", "TRUE", "FALSE", "ELLIPSIS", "ADD_OP", "UNARY_OP", "NOT", "LAMBDA"}
BLOCK_WORDS = ("with", "for", "while", "if", "elif", "else", "try", "except", "finally", "def", "class", "match", "case")


class Source:
    """A program's text and name; gives source lines for error reports."""

    def __init__(self, text, filename="<input>"):
        self.text = text
        self.filename = filename
        self.lines = text.splitlines()

    def line(self, n):
        return self.lines[n - 1] if 0 < n <= len(self.lines) else ""

    def text_of(self, node):
        """The source text a node spans."""
        if node.line == node.end_line:
            return self.line(node.line)[node.col - 1:node.end_col - 1]
        first = self.line(node.line)[node.col - 1:]
        middle = [self.line(n) for n in range(node.line + 1, node.end_line)]
        return "\n".join([first, *middle, self.line(node.end_line)[:node.end_col - 1]])

    def error(self, kind, message, line, col, end_col=None, detail=None, notes=None, incomplete=False, end_line=None):
        return UserError(kind, message, self.filename, line, col, col + 1 if end_col is None else end_col,
                         self.line(line), notes=notes, detail=detail, incomplete=incomplete, end_line=end_line)

    def error_at(self, node, kind, message, detail=None, notes=None):
        return UserError(kind, message, self.filename, node.line, node.col, node.end_col, self.line(node.line),
                         notes=notes, detail=detail, end_line=node.end_line)


class _SyntaxProblem(Exception):
    """Raised inside parser callbacks / the postlexer; turned into a UserError with the Source."""

    def __init__(self, kind, message, line, col, end_col=None, detail=None, incomplete=False, notes=None):
        super().__init__(message)
        self.args_ = (kind, message, line, col, end_col, detail, notes, incomplete)


def _tok_pos(tok):
    return tok.line, tok.column, tok.end_line, tok.end_column


def _tab_error(tok):
    return _SyntaxProblem("TabError", "inconsistent use of tabs and spaces in indentation", tok.end_line, 1,
                          tok.end_column, detail="tabs and spaces mixed: this line's indentation depends on the tab width")


_SOFT = {"match": "MATCH", "case": "CASE"}
_NOT_A_HEADER = frozenset({"COLON", "EQUAL", "AUGOP", "DOT", "COMMA", "RPAR", "RSQB", "RBRACE", "_NL"})


def _soft_keywords(stream):
    """`match`/`case` as Python's soft keywords: a line's first NAME `match` or `case` is the keyword when the line
    (to its newline outside brackets) ends with ':' - or, for `case`, whose block may follow on its line (`case 1:
    print("one")`), has a ':' outside brackets - and the word is not itself assigned, called an attribute of, or
    annotated (`match = re.match(...)`, `case: int = 1` keep the names)."""
    at_start = True
    for tok in stream:
        if not (at_start and tok.type == "NAME" and tok.value in _SOFT):
            at_start = tok.type == "_NL"
            yield tok
            continue
        line, depth, last, header_colon = [tok], 0, None, False
        for nxt in stream:
            line.append(nxt)
            if nxt.type in OPEN:
                depth += 1
            elif nxt.type in CLOSE:
                depth -= 1
            elif nxt.type == "_NL" and depth <= 0:
                break
            elif nxt.type == "COLON" and depth == 0 and len(line) > 2:
                header_colon = True
            last = nxt
        header_colon = last is not None and last.type == "COLON" or (tok.value == "case" and header_colon)
        second = line[1] if len(line) > 1 else None
        if header_colon and second is not None and second.type not in _NOT_A_HEADER:
            line[0] = P.Token.new_borrow_pos(_SOFT[tok.value], tok.value, tok)
        yield from line
        at_start = line[-1].type == "_NL"


class _PostLexer:
    """Indentation -> _INDENT/_DEDENT; newlines inside brackets dropped; bracket checks."""

    always_accept = ("_NL",)

    def __init__(self):
        self.expression_mode = False
        self.history = [None, None]

    def process(self, stream):
        stream = _soft_keywords(stream)
        history = self.history = [None, None]
        brackets = []
        indents = [0]
        alts = [0]
        first = True
        for tok in stream:
            t = tok.type
            if self.expression_mode:
                if t == "_NL":
                    continue
            elif first and t != "_NL" and tok.column > 1:
                raise _SyntaxProblem("IndentationError", "unexpected indent", tok.line, 1, tok.column,
                                     detail="unexpected indent")
            first = False
            if t == "_NL":
                if brackets:
                    continue
                history[0], history[1] = history[1], tok
                yield tok
                if self.expression_mode:
                    continue
                text = tok.value.rsplit("\n", 1)[-1] if "\n" in tok.value else None
                if text is None:
                    continue
                width = len(text.expandtabs(8))
                alt = len(text.expandtabs(1))   # Python's tokenizer also measures with tabs of width 1
                if width > indents[-1]:
                    if alt <= alts[-1]:
                        raise _tab_error(tok)
                    if len(indents) > MAX_INDENT:
                        raise _SyntaxProblem("IndentationError", "too many levels of indentation",
                                             tok.end_line, 1, tok.end_column)
                    indents.append(width)
                    alts.append(alt)
                    yield P.Token.new_borrow_pos("_INDENT", text, tok)
                else:
                    while width < indents[-1]:
                        indents.pop()
                        alts.pop()
                        yield P.Token.new_borrow_pos("_DEDENT", text, tok)
                    if width != indents[-1]:
                        raise _SyntaxProblem("IndentationError", "unindent does not match any outer indentation level",
                                             tok.end_line, 1, tok.end_column,
                                             detail="this line's indentation matches no enclosing block")
                    if alt != alts[-1]:
                        raise _tab_error(tok)
                continue
            if t in OPEN:
                brackets.append(tok)
                if len(brackets) > MAX_PARENS:
                    raise _SyntaxProblem("SyntaxError", "too many nested parentheses", tok.line, tok.column,
                                         detail=f"too many nested brackets (the limit is {MAX_PARENS})")
            elif t in CLOSE:
                if not brackets:
                    raise _SyntaxProblem("SyntaxError", f"unmatched '{tok}'", tok.line, tok.column,
                                         detail=f"'{tok}' closes a bracket that was never opened")
                opener = brackets.pop()
                if MATCH[tok] != opener:
                    if opener.line == tok.line:
                        msg = f"closing parenthesis '{tok}' does not match opening parenthesis '{opener}'"
                    else:
                        msg = (f"closing parenthesis '{tok}' does not match opening parenthesis '{opener}' "
                               f"on line {opener.line}")
                    raise _SyntaxProblem("SyntaxError", msg, tok.line, tok.column,
                                         detail=f"'{tok}' does not close the '{opener}' opened at {opener.line}:{opener.column}")
            history[0], history[1] = history[1], tok
            yield tok
        if brackets:
            b = brackets[-1]
            raise _SyntaxProblem("SyntaxError", f"'{b}' was never closed", b.line, b.column,
                                 detail=f"unclosed '{b}' opened at {b.line}:{b.column}", incomplete=True)
        while len(indents) > 1:
            indents.pop()
            yield P.Token("_DEDENT", "")


# ---- parser callbacks: children -> AST ----
def _span(node, first, last):
    """Give node the span from `first` to `last` (tokens or nodes)."""
    if isinstance(first, P.Token):
        node.line, node.col = first.line, first.column
    else:  # (a parenthesized first or last part: the enclosing node spans its parentheses, as Python's does)
        node.line, node.col = getattr(first, "paren_start", None) or (first.line, first.col)
    if isinstance(last, P.Token):
        node.end_line, node.end_col = last.end_line, last.end_column
    else:
        node.end_line, node.end_col = getattr(last, "paren_end", None) or (last.end_line, last.end_col)
    return node


def _target_problem(node):
    """Why `node` cannot be assigned to (Python's wording), or None."""
    if isinstance(node, (A.Name, A.Attribute, A.Subscript)):
        return None
    if isinstance(node, (A.TupleExpr, A.ListExpr)):
        for elt in node.elts:
            problem = _target_problem(elt.value if isinstance(elt, A.Starred) else elt)
            if problem:
                return problem
        return None
    what = {A.Call: "function call", A.Const: "literal", A.DictExpr: "dict literal", A.SetExpr: "set display",
            A.GeneratorExp: "generator expression", A.ListComp: "list comprehension", A.NamedExpr: "named expression",
            A.DictComp: "dict comprehension", A.SetComp: "set comprehension", A.FString: "f-string expression", A.Lambda: "lambda",
            A.Compare: "comparison", A.IfExp: "conditional expression"}.get(type(node), "expression")
    if isinstance(node, A.Const) and (node.value is None or node.value is True or node.value is False):
        what = repr(node.value)
    return what


def _bad_token(tok):
    raise _SyntaxProblem("SyntaxError", "invalid syntax", tok.line, tok.column, tok.end_column)


def _params(items, children):
    """Parameter items in written order -> A.Params, with CPython's errors for a wrong order."""
    p = A.Params()
    state, seen = "pos", set()
    for kind, name, annotation, default in items:
        where = (name.line, name.column, name.end_column)
        if annotation is not None:
            p.annotations.append(annotation)
        if kind == "slash":
            if state != "pos" or p.posonly:
                raise _SyntaxProblem("SyntaxError", "/ must be ahead of *" if state != "pos" else "/ may appear only once",
                                     *where)
            if not p.args:
                raise _SyntaxProblem("SyntaxError", "at least one argument must precede /", *where)
            p.posonly, p.args = p.args, []
            continue
        if kind == "star" and str(name) == "*":
            name = None
        if name is not None:
            if str(name) in seen:
                raise _SyntaxProblem("SyntaxError", f"duplicate argument '{name}' in function definition", *where)
            seen.add(str(name))
        if state == "done":
            raise _SyntaxProblem("SyntaxError", "arguments cannot follow var-keyword argument", *where)
        if kind == "param":
            if state == "pos":
                if default is not None:
                    p.defaults.append(default)
                elif p.defaults:
                    raise _SyntaxProblem("SyntaxError", "non-default argument follows default argument", *where)
                p.args.append(str(name))
            else:
                p.kwonly.append(str(name))
                if default is not None:
                    p.kw_defaults[str(name)] = default
        elif kind == "star":
            if state != "pos":
                raise _SyntaxProblem("SyntaxError", "* argument may appear only once", *where)
            p.vararg = str(name) if name is not None else None
            state = "kwonly"
            bare = name is None
        else:
            p.kwarg = str(name)
            state = "done"
    if state == "kwonly" and bare and not p.kwonly:
        raise _SyntaxProblem("SyntaxError", "named arguments must follow bare *", children[0].line if hasattr(children[0], "line") else 1, 1)
    toks = [x[1] for x in items]
    return _span(p, toks[0], toks[-1])


def _string_value(tok):
    """The value of one string token: str for plain strings, a list of parts for f-strings."""
    text = str(tok)
    i = 0
    while text[i] not in "'\"":
        i += 1
    prefix, body = text[:i].lower(), text[i:]
    if "f" not in prefix:
        if "b" not in prefix and "\r" not in body and ("r" in prefix or "\\" not in body):   # no escapes: itself
            quote = 3 if body[:3] in ('"""', "'''") else 1
            return body[quote:-quote]
        import ast as pyast  # literal_eval parses literals only; it never runs code
        return pyast.literal_eval(prefix + body)
    return ("f", prefix.replace("f", ""), body, tok)



def _statements(children):
    """The statements among a file's or a block's children (a line with `;` gives a list)."""
    out = []
    for c in children:
        if isinstance(c, list):
            out.extend(c)
        elif isinstance(c, A.Node):
            out.append(c)
    return out

class _Builder(P.Transformer):
    """Lark calls one method per rule alias with the rule's children; each returns an AST node."""

    def __init__(self):
        super().__init__()
        self.fstrings = []

    # statements
    def file(self, children):
        return _statements(children)

    def expression(self, children):
        return children[0]

    def simple_stmt(self, children):
        return [c for c in children if isinstance(c, A.Node)]

    def expr_stmt(self, c):
        return _span(A.ExprStmt(c[0]), c[0], c[0])

    def assign(self, c):
        *targets, value = c
        for t in targets:
            problem = _target_problem(t)
            if problem:
                raise _SyntaxProblem("SyntaxError", f"cannot assign to {problem} here. Maybe you meant '==' instead of '='?",
                                     t.line, t.col, t.end_col if t.end_line == t.line else None,
                                     detail=f"cannot assign to a {problem}")
        return _span(A.Assign(targets, value), targets[0], value)

    def augassign(self, c):
        target, op, value = c
        if not isinstance(target, (A.Name, A.Attribute, A.Subscript)):
            problem = _target_problem(target) or "tuple"
            raise _SyntaxProblem("SyntaxError", f"'{problem}' is an illegal expression for augmented assignment",
                                 target.line, target.col, target.end_col if target.end_line == target.line else None,
                                 detail=f"'{op}' needs a name, attribute or index on its left")
        return _span(A.AugAssign(target, str(op)[:-1], value), target, value)

    def pass_stmt(self, c):
        return _span(A.Pass(), c[0], c[0])

    def del_stmt(self, c):
        kw, target = c
        targets = target.elts if isinstance(target, A.TupleExpr) else [target]
        for t in targets:
            if not isinstance(t, (A.Name, A.Subscript, A.Attribute)):
                raise _SyntaxProblem("SyntaxError", "cannot delete " + (_target_problem(t) or "starred"),
                                     t.line, t.col, t.end_col if t.end_line == t.line else None,
                                     detail="'del' takes names, attributes and indexed items")
        return _span(A.Delete(targets), kw, target)

    def assert_stmt(self, c):
        kw, test, msg = c
        return _span(A.Assert(test, msg), kw, msg or test)

    def dotted_name(self, c):
        return c

    def dotted_as_name(self, c):
        names, alias = c
        return (".".join(names), str(alias) if alias is not None else None, names[0], alias or names[-1])

    def import_stmt(self, c):
        kw, *items = c
        return _span(A.Import([(d, a) for d, a, _, _ in items]), kw, items[-1][3])

    def import_as_name(self, c):
        name, alias = c
        return (str(name), str(alias) if alias is not None else None, alias or name)

    def import_as_names(self, c):
        items = [x for x in c if isinstance(x, tuple)]
        last = c[-1] if isinstance(c[-1], P.Token) and c[-1].type == "RPAR" else items[-1][2]
        return (items, last)

    def from_import(self, c):
        c = [x for x in c if not (isinstance(x, P.Token) and x.type == "IMPORT")]
        kw, module, (items, last) = c
        return _span(A.FromImport(".".join(module), [(n, a) for n, a, _ in items]), kw, last)

    def suite(self, c):
        return _statements(c)

    def annassign(self, c):
        target, _colon, annotation, value = c
        if not isinstance(target, (A.Name, A.Attribute, A.Subscript)):
            raise _SyntaxProblem("SyntaxError", "only single target (not tuple) can be annotated"
                                 if isinstance(target, A.TupleExpr) else "illegal target for annotation",
                                 target.line, target.col, target.end_col if target.end_line == target.line else None)
        return _span(A.AnnAssign(target, annotation, value), target, value or annotation)

    def return_stmt(self, c):
        kw, value = c
        return _span(A.Return(value), kw, value or kw)

    def break_stmt(self, c):
        return _span(A.Break(), c[0], c[0])

    def continue_stmt(self, c):
        return _span(A.Continue(), c[0], c[0])

    def raise_stmt(self, c):
        kw, exc, cause = c
        return _span(A.Raise(exc, cause), kw, cause or exc or kw)

    def global_stmt(self, c):
        return _span(A.Global([str(n) for n in c[1:]]), c[0], c[-1])

    def nonlocal_stmt(self, c):
        return _span(A.Nonlocal([str(n) for n in c[1:]]), c[0], c[-1])

    def yield_expr(self, c):
        kw, value = c
        return _span(A.Yield(value), kw, value or kw)

    def yield_from(self, c):
        kw, _from, value = c
        return _span(A.Yield(value, True), kw, value)

    def while_stmt(self, c):
        kw, test, body, _else, orelse = c
        return _span(A.While(test, body, orelse or []), kw, test)

    def if_stmt(self, c):
        kw, test, body, *rest = c
        _else, orelse = rest[-2], rest[-1]
        orelse = orelse or []
        for elif_ in reversed(rest[:-2]):
            elif_.orelse = orelse
            orelse = [elif_]
        return _span(A.If(test, body, orelse), kw, test)

    def elif_clause(self, c):
        kw, test, body = c
        return _span(A.If(test, body, []), kw, test)

    def try_stmt(self, c):
        kw, body, *rest = c
        handlers = [h for h in rest if isinstance(h, A.ExceptHandler)]
        tail = rest[len(handlers):]
        _else, orelse, _finally, finalbody = tail
        for h in handlers[:-1]:
            if h.type is None:
                raise _SyntaxProblem("SyntaxError", "default 'except:' must be last", h.line, h.col, h.end_col)
        return _span(A.Try(body, handlers, orelse or [], finalbody or []), kw, kw)

    def try_finally(self, c):
        kw, body, _finally, finalbody = c
        return _span(A.Try(body, [], [], finalbody), kw, kw)

    def except_clause(self, c):
        kw, type_, name, body = c
        return _span(A.ExceptHandler(type_, str(name) if name is not None else None, body), kw, type_ or kw)

    def funcdef(self, c):
        kw, name, _lpar, params, rpar, returns, body = c
        params = params if params is not None else _span(A.Params(), rpar, rpar)
        if keyword.iskeyword(str(name)):
            raise _SyntaxProblem("SyntaxError", "invalid syntax", name.line, name.column, name.end_column)
        return _span(A.FunctionDef(str(name), params, body, [], returns), kw, rpar)

    def classdef(self, c):
        kw, name, _lpar, args, rpar, body = c
        bases, keywords = [], []
        if args is not None:
            call = self.call([_span(A.Name(str(name)), name, name), _lpar, args, rpar])
            bases, keywords = call.args, call.keywords
        return _span(A.ClassDef(str(name), bases, keywords, body), kw, rpar or name)

    def decorator(self, c):
        return (c[0], c[1])

    def decorated(self, c):
        *decorators, definition = c
        definition.decorators = [expr for _, expr in decorators]
        at = decorators[0][0]
        definition.line, definition.col = at.line, at.column     # the statement starts at its first decorator
        return definition

    def parameters(self, c):
        return _params([x for x in c if isinstance(x, tuple)], c)

    def param(self, c):
        name, _colon, annotation, default = c
        return ("param", name, annotation, default)

    def star_param(self, c):
        op, name, _colon, annotation = c
        return ("slash" if str(op) == "/" else "star", name or op, annotation, None) \
            if str(op) in "*/" else _bad_token(op)

    def kw_param(self, c):
        _op, name, _colon, annotation = c
        return ("kw", name, annotation, None)

    def lambda_params(self, c):
        return _params([x for x in c if isinstance(x, tuple)], c)

    def lambda_param(self, c):
        name, default = c
        return ("param", name, None, default)

    def lambda_star(self, c):
        op, name = c
        return ("slash" if str(op) == "/" else "star", name or op, None, None) if str(op) in "*/" else _bad_token(op)

    def lambda_kw(self, c):
        return ("kw", c[1], None, None)

    def with_stmt(self, c):
        """`with a, b as n:` is `with a:` holding `with b as n:`, as Python runs it."""
        kw, items, body = c[0], c[1:-1], c[-1]
        for first, (ctx, name) in reversed(list(zip([kw] + [item[0] for item in items[1:]], items))):
            body = [_span(A.With(ctx, str(name) if name is not None else None, body), first, name or ctx)]
        return body[0]

    def with_item(self, c):
        return tuple(c)

    # ---- match statements (PEP 634) ----
    def match_stmt(self, c):
        kw, subject, _colon, *cases = c
        return _span(A.Match(subject, cases), kw, subject)

    def case_block(self, c):
        kw, pattern, _if, guard, _colon, body = c
        return _span(A.MatchCase(pattern, guard, body), kw, guard or pattern)

    def pattern_open_seq(self, c):
        items = [x for x in c if isinstance(x, A.Node)]
        return _span(self._sequence(items), items[0], items[-1])

    def pattern_seq(self, c):
        return _span(self._sequence([x for x in c[1:-1] if isinstance(x, A.Node)]), c[0], c[-1])

    @staticmethod
    def _sequence(items):
        stars = [x for x in items if isinstance(x, A.MatchStar)]
        if len(stars) > 1:
            raise _SyntaxProblem("SyntaxError", "multiple starred names in sequence pattern", stars[1].line,
                                 stars[1].col, stars[1].end_col)
        return A.MatchSequence(items)

    def pattern_star(self, c):
        star, name = c
        if str(star) != "*":
            raise _SyntaxProblem("SyntaxError", "invalid syntax", star.line, star.column, star.end_column)
        return _span(A.MatchStar(None if str(name) == "_" else str(name)), star, name)

    def pattern_as(self, c):
        pattern, name = c
        if str(name) == "_":
            raise _SyntaxProblem("SyntaxError", "cannot use '_' as a target", name.line, name.column, name.end_column)
        return _span(A.MatchCapture(str(name), pattern), pattern, name)

    def pattern_or(self, c):
        items = [x for x in c if isinstance(x, A.Node)]
        return _span(A.MatchOr(items), items[0], items[-1])

    def pattern_group(self, c):
        return c[1]

    def pattern_dotted(self, c):
        node = self.name([c[0]])
        for tok in c[1:]:
            node = self.getattr([node, tok])
        return node

    def pattern_name(self, c):
        node = c[0]
        if isinstance(node, A.Name):
            return _span(A.MatchCapture(None if node.id == "_" else node.id), node, node)
        return _span(A.MatchValue(node), node, node)

    def pattern_literal(self, c):
        toks = [t for t in c if t is not None]
        first = toks[0]
        if first.type in ("NONE", "TRUE", "FALSE"):
            return _span(A.MatchValue(self.__getattribute__(first.type.lower())([first]), identity=True), first, first)
        if first.type in ("STRING", "LONG_STRING"):
            value = self.strings(toks)
            if not isinstance(value, A.Const):
                raise _SyntaxProblem("SyntaxError", "patterns may only match literals and attribute lookups",
                                     first.line, first.column, first.end_column)
            return _span(A.MatchValue(value), first, toks[-1])
        number = toks[-1]
        value = {"FLOAT_NUMBER": self.float_, "IMAG_NUMBER": self.imag_}.get(number.type, self.int_)([number])
        if first.type == "ADD_OP":
            if str(first) != "-":
                raise _SyntaxProblem("SyntaxError", "invalid syntax", first.line, first.column, first.end_column)
            value = _span(A.Const(-value.value), first, number)
        return _span(A.MatchValue(value), first, number)

    def pattern_args(self, c):
        return [x for x in c if x is not None]

    def pattern_keyword(self, c):
        name, pattern = c
        node = _span(A.MatchCapture(str(name), pattern), name, pattern)   # (read by pattern_class)
        node.keyword = True
        return node

    def pattern_class(self, c):
        cls, _lpar, args, rpar = c
        positional, names, keywords = [], [], []
        for a in args or []:
            if getattr(a, "keyword", False):
                if a.name in names:
                    raise _SyntaxProblem("SyntaxError", f"attribute name repeated in class pattern: {a.name}",
                                         a.line, a.col, a.end_col)
                names.append(a.name)
                keywords.append(a.pattern)
            elif keywords:
                raise _SyntaxProblem("SyntaxError", "positional patterns follow keyword patterns", a.line, a.col,
                                     a.end_col)
            else:
                positional.append(a)
        return _span(A.MatchClass(cls, positional, names, keywords), cls, rpar)

    def pattern_mapping(self, c):
        keys, patterns, rest = [], [], None
        for e in c[1:-1]:
            if e is None:
                continue
            if isinstance(e, str):
                rest = e
            else:
                keys.append(e[0])
                patterns.append(e[1])
        return _span(A.MatchMapping(keys, patterns, rest), c[0], c[-1])

    def pattern_entry(self, c):
        key, _colon, pattern = c
        return (key.value if isinstance(key, A.MatchValue) else key, pattern)

    def pattern_rest(self, c):
        return str(c[1])

    def for_stmt(self, c):
        kw, target, it, body, _else, orelse = c
        return _span(A.For(target, it, body, orelse or []), kw, it)

    def target_list(self, c):
        return _targets(c)[0]

    def target_tuple(self, c):
        """A trailing comma makes even one target a tuple (`for x, in pairs`)."""
        elts = _targets(c)
        return _span(A.TupleExpr(elts), elts[0], elts[-1])

    # expressions
    def tuple(self, c):
        elts = [x for x in c if isinstance(x, A.Node)]
        return _span(A.TupleExpr(elts), elts[0], elts[-1])

    def ifexp(self, c):
        body, test, orelse = c
        return _span(A.IfExp(test, body, orelse), body, orelse)

    def lambdef(self, c):
        kw, params, body = c
        params = params if params is not None else _span(A.Params(), kw, kw)
        return _span(A.Lambda(params, body), kw, body)

    def or_(self, c):
        return _span(A.BoolOp("or", c), c[0], c[-1])

    def and_(self, c):
        return _span(A.BoolOp("and", c), c[0], c[-1])

    def not_(self, c):
        return _span(A.UnaryOp("not", c[1]), c[0], c[1])

    def comp_op(self, c):
        return " ".join(str(t) for t in c)

    def compare(self, c):
        return _span(A.Compare(c[0], c[1::2], c[2::2]), c[0], c[-1])

    def binop(self, c):
        left, op, right = c
        if isinstance(left, A.BinOp) and not getattr(left, "parenthesized", False):
            left.operands.append(right)
            left.ops.append(str(op))
            return _span(left, left, right)
        return _span(A.BinOp([left, right], [str(op)]), left, right)

    def unary(self, c):
        return _span(A.UnaryOp(str(c[0]), c[1]), c[0], c[1])

    def call(self, c):
        func, _lpar, args, rpar = c
        positional, keywords = [], []
        for a in (args or []):
            if isinstance(a, (A.Keyword, A.DoubleStarred)):
                if isinstance(a, A.Keyword) and a.name in {k.name for k in keywords if isinstance(k, A.Keyword)}:
                    raise _SyntaxProblem("SyntaxError", f"keyword argument repeated: {a.name}", a.line, a.col, a.end_col)
                keywords.append(a)
            elif keywords and not isinstance(a, A.Starred):
                unpacking = any(isinstance(k, A.DoubleStarred) for k in keywords)
                raise _SyntaxProblem("SyntaxError", "positional argument follows keyword argument" +
                                     (" unpacking" if unpacking else ""),
                                     a.line, a.col, a.end_col if a.end_line == a.line else None)
            elif keywords and any(isinstance(k, A.DoubleStarred) for k in keywords):
                raise _SyntaxProblem("SyntaxError", "iterable argument unpacking follows keyword argument unpacking",
                                     a.line, a.col, a.end_col if a.end_line == a.line else None)
            else:
                positional.append(a)
        return _span(A.Call(func, positional, keywords), func, rpar)

    def call_genexp(self, c):
        func, lpar, elt, *gens, rpar = c
        gen = _span(A.GeneratorExp(elt, gens), lpar, rpar)
        return _span(A.Call(func, [gen], []), func, rpar)

    def double_starred(self, c):
        op, value = c
        return _span(A.DoubleStarred(value), op, value)

    def walrus(self, c):
        name, value = c
        return _span(A.NamedExpr(str(name), value), name, value)

    def genexp(self, c):
        lpar, elt, *gens, rpar = c
        return _span(A.GeneratorExp(elt, gens), lpar, rpar)

    def dict_item(self, c):
        if len(c) == 2 and isinstance(c[0], P.Token):      # ** mapping
            return (None, c[1])
        return (c[0], c[2])

    def dict_(self, c):
        items = [x for x in c if isinstance(x, tuple)]
        return _span(A.DictExpr([k for k, _ in items], [v for _, v in items]), c[0], c[-1])

    def dictcomp(self, c):
        lbrace, key, _colon, value, *gens, rbrace = c
        return _span(A.DictComp(key, value, gens), lbrace, rbrace)

    def set_(self, c):
        elts = [x for x in c if isinstance(x, A.Node)]
        return _span(A.SetExpr(elts), c[0], c[-1])

    def setcomp(self, c):
        lbrace, elt, *gens, rbrace = c
        return _span(A.SetComp(elt, gens), lbrace, rbrace)

    def arguments(self, c):
        return [x for x in c if isinstance(x, A.Node)]

    def keyword(self, c):
        name, value = c
        return _span(A.Keyword(str(name), value), name, value)

    def starred(self, c):
        op, value = c
        if str(op) != "*":
            raise _SyntaxProblem("SyntaxError", "invalid syntax", op.line, op.column, op.end_column)
        return _span(A.Starred(value), op, value)

    def index(self, c):
        value, _lsqb, subs, rsqb = c
        return _span(A.Subscript(value, subs), value, rsqb)

    def subscript_tuple(self, c):  # (x[a, b], and x[a,] whose one index is the tuple (a,))
        items = [x for x in c if isinstance(x, A.Node)]
        return _span(A.TupleExpr(items), items[0], items[-1])

    def slice(self, c):
        lower, colon1, upper, colon2, step = c
        toks = [x for x in c if x is not None]
        return _span(A.Slice(lower, upper, step), toks[0], toks[-1])

    def getattr(self, c):
        value, name = c
        node = _span(A.Attribute(value, str(name)), value, name)
        node.attr_col = name.column
        return node

    def name(self, c):
        return _span(A.Name(str(c[0])), c[0], c[0])

    def int_(self, c):
        return _span(A.Const(int(str(c[0]).replace("_", ""), 0)), c[0], c[0])

    def float_(self, c):
        return _span(A.Const(float(str(c[0]).replace("_", ""))), c[0], c[0])

    def imag_(self, c):
        return _span(A.Const(complex(str(c[0]).replace("_", ""))), c[0], c[0])

    def none(self, c):
        return _span(A.Const(None), c[0], c[0])

    def true(self, c):
        return _span(A.Const(True), c[0], c[0])

    def false(self, c):
        return _span(A.Const(False), c[0], c[0])

    def ellipsis(self, c):
        return _span(A.Const(Ellipsis), c[0], c[0])

    def strings(self, c):
        values = []
        for tok in c:
            try:
                values.append(_string_value(tok))
            except (SyntaxError, ValueError) as e:
                raise _SyntaxProblem("SyntaxError", str(e.msg if hasattr(e, "msg") else e), tok.line, tok.column,
                                     tok.end_column if tok.end_line == tok.line else None)
        kinds = {type(v) for v in values}
        if bytes in kinds and len(kinds) > 1:
            raise _SyntaxProblem("SyntaxError", "cannot mix bytes and nonbytes literals", c[0].line, c[0].column)
        if all(not isinstance(v, tuple) for v in values):
            return _span(A.Const(values[0] if len(values) == 1 else type(values[0])().join(values)), c[0], c[-1])
        node = _span(A.FString(values), c[0], c[-1])
        self.fstrings.append(node)   # its {expressions} are parsed after the enclosing parse
        return node

    def empty_tuple(self, c):
        return _span(A.TupleExpr([]), c[0], c[-1])

    def paren_tuple(self, c):
        elts = [x for x in c if isinstance(x, A.Node)]
        return _span(A.TupleExpr(elts), c[0], c[-1])

    def paren(self, c):
        inner = c[1]
        if isinstance(inner, A.Starred):
            raise _SyntaxProblem("SyntaxError", "cannot use starred expression here", inner.line, inner.col, inner.end_col)
        if isinstance(inner, A.BinOp):
            inner.parenthesized = True
        inner.paren_start, inner.paren_end = (c[0].line, c[0].column), (c[-1].end_line, c[-1].end_column)
        return inner

    def comp_for(self, c):
        kw, target, it, *ifs = c
        return _span(A.Comprehension(target, it, ifs), kw, ifs[-1] if ifs else it)

    def listcomp(self, c):
        if isinstance(c[1], A.Starred):
            raise _SyntaxProblem("SyntaxError", "iterable unpacking cannot be used in comprehension",
                                 c[1].line, c[1].col, c[1].end_col)
        _lsqb, elt, *gens, rsqb = c
        return _span(A.ListComp(elt, gens), c[0], rsqb)

    def list_(self, c):
        elts = [x for x in c if isinstance(x, A.Node)]
        return _span(A.ListExpr(elts), c[0], c[-1])


def _targets(c):
    """The targets of a for, a comprehension or a del, each one that can be assigned to."""
    elts = [x for x in c if isinstance(x, A.Node)]
    for e in elts:
        problem = _target_problem(e.value if isinstance(e, A.Starred) else e)
        if problem:
            raise _SyntaxProblem("SyntaxError", f"cannot assign to {problem}", e.line, e.col,
                                 e.end_col if e.end_line == e.line else None)
    return elts


_state = {}


def _parser():
    p = _state.get("parser")
    if p is None:
        postlex = _PostLexer()
        builder = _Builder()
        p = _state["parser"] = P.Lark_StandAlone(postlex=postlex, transformer=builder)
        _state["postlex"], _state["builder"] = postlex, builder
    return p


def _check_text(source):
    text = source.text
    nul = text.find("\0")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        col = nul - (text.rfind("\n", 0, nul) + 1) + 1
        raise source.error("SyntaxError", "source code string cannot contain null bytes", line, col,
                           detail="the file contains a NUL byte")


def parse(text, filename="<input>", start="file"):
    """Parse a program (start='file': list of statements) or one expression (start='expression')."""
    source = text if isinstance(text, Source) else Source(text, filename)
    _check_text(source)
    body = source.text
    if start == "file" and not body.endswith("\n"):
        body += "\n"
    parser = _parser()
    postlex, builder = _state["postlex"], _state["builder"]
    postlex.expression_mode = start == "expression"
    builder.fstrings = []
    try:
        for _ in parser.lex(body):        # tokens first, so bracket errors win as in CPython
            pass
        result = parser.parse(body, start=start)
        pending, builder.fstrings = builder.fstrings, []
        for node in pending:
            _finish_fstring(node, source)
        return result
    except _SyntaxProblem as p:
        kind, message, line, col, end_col, detail, notes, incomplete = p.args_
        raise source.error(kind, message, line, col, end_col, detail=detail, notes=notes, incomplete=incomplete) from None
    except P.UnexpectedCharacters as e:
        raise _lex_error(source, e) from None
    except P.UnexpectedToken as e:
        raise _parse_error(source, e, postlex.history) from None
    except P.UnexpectedEOF as e:
        last = len(source.lines) or 1
        raise source.error("SyntaxError", "unexpected EOF while parsing", last, len(source.line(last)) + 1,
                           detail="the program ends in the middle of a statement", incomplete=True) from None
    finally:
        postlex.expression_mode = False


def _lex_error(source, e):
    line_text = source.line(e.line)
    ch = e.char
    rest = line_text[e.column - 1:]
    if ch in "'\"":
        if rest.startswith(ch * 3):
            return source.error("SyntaxError", f"unterminated triple-quoted string literal (detected at line {len(source.lines)})",
                                e.line, e.column, detail="this string is never closed", incomplete=True)
        return source.error("SyntaxError", f"unterminated string literal (detected at line {e.line})", e.line, e.column,
                            detail="this string is not closed on its line")
    if ch == "\\":
        return source.error("SyntaxError", "unexpected character after line continuation character", e.line, e.column,
                            detail="a '\\' continues a line only at its very end")
    if ord(ch) > 127 and not ch.isprintable() or ord(ch) > 127:
        return source.error("SyntaxError", f"invalid character '{ch}' (U+{ord(ch):04X})", e.line, e.column,
                            detail=f"'{ch}' cannot appear in a program outside a string")
    if ch == "!":
        return source.error("SyntaxError", "invalid syntax", e.line, e.column, detail="'!' is only valid in '!='")
    return source.error("SyntaxError", "invalid syntax", e.line, e.column,
                        detail=f"'{ch}' cannot appear here" if ch.strip() else "unexpected character")


def _describe(tok):
    if tok is None:
        return "the start"
    if tok.type == "_NL":
        return "the end of the line"
    if tok.type in ("_INDENT", "_DEDENT", "$END"):
        return "the end of the block"
    return f"'{tok}'"


def _parse_error(source, e, history):
    tok = e.token
    expected = set(e.expected) if e.expected else set()
    prev = history[0] if history[1] is tok else history[1]
    line, col = tok.line, tok.column
    if tok.type == "$END" or line is None:
        last = len(source.lines) or 1
        line, col = last, len(source.line(last)) + 1
    if tok.type == "_NL" and tok.value.startswith("#") is False:
        # point just after the last real token, where Python puts the caret for a short line
        if prev is not None and prev.type != "_NL":
            line, col = prev.end_line, prev.end_column
    if tok.type == "_INDENT":
        return source.error("IndentationError", "unexpected indent", tok.end_line, 1, len(tok.value) + 1,
                            detail="this line is indented more than the line before it, but no block opens here")
    if "_INDENT" in expected:
        header = _block_header(history, source, tok)
        if header:
            kind_word, hline = header
            msg = f"expected an indented block after '{kind_word}' statement on line {hline}"
        else:
            msg = "expected an indented block"
        at_end = tok.type in ("$END", "_DEDENT") or (tok.type == "_NL")
        return source.error("IndentationError", msg, line, col, detail=msg, incomplete=at_end)
    if prev is not None and prev.type == "NAME" and str(prev) in UNSUPPORTED_KEYWORDS:
        return source.error("SyntaxError", "invalid syntax", prev.line, prev.column, prev.end_column,
                            detail=f"'{prev}' is not part of tensorsh",
                            notes=[Note("tensorsh runs synchronous Python: no async/await")])
    if tok.type in ("ELSE", "ELIF", "EXCEPT", "FINALLY") and (prev is None or prev.type in ("_NL", "_INDENT", "_DEDENT")):
        return source.error("SyntaxError", "invalid syntax", line, col, tok.end_column,
                            detail=f"'{tok}' has no block to continue here")
    if "NAME" in expected and not ({"RPAR", "RSQB"} & expected and tok.type in ("RPAR", "RSQB")):
        if prev is not None and prev.type not in ("_NL", "_INDENT", "_DEDENT"):
            detail = f"expected an expression after {_describe(prev)}"
        else:
            detail = "expected an expression"
        if tok.type not in ("_NL", "$END"):
            detail += f", found {_describe(tok)}"
        return source.error("SyntaxError", "invalid syntax", line, col,
                            tok.end_column if tok.type not in ("_NL", "$END", "_DEDENT") else None, detail=detail,
                            incomplete=tok.type == "$END")
    if "COLON" in expected and len(expected) <= 3 and tok.type != "COLON":
        return source.error("SyntaxError", "expected ':'", line, col, detail="expected ':' at the end of the block header")
    if tok.type == "EQUAL" and prev is not None:
        return source.error("SyntaxError", "invalid syntax", line, col, tok.end_column,
                            detail="unexpected '=' (use '==' to compare; keyword arguments go inside a call)")
    found = _describe(tok)
    detail = f"unexpected {found}" + (f" after {_describe(prev)}" if prev is not None and prev.type != "_NL" else "")
    msg = "invalid syntax"
    if tok.type in ("NAME", "DEC_NUMBER", "FLOAT_NUMBER", "IMAG_NUMBER", "STRING", "HEX_NUMBER") and prev is not None \
            and prev.type in ("NAME", "DEC_NUMBER", "FLOAT_NUMBER", "IMAG_NUMBER", "STRING", "RPAR", "RSQB"):
        detail += " (a missing operator or comma?)"
    return source.error("SyntaxError", msg, line, col,
                        tok.end_column if tok.type not in ("_NL", "$END", "_DEDENT", "_INDENT") else None,
                        detail=detail)


def _block_header(history, source, tok):
    """(keyword, line) of the block header whose body is missing, from the source text."""
    line = (history[0].line if history[0] is not None else tok.line) or 1
    for n in range(min(line, len(source.lines)), 0, -1):
        stripped = source.line(n).lstrip()
        for word in BLOCK_WORDS:
            if stripped.startswith(word) and stripped[len(word):len(word) + 1] in (" ", "\t", ":", "("):
                if word in ("def", "class"):
                    return f"function definition" if word == "def" else "class definition", n
                return word, n
    return None


# ---- f-strings ----
def _finish_fstring(node, source):
    """Split each f-string token's body into literal text and parsed {expressions}."""
    parts = []
    for value in node.parts:
        if not isinstance(value, tuple):
            parts.append(value)
            continue
        _, prefix, body, tok = value
        quote = body[:3] if body[:3] in ('"""', "'''") else body[0]
        inner = body[len(quote):-len(quote)]
        start_col = tok.column + (len(str(tok)) - len(body)) + len(quote)
        parts.extend(_fstring_parts(inner, prefix, quote, tok, start_col, source))
    merged = []
    for p in parts:
        if isinstance(p, str) and merged and isinstance(merged[-1], str):
            merged[-1] += p
        elif p != "":
            merged.append(p)
    node.parts = merged


def _literal(text, prefix, quote, tok, source):
    import ast as pyast
    if "r" in prefix or "\\" not in text and "\r" not in text:
        return text
    try:
        return pyast.literal_eval(quote + text + quote)
    except (SyntaxError, ValueError) as e:
        raise source.error("SyntaxError", f"invalid string in f-string: {e}", tok.line, tok.column) from None


def _fstring_parts(inner, prefix, quote, tok, start_col, source, nested=False):
    parts, i, lit, n = [], 0, [], len(inner)
    while i < n:
        ch = inner[i]
        if ch == "{" and inner[i + 1:i + 2] == "{":
            lit.append("{"); i += 2; continue
        if ch == "}" and inner[i + 1:i + 2] == "}":
            lit.append("}"); i += 2; continue
        if ch == "}":
            raise source.error("SyntaxError", "f-string: single '}' is not allowed", tok.line, start_col + i,
                               detail="a single '}' in an f-string must be doubled as '}}'")
        if ch != "{":
            lit.append(ch); i += 1; continue
        parts.append(_literal("".join(lit), prefix, quote, tok, source)); lit = []
        j, depth, in_str = i + 1, 0, None
        expr_end = conv = spec_start = None
        while j < n:
            c = inner[j]
            if in_str:
                if c == in_str:
                    in_str = None
            elif c in "'\"":
                in_str = c
            elif c in "([{":
                depth += 1
            elif c in ")]}" and depth:
                depth -= 1
            elif depth == 0 and c == "}":
                break
            elif depth == 0 and c == "!" and inner[j + 1:j + 2] != "=" and expr_end is None:
                expr_end, conv = j, inner[j + 1:j + 2]
                j += 1
            elif depth == 0 and c == ":" and spec_start is None:
                if expr_end is None:
                    expr_end = j
                spec_start = j + 1
                k, braces = j + 1, 0
                while k < n:                    # the spec ends at its '}'; `{w}` fields inside it nest
                    if inner[k] == "{":
                        braces += 1
                    elif inner[k] == "}":
                        if not braces:
                            break
                        braces -= 1
                    k += 1
                j = k
                break
            j += 1
        if j >= n:
            raise source.error("SyntaxError", "f-string: expecting '}'", tok.line, start_col + i,
                               detail="this '{' in the f-string is never closed")
        expr_text = inner[i + 1:(expr_end if expr_end is not None else j)]
        spec = inner[spec_start:j] if spec_start is not None else None
        if spec is not None and "{" in spec:
            if nested:
                raise source.error("SyntaxError", "f-string: expressions nested too deeply", tok.line,
                                   start_col + spec_start, detail="a format spec's {} cannot hold another {}")
            spec = [p for p in _fstring_parts(spec, prefix, quote, tok, start_col + spec_start, source, True) if p != ""]
        self_doc = None
        stripped = expr_text.rstrip()
        if stripped.endswith("=") and not stripped.endswith(("==", "!=", "<=", ">=")):
            self_doc = expr_text
            expr_text = stripped[:-1]
        if not expr_text.strip():
            raise source.error("SyntaxError", "f-string: valid expression required before '}'", tok.line, start_col + i,
                               detail="an f-string's {} must hold an expression")
        if conv is not None and conv not in ("r", "s", "a"):
            raise source.error("SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                               tok.line, start_col + i)
        col = start_col + i + 1
        padded = "\n" * (tok.line - 1) + " " * (col - 1) + expr_text
        sub = Source(padded, source.filename)
        sub.lines = source.lines
        value = parse(sub, start="expression")
        fv = A.FormattedValue(value, conv, spec, self_doc)
        _span(fv, value, value)
        parts.append(fv)
        i = j + 1
    parts.append(_literal("".join(lit), prefix, quote, tok, source))
    return parts
