package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Tensor;

/**
 * Average pooling: the mean of each k x k window of every channel (zero padding counted). Output size
 * (H + 2p - k) / s + 1; the stride defaults to the window size. No parameters.
 */
public class AvgPool2d extends Module {
    private final int kernel, stride, padding;

    /** A k x k window with stride k. */
    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    /** A k x k window with the given stride and padding. */
    public AvgPool2d(int kernelSize, int stride, int padding) {
        this.kernel = kernelSize;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.avgPool2d(x, new int[] {kernel, kernel}, new int[] {stride, stride}, new int[] {padding, padding});
    }

    @Override
    public String toString() {
        return "AvgPool2d(" + kernel + ", stride=" + stride + (padding != 0 ? ", padding=" + padding : "") + ")";
    }
}
