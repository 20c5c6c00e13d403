package glassbox.nn.functional;

import glassbox.tensor.Generator;
import glassbox.tensor.Shape;
import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The operations behind the layers, as plain functions (like {@code torch.nn.functional}). The
 * layers in {@code glassbox.nn} hold the parameters and call these.
 *
 * <p>Each op that needs its own backward lives, forward and backward together, in a small file of
 * this package: {@code Unfold} (im2col for convolutions), {@code Pooling}, {@code Normalization},
 * {@code DropoutOp}, {@code EmbeddingOp}, {@code LossOps}. The rest are built from tensor ops, whose
 * gradients autograd already knows.
 */
public final class F {
    private F() {
    }

    // =============================================================================================
    // Linear
    // =============================================================================================

    /**
     * y = x W^T + b for x [..., in], W [out, in], b [out] (or null). Leading dimensions are kept:
     * [batch, time, in] gives [batch, time, out].
     */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        int in = weight.size(1);
        if (x.dim() == 0 || x.size(-1) != in) {
            throw new ShapeException("linear: input of shape " + Shape.str(x.shape()) + " does not fit a weight of shape "
                    + Shape.str(weight.shape()) + ": the input's last dimension must be " + in);
        }
        int[] xs = x.shape();
        Tensor x2 = xs.length == 2 ? x : x.reshape(-1, in);
        int[] outShape = xs.clone();
        outShape[xs.length - 1] = weight.size(0);
        return LinearOp.linear(x2, weight, bias).reshape(outShape);
    }

    // =============================================================================================
    // Convolution
    // =============================================================================================

    /**
     * im2col: every kh x kw window of x [N, C, H, W] as a column, giving [N, C*kh*kw, L] with
     * L = Ho*Wo window positions (like {@code torch.nn.functional.unfold}).
     */
    public static Tensor unfold(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        return Unfold.unfold(x, kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1]);
    }

    /**
     * 2-D convolution (cross-correlation, as in every deep learning library):
     * out[n, k, i, j] = b[k] + sum_{c, u, v} w[k, c, u, v] x[n, c, i*s + u*d - p, j*s + v*d - p].
     * x [N, C, H, W], w [K, C/groups, kh, kw], b [K] or null; output [N, K, Ho, Wo] with
     * Ho = (H + 2p - d(kh-1) - 1)/s + 1. Computed as im2col then one matrix product per group.
     * With groups = C = K each channel has its own filter (depthwise convolution).
     *
     * @param padding {ph, pw}; use {@link #samePadding} for 'same'
     */
    public static Tensor conv2d(Tensor x, Tensor w, Tensor b, int[] stride, int[] padding, int[] dilation, int groups) {
        return conv2dPadded(x, w, b, stride, new int[] {padding[0], padding[0], padding[1], padding[1]}, dilation, groups);
    }

    /** 2-D convolution with stride 1, no padding, no dilation, one group. */
    public static Tensor conv2d(Tensor x, Tensor w, Tensor b) {
        return conv2d(x, w, b, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}, 1);
    }

    /**
     * The padding {top, bottom, left, right} that keeps the output the size of the input at stride 1:
     * d(k-1) in total per side pair, the odd one extra at the bottom/right (as PyTorch does).
     */
    public static int[] samePadding(int kh, int kw, int dh, int dw) {
        int th = dh * (kh - 1), tw = dw * (kw - 1);
        return new int[] {th / 2, th - th / 2, tw / 2, tw - tw / 2};
    }

    /** conv2d with padding given per side as {top, bottom, left, right}. */
    public static Tensor conv2dPadded(Tensor x, Tensor w, Tensor b, int[] stride, int[] pad4, int[] dilation, int groups) {
        return ConvOp.conv2d(x, w, b, stride, pad4, dilation, groups);
    }

    /**
     * The same convolution spelled out with tensor ops: unfold (im2col), one matrix product per group,
     * reshape and a bias add. Slower than {@link #conv2d} (which fuses these into one op) but shows the
     * idea; tests check that both agree.
     */
    public static Tensor conv2dByUnfold(Tensor x, Tensor w, Tensor b, int[] stride, int[] padding, int[] dilation, int groups) {
        int n = x.size(0), k = w.size(0), cg = w.size(1), kh = w.size(2), kw = w.size(3);
        Tensor cols = Unfold.unfold(x, kh, kw, stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1]);
        int ho = (x.size(2) + 2 * padding[0] - dilation[0] * (kh - 1) - 1) / stride[0] + 1;
        int wo = cols.size(2) / ho;
        int rows = cg * kh * kw;
        Tensor out;
        if (groups == 1) {
            out = w.reshape(k, rows).matmul(cols);
        } else {
            int kg = k / groups;
            List<Tensor> parts = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                Tensor wg = w.slice(0, g * kg, (g + 1) * kg).reshape(kg, rows);
                parts.add(wg.matmul(cols.slice(1, g * rows, (g + 1) * rows)));
            }
            out = Tensor.cat(parts, 1);
        }
        out = out.reshape(n, k, ho, wo);
        if (b != null) out = out.add(b.reshape(1, k, 1, 1));
        return out;
    }

    /** conv2d with 'same' output size (stride 1). */
    public static Tensor conv2dSame(Tensor x, Tensor w, Tensor b, int[] dilation, int groups) {
        int[] pad = samePadding(w.size(2), w.size(3), dilation[0], dilation[1]);
        return conv2dPadded(x, w, b, new int[] {1, 1}, pad, dilation, groups);
    }

    /**
     * 1-D convolution: x [N, C, L], w [K, C/groups, k], b [K] or null; output [N, K, Lo] with
     * Lo = (L + 2p - d(k-1) - 1)/s + 1. Computed as a 2-D convolution over a height-1 image.
     */
    public static Tensor conv1d(Tensor x, Tensor w, Tensor b, int stride, int padding, int dilation, int groups) {
        return conv1d(x, w, b, stride, padding, padding, dilation, groups);
    }

    static Tensor conv1d(Tensor x, Tensor w, Tensor b, int stride, int padLeft, int padRight, int dilation, int groups) {
        if (x.dim() != 3) throw new ShapeException("conv1d: input must have shape [batch, channels, length], got " + Shape.str(x.shape()));
        if (w.dim() != 3) throw new ShapeException("conv1d: weight must have shape [out, in/groups, k], got " + Shape.str(w.shape()));
        Tensor y = conv2dPadded(x.unsqueeze(2), w.unsqueeze(2), b, new int[] {1, stride}, new int[] {0, 0, padLeft, padRight},
                new int[] {1, dilation}, groups);
        return y.squeeze(2);
    }

    /** conv1d with 'same' output length (stride 1). */
    public static Tensor conv1dSame(Tensor x, Tensor w, Tensor b, int dilation, int groups) {
        int t = dilation * (w.size(2) - 1);
        return conv1d(x, w, b, 1, t / 2, t - t / 2, dilation, groups);
    }

    // =============================================================================================
    // Pooling
    // =============================================================================================

    /** The largest value of each window: x [N, C, H, W] -> [N, C, (H + 2p - k)/s + 1, ...]. */
    public static Tensor maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding) {
        return Pooling.maxPool2d(x, kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1]);
    }

    /** maxPool2d with a square window k and stride k. */
    public static Tensor maxPool2d(Tensor x, int k) {
        return Pooling.maxPool2d(x, k, k, k, k, 0, 0);
    }

    /** The mean of each window (zero padding counted). */
    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding) {
        return Pooling.avgPool2d(x, kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1]);
    }

    /** Average pooling to a fixed output size; (1, 1) is global average pooling. */
    public static Tensor adaptiveAvgPool2d(Tensor x, int outH, int outW) {
        return Pooling.adaptiveAvgPool2d(x, outH, outW);
    }

    // =============================================================================================
    // Normalization, dropout, embedding
    // =============================================================================================

    /**
     * Batch normalization of x [N, C, *] per channel: y = gamma (x - mean) / sqrt(var + eps) + beta.
     * In training the batch's mean and biased variance are used and the running estimates are updated
     * in place: running = (1 - momentum) running + momentum batch (with the unbiased batch variance).
     * In evaluation the running estimates are used. gamma and beta may be null (no affine part).
     */
    public static Tensor batchNorm(Tensor x, Tensor runningMean, Tensor runningVar, Tensor gamma, Tensor beta,
                                   boolean training, float momentum, float eps) {
        if (x.dim() < 2) throw new ShapeException("batchNorm: input must have shape [batch, channels, ...], got " + Shape.str(x.shape()));
        int c = x.size(1);
        if (runningMean != null && runningMean.numel() != c) {
            throw new ShapeException("batchNorm: input " + Shape.str(x.shape()) + " has " + c + " channels but the layer has "
                    + runningMean.numel() + " (numFeatures)");
        }
        if (training || runningMean == null) {
            float[] mean = new float[c], var = new float[c];
            Tensor y = Normalization.batchNormTrain(x, gamma, beta, eps, mean, var);
            if (training && runningMean != null) {
                try (var s = Tensor.noGrad()) {
                    runningMean.mul_(1 - momentum).add_(Tensor.fromArray(mean, c), momentum);
                    runningVar.mul_(1 - momentum).add_(Tensor.fromArray(var, c), momentum);
                }
            }
            return y;
        }
        int[] bshape = new int[x.dim()];
        Arrays.fill(bshape, 1);
        bshape[1] = c;
        float[] rv = runningVar.data(), inv = new float[c];
        for (int i = 0; i < c; i++) inv[i] = (float) (1 / Math.sqrt(rv[i] + eps));
        Tensor y = x.sub(runningMean.reshape(bshape)).mul(Tensor.fromArray(inv, bshape));
        if (gamma != null) y = y.mul(gamma.reshape(bshape)).add(beta.reshape(bshape));
        return y;
    }

    /**
     * Layer normalization over the last dimensions (normalizedShape) of x, each row with its own mean
     * and biased variance: y = gamma (x - mean) / sqrt(var + eps) + beta. gamma and beta may be null.
     */
    public static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor gamma, Tensor beta, float eps) {
        return Normalization.layerNorm(x, normalizedShape, gamma, beta, eps);
    }

    /**
     * Inverted dropout: in training, each value is zeroed with probability p and the rest scaled by
     * 1/(1-p); otherwise x unchanged.
     */
    public static Tensor dropout(Tensor x, float p, boolean training, Generator gen) {
        if (!training || p == 0) return x;
        return DropoutOp.dropout(x, p, gen);
    }

    /** Rows of {@code weight} [num, dim] picked by the integer values of {@code index}: shape index.shape + [dim]. */
    public static Tensor embedding(Tensor index, Tensor weight) {
        return EmbeddingOp.embedding(index, weight);
    }

    // =============================================================================================
    // Losses (mean over the batch)
    // =============================================================================================

    /**
     * Cross-entropy of logits [N, C] against class indices [N] (float values 0..C-1); or, as in
     * PyTorch, of logits [N, C, d1, ...] (the classes in dimension 1, e.g. one prediction per time
     * step) against targets [N, d1, ...], averaged over every position.
     */
    public static Tensor crossEntropy(Tensor logits, Tensor target) {
        return crossEntropy(logits, target, 0f, -100);
    }

    /**
     * Cross-entropy with label smoothing eps (the target distribution is (1-eps) one-hot + eps/C) and
     * an ignored target value (its rows count neither in the loss nor the mean; PyTorch's default -100).
     */
    public static Tensor crossEntropy(Tensor logits, Tensor target, float labelSmoothing, int ignoreIndex) {
        if (logits.dim() > 2) {
            checkPerPositionTargets("crossEntropy", logits, target);
            return crossEntropy(classesLast(logits), target.reshape(-1), labelSmoothing, ignoreIndex);
        }
        return LossOps.crossEntropy(logits, LossOps.classIndices("crossEntropy", target, logits.dim() > 0 ? logits.size(0) : 0),
                labelSmoothing, ignoreIndex);
    }

    /** [N, C, d1, ...] -> [N * d1 * ..., C]: one row of class scores per position (a view, then a copy). */
    private static Tensor classesLast(Tensor x) {
        int[] order = new int[x.dim()];
        order[0] = 0;
        for (int i = 2; i < x.dim(); i++) order[i - 1] = i;
        order[x.dim() - 1] = 1;
        return x.permute(order).reshape(-1, x.size(1));
    }

    /** For input [N, C, d1, ...] the targets must be [N, d1, ...]. */
    private static void checkPerPositionTargets(String op, Tensor input, Tensor target) {
        int[] s = input.shape();
        int[] want = new int[s.length - 1];
        want[0] = s[0];
        System.arraycopy(s, 2, want, 1, s.length - 2);
        if (!java.util.Arrays.equals(want, target.shape())) {
            throw new ShapeException(op + ": for an input of shape " + Shape.str(s) + " (classes in dimension 1) the targets must have"
                    + " shape " + Shape.str(want) + ", got " + Shape.str(target.shape())
                    + (target.dim() == s.length - 1 && target.size(0) == s[0] && s.length == 3 && target.size(1) == s[1]
                        ? "; if the classes are in the last dimension, use input.transpose(1, 2) or reshape to [N*L, C]" : ""));
        }
    }

    /** Cross-entropy of logits [N, C] against class indices given as ints. */
    public static Tensor crossEntropy(Tensor logits, int[] target) {
        return LossOps.crossEntropy(logits, target, 0f, -100);
    }

    /** Negative log-likelihood of log-probabilities [N, C] (e.g. from logSoftmax) against class indices [N]. */
    public static Tensor nllLoss(Tensor logProbs, Tensor target) {
        return nllLoss(logProbs, target, -100);
    }

    /** nllLoss with an ignored target value; log-probabilities [N, C, d1, ...] take targets [N, d1, ...]. */
    public static Tensor nllLoss(Tensor logProbs, Tensor target, int ignoreIndex) {
        if (logProbs.dim() > 2) {
            checkPerPositionTargets("nllLoss", logProbs, target);
            return nllLoss(classesLast(logProbs), target.reshape(-1), ignoreIndex);
        }
        return LossOps.nllLoss(logProbs, LossOps.classIndices("nllLoss", target, logProbs.dim() > 0 ? logProbs.size(0) : 0), ignoreIndex);
    }

    /** Mean squared error: mean((x - y)^2). */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        sameShape("mseLoss", input, target);
        return input.sub(target).pow(2).mean();
    }

    /** Mean absolute error: mean(|x - y|). */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        sameShape("l1Loss", input, target);
        return input.sub(target).abs().mean();
    }

    /** Binary cross-entropy of probabilities: -mean(y log p + (1-y) log(1-p)). */
    public static Tensor binaryCrossEntropy(Tensor p, Tensor target) {
        return LossOps.binaryCrossEntropy(p, target);
    }

    /** Binary cross-entropy of logits (sigmoid included, computed stably). */
    public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor target) {
        return LossOps.binaryCrossEntropyWithLogits(logits, target);
    }

    /**
     * KL divergence KL(N(mu, sigma^2) || N(0, 1)) of a variational autoencoder's code, with sigma^2 = exp(logVar):
     * -1/2 sum_j (1 + logVar_j - mu_j^2 - exp(logVar_j)) summed over the latent units of each row of
     * mu and logVar ([batch, latent]) and averaged over the batch. Zero exactly when mu = 0 and logVar = 0.
     */
    public static Tensor gaussianKl(Tensor mu, Tensor logVar) {
        return LossOps.gaussianKl(mu, logVar);
    }

    private static void sameShape(String op, Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new ShapeException(op + ": input of shape " + Shape.str(a.shape()) + " and target of shape "
                    + Shape.str(b.shape()) + " must have the same shape");
        }
    }
}
