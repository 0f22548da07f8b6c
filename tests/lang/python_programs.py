"""Pure-Python programs whose output (and last error line) must be CPython's: the language runs Python."""

PROGRAMS = {
    "sys_gives_its_constants": """
import sys
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.byteorder, type(sys.version).__name__)
""",
    "a_subscript_with_a_trailing_comma_is_a_tuple": """
d = {}
d[1,] = 'one'
d[(1, 2),] = 'pair'
d[1, 2,] = 'two'
print(d, d[1,], d[(1, 2),])
class K:
    def __getitem__(self, k):
        return k
k = K()
print(k[1], k[1,], k[1, 2], k[1, 2,], k[(1, 2),], k[:, 1,], k[...,])
""",
    "and_or_never_test_the_last_operand": """
class Loud:
    def __bool__(self):
        raise ValueError("asked")
    def __repr__(self):
        return "Loud"
print(None or Loud(), 1 and Loud(), 0 or '' or [], 1 and 2 and 0)
f = lambda t: (print('side') or t)
print(f(Loud()))
try:
    print(Loud() or 1)
except ValueError as e:
    print(e)
""",
    "attribute_error_is_attribute_error": """
class C:
    pass
for get in [lambda: C().x, lambda: getattr(C(), 'y'), lambda: getattr(C, 'z')]:
    try:
        get()
    except Exception as e:
        print(type(e).__name__, type(e) is AttributeError, isinstance(e, AttributeError), e)
""",
    "def_defaults_kwonly_varargs": """
def f(a, b=2, *rest, k=1, **kw):
    return a, b, rest, k, sorted(kw.items())
print(f(1))
print(f(1, 3, 4, 5, k=9, z=0, y=1))
def g(a, /, b, *, c):
    return a + b + c
print(g(1, b=2, c=3))
""",
    "closures_nonlocal_global": """
counter = 0
def bump():
    global counter
    counter += 1
def make():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
bump(); bump()
inc = make()
inc(); inc(5)
print(counter, inc(), [f() for f in [make(), make()]])
adders = [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in adders])
""",
    "recursion_and_mutual": """
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def even(n):
    return True if n == 0 else odd(n - 1)
def odd(n):
    return False if n == 0 else even(n - 1)
print(fib(15), even(100), odd(7))
""",
    "control_flow": """
out = []
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    out.append(i)
else:
    out.append("no break")
n = 0
while n < 3:
    n += 1
else:
    out.append("while else")
for x in []:
    pass
else:
    out.append("empty for else")
print(out)
x = 5
print("big" if x > 3 else "small", 1 < x <= 5 < 6, not x, x is None, x is not None)
""",
    "try_except_finally": """
def risky(kind):
    try:
        if kind == 1:
            raise ValueError("bad value")
        if kind == 2:
            return {}["missing"]
        if kind == 3:
            return 1 / 0
        return "fine"
    except (ValueError, KeyError) as e:
        return f"{type(e).__name__}: {e}"
    except:
        return "bare"
    else:
        pass
    finally:
        print("finally", kind)
for k in range(4):
    print(risky(k))
try:
    try:
        raise RuntimeError("inner")
    except RuntimeError:
        raise
except RuntimeError as e:
    print("re-raised", e, e.args, repr(e), isinstance(e, Exception))
try:
    raise TypeError("x") from ValueError("y")
except TypeError as e:
    print("from", e)
def f():
    try:
        return 1
    finally:
        print("cleanup")
print(f())
""",
    "exception_classes": """
class MyError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise MyError("boom", 7)
except MyError as e:
    print(e, e.code, type(e).__name__, isinstance(e, Exception))
assert 1 + 1 == 2, "math"
try:
    assert False, "the message"
except AssertionError as e:
    print("assert:", e)
""",
    "classes": """
class Config:
    lr = 0.1
    def __init__(self, n):
        self.n = n
        self._hidden = n * 10
    def double(self):
        return self.n * 2
    @property
    def half(self):
        return self.n / 2
    @staticmethod
    def s(x):
        return x + 1
    @classmethod
    def c(cls):
        return cls.lr
    def __repr__(self):
        return f"Config(n={self.n})"
    def __len__(self):
        return self.n
    def __eq__(self, other):
        return isinstance(other, Config) and other.n == self.n
class Sub(Config):
    def __init__(self):
        super().__init__(3)
    def double(self):
        return super().double() + 1
c = Config(4)
print(c.double(), c.half, Config.s(1), Config.c(), c.lr, c.n, c._hidden, c, len(c), c == Config(4))
s = Sub()
print(s.double(), isinstance(s, Config), type(s).__name__, s.__class__.__name__, Sub.__name__)
c.n = 10
Config.lr = 0.5
print(c.double(), s.c(), hasattr(c, "n"), getattr(c, "missing", "default"))
""",
    "unpacking_and_data": """
a, *rest = [1, 2, 3, 4]
*init, last = "abc"
x, (y, z) = 1, (2, 3)
print(a, rest, init, last, x, y, z)
d = {"a": 1, "b": 2}
d["c"] = 3
print({**d, "d": 4}, list(d.items()), d.get("z", 0), d.pop("a"), d)
s = {3, 1, 2}
s.add(5)
print(sorted(s), {i % 3 for i in range(10)}, {k: v for k, v in zip("xy", (1, 2))})
print([i * j for i in range(3) for j in range(3) if i != j])
print(sum(i * i for i in range(10)), any(x > 3 for x in [1, 5]), all([]), max([3, 1, 2], key=lambda v: -v))
print(list(map(lambda v: v * 2, [1, 2])), list(filter(None, [0, 1, 2])), list(zip(*[[1, 2], [3, 4]])))
print(sorted([(2, "b"), (1, "a")], reverse=True), list(reversed(range(3))), list(enumerate("ab", 1)))
if (n := len(rest)) > 2:
    print("walrus", n)
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
del d["b"]
print(d, "b" in d, [1, 2, 3][::-1], "hello"[1:4], "a,b".split(","))
""",
    "strings_and_formatting": """
name, v = "loss", 0.123456
print(f"{name}: {v:.4f} {v!r} {name!r:>8} {v:10.2e} {42:05d} {'x'!s}")
print("{} {:.2f} {name}".format(1, 2.345, name="n"), "%s=%.3f %d%%" % ("a", 1.5, 50))
print("  pad ".strip().upper(), "a-b-c".replace("-", "+"), ", ".join(["x", "y"]), "abc".startswith("ab"))
print("{0[1]} {1[k]}".format([1, 2], {"k": 3}), "{:>6}|{:<6}|{:^6}".format("a", "b", "c"))
print(round(2.675, 2), round(7.5), abs(-3), divmod(7, 2), int("12") + float("1.5"), str(3) * 2, chr(65), ord("A"))
""",
    "math_random_time": """
import math, random, time
random.seed(42)
print(math.sqrt(16), math.pi, math.exp(1), math.floor(2.7), math.isclose(0.1 + 0.2, 0.3))
print(random.random(), random.randint(1, 10), random.choice([1, 2, 3]), random.uniform(0, 1))
xs = list(range(10))
random.shuffle(xs)
print(xs, random.sample(range(100), 3), random.gauss(0, 1))
t = time.perf_counter()
print(time.perf_counter() >= t, type(time.time()).__name__)
""",
    "generators": """
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"
print(list(count(3)), sum(x * x for x in count(4)), dict(zip("ab", count(2))))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value, repr(e), type(e).__name__, e.args)
print(type(count(1)).__name__, type(count(1)), next(count(5), "x"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib():
    if v > 50:
        break
    out.append(v)
print(out)
def gen_for(xs):
    for x in xs:
        if x % 2:
            continue
        yield x
    else:
        yield "end"
print(list(gen_for(range(5))), list(gen_for([])))
def empty():
    return
    yield
print(list(empty()))
class Tree:
    def __init__(self, value, kids=()):
        self.value, self.kids = value, list(kids)
    def __iter__(self):
        yield self.value
        for k in self.kids:
            yield from k
    def walk(self):
        yield from iter(self)
t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t), [v * 10 for v in t.walk()], 3 in t)
def outer():
    def inner():
        yield 1
    return list(inner()) + [n for n in inner()]
print(outer())
def pairs(xs):
    it = iter(xs)
    for a in it:
        b = next(it, None)
        yield a, b
print(list(pairs(range(5))))
def maker():
    def made():
        yield 1
    return made()
print(maker().__name__, maker().__qualname__, count(2).__name__)
""",
    "generator_send_throw_close": """
def inner():
    x = yield 1
    print("got", x)
    y = yield x * 2
    return y
def outer():
    r = yield from inner()
    print("inner returned", r)
    yield from [7, 8]
    yield from range(2)
g = outer()
print(next(g), g.send(5), g.send(9))
print(list(g))
def tryer():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", e)
        yield 3
    finally:
        print("finally")
g = tryer()
print(next(g))
print(g.throw(ValueError("boom")))
g.close()
print("closed")
g.close()
def acc():
    total = 0
    while True:
        total += yield total
a = acc()
next(a)
print(a.send(3), a.send(4))
try:
    acc().send(1)
except TypeError as err:
    print(err)
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as err:
    print(err)
def bad():
    yield 1
    next(iter([]))
try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e)
def echo():
    received = None
    while True:
        received = (yield received)
        if received == "stop":
            return "stopped"
e = echo()
next(e)
print(e.send("a"), e.send("b"))
try:
    e.send("stop")
except StopIteration as stop:
    print(stop.value)
""",
    "fstring_nested_specs": """
x, w, p = 3.14159, 10, 3
print(f"{x:{w}}|{x:{w}.{p}f}|{'ab'!r:>{w}}|")
print(f"{x=:{w}.{p}}|{x:>{w}.{p}e}|{42:{'0'}{5}d}")
fill, align = "*", "^"
print(f"{'mid':{fill}{align}{w}}", f"{255:{'x'}}", f"{1234567:{','}}", f"{0.5:{'%'}}")
for width in range(3, 6):
    print(f"[{width:{width}}]")
""",
    "builtin_reprs": """
def f(a):
    return a
class Net:
    pass
print(type(print).__name__, repr(print), print, len, abs)
print(type(len), type(range(3)), type(None), type(f), type(f).__name__)
print(max, min, sum, sorted, any, all, round, pow, isinstance, getattr, hasattr, setattr, id, format)
print(type(max).__name__, type(round).__name__, type(getattr).__name__, type(id).__name__, type(type))
print(type(zip([1], [2])), type(enumerate([1])), type(iter([1])), type(map(abs, [1])), type(reversed([1])))
print(Net, type(Net()), type(Net).__name__, type(Net), repr(f).split(" at ")[0], repr(Net()).split(" at ")[0])
print(repr(lambda x: x).split(" at ")[0], print.__name__, max.__name__, type(print) is type(len))
import math
print(type(math), type(math).__name__, type(math.sqrt).__name__)
print(type(x for x in []).__name__, type(print).__name__ == "builtin_function_or_method", callable(print))
print(ValueError, type(ValueError("x")), type(1), type("a"), type([]), type({}), type(()), type(1.5))
""",
}

