package glassbox.optim;

/**
 * A learning-rate schedule: call {@link #step()} once per epoch (or per batch, as you choose) and it
 * sets the optimizer's learning rate to {@link #lrAt(int)} of the new step count. The rate at step
 * t is a formula of t and the starting rate, so a chart can plot the whole schedule in advance.
 */
public abstract class LRScheduler {
    protected final Optimizer<?> optimizer;
    protected final float baseLr;
    private int t;

    protected LRScheduler(Optimizer<?> optimizer) {
        this.optimizer = optimizer;
        this.baseLr = optimizer.lr();
    }

    /** The learning rate at step {@code t} (t = 0 before any step). */
    public abstract float lrAt(int t);

    /** Advances one step and updates the optimizer's learning rate. */
    public void step() {
        t++;
        optimizer.setLr(lrAt(t));
    }

    /** The current learning rate. */
    public float lastLr() {
        return optimizer.lr();
    }

    /** The number of steps taken. */
    public int stepCount() {
        return t;
    }
}
