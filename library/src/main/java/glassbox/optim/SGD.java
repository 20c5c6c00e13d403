package glassbox.optim;

import glassbox.tensor.Tensor;
import java.util.Collection;

/**
 * Stochastic gradient descent, with optional momentum, Nesterov momentum and weight decay
 * (PyTorch's formulation):
 * <pre>
 *   g = grad + weightDecay * w
 *   buf = momentum * buf + (1 - dampening) * g      (buf = g at the first step)
 *   g = g + momentum * buf  (Nesterov)   or   g = buf   (momentum)
 *   w = w - lr * g
 * </pre>
 * Without momentum it is plain w = w - lr * grad. The momentum buffer is {@code state(p).momentumBuffer()}.
 */
public class SGD extends Optimizer<SGD.State> {
    private final float momentum, dampening, weightDecay;
    private final boolean nesterov;

    /** The state of one parameter: the velocity (null without momentum). */
    public record State(Tensor momentumBuffer) {
    }

    /** Plain SGD. */
    public SGD(Collection<Tensor> params, float lr) {
        this(params, lr, 0f, 0f, 0f, false);
    }

    /** SGD with momentum. */
    public SGD(Collection<Tensor> params, float lr, float momentum) {
        this(params, lr, momentum, 0f, 0f, false);
    }

    /** Every option. */
    public SGD(Collection<Tensor> params, float lr, float momentum, float dampening, float weightDecay, boolean nesterov) {
        super(params, lr);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("SGD: Nesterov momentum needs momentum > 0 and dampening 0");
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    protected void update(Tensor p, Tensor g) {
        if (weightDecay != 0) g = g.add(p.mul(weightDecay));
        if (momentum != 0) {
            State s = state(p);
            Tensor buf;
            if (s == null) {
                buf = g.copy();
                stateOf(p, () -> new State(buf));
            } else {
                buf = s.momentumBuffer().mul_(momentum).add_(g, 1 - dampening);
            }
            g = nesterov ? g.add(buf.mul(momentum)) : buf;
        }
        p.add_(g, -lr);
    }
}
