package glassbox.tensor;

/**
 * Reductions: sum, mean, variance, max/min with indices, argmax, logsumexp.
 *
 * <p>Backward of a sum copies the output gradient back to every element that was added
 * (d(sum x)/dx_i = 1); a mean also divides by the count.
 */
final class Reductions {
    private Reductions() {
    }

    /** Sum of all elements.  Backward: dL/dx_i = dL/dout. */
    static Tensor sum(Tensor a) {
        float[] x = a.data();
        double s = ArrayMath.sum(x, 0, x.length);  // x[0] + x[1] + ..., 32 at a time when SIMD is on
        Tensor out = Tensor.result(new float[] {(float) s}, new int[0], "sum", a);
        return out.onBackward(() -> a.addGrad(Tensor.full(out.grad().item(), a.shape)));
    }

    /** Sum over the given dimensions.  Backward: dL/dout broadcast back over the summed dimensions. */
    static Tensor sum(Tensor a, int[] dims, boolean keepDim) {
        int r = a.shape.length;
        boolean[] reduce = new boolean[r];
        for (int dim : dims) {
            int d = Shape.dim("sum", dim, r);
            if (r > 0) reduce[d] = true;  // a scalar (shape []) has nothing to reduce: its sum is itself
        }
        int[] kept = a.shape.clone();
        int reduced = 0, only = -1;
        for (int d = 0; d < r; d++) {
            if (reduce[d]) {
                kept[d] = 1;
                reduced++;
                only = d;
            }
        }
        float[] z = reduced == 1 ? sumAlong(a.data(), a.shape, only) : sumOver(a.data(), a.shape, reduce, kept);
        int[] outShape = keepDim ? kept : dropReduced(a.shape, reduce);
        Tensor out = Tensor.result(z, outShape, "sum", a);
        return out.onBackward(() -> a.addGrad(Views.expand(Views.reshape(out.grad(), kept), a.shape)));
    }

    /** Sum along one dimension d, the input seen as [outer, n, inner]: out[o][i] = sum_k x[o][k][i]. */
    private static float[] sumAlong(float[] x, int[] shape, int d) {
        int n = shape[d], outer = outer(shape, d), inner = inner(shape, d);
        float[] z = new float[outer * inner];
        if (inner == 1) {                                   // the last dimension: one running sum per row
            for (int o = 0; o < outer; o++) z[o] = (float) ArrayMath.sum(x, o * n, n);
            return z;
        }
        double[] acc = new double[inner];                   // otherwise add whole rows of inner values
        for (int o = 0; o < outer; o++) {
            java.util.Arrays.fill(acc, 0);
            for (int k = 0; k < n; k++) {
                int at = (o * n + k) * inner;
                for (int i = 0; i < inner; i++) acc[i] += x[at + i];
            }
            for (int i = 0; i < inner; i++) z[o * inner + i] = (float) acc[i];
        }
        return z;
    }

    /** Sum over any set of dimensions: each element adds into the output cell it reduces to. */
    private static float[] sumOver(float[] x, int[] shape, boolean[] reduce, int[] kept) {
        int r = shape.length;
        // Walk the input in row-major order; pos follows the output cell of the current element.
        int[] outStrides = Shape.contiguousStrides(kept);
        for (int d = 0; d < r; d++) if (reduce[d]) outStrides[d] = 0;
        double[] acc = new double[Shape.numel(kept)];
        int[] idx = new int[r];
        int pos = 0;
        for (float v : x) {
            acc[pos] += v;
            for (int d = r - 1; d >= 0; d--) {
                idx[d]++;
                pos += outStrides[d];
                if (idx[d] < shape[d]) break;
                pos -= outStrides[d] * shape[d];
                idx[d] = 0;
            }
        }
        float[] z = new float[acc.length];
        for (int i = 0; i < z.length; i++) z[i] = (float) acc[i];
        return z;
    }

    static int[] dropReduced(int[] shape, boolean[] reduce) {
        int n = 0;
        for (boolean b : reduce) if (!b) n++;
        int[] out = new int[n];
        for (int d = 0, k = 0; d < shape.length; d++) if (!reduce[d]) out[k++] = shape[d];
        return out;
    }

    /** Mean of all elements: sum / n. */
    static Tensor mean(Tensor a) {
        return sum(a).div(Math.max(a.numel(), 1));
    }

    /** Mean over the given dimensions: sum / (number of elements summed). */
    static Tensor mean(Tensor a, int[] dims, boolean keepDim) {
        int count = 1;
        boolean[] seen = new boolean[a.shape.length];
        for (int dim : dims) {
            int d = Shape.dim("mean", dim, a.shape.length);
            if (a.shape.length == 0 || seen[d]) continue;
            count *= a.shape[d];
            seen[d] = true;
        }
        return sum(a, dims, keepDim).div(Math.max(count, 1));
    }

