package glassbox.optim;

import glassbox.tensor.Tensor;
import java.util.Collection;

/**
 * Adam (Kingma and Ba): a per-weight step size from running averages of the gradient (first moment
 * m) and of its square (second moment v):
 * <pre>
 *   g = grad + weightDecay * w          (L2 penalty; see AdamW for decoupled decay)
 *   m = beta1 m + (1 - beta1) g
 *   v = beta2 v + (1 - beta2) g^2
 *   mHat = m / (1 - beta1^t),  vHat = v / (1 - beta2^t)     (bias correction: m, v start at 0)
 *   w = w - lr * mHat / (sqrt(vHat) + eps)
 * </pre>
 * Defaults lr 1e-3, betas 0.9 and 0.999, eps 1e-8. {@code state(p).expAvg()} is m, {@code expAvgSq()} v.
 */
public class Adam extends Optimizer<Adam.State> {
    protected final float beta1, beta2, eps, weightDecay;

    /** The state of one parameter: step count t and the two moments. */
    public static final class State {
        int step;
        final Tensor expAvg, expAvgSq;

        State(Tensor p) {
            expAvg = Tensor.zerosLike(p);
            expAvgSq = Tensor.zerosLike(p);
        }

        /** The number of updates of this parameter (t). */
        public int step() {
            return step;
        }

        /** The first moment m (running mean of the gradient). */
        public Tensor expAvg() {
            return expAvg;
        }

        /** The second moment v (running mean of the squared gradient). */
        public Tensor expAvgSq() {
            return expAvgSq;
        }
    }

    /** Defaults: lr 1e-3. */
    public Adam(Collection<Tensor> params) {
        this(params, 1e-3f);
    }

    /** The given learning rate, default betas and eps. */
    public Adam(Collection<Tensor> params, float lr) {
        this(params, lr, 0.9f, 0.999f, 1e-8f, 0f);
    }

    /** Every option. */
    public Adam(Collection<Tensor> params, float lr, float beta1, float beta2, float eps, float weightDecay) {
        super(params, lr);
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    @Override
    protected void update(Tensor p, Tensor g) {
        if (weightDecay != 0) g = g.add(p.mul(weightDecay));
        adamStep(p, g);
    }

    /** The Adam update proper, shared with AdamW. */
    protected void adamStep(Tensor p, Tensor g) {
        State s = stateOf(p, () -> new State(p));
        s.step++;
        s.expAvg.mul_(beta1).add_(g, 1 - beta1);
        s.expAvgSq.mul_(beta2).add_(g.mul(g), 1 - beta2);
        double bc1 = 1 - Math.pow(beta1, s.step), bc2 = 1 - Math.pow(beta2, s.step);
        Tensor denom = s.expAvgSq.div((float) bc2).sqrt().add(eps);
        p.add_(s.expAvg.div(denom), (float) (-lr / bc1));
    }
}
