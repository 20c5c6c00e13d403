package glassbox.optim;

import glassbox.tensor.Tensor;
import java.util.Collection;

/**
 * Adagrad: each weight's step shrinks with the sum of all its squared gradients so far, so often-updated
 * weights slow down and rare ones keep large steps:
 * <pre>
 *   g = grad + weightDecay * w
 *   sum = sum + g^2
 *   w = w - lr * g / (sqrt(sum) + eps)
 * </pre>
 * Defaults lr 0.01, eps 1e-10. The sum is {@code state(p).sum()}. Its weakness: the sum only grows,
 * so the steps fade away (Adadelta and RMSProp fix this with running averages).
 */
public class Adagrad extends Optimizer<Adagrad.State> {
    private final float eps, weightDecay;

    /** The state of one parameter: the running sum of squared gradients. */
    public record State(Tensor sum) {
    }

    /** lr 0.01. */
    public Adagrad(Collection<Tensor> params) {
        this(params, 0.01f, 0f, 1e-10f);
    }

    /** Every option. */
    public Adagrad(Collection<Tensor> params, float lr, float weightDecay, float eps) {
        super(params, lr);
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    @Override
    protected void update(Tensor p, Tensor g) {
        if (weightDecay != 0) g = g.add(p.mul(weightDecay));
        State s = stateOf(p, () -> new State(Tensor.zerosLike(p)));
        s.sum().add_(g.mul(g));
        p.add_(g.div(s.sum().sqrt().add(eps)), -lr);
    }
}
