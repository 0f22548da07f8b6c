/* PyTorch's softmax and log_softmax kernels and their gradients (aten/src/ATen/native/cpu/SoftMaxKernel.cpp), for
 * one element type: _ckernels.c includes this file once for float and once for double, with
 *   T          the element type          S(name)  the name with the type's suffix
 *   VEXP VLOG  SLEEF's exp and log       SEXP     the C library's exp (PyTorch's scalar bodies)
 *   FMA        fused multiply-add        TREE     1: its vectors' lanes fold in halves (float's
 *                                                 VecReduceAllSIMD), 0: left to right (double's)
 *   LONE_ROW_FUSED   1: the softmax gradient of a single row fuses the ragged end of its sum g*y (float)
 * `lanes` is Vectorized<T>::size(); `vector_exp` says whether the vector exp is SLEEF's (else the C library's). */

static inline T S(vec_exp)(T x, int vector_exp) { return vector_exp ? VEXP(x) : SEXP(x); }

static T S(fold_lanes)(T *acc, int lanes)
{
    if (!TREE) {
        T total = acc[0];
        for (int k = 1; k < lanes; k++)
            total += acc[k];
        return total;
    }
    for (int half = lanes / 2; half >= 1; half /= 2) {
        T folded[16];
        for (int k = 0; k < lanes; k++)
            folded[k] = acc[k] + acc[k ^ half];
        memcpy(acc, folded, sizeof folded);
    }
    return acc[0];
}

/* vec::reduce_all with +: whole vectors lane by lane, a ragged end into the first lanes, then the lanes folded;
 * a run shorter than a vector is added left to right */
static T S(reduce_sum)(const T *v, Py_ssize_t n, int lanes)
{
    T acc[16];
    if (n < lanes) {
        T total = v[0];
        for (Py_ssize_t i = 1; i < n; i++)
            total += v[i];
        return total;
    }
    for (int k = 0; k < lanes; k++)
        acc[k] = v[k];
    Py_ssize_t d = lanes;
    for (; d < n - n % lanes; d += lanes)
        for (int k = 0; k < lanes; k++)
            acc[k] += v[d + k];
    for (int k = 0; d + k < n; k++)
        acc[k] += v[d + k];
    return S(fold_lanes)(acc, lanes);
}

/* _vec_softmax_lastdim: each row of `dim` contiguous floats; the max, e = exp(x - max), then e * (1 / sum e) */
static void S(softmax_rows)(const T *x, T *out, Py_ssize_t rows, Py_ssize_t dim, int lanes, int vector_exp)
{
    for (Py_ssize_t r = 0; r < rows; r++) {
        const T *in = x + r * dim;
        T *o = out + r * dim;
        T max = in[0];
        for (Py_ssize_t i = 1; i < dim; i++)  /* vec::maximum: NaN wins, and the order does not matter */
            max = (in[i] != in[i] || max != max) ? NAN : (in[i] > max ? in[i] : max);
        for (Py_ssize_t i = 0; i < dim; i++)
            o[i] = S(vec_exp)(in[i] - max, vector_exp);
        T scale = (T)1 / S(reduce_sum)(o, dim, lanes);
        for (Py_ssize_t i = 0; i < dim; i++)
            o[i] = o[i] * scale;
    }
}

/* _vec_log_softmax_lastdim: x - max - log(sum exp(x - max)) for each row */
static void S(log_softmax_rows)(const T *x, T *out, Py_ssize_t rows, Py_ssize_t dim, int lanes, T *scratch)
{
    for (Py_ssize_t r = 0; r < rows; r++) {
        const T *in = x + r * dim;
        T *o = out + r * dim;
        T max = in[0];
        for (Py_ssize_t i = 1; i < dim; i++)
            max = (in[i] != in[i] || max != max) ? NAN : (in[i] > max ? in[i] : max);
        for (Py_ssize_t i = 0; i < dim; i++)
            scratch[i] = VEXP(in[i] - max);
        T log_sum = VLOG(S(reduce_sum)(scratch, dim, lanes));
        for (Py_ssize_t i = 0; i < dim; i++)
            o[i] = in[i] - max - log_sum;
    }
}

