package glassbox.nn;

import glassbox.tensor.Tensor;

/** A layer computing x Phi(x) (Gaussian error linear unit, tanh approximation as in GPT-2), elementwise. No parameters. */
public class GELU extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.gelu();
    }

    @Override
    public String toString() {
        return "GELU()";
    }
}
