package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Tensor;

/**
 * A 1-D convolution layer, e.g. over the positions of a text: K filters of shape [C/groups, k] slide
 * along x [N, C, L]: out[n, j, t] = b[j] + sum_{c,u} w[j, c, u] x[n, c, t*s + u*d - p].
 * Output [N, K, Lo] with Lo = (L + 2p - d(k-1) - 1) / s + 1. Padding "same" keeps L (stride 1).
 * Default initialisation: uniform in (-1/sqrt(fanIn), 1/sqrt(fanIn)), fanIn = C/groups * k.
 */
public class Conv1d extends Module {
    /** Filters, shape [outChannels, inChannels/groups, k]. */
    public final Tensor weight;
    /** Bias, shape [outChannels], or null. */
    public final Tensor bias;
    private final int inChannels, outChannels, kernelSize, stride, padding, dilation, groups;
    private final boolean same;

    /** Stride 1, no padding. */
    public Conv1d(int inChannels, int outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0, 1, 1, true, false);
    }

    /** Padding "same" or "valid", stride 1. */
    public Conv1d(int inChannels, int outChannels, int kernelSize, String padding) {
        this(inChannels, outChannels, kernelSize, 1, 0, 1, 1, true, Conv2d.paddingIsSame(padding));
    }

    /** Every option. */
    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation, int groups,
                  boolean withBias, boolean same) {
        if (groups < 1 || inChannels % groups != 0 || outChannels % groups != 0) {
            throw new IllegalArgumentException("Conv1d: inChannels (" + inChannels + ") and outChannels (" + outChannels
                    + ") must both be divisible by groups (" + groups + ")");
        }
        if (same && stride != 1) throw new IllegalArgumentException("Conv1d: padding \"same\" needs stride 1, got " + stride);
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernelSize = kernelSize;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.groups = groups;
        this.same = same;
        float bound = (float) (1 / Math.sqrt(inChannels / groups * kernelSize));
        weight = registerParameter("weight", glassbox.nn.init.Init.uniform_(
                Tensor.zeros(outChannels, inChannels / groups, kernelSize), -bound, bound));
        bias = withBias ? registerParameter("bias", glassbox.nn.init.Init.uniform_(Tensor.zeros(outChannels), -bound, bound)) : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (same) return F.conv1dSame(x, weight, bias, dilation, groups);
        return F.conv1d(x, weight, bias, stride, padding, dilation, groups);
    }

    @Override
    public String toString() {
        return "Conv1d(" + inChannels + ", " + outChannels + ", kernel=" + kernelSize
                + (stride != 1 ? ", stride=" + stride : "") + (same ? ", padding=same" : padding != 0 ? ", padding=" + padding : "")
                + (dilation != 1 ? ", dilation=" + dilation : "") + (groups != 1 ? ", groups=" + groups : "") + ")";
    }
}
