/* cascade_sum's 2-D loop body (kernels._sum_block) for float32 and float64, lane by lane.
 *
 * PyTorch's reduction loops (ATen's SumKernel.cpp) keep several vector accumulators; every lane of a vector
 * is an independent scalar sum, so summing lane by lane in the same order gives the same bits. The order is
 * the numpy port's in kernels.py (_seq, _multi_row_sum, _row_sum, _inner_sum, _sum_block): see there for the
 * names of PyTorch's functions each one follows. Elements are addressed by element offsets and strides into
 * one flat buffer; plain adds only, so the compiler (no -ffast-math) keeps every rounding.
 */
#define SUM_LANES 64                            /* lanes summed side by side (four vectors of 16 floats) */
#define SUM_FUNCTIONS(T, P)                                                                                   \
static T P##_seq(const T *base, Py_ssize_t n, Py_ssize_t stride)                                            \
{                                                                                                           \
    T acc = 0;                                                                                              \
    for (Py_ssize_t i = 0; i < n; i++)                                                                      \
        acc += base[i * stride];                                                                            \
    return acc;                                                                                             \
}                                                                                                           \
                                                                                                            \
/* multi_row_sum of one lane: n values `stride` apart, four levels of accumulators */                     \
static int P##_multi_row(const T *base, Py_ssize_t n, Py_ssize_t stride, T *result)                         \
{                                                                                                           \
    int log2 = n <= 2 ? 1 : 64 - __builtin_clzll((unsigned long long)(n - 1));                             \
    Py_ssize_t step = (Py_ssize_t)1 << (log2 / 4 > 4 ? log2 / 4 : 4);                                     \
    Py_ssize_t nb = n / step;                                                                               \
    T acc1 = 0, acc2 = 0, acc3 = 0;                                                                         \
    if (nb) {                                                                                               \
        T small[64];                              /* (a short lane: no allocation) */                       \
        T *sums = nb <= 64 ? small : PyMem_RawMalloc(nb * sizeof(T));                                       \
        if (sums == NULL)                                                                                   \
            return -1;                                                                                      \
        for (Py_ssize_t b = 0; b < nb; b++)                                                                 \
            sums[b] = P##_seq(base + b * step * stride, step, stride);                                      \
        Py_ssize_t n1 = nb / step;                                                                          \
        acc1 = P##_seq(sums + n1 * step, nb - n1 * step, 1);                                                \
        if (n1) {                                                                                           \
            for (Py_ssize_t c = 0; c < n1; c++)                   /* level 1, in place: c <= c * step */    \
                sums[c] = P##_seq(sums + c * step, step, 1);                                                \
            Py_ssize_t n2 = n1 / step;                                                                      \
            acc2 = P##_seq(sums + n2 * step, n1 - n2 * step, 1);                                            \
            for (Py_ssize_t d = 0; d < n2; d++)                                                             \
                acc3 += P##_seq(sums + d * step, step, 1);                                                  \
        }                                                                                                   \
        if (sums != small)                                                                                  \
            PyMem_RawFree(sums);                                                                            \
    }                                                                                                       \
    *result = ((P##_seq(base + nb * step * stride, n - nb * step, stride) + acc1) + acc2) + acc3;           \
    return 0;                                                                                               \
}                                                                                                           \
                                                                                                            \
/* row_sum of one lane: values dealt round-robin to four accumulators, the rest into the first */          \
static int P##_row(const T *base, Py_ssize_t n, Py_ssize_t stride, T *result)                               \
{                                                                                                           \
    Py_ssize_t quarter = n / 4;                                                                             \
    T partial[4];                                                                                           \
    for (int k = 0; k < 4; k++)                                                                             \
        if (P##_multi_row(base + k * stride, quarter, 4 * stride, &partial[k]) < 0)                         \
            return -1;                                                                                      \
    for (Py_ssize_t i = quarter * 4; i < n; i++)                                                            \
        partial[0] += base[i * stride];                                                                     \
    *result = ((partial[0] + partial[1]) + partial[2]) + partial[3];                                        \
    return 0;                                                                                               \
}                                                                                                           \
                                                                                                            \
/* The same sums for L <= SUM_LANES lanes side by side, lane l's values at base[l + i * stride]: each lane takes \
 * its own steps in the order above (the compiler vectorizes across the lanes). */                          \
static void P##_seq_lanes(const T *base, Py_ssize_t n, Py_ssize_t stride, Py_ssize_t L, T *out)             \
{                                                                                                           \
    T acc[SUM_LANES];                                                                                       \
    for (Py_ssize_t l = 0; l < L; l++)                                                                      \
        acc[l] = 0;                                                                                         \
    for (Py_ssize_t i = 0; i < n; i++)                                                                      \
        for (Py_ssize_t l = 0; l < L; l++)                                                                  \
            acc[l] += base[i * stride + l];                                                                 \
    for (Py_ssize_t l = 0; l < L; l++)                                                                      \
        out[l] = acc[l];                                                                                    \
}                                                                                                           \
                                                                                                            \
static int P##_multi_row_lanes(const T *base, Py_ssize_t n, Py_ssize_t stride, Py_ssize_t L, T *result)     \
{                                                                                                           \
    int log2 = n <= 2 ? 1 : 64 - __builtin_clzll((unsigned long long)(n - 1));                             \
    Py_ssize_t step = (Py_ssize_t)1 << (log2 / 4 > 4 ? log2 / 4 : 4);                                     \
    Py_ssize_t nb = n / step;                                                                               \
    T acc1[SUM_LANES], acc2[SUM_LANES], acc3[SUM_LANES], part[SUM_LANES];                                   \
    for (Py_ssize_t l = 0; l < L; l++)                                                                      \
        acc1[l] = acc2[l] = acc3[l] = 0;                                                                    \
    if (nb) {                                                                                               \
        T small[4 * SUM_LANES];                                                                             \
        T *sums = nb * L <= 4 * SUM_LANES ? small : PyMem_RawMalloc(nb * L * sizeof(T));                    \
        if (sums == NULL)                                                                                   \
            return -1;                                                                                      \
        for (Py_ssize_t b = 0; b < nb; b++)                                                                 \
            P##_seq_lanes(base + b * step * stride, step, stride, L, sums + b * L);                         \
        Py_ssize_t n1 = nb / step;                                                                          \
        P##_seq_lanes(sums + n1 * step * L, nb - n1 * step, L, L, acc1);                                    \
        if (n1) {                                                                                           \
            for (Py_ssize_t c = 0; c < n1; c++)                   /* level 1, in place: c <= c * step */    \
                P##_seq_lanes(sums + c * step * L, step, L, L, sums + c * L);                               \
            Py_ssize_t n2 = n1 / step;                                                                      \
            P##_seq_lanes(sums + n2 * step * L, n1 - n2 * step, L, L, acc2);                                \
            for (Py_ssize_t d = 0; d < n2; d++) {                                                           \
                P##_seq_lanes(sums + d * step * L, step, L, L, part);                                       \
                for (Py_ssize_t l = 0; l < L; l++)                                                          \
                    acc3[l] += part[l];                                                                     \
            }                                                                                               \
        }                                                                                                   \
        if (sums != small)                                                                                  \
            PyMem_RawFree(sums);                                                                            \
    }                                                                                                       \
    P##_seq_lanes(base + nb * step * stride, n - nb * step, stride, L, part);                               \
    for (Py_ssize_t l = 0; l < L; l++)                                                                      \
        result[l] = ((part[l] + acc1[l]) + acc2[l]) + acc3[l];                                              \
    return 0;                                                                                               \
}                                                                                                           \
                                                                                                            \
static int P##_row_lanes(const T *base, Py_ssize_t n, Py_ssize_t stride, Py_ssize_t L, T *result)           \
{                                                                                                           \
    Py_ssize_t quarter = n / 4;                                                                             \
    T partial[4][SUM_LANES];                                                                                \
    for (int k = 0; k < 4; k++)                                                                             \
        if (P##_multi_row_lanes(base + k * stride, quarter, 4 * stride, L, partial[k]) < 0)                 \
            return -1;                                                                                      \
    for (Py_ssize_t i = quarter * 4; i < n; i++)                                                            \
        for (Py_ssize_t l = 0; l < L; l++)                                                                  \
            partial[0][l] += base[i * stride + l];                                                          \
    for (Py_ssize_t l = 0; l < L; l++)                                                                      \
        result[l] = ((partial[0][l] + partial[1][l]) + partial[2][l]) + partial[3][l];                      \
    return 0;                                                                                               \
}                                                                                                           \
                                                                                                            \
/* `lanes` adjacent columns (lane stride 1), each summed down n rows `stride` apart by multi_row (multi) or   \
 * row, added into out */                                                                                   \
static int P##_column_lanes(int multi, const T *base, Py_ssize_t lanes, Py_ssize_t n, Py_ssize_t stride,    \
                            T *out, Py_ssize_t out_stride)                                                  \
{                                                                                                           \
    T vals[SUM_LANES];                                                                                      \
    for (Py_ssize_t l0 = 0; l0 < lanes; l0 += SUM_LANES) {                                                  \
        Py_ssize_t L = lanes - l0 < SUM_LANES ? lanes - l0 : SUM_LANES;                                     \
        if ((multi ? P##_multi_row_lanes : P##_row_lanes)(base + l0, n, stride, L, vals) < 0)               \
            return -1;                                                                                      \
        for (Py_ssize_t l = 0; l < L; l++)                                                                  \
            out[(l0 + l) * out_stride] += vals[l];                                                          \
    }                                                                                                       \
    return 0;                                                                                               \
}                                                                                                           \
                                                                                                            \
/* vectorized_inner_sum of one contiguous row: vec lanes of row sums, then the scalar tail, then the lanes */ \
static int P##_inner(const T *row, Py_ssize_t n, Py_ssize_t vec, T *result)                                 \
{                                                                                                           \
    Py_ssize_t nvec = n / vec;                                                                              \
    T acc = 0, lane[SUM_LANES];                                                                             \
    for (Py_ssize_t i = nvec * vec; i < n; i++)                                                             \
        acc += row[i];                                                                                      \
    for (Py_ssize_t l0 = 0; l0 < vec; l0 += SUM_LANES) {                                                    \
        Py_ssize_t L = vec - l0 < SUM_LANES ? vec - l0 : SUM_LANES;                                         \
        if (P##_row_lanes(row + l0, nvec, vec, L, lane) < 0)                                                \
            return -1;                                                                                      \
        for (Py_ssize_t l = 0; l < L; l++)                                                                  \
            acc += lane[l];                                                                                 \
    }                                                                                                       \
    *result = acc;                                                                                          \
    return 0;                                                                                               \
}                                                                                                           \
                                                                                                            \
typedef int (*P##_lane_sum)(const T *, Py_ssize_t, Py_ssize_t, T *);                                        \
                                                                                                            \
/* `lanes` columns `lane_stride` apart, each summed down `n` rows `stride` apart, added into out */          \
static int P##_columns(P##_lane_sum sum, const T *base, Py_ssize_t lanes, Py_ssize_t lane_stride,           \
                       Py_ssize_t n, Py_ssize_t stride, T *out, Py_ssize_t out_stride)                       \
{                                                                                                           \
    T value;                                                                                                \
    for (Py_ssize_t l = 0; l < lanes; l++) {                                                                \
        if (sum(base + l * lane_stride, n, stride, &value) < 0)                                             \
            return -1;                                                                                      \
        out[l * out_stride] += value;                                                                       \
    }                                                                                                       \
    return 0;                                                                                               \
}                                                                                                           \
                                                                                                            \
static int P##_sum_block(const T *in, T *out, Py_ssize_t size0, Py_ssize_t size1, Py_ssize_t in0,           \
                         Py_ssize_t in1, Py_ssize_t out0, Py_ssize_t out1, Py_ssize_t vec)                   \
{                                                                                                           \
    Py_ssize_t t;                                                                                           \
    if (out0 != 0 && out1 == 0) {               /* move the reduction to the first dimension */            \
        t = size0; size0 = size1; size1 = t;                                                                \
        t = in0; in0 = in1; in1 = t;                                                                        \
        t = out0; out0 = out1; out1 = t;                                                                    \
    }                                                                                                       \
    if (out0 != 0 && out1 != 0) {               /* not a reduction: out += in, element by element */        \
        for (Py_ssize_t j = 0; j < size1; j++)                                                              \
            for (Py_ssize_t i = 0; i < size0; i++)                                                          \
                out[j * out1 + i * out0] += in[j * in1 + i * in0];                                          \
        return 0;                                                                                           \
    }                                                                                                       \
    T value;                                                                                                \
    if (in0 == 1 && size0 >= vec) {                                                                         \
        for (Py_ssize_t j = 0; j < size1; j++) {                                                            \
            if (P##_inner(in + j * in1, size0, vec, &value) < 0)                                            \
                return -1;                                                                                  \
            out[j * out1] += value;                                                                         \
        }                                                                                                   \
        return 0;                                                                                           \
    }                                                                                                       \
    Py_ssize_t j = 0;                                                                                       \
    if (in1 == 1 && size1 >= vec) {             /* vectorized_outer_sum: columns contiguous */              \
        for (; j + 4 * vec <= size1; j += 4 * vec)                                                          \
            if (P##_column_lanes(1, in + j, 4 * vec, size0, in0, out + j * out1, out1) < 0)                  \
                return -1;                                                                                  \
        for (; j + vec <= size1; j += vec)                                                                  \
            if (P##_column_lanes(0, in + j, vec, size0, in0, out + j * out1, out1) < 0)                      \
                return -1;                                                                                  \
        return P##_column_lanes(0, in + j, size1 - j, size0, in0, out + j * out1, out1);                    \
    }                                                                                                       \
    if (in0 < in1)                              /* scalar_inner_sum */                                      \
        return P##_columns(P##_row, in, size1, in1, size0, in0, out, out1);                                 \
    for (; j + 3 < size1; j += 4)               /* scalar_outer_sum: four columns at a time */              \
        if (P##_columns(P##_multi_row, in + j * in1, 4, in1, size0, in0, out + j * out1, out1) < 0)          \
            return -1;                                                                                      \
    return P##_columns(P##_row, in + j * in1, size1 - j, in1, size0, in0, out + j * out1, out1);            \
}

SUM_FUNCTIONS(float, f32)
SUM_FUNCTIONS(double, f64)

/* sum_block(flat, out, in_off, out_off, size0, size1, in0, in1, out0, out1, vec): kernels._sum_block */
static PyObject *py_sum_block(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_buffer src, dst;
    Py_ssize_t n[9];                            /* in_off, out_off, size0, size1, in0, in1, out0, out1, vec */
    if (nargs != 11) {
        PyErr_SetString(PyExc_TypeError, "sum_block takes 11 arguments");
        return NULL;
    }
    for (int i = 0; i < 9; i++) {               /* (METH_FASTCALL: no argument tuple parsed by format) */
        n[i] = PyLong_AsSsize_t(args[2 + i]);
        if (n[i] == -1 && PyErr_Occurred())
            return NULL;
    }
    if (PyObject_GetBuffer(args[0], &src, PyBUF_SIMPLE) < 0)
        return NULL;
    if (PyObject_GetBuffer(args[1], &dst, PyBUF_WRITABLE) < 0) {
        PyBuffer_Release(&src);
        return NULL;
    }
    Py_ssize_t in_off = n[0], out_off = n[1], size0 = n[2], size1 = n[3], in0 = n[4], in1 = n[5], out0 = n[6],
               out1 = n[7], vec = n[8];
    int status = -2;
    if (src.itemsize == dst.itemsize && (src.itemsize == 4 || src.itemsize == 8)) {
        Py_BEGIN_ALLOW_THREADS
        if (src.itemsize == 4)
            status = f32_sum_block((const float *)src.buf + in_off, (float *)dst.buf + out_off,
                                   size0, size1, in0, in1, out0, out1, vec);
        else
            status = f64_sum_block((const double *)src.buf + in_off, (double *)dst.buf + out_off,
                                   size0, size1, in0, in1, out0, out1, vec);
        Py_END_ALLOW_THREADS
    }
    PyBuffer_Release(&src);
    PyBuffer_Release(&dst);
    if (status == -2) {
        PyErr_SetString(PyExc_TypeError, "sum_block: float32 or float64 buffers of one type are expected");
        return NULL;
    }
    if (status < 0)
        return PyErr_NoMemory();
    Py_RETURN_NONE;
}
