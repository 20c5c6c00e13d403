package glassbox.nn;

import glassbox.tensor.Tensor;

/** A layer computing max(0, x), elementwise. Backward: the gradient passes where x > 0. No parameters. */
public class ReLU extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.relu();
    }

    @Override
    public String toString() {
        return "ReLU()";
    }
}
