package glassbox.tensor;

/**
 * Elementwise arithmetic with broadcasting: +, -, *, /, ^ and negation.
 *
 * <p>Broadcasting stretches size-1 dimensions, so in the backward pass the gradient of a stretched
 * input is the output gradient summed over the stretched dimensions ({@link #sumTo}).
 */
final class Arithmetic {
    private Arithmetic() {
    }

    /** out = a + b.  Backward: dL/da = dL/dout and dL/db = dL/dout (each summed to its shape). */
    static Tensor add(Tensor a, Tensor b) {
        int[] shape = Shape.broadcast("add", a.shape, b.shape);
        float[] x = Views.expandValues("add", a, shape);
        float[] y = Views.expandValues("add", b, shape);
        float[] z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = x[i] + y[i];
        Tensor out = Tensor.result(z, shape, "add", a, b);
        return out.onBackward(() -> {
            if (a.requiresGrad()) a.addGrad(sumTo(out.grad(), a.shape));
            if (b.requiresGrad()) b.addGrad(sumTo(out.grad(), b.shape));
        });
    }

    /** out = a - b.  Backward: dL/da = dL/dout, dL/db = -dL/dout. */
    static Tensor sub(Tensor a, Tensor b) {
        int[] shape = Shape.broadcast("sub", a.shape, b.shape);
        float[] x = Views.expandValues("sub", a, shape);
        float[] y = Views.expandValues("sub", b, shape);
        float[] z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = x[i] - y[i];
        Tensor out = Tensor.result(z, shape, "sub", a, b);
        return out.onBackward(() -> {
            if (a.requiresGrad()) a.addGrad(sumTo(out.grad(), a.shape));
            if (b.requiresGrad()) b.addGrad(sumTo(out.grad().neg(), b.shape));
        });
    }

    /** out = a * b.  Backward: dL/da = dL/dout * b, dL/db = dL/dout * a. */
    static Tensor mul(Tensor a, Tensor b) {
        int[] shape = Shape.broadcast("mul", a.shape, b.shape);
        float[] x = Views.expandValues("mul", a, shape);
        float[] y = Views.expandValues("mul", b, shape);
        float[] z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = x[i] * y[i];
        Tensor out = Tensor.result(z, shape, "mul", a, b);
        return out.onBackward(() -> {
            if (a.requiresGrad()) a.addGrad(sumTo(out.grad().mul(b), a.shape));
            if (b.requiresGrad()) b.addGrad(sumTo(out.grad().mul(a), b.shape));
        });
    }

    /** out = a / b.  Backward: dL/da = dL/dout / b, dL/db = -dL/dout * a / b^2. */
    static Tensor div(Tensor a, Tensor b) {
        int[] shape = Shape.broadcast("div", a.shape, b.shape);
        float[] x = Views.expandValues("div", a, shape);
        float[] y = Views.expandValues("div", b, shape);
        float[] z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = x[i] / y[i];
        Tensor out = Tensor.result(z, shape, "div", a, b);
        return out.onBackward(() -> {
            if (a.requiresGrad()) a.addGrad(sumTo(out.grad().div(b), a.shape));
            if (b.requiresGrad()) b.addGrad(sumTo(out.grad().mul(a).div(b.mul(b)).neg(), b.shape));
        });
    }

    /** out = a^p for a constant p.  Backward: dL/da = dL/dout * p * a^(p-1). */
    static Tensor pow(Tensor a, float p) {
        float[] x = a.data();
        float[] z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = pow(x[i], p);
        Tensor out = Tensor.result(z, a.shape, "pow(" + TensorFormat.number(p) + ")", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] d = new float[x.length];
            for (int i = 0; i < d.length; i++) d[i] = p == 0 ? 0f : g[i] * p * pow(x[i], p - 1);  // x^0 = 1 has slope 0, even at x = 0
            a.addGrad(Tensor.fromArray(d, a.shape));
        });
    }

    /**
     * out = a^b elementwise.  Backward: dL/da = dL/dout * b * a^(b-1),
     * dL/db = dL/dout * a^b * ln(a) (defined for a > 0).
     */
    static Tensor pow(Tensor a, Tensor b) {
        int[] shape = Shape.broadcast("pow", a.shape, b.shape);
        float[] x = Views.expandValues("pow", a, shape);
        float[] y = Views.expandValues("pow", b, shape);
        float[] z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = pow(x[i], y[i]);
        Tensor out = Tensor.result(z, shape, "pow", a, b);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            if (a.requiresGrad()) {
                float[] d = new float[z.length];
                for (int i = 0; i < d.length; i++) d[i] = g[i] * y[i] * pow(x[i], y[i] - 1);
                a.addGrad(sumTo(Tensor.fromArray(d, shape), a.shape));
            }
            if (b.requiresGrad()) {
                float[] d = new float[z.length];
                for (int i = 0; i < d.length; i++) d[i] = x[i] > 0 ? g[i] * z[i] * (float) Math.log(x[i]) : 0f;
                b.addGrad(sumTo(Tensor.fromArray(d, shape), b.shape));
            }
        });
    }

    /** out = -a.  Backward: dL/da = -dL/dout. */
    static Tensor neg(Tensor a) {
        float[] x = a.data();
        float[] z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = -x[i];
        Tensor out = Tensor.result(z, a.shape, "neg", a);
        return out.onBackward(() -> a.addGrad(out.grad().neg()));
    }

    private static float pow(float x, float p) {
        if (p == 2f) return x * x;
        if (p == 1f) return x;
        return (float) Math.pow(x, p);
    }

    /**
     * Sums a gradient of a broadcast result back to the shape of the input that was stretched:
     * over the leading dimensions the input did not have, and over every dimension where it had size 1.
     */
    static Tensor sumTo(Tensor grad, int[] shape) {
        if (java.util.Arrays.equals(grad.shape, shape)) return grad;
        int lead = grad.shape.length - shape.length;
        int count = 0;
        int[] dims = new int[grad.shape.length];
        for (int d = 0; d < grad.shape.length; d++) {
            if (d < lead || (shape[d - lead] == 1 && grad.shape[d] != 1)) dims[count++] = d;
        }
        Tensor summed = count == 0 ? grad : Reductions.sum(grad, java.util.Arrays.copyOf(dims, count), true);
        return Views.reshape(summed, shape);
    }
}
