package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Tensor;

/** Mean absolute error: L = (1/n) sum_i |x_i - y_i|, less sensitive to outliers than MSE. */
public class L1Loss implements Loss {
    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.l1Loss(input, target);
    }

    @Override
    public String toString() {
        return "L1Loss()";
    }
}
