package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Tensor;

/**
 * A 2-D convolution layer: K filters of shape [C/groups, kh, kw] slide over an image [N, C, H, W]:
 * out[n, k, i, j] = b[k] + sum_{c,u,v} w[k, c, u, v] x[n, c, i*s + u*d - p, j*s + v*d - p].
 * Output [N, K, Ho, Wo] with Ho = (H + 2p - d(kh-1) - 1) / s + 1 (same for Wo).
 * Parameters: (kh*kw*C/groups + 1) * K. Padding "same" keeps H and W (stride 1).
 * groups = C = K gives a depthwise convolution (one filter per channel); followed by a 1x1
 * convolution it makes a depthwise separable convolution (MobileNet).
 *
 * <p>Default initialisation (as PyTorch): weight and bias uniform in (-1/sqrt(fanIn), 1/sqrt(fanIn)),
 * fanIn = C/groups * kh * kw.
 */
public class Conv2d extends Module {
    /** Filters, shape [outChannels, inChannels/groups, kh, kw]. */
    public final Tensor weight;
    /** Bias, shape [outChannels], or null. */
    public final Tensor bias;
    private final int inChannels, outChannels, groups;
    private final int[] kernel, stride, padding, dilation;
    private final boolean same;

    /** Square kernel, stride 1, no padding. */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0);
    }

    /** Square kernel with stride and padding. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, new int[] {kernelSize, kernelSize}, new int[] {stride, stride},
                new int[] {padding, padding}, new int[] {1, 1}, 1, true, false);
    }

    /** Square kernel with padding "same" (output as large as the input, stride 1) or "valid" (no padding). */
    public Conv2d(int inChannels, int outChannels, int kernelSize, String padding) {
        this(inChannels, outChannels, new int[] {kernelSize, kernelSize}, new int[] {1, 1}, new int[] {0, 0},
                new int[] {1, 1}, 1, true, paddingIsSame(padding));
    }

    static boolean paddingIsSame(String padding) {
        if (padding.equals("same")) return true;
        if (padding.equals("valid")) return false;
        throw new IllegalArgumentException("padding must be \"same\" or \"valid\" (or a number), got \"" + padding + "\"");
    }

    /**
     * Every option: kernel {kh, kw}, stride, padding (ignored when {@code same}), dilation, groups
     * (inChannels and outChannels must both be divisible by it), bias on or off.
     */
    public Conv2d(int inChannels, int outChannels, int[] kernel, int[] stride, int[] padding, int[] dilation,
                  int groups, boolean withBias, boolean same) {
        if (groups < 1 || inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException("Conv2d: inChannels (" + inChannels + ") and outChannels (" + outChannels
                    + ") must both be divisible by groups (" + groups + ")");
        }
        if (same && (stride[0] != 1 || stride[1] != 1)) {
            throw new IllegalArgumentException("Conv2d: padding \"same\" needs stride 1, got " + stride[0] + "x" + stride[1]);
        }
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.groups = groups;
        this.kernel = kernel.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
        this.same = same;
        int fanIn = inChannels / groups * kernel[0] * kernel[1];
        float bound = (float) (1 / Math.sqrt(fanIn));
        weight = registerParameter("weight", glassbox.nn.init.Init.uniform_(
                Tensor.zeros(outChannels, inChannels / groups, kernel[0], kernel[1]), -bound, bound));
        bias = withBias ? registerParameter("bias", glassbox.nn.init.Init.uniform_(Tensor.zeros(outChannels), -bound, bound)) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (same) return F.conv2dSame(x, weight, bias, dilation, groups);
        return F.conv2d(x, weight, bias, stride, padding, dilation, groups);
    }

    @Override
    public String toString() {
        return "Conv2d(" + inChannels + ", " + outChannels + ", kernel=" + kernel[0] + "x" + kernel[1]
                + (stride[0] != 1 || stride[1] != 1 ? ", stride=" + stride[0] + "x" + stride[1] : "")
                + (same ? ", padding=same" : padding[0] != 0 || padding[1] != 0 ? ", padding=" + padding[0] + "x" + padding[1] : "")
                + (dilation[0] != 1 || dilation[1] != 1 ? ", dilation=" + dilation[0] + "x" + dilation[1] : "")
                + (groups != 1 ? ", groups=" + groups : "") + (bias == null ? ", bias=false" : "") + ")";
    }
}
