package glassbox.nn;

import glassbox.tensor.Tensor;

/**
 * Flattens dimensions startDim..endDim into one (by default everything but the batch dimension):
 * [N, C, H, W] becomes [N, C*H*W], ready for a Linear layer.
 */
public class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    /** Flattens all but the first (batch) dimension. */
    public Flatten() {
        this(1, -1);
    }

    /** Flattens dimensions startDim..endDim (inclusive; negative counts from the end). */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.flatten(startDim, endDim);
    }

    @Override
    public String toString() {
        return "Flatten(" + startDim + ", " + endDim + ")";
    }
}
