package glassbox.optim;

/**
 * Linear warm-up: the rate climbs from lr_0 / warmupSteps to lr_0 over the first warmupSteps steps,
 * lr_t = lr_0 * min(1, (t + 1) / warmupSteps); afterwards it follows {@code then} (if given) counted
 * from the end of the warm-up, or stays at lr_0. Transformers are usually trained with a warm-up,
 * as Adam's early steps are unreliable.
 */
public class LinearWarmupLR extends LRScheduler {
    private final int warmupSteps;
    private final LRScheduler then;

    /** Warm up for {@code warmupSteps}, then keep the rate. */
    public LinearWarmupLR(Optimizer<?> optimizer, int warmupSteps) {
        this(optimizer, warmupSteps, null);
    }

    /**
     * Warm up, then follow {@code then} (built on the same optimizer before this one, e.g. a
     * CosineAnnealingLR), whose step 0 starts when the warm-up ends.
     */
    public LinearWarmupLR(Optimizer<?> optimizer, int warmupSteps, LRScheduler then) {
        super(optimizer);
        if (warmupSteps <= 0) throw new IllegalArgumentException("LinearWarmupLR: warmupSteps must be positive, got " + warmupSteps);
        this.warmupSteps = warmupSteps;
        this.then = then;
        optimizer.setLr(lrAt(0));
    }

    @Override
    public float lrAt(int t) {
        if (warmupSteps == 0) return baseLr;
        if (t < warmupSteps) return baseLr * (t + 1) / warmupSteps;
        return then == null ? baseLr : then.lrAt(t - warmupSteps);
    }
}
