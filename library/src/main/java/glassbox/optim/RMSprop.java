package glassbox.optim;

import glassbox.tensor.Tensor;
import java.util.Collection;

/**
 * RMSProp (Hinton): divides each step by the root of a running average of squared gradients:
 * <pre>
 *   v = alpha v + (1 - alpha) g^2
 *   w = w - lr * g / (sqrt(v) + eps)
 * </pre>
 * With momentum: buf = momentum buf + g / (sqrt(v) + eps); w = w - lr buf.
 * Defaults lr 0.01, alpha 0.99, eps 1e-8. State: {@code state(p).squareAvg()}, {@code momentumBuffer()}.
 */
public class RMSprop extends Optimizer<RMSprop.State> {
    private final float alpha, eps, weightDecay, momentum;

    /** The state of one parameter (momentumBuffer is null without momentum). */
    public record State(Tensor squareAvg, Tensor momentumBuffer) {
    }

    /** lr 0.01. */
    public RMSprop(Collection<Tensor> params) {
        this(params, 0.01f);
    }

    /** The given learning rate, alpha 0.99, eps 1e-8. */
    public RMSprop(Collection<Tensor> params, float lr) {
        this(params, lr, 0.99f, 1e-8f, 0f, 0f);
    }

    /** Every option. */
    public RMSprop(Collection<Tensor> params, float lr, float alpha, float eps, float weightDecay, float momentum) {
        super(params, lr);
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
    }

    @Override
    protected void update(Tensor p, Tensor g) {
        if (weightDecay != 0) g = g.add(p.mul(weightDecay));
        State s = stateOf(p, () -> new State(Tensor.zerosLike(p), momentum != 0 ? Tensor.zerosLike(p) : null));
        s.squareAvg().mul_(alpha).add_(g.mul(g), 1 - alpha);
        Tensor step = g.div(s.squareAvg().sqrt().add(eps));
        if (momentum != 0) {
            s.momentumBuffer().mul_(momentum).add_(step);
            step = s.momentumBuffer();
        }
        p.add_(step, -lr);
    }
}
