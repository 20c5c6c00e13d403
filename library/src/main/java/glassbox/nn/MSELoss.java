package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Tensor;

/**
 * Mean squared error, for regression: L = (1/n) sum_i (x_i - y_i)^2. Unlike a plain sum of errors,
 * positive and negative errors cannot cancel, and the mean does not grow with the number of examples.
 * dL/dx_i = 2 (x_i - y_i) / n.
 */
public class MSELoss implements Loss {
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.mseLoss(input, target);
    }

    @Override
    public String toString() {
        return "MSELoss()";
    }
}
