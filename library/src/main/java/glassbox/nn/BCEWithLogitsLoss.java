package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Tensor;

/**
 * Binary cross-entropy of logits z (no sigmoid before it): equal to BCELoss(sigmoid(z), y), computed
 * as max(z, 0) - z y + log(1 + e^-|z|) so that large |z| cannot overflow. Its gradient is simply
 * (sigmoid(z) - y) / n.
 */
public class BCEWithLogitsLoss implements Loss {
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropyWithLogits(input, target);
    }

    @Override
    public String toString() {
        return "BCEWithLogitsLoss()";
    }
}
