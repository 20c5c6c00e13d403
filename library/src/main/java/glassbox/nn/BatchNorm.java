package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Shape;
import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;

/**
 * Batch normalization (the shared part of {@link BatchNorm1d} and {@link BatchNorm2d}):
 * y = gamma (x - mean) / sqrt(var + eps) + beta, per channel (dimension 1).
 *
 * <p>Training mode uses the mean and (biased) variance of the current batch and updates the running
 * estimates: running = (1 - momentum) running + momentum batch (momentum 0.1, unbiased variance).
 * Evaluation mode uses the running estimates, so one example at a time gives the same answer as in a
 * batch. Defaults: gamma (weight) = 1, beta (bias) = 0, running mean 0, running variance 1, eps = 1e-5.
 */
public abstract class BatchNorm extends Module {
    /** gamma, shape [numFeatures] (null when affine is off). */
    public final Tensor weight;
    /** beta, shape [numFeatures] (null when affine is off). */
    public final Tensor bias;
    /** Running mean per channel (a buffer, saved with the model). */
    public final Tensor runningMean;
    /** Running variance per channel (a buffer). */
    public final Tensor runningVar;
    private final int numFeatures;
    private final float eps;
    private final float momentum;

    protected BatchNorm(int numFeatures, float eps, float momentum, boolean affine) {
        if (numFeatures <= 0) throw new IllegalArgumentException(getClass().getSimpleName() + ": numFeatures must be positive");
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        weight = affine ? registerParameter("weight", Tensor.ones(numFeatures)) : null;
        bias = affine ? registerParameter("bias", Tensor.zeros(numFeatures)) : null;
        runningMean = registerBuffer("running_mean", Tensor.zeros(numFeatures));
        runningVar = registerBuffer("running_var", Tensor.ones(numFeatures));
    }

    /** The input ranks this layer accepts. */
    protected abstract boolean acceptsRank(int rank);

    /** What the layer expects, for error messages. */
    protected abstract String expected();

    @Override
    public Tensor forward(Tensor x) {
        if (!acceptsRank(x.dim()) || x.size(1) != numFeatures) {
            throw new ShapeException(getClass().getSimpleName() + "(" + numFeatures + "): expected input " + expected()
                    + " with C = " + numFeatures + ", got " + Shape.str(x.shape()));
        }
        return F.batchNorm(x, runningMean, runningVar, weight, bias, isTraining(), momentum, eps);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + numFeatures + ", eps=" + eps + ", momentum=" + momentum + ")";
    }
}
