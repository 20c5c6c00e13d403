package glassbox.nn;

import glassbox.tensor.Tensor;

/** A layer computing x if x > 0 else slope * x, elementwise (slope 0.01 by default). No parameters. */
public class LeakyReLU extends Module {
    private final float slope;

    /** Negative slope 0.01. */
    public LeakyReLU() {
        this(0.01f);
    }

    /** The given negative slope. */
    public LeakyReLU(float negativeSlope) {
        this.slope = negativeSlope;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.leakyRelu(slope);
    }

    @Override
    public String toString() {
        return "LeakyReLU(" + slope + ")";
    }
}
