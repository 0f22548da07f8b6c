"""Writes tensorsh/engine/_ckernels_vml_ex_data.h: the tables MKL's EX kernels index that are not regenerable from a
definition (per-interval polynomial coefficients; function values at nodes with extra bits packed into them), read
out of torch's libtorch_cpu.so from the address each kernel's own code loads (its `lea ...(%rip)` naming the data,
found by objdump), at the offset, stride and length it indexes with. Each kernel using them is checked bit for bit
against MKL's own in tests/engine/test_mkl_vml.py.

    python3 scripts/gen_vml_ex_data.py
"""
import os
import re
import struct
import subprocess

HEADER = os.path.join(os.path.dirname(__file__), "..", "tensorsh", "engine", "_ckernels_vml_ex_data.h")

# (C name, MKL's kernel, the data it loads, byte offset, rows, row stride in bytes, words a row, word bits, what)
TABLES = [
    ("vml_dtanh_table", "dTanh", "vdtanh_data", 0xa40, 60, 128, 13, 64,
     "float64 tanh's 60 intervals: {low part, tanh(c), degree 1, degrees 2..11, -c}"),
    ("vml_serf_table", "sErf", "vserf_data", 0, 1007, 8, 2, 32,
     "float32 erf at d = j/256 (d = 0 for j < 4): {erf(d) as 2^120 times the float of its low 26 bits, with 6 more "
     "bits of it above them; the slope there, scaled}"),
    ("vml_serfc_table", "sErfc", "vserfc_data", 0, 644, 8, 2, 32,
     "float32 erfc at d = j/64: {2^64 erfc(d); the low 26 bits of its slope's float under the first's exponent, "
     "with 6 more bits of erfc(d) above them}"),
    ("vml_derfc_table", "dErfc", "vderfc_data", 0, 3488, 16, 2, 64,
     "float64 erfc at d = j/128: float32's layout in double (55 bits of the slope, 9 more bits of erfc(d))"),
    ("vml_serfinv_table", "sErfInv", "vserfinv_data", 0, 192, 32, 8, 32,
     "float32 erfinv's 192 intervals of 1 - |x| (by its exponent and top 3 mantissa bits, from 1 down): "
     "{degree 0 (low), 1..4, 6 (the leading term), 5}"),
    ("vml_stanh_table", "sTanh", "vstanh_data", 0x540, 27, 64, 8, 64,
     "float32 tanh's 27 intervals of |x| (by its exponent and top 2 mantissa bits, from 0.109375; the last from "
     "10.25 up): the coefficients of degrees 0..7 of a polynomial in |x|, in double"),
    ("vml_dln_table", "dLn", "vdln_data", 0, 513, 16, 2, 64,
     "float64 log at y = 512..1024 (the rounded reciprocal of the mantissa, scaled): {-log(y) - 1013*log(2) high "
     "part (a multiple of 2^-43), its low part}"),
    ("vml_dln_rare_table", "dLn", "__internal_CoutTab", 0, 65, 24, 3, 64,
     "float64 log's scalar path (subnormal inputs), at j = 0..64: {1/(1 + j/64) rounded, log(1 + j/64) high part, "
     "its low part}"),
    ("vml_dsin_table", "dSin", "vdsin_data_ha", 0, 512, 32, 4, 64,
     "float64 sin at c = j*pi/256 (j = 0..511): {cos(c) less its head, the head (1, a power of two, 0...), sin(c), "
     "sin(c)'s low part}; dCos's vdcos_data_ha is the same table 128 rows on (cos(c) = sin(c + pi/2))"),
    ("vml_datan_table", "dAtan", "vdatan_data", 0, 5, 32, 4, 64,
     "float64 atan's 5 ranges of |x| (from 2.4375 down to 0): {c, the mask or 1 the reduction (|x| - c)/(1 + c|x|) "
     "takes, atan(c), its low part}"),
    ("vml_derfinv_table", "dErfInv", "vderfinv_data", 0, 212, 136, 17, 64,
     "float64 erfinv's 212 intervals of 1 - |x| (by its exponent and top 2 mantissa bits, from 1 down to 2^-53): "
     "{degree 0, 1..14, the leading factor's low and high parts}"),
    ("vml_slog10_table", "sLog10", "vslog10_data", 0, 129, 8, 2, 32,
     "float32 log10 at y = 111..222 (the rounded reciprocal of the mantissa times 111/256, at byte offset y's bits "
     "over 2^13 less 111's: 16 bytes apart below 128, 8 from 128): {-log10(y/111.1796875 ...) high part, low part}"),
    ("vml_slog10_rare_table", "sLog10", "__internal_CoutTab", 0, 65, 12, 3, 32,
     "float32 log10's scalar path (subnormal inputs), at j = 0..64: {1/(1 + j/64) rounded, log10(1 + j/64) high "
     "part, its low part}"),
    ("vml_slog2_table", "sLog2", "vslog2_data", 0, 129, 8, 2, 32,
     "float32 log2 at y = 92..184 (the rounded reciprocal of the mantissa times 23/16, laid out as log10's): "
     "{its -log2 high part, low part}"),
    ("vml_slog2_rare_table", "sLog2", "__internal_CoutTab", 0, 65, 12, 3, 32,
     "float32 log2's scalar path (subnormal inputs), at j = 0..64: {1/(1 + j/64) rounded, log2(1 + j/64) high "
     "part, its low part}"),
    ("vml_dlog2_table", "dLog2", "vdlog2_data", 0, 513, 16, 2, 64,
     "float64 log2 at y = 369..738 (the rounded reciprocal of the mantissa times 1.44140625, at byte offset y's bits "
     "over 2^39 less 369's: 32 bytes apart below 512, 16 from 512): {-log2 high part (the exponent's bias in it), low "
     "part}"),
    ("vml_dlog2_rcp_table", "dLog2", "__internal___libm_rcp_table_256", 0, 256, 4, 1, 32,
     "float64 log2's scalar path (subnormal inputs): the float reciprocal of 1 + j/256's interval, j = 0..255"),
    ("vml_dlog2_rare_table", "dLog2", "__internal___libm_log2_table_256", 0, 256, 16, 2, 64,
     "float64 log2's scalar path: -log2 of that reciprocal, {low part, high part}"),
    ("vml_dlog10_table", "dLog10", "vdlog10_data", 0, 257, 16, 2, 64,
     "float64 log10 at y = 222..444 (the rounded reciprocal of the mantissa times 0.43359375, at byte offset y's bits "
     "over 2^40 less 222's: 32 bytes apart below 256, 16 from 256): {-log10 high part, low part}"),
    ("vml_dlog10_rare_table", "dLog10", "__internal_CoutTab", 0, 65, 24, 3, 64,
     "float64 log10's scalar path (subnormal inputs), at j = 0..64: {0.43359375/(1 + j/64) rounded, log10(1 + j/64) "
     "high part, its low part}"),
    ("vml_dtan_table", "dTan", "vdtan_data", 0x600, 256, 104, 13, 64,
     "float64 tan at c = j*pi/256 (j = 0..255): {pi/2 - c, its low part, the weight of 1/(pi/2 - c - r), tan(c), "
     "its low part, degree 1's head, then the coefficients of degrees 1 (the rest) to 7 in r}"),
]


