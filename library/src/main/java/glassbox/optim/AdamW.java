package glassbox.optim;

import glassbox.tensor.Tensor;
import java.util.Collection;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter): the weights shrink directly,
 * w = w - lr * weightDecay * w, before the Adam step on the plain gradient, instead of adding an L2
 * term to the gradient (which Adam's scaling would distort). Defaults lr 1e-3, weight decay 0.01.
 */
public class AdamW extends Adam {
    /** lr 1e-3, weight decay 0.01. */
    public AdamW(Collection<Tensor> params) {
        this(params, 1e-3f);
    }

    /** The given learning rate, weight decay 0.01. */
    public AdamW(Collection<Tensor> params, float lr) {
        this(params, lr, 0.9f, 0.999f, 1e-8f, 0.01f);
    }

    /** Every option. */
    public AdamW(Collection<Tensor> params, float lr, float beta1, float beta2, float eps, float weightDecay) {
        super(params, lr, beta1, beta2, eps, weightDecay);
    }

    @Override
    protected void update(Tensor p, Tensor g) {
        if (weightDecay != 0) p.mul_(1 - lr * weightDecay);
        adamStep(p, g);
    }
}
