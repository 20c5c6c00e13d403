package glassbox.optim;

import glassbox.tensor.Tensor;
import java.util.Collection;

/**
 * Adadelta (Zeiler): like Adagrad but with running averages instead of sums, and with the step's units
 * fixed by a running average of past updates, so no learning rate is really needed (lr = 1):
 * <pre>
 *   v = rho v + (1 - rho) g^2                               (squareAvg)
 *   delta = sqrt(u + eps) / sqrt(v + eps) * g
 *   u = rho u + (1 - rho) delta^2                           (accDelta)
 *   w = w - lr * delta
 * </pre>
 * Defaults lr 1.0, rho 0.9, eps 1e-6. State: {@code state(p).squareAvg()}, {@code accDelta()}.
 */
public class Adadelta extends Optimizer<Adadelta.State> {
    private final float rho, eps, weightDecay;

    /** The state of one parameter. */
    public record State(Tensor squareAvg, Tensor accDelta) {
    }

    /** lr 1.0, rho 0.9, eps 1e-6. */
    public Adadelta(Collection<Tensor> params) {
        this(params, 1.0f, 0.9f, 1e-6f, 0f);
    }

    /** Every option. */
    public Adadelta(Collection<Tensor> params, float lr, float rho, float eps, float weightDecay) {
        super(params, lr);
        this.rho = rho;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    @Override
    protected void update(Tensor p, Tensor g) {
        if (weightDecay != 0) g = g.add(p.mul(weightDecay));
        State s = stateOf(p, () -> new State(Tensor.zerosLike(p), Tensor.zerosLike(p)));
        s.squareAvg().mul_(rho).add_(g.mul(g), 1 - rho);
        Tensor delta = s.accDelta().add(eps).sqrt().div(s.squareAvg().add(eps).sqrt()).mul(g);
        s.accDelta().mul_(rho).add_(delta.mul(delta), 1 - rho);
        p.add_(delta, -lr);
    }
}
