"""Builds the optional compiled loops (tensorsh/engine/_ckernels.c); everything else is in pyproject.toml.

optional=True: without a C compiler the install still succeeds and the engine uses its numpy kernels.
-fno-trapping-math lets the compiler vectorize the loops' selects; nothing in them traps or reads errno.
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("tensorsh.engine._ckernels", ["tensorsh/engine/_ckernels.c"],
                             extra_compile_args=["-O3", "-fno-math-errno", "-fno-trapping-math"],
                             optional=True)])
