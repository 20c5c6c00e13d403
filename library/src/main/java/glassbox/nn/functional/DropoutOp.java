package glassbox.nn.functional;

import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;

/**
 * Inverted dropout: each value is kept with probability 1-p and scaled by 1/(1-p), or set to 0, so the
 * expected value is unchanged and evaluation needs no rescaling. Backward: the same mask times the gradient.
 */
final class DropoutOp {
    private DropoutOp() {
    }

    static Tensor dropout(Tensor x, float p, Generator gen) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("dropout: p must be a probability in [0, 1], got " + p);
        float[] v = x.data();
        float[] mask = new float[v.length];
        float[] y = new float[v.length];
        float scale = p == 1 ? 0 : 1 / (1 - p);
        for (int i = 0; i < v.length; i++) {
            mask[i] = gen.nextFloat() < p ? 0 : scale;
            y[i] = v[i] * mask[i];
        }
        Tensor out = Tensor.result(y, x.shape(), "dropout", x);
        return out.onBackward(() -> {
            float[] g = out.grad().data();
            float[] d = new float[g.length];
            for (int i = 0; i < d.length; i++) d[i] = g[i] * mask[i];
            x.addGrad(Tensor.fromArray(d, x.shape()));
        });
    }
}
