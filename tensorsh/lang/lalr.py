"""The LALR(1) parser and lexer that run the tables scripts/gen_parser.py computes from grammar/tensorsh.lark.

It does what Lark's standalone LALR parser does with `lexer="basic"` and `maybe_placeholders=True` (the
same tokens, the same shaping of a rule's children before its callback, the same errors), in a few
dozen lines that load at once: the tables are plain Python data in tensorsh/lang/_parser.py, so start-up
neither deserialises Lark's objects nor imports its runtime. Lark itself is needed only to regenerate them.
"""
import re


class Token(str):
    """A piece of the source: the text, with its terminal's name and position (1-based; end exclusive)."""

    __slots__ = ("type", "start_pos", "value", "line", "column", "end_line", "end_column", "end_pos")

    def __new__(cls, type, value, start_pos=None, line=None, column=None, end_line=None, end_column=None,
                end_pos=None):
        self = super().__new__(cls, value)
        self.type, self.value, self.start_pos, self.line, self.column = type, value, start_pos, line, column
        self.end_line, self.end_column, self.end_pos = end_line, end_column, end_pos
        return self

    @classmethod
    def new_borrow_pos(cls, type_, value, t):
        return cls(type_, value, t.start_pos, t.line, t.column, t.end_line, t.end_column, t.end_pos)

    def __repr__(self):
        return f"Token({self.type!r}, {self.value!r})"

    def __eq__(self, other):
        if isinstance(other, Token) and self.type != other.type:
            return False
        return str.__eq__(self, other)

    __hash__ = str.__hash__


class Transformer:
    """Base of the parser's callbacks object: a method per rule alias (or rule name) gets the rule's children."""


class UnexpectedInput(Exception):
    pass


class UnexpectedCharacters(UnexpectedInput):
    def __init__(self, text, pos, line, column, allowed=None):
        super().__init__(f"No terminal matches {text[pos]!r} at line {line} col {column}")
        self.char, self.pos_in_stream, self.line, self.column, self.allowed = text[pos], pos, line, column, allowed


class UnexpectedToken(UnexpectedInput):
    def __init__(self, token, expected, state=None):
        super().__init__(f"Unexpected token {token!r}, expected one of {sorted(expected)}")
        self.token, self.expected, self.state = token, expected, state
        self.line, self.column = token.line, token.column


class UnexpectedEOF(UnexpectedInput):
    """Never raised by an LALR parse (the end is a `$END` token); kept for the callers' except clauses."""


class _Inline:
    """The children of a `_rule` (Lark's inlined repetitions): spliced into the parent rule's children."""
    __slots__ = ("children",)

    def __init__(self, children):
        self.children = children


class Parser:
    """parse(text, start) and lex(text), with a postlexer (`process(tokens)`) and a callbacks object.

    tables: the dict _parser.py holds — `pattern` (one alternation of named groups), `unless` (terminal ->
    {text: the keyword terminal it is instead}), `ignore`, `newline` (terminals that may hold a newline), `states` (one dict
    per state: symbol -> state to shift to, or ~rule to reduce by), `rules` (origin, size, callback name,
    children to keep as (index, Nones before it), Nones after, whether one child stands for the rule,
    whether the rule's children are spliced into its parent), `start`/`end` (start rule -> state)."""

    def __init__(self, tables, postlex=None, transformer=None):
        self.t = tables
        self.postlex = postlex
        self.scanner = re.compile(tables["pattern"])
        self.rules = [(origin, size, _inline if inline else getattr(transformer, name, None) or _tree(name),
                       include, after, expand1)
                      for origin, size, name, include, after, expand1, inline in tables["rules"]]

    # ---- lexer ----
    def _tokens(self, text):
        match, unless = self.scanner.match, self.t["unless"]
        ignore, newline = self.t["ignore"], self.t["newline"]
        pos, line, line_start, end = 0, 1, 0, len(text)
        while pos < end:
            m = match(text, pos)
            if m is None:
                raise UnexpectedCharacters(text, pos, line, pos - line_start + 1,
                                           allowed=set(self.scanner.groupindex) - ignore)
            value, type_ = m.group(0), m.lastgroup
            column = pos - line_start + 1
            start, start_line = pos, line
            pos += len(value)
            if type_ in newline:
                n = value.count("\n")
                if n:
                    line += n
                    line_start = start + value.rindex("\n") + 1
            if type_ in ignore:
                continue
            if type_ in unless:                 # a keyword is a NAME the grammar spells out
                type_ = unless[type_].get(value, type_)
            yield Token(type_, value, start, start_line, column, line, pos - line_start + 1, pos)

    def lex(self, text):
        stream = self._tokens(text)
        return self.postlex.process(stream) if self.postlex is not None else stream

    # ---- parser ----
    def parse(self, text, start):
        states, rules = self.t["states"], self.rules
        end_state = self.t["end"][start]
        state_stack = [self.t["start"][start]]
        values = []
        token = None
        for token in self.lex(text):
            _feed(states, rules, state_stack, values, token, end_state, False)
        end = Token.new_borrow_pos("$END", "", token) if token is not None else Token("$END", "", 0, 1, 1)
        return _feed(states, rules, state_stack, values, end, end_state, True)


def _feed(states, rules, state_stack, values, token, end_state, is_end):
    type_ = token.type
    while True:
        row = states[state_stack[-1]]
        action = row.get(type_)
        if action is None:
            raise UnexpectedToken(token, {s for s in row if s.isupper()}, state=state_stack[-1])
        if action >= 0:
            state_stack.append(action)
            values.append(token)
            return None
        origin, size, callback, include, after, expand1 = rules[~action]
        if size:
            children = values[-size:]
            del state_stack[-size:]
            del values[-size:]
        else:
            children = []
        if include is not None:
            kept = []
            for i, nones in include:
                if nones:
                    kept += [None] * nones
                child = children[i]
                if child.__class__ is _Inline:
                    kept += child.children
                else:
                    kept.append(child)
            if after:
                kept += [None] * after
            children = kept
        value = children[0] if expand1 and len(children) == 1 else callback(children)
        state_stack.append(states[state_stack[-1]][origin])
        values.append(value)
        if is_end and state_stack[-1] == end_state:
            return values[-1]


def _inline(children):
    return _Inline(children)


class Tree:
    """A rule with no callback (none in tensorsh's grammar: the generator checks), as Lark's Tree."""

    def __init__(self, data, children):
        self.data, self.children = data, children

    def __repr__(self):
        return f"Tree({self.data!r}, {self.children!r})"


def _tree(name):
    return lambda children: Tree(name, children)
