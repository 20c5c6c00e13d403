package glassbox.tensor;

/**
 * Elementwise functions: exp, log, sqrt, abs, clamp, where, and the elementwise maximum/minimum of
 * two tensors. Each op's backward multiplies the output gradient by the local derivative.
 */
final class MathOps {
    private MathOps() {
    }

    /** out = e^x.  Backward: dL/dx = dL/dout * e^x (= dL/dout * out). */
    static Tensor exp(Tensor a) {
        float[] x = a.data();
        float[] z = new float[x.length];
        ArrayMath.exp(x, z);  // z[i] = e^x[i], 8 at a time when SIMD is on
        Tensor out = Tensor.result(z, a.shape, "exp", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] d = new float[z.length];
            for (int i = 0; i < d.length; i++) d[i] = g[i] * z[i];
            a.addGrad(Tensor.fromArray(d, a.shape));
        });
    }

    /** out = ln x.  Backward: dL/dx = dL/dout / x. */
    static Tensor log(Tensor a) {
        float[] x = a.data();
        float[] z = new float[x.length];
        ArrayMath.log(x, z);  // z[i] = ln x[i]
        Tensor out = Tensor.result(z, a.shape, "log", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] d = new float[x.length];
            for (int i = 0; i < d.length; i++) d[i] = g[i] / x[i];
            a.addGrad(Tensor.fromArray(d, a.shape));
        });
    }

    /** out = sqrt(x).  Backward: dL/dx = dL/dout / (2 sqrt(x)) = dL/dout * 0.5 / out. */
    static Tensor sqrt(Tensor a) {
        float[] x = a.data();
        float[] z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = (float) Math.sqrt(x[i]);
        Tensor out = Tensor.result(z, a.shape, "sqrt", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] d = new float[z.length];
            for (int i = 0; i < d.length; i++) d[i] = g[i] * 0.5f / z[i];
            a.addGrad(Tensor.fromArray(d, a.shape));
        });
    }

    /** out = |x|.  Backward: dL/dx = dL/dout * sign(x) (0 at x = 0, as PyTorch). */
    static Tensor abs(Tensor a) {
        float[] x = a.data();
        float[] z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = Math.abs(x[i]);
        Tensor out = Tensor.result(z, a.shape, "abs", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] d = new float[x.length];
            for (int i = 0; i < d.length; i++) d[i] = x[i] > 0 ? g[i] : x[i] < 0 ? -g[i] : 0f;
            a.addGrad(Tensor.fromArray(d, a.shape));
        });
    }

    /**
     * out = min(max(x, lo), hi).  Backward: dL/dx = dL/dout where lo <= x <= hi, else 0 (a clamped
     * value does not move when x moves a little).
     */
    static Tensor clamp(Tensor a, float lo, float hi) {
        if (lo > hi) {
            throw new IllegalArgumentException("clamp: min " + lo + " is larger than max " + hi);
        }
        float[] x = a.data();
        float[] z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = Math.min(Math.max(x[i], lo), hi);
        String name = hi == Float.POSITIVE_INFINITY ? "clampMin(" + TensorFormat.number(lo) + ")"
                : lo == Float.NEGATIVE_INFINITY ? "clampMax(" + TensorFormat.number(hi) + ")"
                : "clamp(" + TensorFormat.number(lo) + ", " + TensorFormat.number(hi) + ")";
        Tensor out = Tensor.result(z, a.shape, name, a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] d = new float[x.length];
            for (int i = 0; i < d.length; i++) d[i] = x[i] >= lo && x[i] <= hi ? g[i] : 0f;
            a.addGrad(Tensor.fromArray(d, a.shape));
        });
    }

    /**
     * out = condition != 0 ? a : b, elementwise, all three broadcast together.
     * Backward: dL/da = dL/dout where the condition holds (0 elsewhere), dL/db = dL/dout where it
     * does not; each summed back to its input's shape. The condition gets no gradient.
     */
    static Tensor where(Tensor condition, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast("where", Shape.broadcast("where", condition.shape, a.shape), b.shape);
        float[] c = Views.expandValues("where", condition, shape);
        float[] x = Views.expandValues("where", a, shape);
        float[] y = Views.expandValues("where", b, shape);
        float[] z = new float[c.length];
        for (int i = 0; i < z.length; i++) z[i] = c[i] != 0 ? x[i] : y[i];
        Tensor out = Tensor.result(z, shape, "where", a, b);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            if (a.requiresGrad()) {
                float[] d = new float[g.length];
                for (int i = 0; i < d.length; i++) d[i] = c[i] != 0 ? g[i] : 0f;
                a.addGrad(Arithmetic.sumTo(Tensor.fromArray(d, shape), a.shape));
            }
            if (b.requiresGrad()) {
                float[] d = new float[g.length];
                for (int i = 0; i < d.length; i++) d[i] = c[i] != 0 ? 0f : g[i];
                b.addGrad(Arithmetic.sumTo(Tensor.fromArray(d, shape), b.shape));
            }
        });
    }

    /**
     * out = max(a, b), elementwise (broadcast).  Backward: the gradient goes to the larger input; on
     * a tie it is split in half between both (as PyTorch does).
     */
    static Tensor maximum(Tensor a, Tensor b) {
        return extreme("maximum", a, b, true);
    }

    /** out = min(a, b), elementwise (broadcast).  Backward: as {@link #maximum}, to the smaller input. */
    static Tensor minimum(Tensor a, Tensor b) {
        return extreme("minimum", a, b, false);
    }

    private static Tensor extreme(String op, Tensor a, Tensor b, boolean max) {
        int[] shape = Shape.broadcast(op, a.shape, b.shape);
        float[] x = Views.expandValues(op, a, shape);
        float[] y = Views.expandValues(op, b, shape);
        float[] z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = max ? Math.max(x[i], y[i]) : Math.min(x[i], y[i]);
        Tensor out = Tensor.result(z, shape, op, a, b);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] da = new float[g.length], db = new float[g.length];
            for (int i = 0; i < g.length; i++) {
                if (x[i] == y[i]) {
                    da[i] = 0.5f * g[i];
                    db[i] = 0.5f * g[i];
                } else if ((x[i] > y[i]) == max) {
                    da[i] = g[i];
                } else {
                    db[i] = g[i];
                }
            }
            if (a.requiresGrad()) a.addGrad(Arithmetic.sumTo(Tensor.fromArray(da, shape), a.shape));
            if (b.requiresGrad()) b.addGrad(Arithmetic.sumTo(Tensor.fromArray(db, shape), b.shape));
        });
    }
}