/* _vec_logsoftmax along a dimension of stride `inner`: the columns in chunks of a multiple of `lanes` (so a
 * chunk's rows fit in 128 KB), each chunk's whole vectors with SLEEF's exp, the rest with the C library's,
 * the logs of the sums with SLEEF's. scratch: 2 * chunk floats. */
static void S(log_softmax_columns)(const T *x, T *out, Py_ssize_t outer, Py_ssize_t dim, Py_ssize_t inner,
                                int lanes, Py_ssize_t chunk, T *scratch)
{
    T *max = scratch, *sum = scratch + chunk;
    for (Py_ssize_t o = 0; o < outer; o++) {
        for (Py_ssize_t begin = 0; begin < inner; begin += chunk) {
            Py_ssize_t size = inner - begin < chunk ? inner - begin : chunk, whole = size - size % lanes;
            const T *in = x + o * dim * inner + begin;
            T *res = out + o * dim * inner + begin;
            for (Py_ssize_t c = 0; c < size; c++) {
                max[c] = -INFINITY;
                sum[c] = (T)0;
            }
            for (Py_ssize_t d = 0; d < dim; d++)
                for (Py_ssize_t c = 0; c < size; c++)
                    max[c] = in[d * inner + c] > max[c] ? in[d * inner + c] : max[c];
            for (Py_ssize_t d = 0; d < dim; d++)
                for (Py_ssize_t c = 0; c < size; c++) {
                    T v = in[d * inner + c] - max[c];
                    sum[c] += c < whole ? VEXP(v) : SEXP(v);
                }
            for (Py_ssize_t c = 0; c < size; c++)
                sum[c] = VLOG(sum[c]);
            for (Py_ssize_t d = 0; d < dim; d++)
                for (Py_ssize_t c = 0; c < size; c++)
                    res[d * inner + c] = in[d * inner + c] - max[c] - sum[c];
        }
    }
}

/* _vec_host_softmax_backward_lastdim, per row: s = sum g*y (vec::map2_reduce_all: every product rounded, except
 * that for a lone row the ragged end is fused into the lanes, as GCC compiled it), then (g - s) * y for softmax; for
 * log_softmax s = sum g (vec::reduce_all) and g - exp(y) * s in one fused multiply-add, exp being SLEEF's */
static void S(softmax_backward_rows)(const T *g, const T *y, T *out, Py_ssize_t rows, Py_ssize_t dim,
                                  int lanes, int log)
{
    for (Py_ssize_t r = 0; r < rows; r++) {
        const T *gr = g + r * dim, *yr = y + r * dim;
        T *o = out + r * dim, s;
        if (log) {
            s = S(reduce_sum)(gr, dim, lanes);
            for (Py_ssize_t i = 0; i < dim; i++)
                o[i] = FMA(-VEXP(yr[i]), s, gr[i]);
            continue;
        }
        if (dim < lanes) {
            s = gr[0] * yr[0];
            KEEP_ROUNDED(s);
            for (Py_ssize_t i = 1; i < dim; i++) {
                T p = gr[i] * yr[i];
                KEEP_ROUNDED(p);
                s += p;
            }
        } else {
            T acc[16];
            for (int k = 0; k < lanes; k++) {
                acc[k] = gr[k] * yr[k];
                KEEP_ROUNDED(acc[k]);
            }
            Py_ssize_t d = lanes;
            for (; d < dim - dim % lanes; d += lanes)
                for (int k = 0; k < lanes; k++) {
                    T p = gr[d + k] * yr[d + k];
                    KEEP_ROUNDED(p);
                    acc[k] += p;
                }
            for (int k = 0; d + k < dim; k++) {
                if (rows == 1 && LONE_ROW_FUSED) {  /* measured: float's lone row fuses its ragged end */
                    acc[k] = FMA(gr[d + k], yr[d + k], acc[k]);
                } else {
                    T p = gr[d + k] * yr[d + k];
                    KEEP_ROUNDED(p);
                    acc[k] += p;
                }
            }
            s = S(fold_lanes)(acc, lanes);
        }
        for (Py_ssize_t i = 0; i < dim; i++)
            o[i] = (gr[i] - s) * yr[i];
    }
}

