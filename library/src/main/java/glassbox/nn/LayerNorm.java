package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Tensor;
import java.util.Arrays;

/**
 * Layer normalization: each example is normalised over its last dimensions (normalizedShape, e.g. the
 * d_model features of a token) by its own mean and variance, y = gamma (x - mean) / sqrt(var + eps) + beta.
 * Unlike batch norm it does not depend on the batch and behaves the same in training and evaluation.
 * Defaults: gamma = 1, beta = 0, eps = 1e-5.
 */
public class LayerNorm extends Module {
    /** gamma, shape normalizedShape (null without affine). */
    public final Tensor weight;
    /** beta, shape normalizedShape (null without affine). */
    public final Tensor bias;
    private final int[] normalizedShape;
    private final float eps;

    /** Normalises over the last dimension of size {@code features}. */
    public LayerNorm(int features) {
        this(new int[] {features}, 1e-5f, true);
    }

    /** Normalises over the last dimensions {@code normalizedShape}. */
    public LayerNorm(int[] normalizedShape, float eps, boolean affine) {
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        weight = affine ? registerParameter("weight", Tensor.ones(normalizedShape)) : null;
        bias = affine ? registerParameter("bias", Tensor.zeros(normalizedShape)) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.layerNorm(x, normalizedShape, weight, bias, eps);
    }

    @Override
    public String toString() {
        return "LayerNorm(" + Arrays.toString(normalizedShape) + ", eps=" + eps + ")";
    }
}
