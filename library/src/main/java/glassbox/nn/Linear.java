package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.nn.init.Init;
import glassbox.tensor.Tensor;

/**
 * A fully connected layer: y = x W^T + b, with W of shape [out, in] and b of shape [out].
 * Input [..., in], output [..., out].
 *
 * <p>Default initialisation (as PyTorch): W and b uniform in (-1/sqrt(in), 1/sqrt(in)), i.e.
 * Kaiming uniform with a = sqrt(5). For tanh use {@code Init.xavierUniform_(layer.weight)}, for ReLU
 * {@code Init.kaimingUniform_(layer.weight)}.
 */
public class Linear extends Module {
    /** The weight W, shape [outFeatures, inFeatures]. */
    public final Tensor weight;
    /** The bias b, shape [outFeatures], or null. */
    public final Tensor bias;
    private final int in;
    private final int out;

    /** A layer from {@code inFeatures} to {@code outFeatures} with a bias. */
    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    /** A layer from {@code inFeatures} to {@code outFeatures}, with or without a bias. */
    public Linear(int inFeatures, int outFeatures, boolean withBias) {
        if (inFeatures <= 0 || outFeatures <= 0) {
            throw new IllegalArgumentException("Linear: sizes must be positive, got in=" + inFeatures + ", out=" + outFeatures);
        }
        in = inFeatures;
        out = outFeatures;
        float bound = (float) (1 / Math.sqrt(inFeatures));
        weight = registerParameter("weight", Init.uniform_(Tensor.zeros(outFeatures, inFeatures), -bound, bound));
        bias = withBias ? registerParameter("bias", Init.uniform_(Tensor.zeros(outFeatures), -bound, bound)) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.linear(x, weight, bias);
    }

    @Override
    public String toString() {
        return "Linear(" + in + ", " + out + (bias == null ? ", bias=false" : "") + ")";
    }
}
