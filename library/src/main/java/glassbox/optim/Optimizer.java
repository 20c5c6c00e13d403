package glassbox.optim;

import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The base of every optimizer: it holds the parameters, a learning rate and a state per parameter
 * (momentum buffers, Adam's moments, ...), readable with {@code state(p)} on each optimizer.
 *
 * <p>A training step is {@code opt.zeroGrad(); loss.backward(); opt.step();}. {@link #step()} changes
 * the parameters in place inside {@code Tensor.noGrad()}, so no graph is recorded and the tensors'
 * version counters are bumped.
 *
 * @param <S> the type of the per-parameter state
 */
public abstract class Optimizer<S> {
    /** The parameters being optimised. */
    protected final List<Tensor> params;
    /** The current learning rate (schedules change it). */
    protected float lr;
    private final Map<Tensor, S> state = new IdentityHashMap<>();
    private int steps;

    protected Optimizer(Collection<Tensor> params, float lr) {
        if (params.isEmpty()) throw new IllegalArgumentException(getClass().getSimpleName() + ": got an empty list of parameters");
        if (!(lr >= 0)) throw new IllegalArgumentException(getClass().getSimpleName() + ": learning rate must be >= 0, got " + lr);
        for (Tensor p : params) {
            if (!p.requiresGrad()) {
                throw new IllegalArgumentException(getClass().getSimpleName() + ": a parameter"
                        + (p.label() != null ? " '" + p.label() + "'" : "") + " does not require a gradient; pass model.parameters()");
            }
        }
        this.params = new ArrayList<>(params);
        this.lr = lr;
    }

    /** Updates every parameter that has a gradient, once. */
    public void step() {
        try (var s = Tensor.noGrad()) {
            steps++;
            for (Tensor p : params) {
                if (p.grad() != null) update(p, p.grad());
            }
        }
    }

    /** Applies this optimizer's rule to one parameter with gradient {@code g} (called inside noGrad). */
    protected abstract void update(Tensor p, Tensor g);

    /** The state of parameter {@code p}, created by {@code init} on first use. */
    protected S stateOf(Tensor p, Supplier<S> init) {
        return state.computeIfAbsent(p, k -> init.get());
    }

    /** The state of {@code p} (null before its first update). */
    public S state(Tensor p) {
        return state.get(p);
    }

    /** The number of {@link #step()} calls so far. */
    public int stepCount() {
        return steps;
    }

    /** Sets every parameter's gradient to null. */
    public void zeroGrad() {
        for (Tensor p : params) p.zeroGrad();
    }

    /** The current learning rate. */
    public float lr() {
        return lr;
    }

    /** Changes the learning rate (what a schedule does). */
    public void setLr(float lr) {
        this.lr = lr;
    }

    /** The parameters. */
    public List<Tensor> parameters() {
        return Collections.unmodifiableList(params);
    }
}
