package glassbox.nn;

import glassbox.tensor.Tensor;

/** A layer computing tanh(x) = (e^x - e^-x) / (e^x + e^-x), elementwise, in (-1, 1). Backward: 1 - tanh(x)^2. No parameters. */
public class Tanh extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.tanh();
    }

    @Override
    public String toString() {
        return "Tanh()";
    }
}
