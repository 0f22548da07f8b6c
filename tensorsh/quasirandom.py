"""torch.quasirandom: SobolEngine, PyTorch's Python class (torch/quasirandom.py) over the engine's Sobol' kernels,
so its points, its scrambling's draws from the generator and its errors are PyTorch's."""
from tensorsh.engine import sobol
from tensorsh.engine.errors import value_error
from tensorsh.engine.torch_api import NAMESPACE as T


class SobolEngine:
    """Sobol' points in [0, 1)^dimension (scrambled: Owen's linear matrix scramble plus a random digital shift)."""
    __module__ = "torch.quasirandom"
    __api__ = frozenset({"MAXBIT", "MAXDIM", "seed", "scramble", "dimension", "sobolstate", "shift", "quasi",
                         "num_generated", "draw", "draw_base2", "reset", "fast_forward"})
    __class_api__ = frozenset({"MAXBIT", "MAXDIM", "draw", "draw_base2", "reset", "fast_forward"})
    __settable__ = frozenset({"*"})
    __torch_dict__ = True  # (its attributes are PyTorch's, named alike)
    MAXBIT = sobol.MAXBIT
    MAXDIM = 21201

    def __init__(self, dimension, scramble=False, seed=None):
        if dimension > self.MAXDIM or dimension < 1:
            raise value_error(f"Supported range of dimensionality for SobolEngine is [1, {self.MAXDIM}]")
        self.seed, self.scramble, self.dimension = seed, scramble, dimension
        self.sobolstate = T["zeros"](dimension, self.MAXBIT, dtype=T["long"])
        sobol.initialize_state_(self.sobolstate, self.dimension)
        if not self.scramble:
            self.shift = T["zeros"](self.dimension, dtype=T["long"])
        else:
            self._scramble()
        self.quasi = self.shift.clone(memory_format=T["contiguous_format"])
        self._first_point = (self.quasi / 2 ** self.MAXBIT).reshape(1, -1)
        self.num_generated = 0

    def draw(self, n=1, out=None, dtype=None):
        if dtype is None:
            dtype = T["get_default_dtype"]()
        if self.num_generated == 0:  # (the first point is the shift itself; the walk starts after it)
            if n == 1:
                result = self._first_point.to(dtype)
            else:
                result, self.quasi = sobol.draw(self.quasi, n - 1, self.sobolstate, self.dimension,
                                                self.num_generated, dtype=dtype)
                result = T["cat"]((self._first_point.to(dtype), result), dim=-2)
        else:
            result, self.quasi = sobol.draw(self.quasi, n, self.sobolstate, self.dimension, self.num_generated - 1,
                                            dtype=dtype)
        self.num_generated += n
        if out is not None:
            out.resize_as_(result).copy_(result)
            return out
        return result

    def draw_base2(self, m, out=None, dtype=None):
        n = 2 ** m
        total_n = self.num_generated + n
        if not (total_n & (total_n - 1) == 0):
            raise value_error("The balance properties of Sobol' points require n to be a power of 2. "
                              f"{self.num_generated} points have been previously generated, then: "
                              f"n={self.num_generated}+2**{m}={total_n}. If you still want to do this, please use "
                              "'SobolEngine.draw()' instead.")
        return self.draw(n=n, out=out, dtype=dtype)

    def reset(self):
        self.quasi.copy_(self.shift)
        self.num_generated = 0
        return self

    def fast_forward(self, n):
        if self.num_generated == 0:
            sobol.ff_(self.quasi, n - 1, self.sobolstate, self.dimension, self.num_generated)
        else:
            sobol.ff_(self.quasi, n, self.sobolstate, self.dimension, self.num_generated - 1)
        self.num_generated += n
        return self

    def _scramble(self):
        g = None
        if self.seed is not None:
            g = T["Generator"]()
            g.manual_seed(self.seed)
        shift_ints = T["randint"](2, (self.dimension, self.MAXBIT), generator=g)
        self.shift = T["mv"](shift_ints, T["pow"](2, T["arange"](0, self.MAXBIT)))
        ltm = T["randint"](2, (self.dimension, self.MAXBIT, self.MAXBIT), generator=g).tril()
        sobol.scramble_(self.sobolstate, ltm, self.dimension)

    def __repr__(self):
        fmt_string = [f"dimension={self.dimension}"]
        if self.scramble:
            fmt_string += ["scramble=True"]
        if self.seed is not None:
            fmt_string += [f"seed={self.seed}"]
        return self.__class__.__name__ + "(" + ", ".join(fmt_string) + ")"


NAMESPACE = {"SobolEngine": SobolEngine}
