package glassbox.nn;

/**
 * Batch normalization of [N, C] or [N, C, L] inputs, per feature C: see {@link BatchNorm} for the
 * formula, running statistics and defaults.
 */
public class BatchNorm1d extends BatchNorm {
    /** eps 1e-5, momentum 0.1, with learnable gamma and beta. */
    public BatchNorm1d(int numFeatures) {
        this(numFeatures, 1e-5f, 0.1f, true);
    }

    /** All options. */
    public BatchNorm1d(int numFeatures, float eps, float momentum, boolean affine) {
        super(numFeatures, eps, momentum, affine);
    }

    @Override
    protected boolean acceptsRank(int rank) {
        return rank == 2 || rank == 3;
    }

    @Override
    protected String expected() {
        return "[N, C] or [N, C, L]";
    }
}