# Programs that end in an error: the last line must be CPython's last traceback line.
ERRORS = {
    "missing_argument": ("def f(x, y): return x\nf(1)\n", "TypeError: f() missing 1 required positional argument: 'y'"),
    "too_many": ("def f(x): return x\nf(1, 2)\n", "TypeError: f() takes 1 positional argument but 2 were given"),
    "unexpected_kw": ("def f(x): return x\nf(1, z=2)\n", "TypeError: f() got an unexpected keyword argument 'z'"),
    "kwonly_missing": ("def f(*, k): return k\nf()\n", "TypeError: f() missing 1 required keyword-only argument: 'k'"),
    "method_args": ("class A:\n    def m(self, x): return x\nA().m()\n",
                    "TypeError: A.m() missing 1 required positional argument: 'x'"),
    "name_error": ("def f():\n    return undefined\nf()\n", "NameError: name 'undefined' is not defined"),
    "unbound_local": ("def f():\n    print(x)\n    x = 1\nf()\n",
                      "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value"),
    "zero_division": ("def f(a):\n    return a / 0\nf(1)\n", "ZeroDivisionError: division by zero"),
    "index_error": ("x = [1]\nx[5]\n", "IndexError: list index out of range"),
    "key_error": ("d = {}\nd['k']\n", "KeyError: 'k'"),
    "stop_iteration": ("next(iter([]))\n", "StopIteration"),
    "raise_runtime": ("raise RuntimeError('custom message')\n", "RuntimeError: custom message"),
    "raise_user_class": ("class E(Exception): pass\nraise E('mine')\n", "E: mine"),
    "assert_message": ("assert 1 > 2, 'one is not bigger'\n", "AssertionError: one is not bigger"),
    "reraise_none": ("raise\n", "RuntimeError: No active exception to reraise"),
    "recursion": ("def f(n):\n    return f(n + 1)\nf(0)\n", "RecursionError: maximum recursion depth exceeded"),
    "unpack_star": ("a, *b, c = [1]\n", "ValueError: not enough values to unpack (expected at least 2, got 1)"),
    "not_iterable": ("for x in 5:\n    pass\n", "TypeError: 'int' object is not iterable"),
    "attribute_user": ("class A: pass\nA().missing\n", "AttributeError: 'A' object has no attribute 'missing'"),
    "catch_non_exception": ("try:\n    1/0\nexcept 5:\n    pass\n",
                            "TypeError: catching classes that do not inherit from BaseException is not allowed"),
    "raise_non_exception": ("raise 5\n", "TypeError: exceptions must derive from BaseException"),
    "generator_body_error": ("def g(a):\n    yield 1\n    yield a / 0\nlist(g(2))\n", "ZeroDivisionError: division by zero"),
    "generator_stop_iteration": ("def g():\n    yield 1\n    next(iter([]))\nlist(g())\n",
                                 "RuntimeError: generator raised StopIteration"),
    "yield_from_non_iterable": ("def g():\n    yield from 5\nlist(g())\n", "TypeError: 'int' object is not iterable"),
    "generator_exhausted": ("def g():\n    yield 1\nx = g()\nnext(x)\nnext(x)\n", "StopIteration"),
    "generator_return_value": ("def g():\n    return 5\n    yield\nnext(g())\n", "StopIteration: 5"),
    "send_to_new_generator": ("def g():\n    yield 1\ng().send(2)\n",
                              "TypeError: can't send non-None value to a just-started generator"),
    "fstring_nested_spec_error": ("w = 'q'\nprint(f'{1.5:{w}}')\n",
                                  "ValueError: Unknown format code 'q' for object of type 'float'"),
}