def _library():
    import torch
    return os.path.join(os.path.dirname(torch.__file__), "lib", "libtorch_cpu.so")


def _segments(f):
    f.seek(0)
    head = f.read(64)
    phoff, = struct.unpack_from("<Q", head, 32)
    size, count = struct.unpack_from("<HH", head, 54)
    for i in range(count):
        f.seek(phoff + i * size)
        kind, _, offset, vaddr, _, filesz, _, _ = struct.unpack("<IIQQQQQQ", f.read(56))
        if kind == 1:  # PT_LOAD
            yield vaddr, offset, filesz


def _data_address(lib, kernel, data):
    """the address of `data` that the kernel's code loads (the library holds one copy per MKL code path)"""
    symbols = subprocess.run(["nm", "-D", lib], capture_output=True, text=True, check=True).stdout
    start = int(re.search(rf"^([0-9a-f]+) T mkl_vml_kernel_{kernel}_EXHAynn$", symbols, re.M).group(1), 16)
    code = subprocess.run(["objdump", "-d", f"--start-address={start:#x}", f"--stop-address={start + 0x2000:#x}", lib],
                          capture_output=True, text=True, check=True).stdout
    return int(re.search(rf"lea .*# ([0-9a-f]+) <{data}>", code).group(1), 16)


def tables(lib=None):
    lib = lib or _library()
    out = ["/* Generated by scripts/gen_vml_ex_data.py from torch's libtorch_cpu.so: do not edit. */"]
    with open(lib, "rb") as f:
        segments = list(_segments(f))
        for name, kernel, data, offset, rows, stride, words, bits, what in TABLES:
            base = _data_address(lib, kernel, data) + offset
            vaddr, foff, _ = next(s for s in segments if s[0] <= base < s[0] + s[2])
            ctype, fmt, digits = ("uint64_t", "Q", 16) if bits == 64 else ("uint32_t", "I", 8)
            per_line = 4 if bits == 64 else 8  # (words a line; short rows share lines)
            items = []
            for row in range(rows):
                f.seek(foff + base - vaddr + row * stride)
                values = struct.unpack(f"<{words}{fmt}", f.read(words * bits // 8))
                text = [f"0x{v:0{digits}x}{'ull' if bits == 64 else 'u'}" for v in values]
                chunks = [", ".join(text[i:i + per_line]) for i in range(0, words, per_line)]
                items.append("{" + ",\n     ".join(chunks) + "}")
            together = max(1, per_line // words)
            lines = ["    " + ", ".join(items[i:i + together]) + "," for i in range(0, rows, together)]
            out.append(f"/* {what}\n * ({kernel}_EXHAynn's {data} + {offset:#x}) */")
            out.append(f"static const {ctype} {name}[{rows}][{words}] = {{\n" + "\n".join(lines) + "\n};")
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # (tests/engine/test_mkl_vml.py checks the header is what this makes)
    with open(HEADER, "w") as f:
        f.write(tables())