    /** Variance along dim: sum((x - mean)^2) / (n - 1 if unbiased else n), built from the ops above. */
    static Tensor var(Tensor a, int dim, boolean keepDim, boolean unbiased) {
        int d = Shape.dim("var", dim, a.shape.length);
        int n = sizeAlong(a.shape, d);
        Tensor centered = a.sub(mean(a, new int[] {d}, true));
        return sum(centered.mul(centered), new int[] {d}, keepDim).div(unbiased ? Math.max(n - 1, 1) : n);
    }

    /** Unbiased variance of all elements. */
    static Tensor var(Tensor a) {
        Tensor centered = a.sub(mean(a));
        return sum(centered.mul(centered)).div(Math.max(a.numel() - 1, 1));
    }

    /** Standard deviation along dim: sqrt(var).  Backward: through var and sqrt. */
    static Tensor std(Tensor a, int dim, boolean keepDim, boolean unbiased) {
        return MathOps.sqrt(var(a, dim, keepDim, unbiased));
    }

    /** Unbiased standard deviation of all elements. */
    static Tensor std(Tensor a) {
        return MathOps.sqrt(var(a));
    }

    // ---- max / min ---------------------------------------------------------------------------------
    // A reduction along dimension d sees the (contiguous) input as [outer, n, inner]:
    // outer = product of the sizes before d, n = the size of d, inner = product of the sizes after d.
    // Element (o, k, i) sits at index (o * n + k) * inner + i, and its output cell is o * inner + i.

    /** out = max over all x_i.  Backward: dL/dout goes to the largest element (split evenly between ties). */
    static Tensor max(Tensor a) {
        return extremeAll("max", a, true);
    }

    /** out = min over all x_i.  Backward: dL/dout goes to the smallest element (split evenly between ties). */
    static Tensor min(Tensor a) {
        return extremeAll("min", a, false);
    }

    private static Tensor extremeAll(String op, Tensor a, boolean max) {
        float[] x = a.data();
        if (x.length == 0) {
            throw new ShapeException(op + "(): the tensor of shape " + Shape.str(a.shape) + " is empty, it has no "
                    + (max ? "largest" : "smallest") + " element");
        }
        float best = x[0];
        for (float v : x) {
            if (Float.isNaN(v)) {          // NaN wins, as in NumPy and PyTorch: it signals a bug upstream
                best = v;
                break;
            }
            if (max ? v > best : v < best) best = v;
        }
        float result = best;
        Tensor out = Tensor.result(new float[] {result}, new int[0], op, a);
        return out.onBackward(() -> {
            int ties = 0;
            for (float v : x) if (v == result) ties++;
            float share = out.grad().item() / Math.max(ties, 1);
            float[] d = new float[x.length];
            for (int i = 0; i < d.length; i++) if (x[i] == result) d[i] = share;
            a.addGrad(Tensor.fromArray(d, a.shape));
        });
    }

    /**
     * The largest values along dim and their indices.  Backward: dL/dvalues goes to the element
     * that was picked (the first one on a tie); the others get 0.
     */
    static MaxMin max(Tensor a, int dim, boolean keepDim) {
        return extremeAlong("max", a, dim, keepDim, true);
    }

    /** The smallest values along dim and their indices.  Backward: as {@link #max(Tensor, int, boolean)}. */
    static MaxMin min(Tensor a, int dim, boolean keepDim) {
        return extremeAlong("min", a, dim, keepDim, false);
    }

