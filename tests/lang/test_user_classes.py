"""A program's classes are real Python classes: engine code calls their methods as Python calls a subclass's."""
from tensorsh.lang.errors import format_error
from tensorsh.lang.session import Session


class FakeModule:
    """Shaped like torch.nn.Module by the contract: __call__ runs self.forward, any public name may be set."""
    __module__ = "tensorsh.fake"
    __api__ = frozenset({"parameters"})
    __settable__ = frozenset({"*"})

    def __init__(self):
        object.__setattr__(self, "_registered", {})

    def __setattr__(self, name, value):
        self._registered[name] = value
        object.__setattr__(self, name, value)

    def __tsh_attrs__(self):
        return self._registered

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)

    def parameters(self):
        return list(self._registered.values())


class FakeFunction:
    """Shaped like torch.autograd.Function: apply calls cls.forward(ctx, *args)."""
    __module__ = "tensorsh.fake"
    __api__ = frozenset()

    @classmethod
    def apply(cls, *args):
        ctx = []
        out = cls.forward(ctx, *args)
        return out, cls.backward(ctx, 1)


def run(src):
    out = []
    s = Session(write=out.append, write_err=out.append)
    s.builtins.update(Module=FakeModule, Function=FakeFunction)
    err = s.run(src, "t.tsh")
    return "".join(out), err, s


def test_module_subclass_forward_super_and_registration():
    out, err, _ = run("class Net(Module):\n    def __init__(self, k):\n        super().__init__()\n"
                      "        self.k = k\n        self._cache = None\n    def helper(self, x):\n        return x * self.k\n"
                      "    def forward(self, x, scale=1):\n        return self.helper(x) * scale\n"
                      "net = Net(3)\nprint(net(2), net(2, scale=10), net.k, net.parameters(), net._cache, type(net).__name__)\n")
    assert err is None, format_error(err)
    assert out == "6 60 3 [3, None] None Net\n"


def test_function_subclass_static_methods_called_by_engine_code():
    out, err, _ = run("class Square(Function):\n    @staticmethod\n    def forward(ctx, x):\n        ctx.append(x)\n"
                      "        return x * x\n    @staticmethod\n    def backward(ctx, g):\n        x, = ctx\n"
                      "        return 2 * x * g\nprint(Square.apply(3))\n")
    assert err is None, format_error(err)
    assert out == "(9, 6)\n"


def test_error_in_a_method_called_by_engine_code_is_located_in_the_method():
    _, err, _ = run("class Net(Module):\n    def forward(self, x):\n        return x / 0\nNet()(1)\n")
    text = format_error(err)
    assert text.startswith("t.tsh:3:16: error: division by zero")
    assert "t.tsh:4:1: note: called from here" in text
    assert text.endswith("ZeroDivisionError: division by zero\n")


def test_user_object_attribute_set_rolled_back_with_failed_statement():
    out, err, s = run("class C:\n    pass\nc = C()\nc.v = 1\n")
    assert err is None
    err = s.run("c.v = 2\nc.w = 3\n1 / 0\n")
    assert err is not None
    # each top-level statement commits on its own: c.v = 2 and c.w = 3 succeeded before the failing line
    assert s.variables["c"].v == 2
    assert s.run("def f():\n    c.v = 5\n    c.new = 1\n    return undefined_name\n") is None
    err = s.run("f()")
    assert err.kind == "NameError" and s.variables["c"].v == 2 and not hasattr(s.variables["c"], "new")
