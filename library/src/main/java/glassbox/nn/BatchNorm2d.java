package glassbox.nn;

/**
 * Batch normalization of images [N, C, H, W], per channel over the batch and all pixels: see
 * {@link BatchNorm} for the formula, running statistics and defaults.
 */
public class BatchNorm2d extends BatchNorm {
    /** eps 1e-5, momentum 0.1, with learnable gamma and beta. */
    public BatchNorm2d(int numFeatures) {
        this(numFeatures, 1e-5f, 0.1f, true);
    }

    /** All options. */
    public BatchNorm2d(int numFeatures, float eps, float momentum, boolean affine) {
        super(numFeatures, eps, momentum, affine);
    }

    @Override
    protected boolean acceptsRank(int rank) {
        return rank == 4;
    }

    @Override
    protected String expected() {
        return "[N, C, H, W]";
    }
}
