package glassbox.tensor;

/** Elementwise functions: exp, log, sqrt, abs, clamp, where. */
final class MathOps {
    private MathOps() {
    }

    /** out = e^x.  Backward: dL/dx = dL/dout * e^x (= dL/dout * out). */
    static Tensor exp(Tensor a) {
        float[] x = a.data();
        float[] z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = (float) Math.exp(x[i]);
        Tensor out = Tensor.result(z, a.shape, "exp", a);
        return out.onBackward(() -> a.addGrad(out.grad().mul(out)));
    }

    /** out = ln x.  Backward: dL/dx = dL/dout / x. */
    static Tensor log(Tensor a) {
        float[] x = a.data();
        float[] z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = (float) Math.log(x[i]);
        Tensor out = Tensor.result(z, a.shape, "log", a);
        return out.onBackward(() -> a.addGrad(out.grad().div(a)));
    }

    static Tensor sqrt(Tensor a) {
        throw new UnsupportedOperationException("sqrt: not implemented yet");
    }

    static Tensor abs(Tensor a) {
        throw new UnsupportedOperationException("abs: not implemented yet");
    }

    static Tensor clamp(Tensor a, float min, float max) {
        throw new UnsupportedOperationException("clamp: not implemented yet");
    }

    static Tensor where(Tensor condition, Tensor a, Tensor b) {
        throw new UnsupportedOperationException("where: not implemented yet");
    }
}
