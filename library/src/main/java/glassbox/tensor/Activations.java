package glassbox.tensor;

/** Activation functions and their derivatives: sigmoid, tanh, ReLU, leaky ReLU, GELU, softmax, log-softmax. */
final class Activations {
    private Activations() {
    }

    /** s(x) = 1 / (1 + e^-x).  Backward: ds/dx = s(x) * (1 - s(x)). */
    static Tensor sigmoid(Tensor a) {
        float[] x = a.data();
        float[] s = new float[x.length];
        ArrayMath.sigmoid(x, s);  // s[i] = 1 / (1 + e^-x[i])
        Tensor out = Tensor.result(s, a.shape, "sigmoid", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] d = new float[s.length];
            for (int i = 0; i < d.length; i++) d[i] = g[i] * s[i] * (1 - s[i]);
            a.addGrad(Tensor.fromArray(d, a.shape));
        });
    }

    /** tanh(x).  Backward: d tanh(x)/dx = 1 - tanh(x)^2. */
    static Tensor tanh(Tensor a) {
        float[] x = a.data();
        float[] t = new float[x.length];
        ArrayMath.tanh(x, t);  // t[i] = tanh x[i]
        Tensor out = Tensor.result(t, a.shape, "tanh", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] d = new float[t.length];
            for (int i = 0; i < d.length; i++) d[i] = g[i] * (1 - t[i] * t[i]);
            a.addGrad(Tensor.fromArray(d, a.shape));
        });
    }

    /** relu(x) = max(0, x).  Backward: dL/dx = dL/dout where x > 0, else 0. */
    static Tensor relu(Tensor a) {
        float[] x = a.data();
        float[] r = new float[x.length];
        for (int i = 0; i < r.length; i++) r[i] = Math.max(x[i], 0f);  // (a branch-free max: ~40x faster than ?:)
        Tensor out = Tensor.result(r, a.shape, "relu", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] d = new float[x.length];
            ArrayMath.reluGrad(x, g, d);  // d[i] = x[i] > 0 ? g[i] : 0
            a.addGrad(Tensor.fromArray(d, a.shape));
        });
    }

    /** leakyRelu(x) = x if x > 0 else slope * x.  Backward: dL/dx = dL/dout * (x > 0 ? 1 : slope). */
    static Tensor leakyRelu(Tensor a, float slope) {
        float[] x = a.data();
        float[] r = new float[x.length];
        for (int i = 0; i < r.length; i++) r[i] = x[i] > 0 ? x[i] : slope * x[i];
        Tensor out = Tensor.result(r, a.shape, "leakyRelu(" + TensorFormat.number(slope) + ")", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] d = new float[x.length];
            for (int i = 0; i < d.length; i++) d[i] = x[i] > 0 ? g[i] : slope * g[i];
            a.addGrad(Tensor.fromArray(d, a.shape));
        });
    }

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final float C = (float) SQRT_2_OVER_PI;

    /**
     * gelu(x) = 0.5 x (1 + tanh(u)) with u = sqrt(2/pi) (x + 0.044715 x^3): the tanh approximation of
     * x * Phi(x) used by GPT-2.
     * Backward: dgelu/dx = 0.5 (1 + tanh(u)) + 0.5 x (1 - tanh(u)^2) sqrt(2/pi) (1 + 3 * 0.044715 x^2).
     */
    static Tensor gelu(Tensor a) {
        float[] x = a.data();
        float[] t = new float[x.length];   // tanh(u), kept for the backward pass
        float[] r = new float[x.length];
        for (int i = 0; i < r.length; i++) t[i] = C * (x[i] + 0.044715f * x[i] * x[i] * x[i]);  // u
        ArrayMath.tanh(t, t);
        for (int i = 0; i < r.length; i++) r[i] = 0.5f * x[i] * (1 + t[i]);
        Tensor out = Tensor.result(r, a.shape, "gelu", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] d = new float[x.length];
            for (int i = 0; i < d.length; i++) {
                double v = x[i], th = t[i];
                double du = SQRT_2_OVER_PI * (1 + 3 * 0.044715 * v * v);
                d[i] = (float) (g[i] * (0.5 * (1 + th) + 0.5 * v * (1 - th * th) * du));
            }
            a.addGrad(Tensor.fromArray(d, a.shape));
        });
    }

    // Softmax along dimension d sees the (contiguous) input as [outer, n, inner], as the reductions do:
    // element (o, k, i) is at index (o * n + k) * inner + i, and k runs along d.

    /**
     * softmax(x)_k = e^(x_k - m) / sum_j e^(x_j - m) along dim, with m = max_j x_j (same result, no
     * overflow).  Backward: dL/dx_k = s_k * (dL/ds_k - sum_j dL/ds_j * s_j).
     */
    static Tensor softmax(Tensor a, int dim) {
        int d = Shape.dim("softmax", dim, a.dim());
        int n = Reductions.sizeAlong(a.shape, d), outer = Reductions.outer(a.shape, d), inner = Reductions.inner(a.shape, d);
        float[] x = a.data();
        float[] s = new float[x.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                if (inner == 1) {  // along the last dimension: a contiguous row, done with ArrayMath
                    double sum = ArrayMath.expShifted(x, base, ArrayMath.max(x, base, n), s, base, n);
                    float inv = (float) (1 / sum);
                    for (int k = 0; k < n; k++) s[base + k] *= inv;
                    continue;
                }
                float m = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) m = Math.max(m, x[base + k * inner]);
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    float e = (float) Math.exp(x[base + k * inner] - m);
                    s[base + k * inner] = e;
                    sum += e;
                }
                for (int k = 0; k < n; k++) s[base + k * inner] /= (float) sum;
            }
        }
        Tensor out = Tensor.result(s, a.shape, "softmax", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] dx = new float[x.length];
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    int base = o * n * inner + i;
                    double dot = 0;   // sum_j dL/ds_j * s_j
                    for (int k = 0; k < n; k++) dot += g[base + k * inner] * s[base + k * inner];
                    for (int k = 0; k < n; k++) {
                        int at = base + k * inner;
                        dx[at] = (float) (s[at] * (g[at] - dot));
                    }
                }
            }
            a.addGrad(Tensor.fromArray(dx, a.shape));
        });
    }

    /**
     * logSoftmax(x)_k = x_k - m - log(sum_j e^(x_j - m)) along dim (m = max_j x_j, for stability).
     * Backward: dL/dx_k = dL/dout_k - softmax(x)_k * sum_j dL/dout_j, with softmax(x)_k = e^out_k.
     */
    static Tensor logSoftmax(Tensor a, int dim) {
        int d = Shape.dim("logSoftmax", dim, a.dim());
        int n = Reductions.sizeAlong(a.shape, d), outer = Reductions.outer(a.shape, d), inner = Reductions.inner(a.shape, d);
        float[] x = a.data();
        float[] z = new float[x.length];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                if (inner == 1) {  // along the last dimension: a contiguous row (z holds e^(x - m) for a moment)
                    float m = ArrayMath.max(x, base, n);
                    float logSum = (float) (m + Math.log(ArrayMath.expShifted(x, base, m, z, base, n)));
                    for (int k = 0; k < n; k++) z[base + k] = x[base + k] - logSum;
                    continue;
                }
                float m = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < n; k++) m = Math.max(m, x[base + k * inner]);
                double sum = 0;
                for (int k = 0; k < n; k++) sum += Math.exp(x[base + k * inner] - m);
                float logSum = (float) (m + Math.log(sum));
                for (int k = 0; k < n; k++) z[base + k * inner] = x[base + k * inner] - logSum;
            }
        }
        Tensor out = Tensor.result(z, a.shape, "logSoftmax", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] dx = new float[x.length];
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    int base = o * n * inner + i;
                    double gSum = 0;
                    for (int k = 0; k < n; k++) gSum += g[base + k * inner];
                    if (inner == 1) {  // dx = g - e^z * gSum over a contiguous row
                        ArrayMath.exp(z, base, dx, base, n);
                        float gs = (float) gSum;
                        for (int k = 0; k < n; k++) dx[base + k] = g[base + k] - dx[base + k] * gs;
                        continue;
                    }
                    for (int k = 0; k < n; k++) {
                        int at = base + k * inner;
                        dx[at] = (float) (g[at] - Math.exp(z[at]) * gSum);
                    }
                }
            }
            a.addGrad(Tensor.fromArray(dx, a.shape));
        });
    }
}
