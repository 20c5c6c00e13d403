package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Tensor;

/**
 * Max pooling: the largest value of each k x k window of every channel. Output size
 * (H + 2p - k) / s + 1 (same for W); the stride defaults to the window size, so 2x2 pooling halves
 * height and width. No parameters; the gradient goes only to the maximum of each window.
 */
public class MaxPool2d extends Module {
    private final int kernel, stride, padding;

    /** A k x k window with stride k. */
    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    /** A k x k window with the given stride and padding. */
    public MaxPool2d(int kernelSize, int stride, int padding) {
        this.kernel = kernelSize;
        this.stride = stride;
        this.padding = padding;
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.maxPool2d(x, new int[] {kernel, kernel}, new int[] {stride, stride}, new int[] {padding, padding});
    }

    @Override
    public String toString() {
        return "MaxPool2d(" + kernel + ", stride=" + stride + (padding != 0 ? ", padding=" + padding : "") + ")";
    }
}
