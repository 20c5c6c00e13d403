package glassbox.tensor;

/** Activation functions and their derivatives: sigmoid, tanh, ReLU, leaky ReLU, GELU, softmax, log-softmax. */
final class Activations {
    private Activations() {
    }

    /** s(x) = 1 / (1 + e^-x).  Backward: ds/dx = s(x) * (1 - s(x)). */
    static Tensor sigmoid(Tensor a) {
        float[] x = a.data();
        float[] s = new float[x.length];
        for (int i = 0; i < s.length; i++) s[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
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
        for (int i = 0; i < t.length; i++) t[i] = (float) Math.tanh(x[i]);
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
        for (int i = 0; i < r.length; i++) r[i] = x[i] > 0 ? x[i] : 0f;
        Tensor out = Tensor.result(r, a.shape, "relu", a);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] d = new float[x.length];
            for (int i = 0; i < d.length; i++) d[i] = x[i] > 0 ? g[i] : 0f;
            a.addGrad(Tensor.fromArray(d, a.shape));
        });
    }

    static Tensor leakyRelu(Tensor a, float slope) {
        throw new UnsupportedOperationException("leakyRelu: not implemented yet");
    }

    static Tensor gelu(Tensor a) {
        throw new UnsupportedOperationException("gelu: not implemented yet");
    }

    static Tensor softmax(Tensor a, int dim) {
        throw new UnsupportedOperationException("softmax: not implemented yet");
    }

    static Tensor logSoftmax(Tensor a, int dim) {
        throw new UnsupportedOperationException("logSoftmax: not implemented yet");
    }
}