    private static MaxMin extremeAlong(String op, Tensor a, int dim, boolean keepDim, boolean max) {
        int d = Shape.dim(op, dim, a.dim());
        int n = sizeAlong(a.shape, d), outer = outer(a.shape, d), inner = inner(a.shape, d);
        float[] x = a.data();
        int[] best = extremeIndices(op, a, x, outer, n, inner, max);
        float[] values = new float[best.length], indices = new float[best.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int cell = o * inner + i;
                values[cell] = x[(o * n + best[cell]) * inner + i];
                indices[cell] = best[cell];
            }
        }
        int[] outShape = reducedShape(a.shape, d, keepDim);
        Tensor out = Tensor.result(values, outShape, op, a);
        out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] dx = new float[x.length];
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    int cell = o * inner + i;
                    dx[(o * n + best[cell]) * inner + i] += g[cell];
                }
            }
            a.addGrad(Tensor.fromArray(dx, a.shape));
        });
        return new MaxMin(out, Tensor.fromArray(indices, outShape));
    }

    /** For each output cell (o, i): the k in 0..n-1 with the largest (or smallest) x[(o*n+k)*inner+i]. */
    private static int[] extremeIndices(String op, Tensor a, float[] x, int outer, int n, int inner, boolean max) {
        if (n == 0) {
            throw new ShapeException(op + ": cannot reduce over a dimension of size 0 (shape " + Shape.str(a.shape) + ")");
        }
        int[] best = new int[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                int bestK = 0;
                float bestV = x[base];
                for (int k = 1; k < n && !Float.isNaN(bestV); k++) {
                    float v = x[base + k * inner];
                    if (Float.isNaN(v) || (max ? v > bestV : v < bestV)) {
                        bestV = v;
                        bestK = k;
                    }
                }
                best[o * inner + i] = bestK;
            }
        }
        return best;
    }

    /** Index of the largest element along dim, as float values (no gradient). */
    static Tensor argmax(Tensor a, int dim, boolean keepDim) {
        return argExtreme("argmax", a, dim, keepDim, true);
    }

    /** Index of the smallest element along dim, as float values (no gradient). */
    static Tensor argmin(Tensor a, int dim, boolean keepDim) {
        return argExtreme("argmin", a, dim, keepDim, false);
    }

    private static Tensor argExtreme(String op, Tensor a, int dim, boolean keepDim, boolean max) {
        int d = Shape.dim(op, dim, a.dim());
        int[] best = extremeIndices(op, a, a.data(), outer(a.shape, d), sizeAlong(a.shape, d), inner(a.shape, d), max);
        float[] f = new float[best.length];
        for (int i = 0; i < f.length; i++) f[i] = best[i];
        return Tensor.fromArray(f, reducedShape(a.shape, d, keepDim));
    }

    /** Index of the largest element of the flattened tensor (the first one on a tie). */
    static int argmax(Tensor a) {
        return extremeIndices("argmax", a, a.data(), 1, a.numel(), 1, true)[0];
    }

    /** Index of the smallest element of the flattened tensor (the first one on a tie). */
    static int argmin(Tensor a) {
        return extremeIndices("argmin", a, a.data(), 1, a.numel(), 1, false)[0];
    }

    /**
     * out = log(sum_k e^x_k) along dim, computed stably as m + log(sum_k e^(x_k - m)) with m = max_k x_k
     * (so e^x never overflows).  Backward: dL/dx_k = dL/dout * e^(x_k - out) = dL/dout * softmax(x)_k.
     */
    static Tensor logsumexp(Tensor a, int dim, boolean keepDim) {
        int d = Shape.dim("logsumexp", dim, a.dim());
        int n = sizeAlong(a.shape, d), outer = outer(a.shape, d), inner = inner(a.shape, d);
        float[] x = a.data();
        float[] z = new float[outer * inner];
        float[] scratch = null;
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                float m = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) m = Math.max(m, x[base + k * inner]);
                if (Float.isInfinite(m)) m = 0;  // all -inf (or a +inf): shifting by it would give NaN
                double s = 0;
                if (inner == 1) {  // along the last dimension: a contiguous row (scratch holds e^(x - m))
                    if (scratch == null) scratch = new float[n];
                    s = ArrayMath.expShifted(x, base, m, scratch, 0, n);
                } else {
                    for (int k = 0; k < n; k++) s += Math.exp(x[base + k * inner] - m);
                }
                z[o * inner + i] = (float) (m + Math.log(s));
            }
        }
        Tensor out = Tensor.result(z, reducedShape(a.shape, d, keepDim), "logsumexp", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] dx = new float[x.length];
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    int base = o * n * inner + i, cell = o * inner + i;
                    for (int k = 0; k < n; k++) {
                        dx[base + k * inner] = g[cell] * (float) Math.exp(x[base + k * inner] - z[cell]);
                    }
                }
            }
            a.addGrad(Tensor.fromArray(dx, a.shape));
        });
    }

    // ---- shape helpers for reductions along one dimension ---------------------------------------------

    /** The size of dimension d (1 for a scalar, which reduces like a single element). */
    static int sizeAlong(int[] shape, int d) {
        return shape.length == 0 ? 1 : shape[d];
    }

    /** Product of the sizes before dimension d. */
    static int outer(int[] shape, int d) {
        int p = 1;
        for (int k = 0; k < d && k < shape.length; k++) p *= shape[k];
        return p;
    }

    /** Product of the sizes after dimension d. */
    static int inner(int[] shape, int d) {
        int p = 1;
        for (int k = d + 1; k < shape.length; k++) p *= shape[k];
        return p;
    }

    /** The shape after reducing dimension d: size 1 there when keepDim, else without it. */
    static int[] reducedShape(int[] shape, int d, boolean keepDim) {
        if (shape.length == 0) return new int[0];
        if (keepDim) {
            int[] s = shape.clone();
            s[d] = 1;
            return s;
        }
        int[] s = new int[shape.length - 1];
        for (int k = 0, j = 0; k < shape.length; k++) if (k != d) s[j++] = shape[k];
        return s;
    }
}
