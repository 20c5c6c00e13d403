package glassbox.optim;

/**
 * Half a cosine from the starting rate down to etaMin over tMax steps:
 * lr_t = etaMin + (lr_0 - etaMin) (1 + cos(pi t / tMax)) / 2 (then it stays at etaMin).
 */
public class CosineAnnealingLR extends LRScheduler {
    private final int tMax;
    private final float etaMin;

    /** Anneal over {@code tMax} steps down to {@code etaMin}. */
    public CosineAnnealingLR(Optimizer<?> optimizer, int tMax, float etaMin) {
        super(optimizer);
        if (tMax <= 0) throw new IllegalArgumentException("CosineAnnealingLR: tMax must be positive, got " + tMax);
        this.tMax = tMax;
        this.etaMin = etaMin;
        optimizer.setLr(lrAt(0));
    }

    @Override
    public float lrAt(int t) {
        if (tMax == 0) return baseLr;
        int s = Math.min(t, tMax);
        return (float) (etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * s / tMax)) / 2);
    }
}
