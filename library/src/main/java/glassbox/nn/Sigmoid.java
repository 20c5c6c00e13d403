package glassbox.nn;

import glassbox.tensor.Tensor;

/** A layer computing the logistic function 1 / (1 + e^-x), elementwise, in (0, 1). Backward: s(1 - s). No parameters. */
public class Sigmoid extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.sigmoid();
    }

    @Override
    public String toString() {
        return "Sigmoid()";
    }
}