/* _vec_softmax_backward / _vec_log_softmax_backward along a dimension of stride `inner`, in the same chunks as
 * log_softmax_columns: s = sum g*y (each product fused into the sum) or sum g down each column, then y * (g - s)
 * or g - exp(y) * s fused (exp: SLEEF's on a chunk's whole vectors, the C library's on the rest). scratch:
 * chunk floats. */
static void S(softmax_backward_columns)(const T *g, const T *y, T *out, Py_ssize_t outer, Py_ssize_t dim,
                                     Py_ssize_t inner, int lanes, Py_ssize_t chunk, int log, T *sum)
{
    for (Py_ssize_t o = 0; o < outer; o++) {
        for (Py_ssize_t begin = 0; begin < inner; begin += chunk) {
            Py_ssize_t size = inner - begin < chunk ? inner - begin : chunk, whole = size - size % lanes;
            Py_ssize_t base = o * dim * inner + begin;
            for (Py_ssize_t c = 0; c < size; c++)
                sum[c] = (T)0;
            for (Py_ssize_t d = 0; d < dim; d++)
                for (Py_ssize_t c = 0; c < size; c++) {
                    Py_ssize_t i = base + d * inner + c;
                    sum[c] = log ? sum[c] + g[i] : FMA(g[i], y[i], sum[c]);
                }
            for (Py_ssize_t d = 0; d < dim; d++)
                for (Py_ssize_t c = 0; c < size; c++) {
                    Py_ssize_t i = base + d * inner + c;
                    if (log)
                        out[i] = FMA(-(c < whole ? VEXP(y[i]) : SEXP(y[i])), sum[c], g[i]);
                    else
                        out[i] = y[i] * (g[i] - sum[c]);
                }
        }
    }
}

/* _vec_softmax over one thread's range [begin, end) of the outer*inner columns (dim apart): `lanes` columns at
 * a time where they lie within one row of inner and the range (vector exp, e / sum), the rest one by one
 * (std::max, std::exp, e / sum) */
static void S(softmax_columns)(const T *x, T *out, Py_ssize_t dim, Py_ssize_t inner, Py_ssize_t begin,
                            Py_ssize_t end, int lanes, int vector_exp)
{
    Py_ssize_t idx = begin;
    while (idx < end) {
        Py_ssize_t outer_idx = idx / inner, inner_idx = idx % inner, width;
        int vector = inner_idx + lanes <= inner && idx + lanes <= end;
        width = vector ? lanes : (idx + lanes > end ? end - idx : inner - inner_idx);
        for (Py_ssize_t j = 0; j < width; j++) {
            Py_ssize_t base = outer_idx * dim * inner + inner_idx + j;
            if (!vector) {
                base = (idx + j) / inner * dim * inner + (idx + j) % inner;
            }
            const T *in = x + base;
            T *o = out + base;
            T max = in[0], sum = (T)0;
            for (Py_ssize_t d = 1; d < dim; d++) {
                T v = in[d * inner];
                if (vector)
                    max = (v != v || max != max) ? NAN : (v > max ? v : max);
                else
                    max = max < v ? v : max;  /* std::max(max, v) */
            }
            for (Py_ssize_t d = 0; d < dim; d++) {
                T e = vector ? S(vec_exp)(in[d * inner] - max, vector_exp) : SEXP(in[d * inner] - max);
                o[d * inner] = e;
                sum += e;
            }
            for (Py_ssize_t d = 0; d < dim; d++)
                o[d * inner] = o[d * inner] / sum;
        }
        idx += width;
    }
}

