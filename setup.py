"""Builds the optional compiled loops (tensorsh/engine/_ckernels.c); everything else is in pyproject.toml.

optional=True: without a C compiler the install still succeeds and the engine uses its numpy kernels.
-fno-trapping-math lets the compiler vectorize the loops' selects; nothing in them traps or reads errno.
libm is linked by name so that its functions bind to their current symbol versions, as PyTorch's library does:
an unversioned logf binds to glibc's old SVID wrapper, whose log of a negative number is +NaN, not -NaN.
On x86-64 Linux the AVX-512 clone of each loop may use whole 512-bit registers: compilers default to 256
bits there (to spare older Intel chips a lower clock), which costs these loops 10-15%.
"""
import platform
import sys

from setuptools import Extension, setup

flags = ["-O3", "-fno-math-errno", "-fno-trapping-math"]
if sys.platform.startswith("linux") and platform.machine() in ("x86_64", "AMD64"):
    flags.append("-mprefer-vector-width=512")

setup(ext_modules=[Extension("tensorsh.engine._ckernels", ["tensorsh/engine/_ckernels.c"],
                             depends=["tensorsh/engine/_ckernels_softmax.h", "tensorsh/engine/_ckernels_sum.h",
                                      "tensorsh/engine/_ckernels_sqrt.h", "tensorsh/engine/_ckernels_log1p.h",
                                      "tensorsh/engine/_ckernels_pow.h", "tensorsh/engine/_ckernels_sleef64.h",
                                      "tensorsh/engine/_ckernels_vml.h",
                                      "tensorsh/engine/_ckernels_vml_z0.h",
                                      "tensorsh/engine/_ckernels_vml_tables.h",
                                      "tensorsh/engine/_ckernels_vml_ex_data.h"],
                             extra_compile_args=flags, libraries=["m"], optional=True)])
