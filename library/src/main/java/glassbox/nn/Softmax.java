package glassbox.nn;

import glassbox.tensor.Tensor;

/** A layer computing softmax along {@code dim}: e^x_i / sum_j e^x_j, so each slice sums to 1. No parameters. */
public class Softmax extends Module {
    private final int dim;

    /** Softmax along {@code dim} (use -1 for the last dimension, the classes). */
    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.softmax(dim);
    }

    @Override
    public String toString() {
        return "Softmax(dim=" + dim + ")";
    }
}
