package glassbox.nn;

import glassbox.tensor.Tensor;
import java.util.Collection;

/**
 * Regularisation terms to add to a loss. L1 (Lasso): lambda sum |w| pushes many weights to exactly
 * zero. L2 (Ridge): lambda sum w^2 shrinks all weights; with plain SGD it is the same as weight decay,
 * w <- (1 - 2 lr lambda) w - lr grad.
 * <pre>{@code loss = loss.add(Penalty.l2(model.parameters(), 1e-4f));}</pre>
 */
public final class Penalty {
    private Penalty() {
    }

    /** lambda * sum of |w| over all given tensors. */
    public static Tensor l1(Collection<Tensor> params, float lambda) {
        Tensor total = Tensor.scalar(0);
        for (Tensor p : params) total = total.add(p.abs().sum());
        return total.mul(lambda);
    }

    /** lambda * sum of w^2 over all given tensors. */
    public static Tensor l2(Collection<Tensor> params, float lambda) {
        Tensor total = Tensor.scalar(0);
        for (Tensor p : params) total = total.add(p.pow(2).sum());
        return total.mul(lambda);
    }
}
