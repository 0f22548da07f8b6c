"""Rendering of engine state with rich: show tables, graph trees, explain notes, DOT.

Nothing here is imported until something renders: `default_renderer()` is the session's entry point.
"""


class Renderer:
    """What a Session calls for show() and graph(); plain (fixed width, no colour) or rich colour."""

    def __init__(self, plain=True, width=80):
        self.plain = plain
        self.width = width

    def _options(self, session):
        opts = getattr(session, "options", {}) or {}
        plain = self.plain if self.plain is not None else opts.get("plain", True)
        width = opts.get("width") or self.width or 80        # the shell passes its terminal's width
        return plain, width

    def show(self, session, items):
        from tensorsh.render.show import show_text
        plain, width = self._options(session)
        return show_text(session, items, plain=plain, width=width)

    def graph(self, session, tensor, path=None):
        from tensorsh.render.graph import graph_text, write_graph_file
        if path is not None:
            write_graph_file(session, tensor, path)
            return ""
        plain, width = self._options(session)
        return graph_text(session, tensor, plain=plain, width=width)

    def digraph(self, session, tensor):
        """make_dot(y)'s value: torchviz's Digraph, with tensorsh's DOT text."""
        from tensorsh.render.dot import Digraph, dot_source
        return Digraph(dot_source(session, tensor))


    def why(self, session, asked, trial):
        from tensorsh.render.why import why_text
        plain, width = self._options(session)
        return why_text(session, asked, trial, plain=plain, width=width)

    def history(self, session, tensor, text):
        from tensorsh.render.history import history_text
        plain, width = self._options(session)
        return history_text(session, tensor, text, plain=plain, width=width)

    def compare(self, session, items):
        from tensorsh.render.compare import compare_text
        plain, width = self._options(session)
        return compare_text(session, items, plain=plain, width=width)


def default_renderer():
    """The renderer a Session uses when none is given: follows the session's `plain` option."""
    return Renderer(plain=None, width=80)
