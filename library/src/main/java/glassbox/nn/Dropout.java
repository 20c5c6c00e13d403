package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;

/**
 * Dropout: in training mode each value is set to 0 with probability p and the others are scaled by
 * 1/(1-p), so the expected value stays the same; in evaluation mode the input passes unchanged.
 * It makes units unable to rely on each other, a regulariser against overfitting.
 */
public class Dropout extends Module {
    private final float p;
    private final Generator gen;

    /** Dropout with probability p, using the default generator. */
    public Dropout(float p) {
        this(p, Generator.getDefault());
    }

    /** Dropout with probability p and its own seeded generator (for reproducible masks). */
    public Dropout(float p, Generator gen) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("Dropout: p must be in [0, 1], got " + p);
        this.p = p;
        this.gen = gen;
    }

    /** The drop probability. */
    public float p() {
        return p;
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.dropout(x, p, isTraining(), gen);
    }

    @Override
    public String toString() {
        return "Dropout(p=" + p + ")";
    }
}
