"""The Jupyter kernel: an ipykernel `Kernel` whose cells run in one tensorsh Session (`tensorsh.app.notebook`).

Started by Jupyter through the kernelspec `tensorsh kernel install` writes: `python -m tensorsh.app.kernel -f FILE`.
"""
from ipykernel.kernelbase import Kernel

from tensorsh import __version__
from tensorsh.app.notebook import NotebookShell, interrupted


class TensorshKernel(Kernel):
    implementation = "tensorsh"
    implementation_version = __version__
    language = "tensorsh"
    language_version = __version__
    language_info = {"name": "tensorsh", "version": __version__, "mimetype": "text/x-tensorsh",
                     "file_extension": ".tsh", "pygments_lexer": "tensorsh", "codemirror_mode": "python",
                     "nbconvert_exporter": "script"}
    banner = (f"tensorsh {__version__} \u2014 PyTorch storage and autograd experiments, printed as PyTorch 2.13 "
              "prints them. :help for help.")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.tsh = NotebookShell(self._stream, self._display("display_data"), self._display("execute_result"))
        self._silent = False

    @property
    def kernel_info(self):
        # one session on one thread: no subshells running beside it, and no Python debugger for tensorsh code
        return {**super().kernel_info, "supported_features": []}

    # ---- output to the front end ----
    def _stream(self, name, text):
        if not self._silent and text:
            self.send_response(self.iopub_socket, "stream", {"name": name, "text": text})

    def _display(self, kind):
        def send(bundle):
            if self._silent:
                return
            content = {"data": bundle, "metadata": {}}
            if kind == "execute_result":
                content["execution_count"] = self.execution_count
            self.send_response(self.iopub_socket, kind, content)
        return send

    # ---- requests ----
    async def do_execute(self, code, silent, store_history=True, user_expressions=None, allow_stdin=False,
                         **_ignored):
        from tensorsh.lang.errors import format_error
        self._silent = silent
        filename = f"In [{self.execution_count}]"
        try:
            error = self.tsh.run_cell(code, filename)
        except KeyboardInterrupt:       # in a meta command (:timeit): the reply still goes out, the kernel lives
            error = interrupted(filename)
        finally:
            self._silent = False
        if error is None:
            return {"status": "ok", "execution_count": self.execution_count, "payload": [], "user_expressions": {}}
        lines = format_error(error).rstrip("\n").split("\n")
        lines[0] = f"\x1b[1;31m{lines[0]}\x1b[0m"          # the headline, as a terminal compiler shows it
        content = {"ename": error.kind, "evalue": error.message, "traceback": lines}
        if not silent:
            self.send_response(self.iopub_socket, "error", content)
        return {"status": "error", "execution_count": self.execution_count, **content}

    async def do_complete(self, code, cursor_pos):
        cursor_pos = len(code) if cursor_pos is None else cursor_pos
        matches, start, end, metadata = self.tsh.complete(code, cursor_pos)
        return {"status": "ok", "matches": matches, "cursor_start": start, "cursor_end": end, "metadata": metadata}

    async def do_inspect(self, code, cursor_pos, detail_level=0, omit_sections=()):
        text = self.tsh.inspect(code, len(code) if cursor_pos is None else cursor_pos)
        return {"status": "ok", "found": text is not None, "metadata": {},
                "data": {} if text is None else {"text/plain": text}}

    async def do_is_complete(self, code):
        status, indent = self.tsh.is_complete(code)
        return {"status": status, "indent": indent} if status == "incomplete" else {"status": status}


def main():
    from ipykernel.kernelapp import IPKernelApp
    IPKernelApp.launch_instance(kernel_class=TensorshKernel)


if __name__ == "__main__":
    main()
