package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Tensor;

/**
 * Average pooling to a fixed output size, whatever the input size: output cell (i, j) averages input
 * rows floor(i H / oh) .. ceil((i+1) H / oh) - 1 (same for columns). {@code new AdaptiveAvgPool2d(1)}
 * is global average pooling: [N, C, H, W] -> [N, C, 1, 1], one number per feature map.
 */
public class AdaptiveAvgPool2d extends Module {
    private final int outH, outW;

    /** Output size s x s (1 for global average pooling). */
    public AdaptiveAvgPool2d(int outputSize) {
        this(outputSize, outputSize);
    }

    /** Output size outH x outW. */
    public AdaptiveAvgPool2d(int outH, int outW) {
        this.outH = outH;
        this.outW = outW;
    }

    @Override
    public Tensor forward(Tensor x) {
        return F.adaptiveAvgPool2d(x, outH, outW);
    }

    @Override
    public String toString() {
        return "AdaptiveAvgPool2d(" + outH + ", " + outW + ")";
    }
}
