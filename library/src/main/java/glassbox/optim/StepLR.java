package glassbox.optim;

/** Multiplies the learning rate by gamma every stepSize steps: lr_t = lr_0 * gamma^floor(t / stepSize). */
public class StepLR extends LRScheduler {
    private final int stepSize;
    private final float gamma;

    /** Decay by {@code gamma} every {@code stepSize} steps. */
    public StepLR(Optimizer<?> optimizer, int stepSize, float gamma) {
        super(optimizer);
        if (stepSize <= 0) throw new IllegalArgumentException("StepLR: stepSize must be positive, got " + stepSize);
        this.stepSize = stepSize;
        this.gamma = gamma;
        optimizer.setLr(lrAt(0));
    }

    @Override
    public float lrAt(int t) {
        if (stepSize == 0) return baseLr;
        return (float) (baseLr * Math.pow(gamma, t / stepSize));
    }
}
