package glassbox.optim;

/** Multiplies the learning rate by gamma every step: lr_t = lr_0 * gamma^t. */
public class ExponentialLR extends LRScheduler {
    private final float gamma;

    /** Decay by {@code gamma} per step. */
    public ExponentialLR(Optimizer<?> optimizer, float gamma) {
        super(optimizer);
        this.gamma = gamma;
        optimizer.setLr(lrAt(0));
    }

    @Override
    public float lrAt(int t) {
        return (float) (baseLr * Math.pow(gamma, t));
    }
}
