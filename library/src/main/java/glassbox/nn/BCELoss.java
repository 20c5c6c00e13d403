package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Tensor;

/**
 * Binary cross-entropy of probabilities (after a sigmoid) against targets in [0, 1]:
 * L = -(1/n) sum_i [y_i log p_i + (1 - y_i) log(1 - p_i)]. For binary and multi-label classification.
 * Prefer {@link BCEWithLogitsLoss}, which includes the sigmoid and is numerically safer.
 */
public class BCELoss implements Loss {
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.binaryCrossEntropy(input, target);
    }

    @Override
    public String toString() {
        return "BCELoss()";
    }
}
