package glassbox.nn.functional;

import glassbox.tensor.Shape;
import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.util.Arrays;

/**
 * Losses written as single ops, forward and backward side by side: cross-entropy (log-softmax and
 * negative log-likelihood fused, which is both faster and numerically safer), NLL, binary
 * cross-entropy and binary cross-entropy with logits. Each returns the mean over the batch.
 */
final class LossOps {
    private LossOps() {
    }

    /** Reads class indices (stored as float values, or an int[]) and checks them against C classes. */
    static int[] classIndices(String op, Tensor target, int n) {
        if (target.dim() != 1 || target.size(0) != n) {
            throw new ShapeException(op + ": targets must be class indices of shape [" + n + "] (one per row of the input), got shape "
                    + Shape.str(target.shape()));
        }
        float[] t = target.data();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = Math.round(t[i]);
            if (idx[i] != t[i]) {
                throw new IllegalArgumentException(op + ": target " + i + " is " + t[i] + ", but class indices must be whole numbers"
                        + " (for probabilities or one-hot targets use binaryCrossEntropy, or pass argmax indices)");
            }
        }
        return idx;
    }

    private static void checkLogits(String op, Tensor x) {
        if (x.dim() != 2) {
            throw new ShapeException(op + ": input must have shape [batch, classes], got " + Shape.str(x.shape())
                    + " (for a sequence [batch, time, classes] reshape to [batch*time, classes])");
        }
    }

    /**
     * Cross-entropy of logits x [N, C] against class indices t: with q = (1-eps) onehot(t) + eps/C,
     * loss_i = -sum_j q_ij log softmax(x_i)_j, averaged over the rows whose target is not ignoreIndex.
     * Backward: dL/dx_ij = (softmax(x_i)_j - q_ij) / count.
     */
    static Tensor crossEntropy(Tensor x, int[] t, float labelSmoothing, int ignoreIndex) {
        checkLogits("crossEntropy", x);
        int n = x.size(0), c = x.size(1);
        if (t.length != n) {
            throw new ShapeException("crossEntropy: " + t.length + " targets for an input of shape " + Shape.str(x.shape()));
        }
        if (labelSmoothing < 0 || labelSmoothing > 1) {
            throw new IllegalArgumentException("crossEntropy: labelSmoothing must be in [0, 1], got " + labelSmoothing);
        }
        float[] v = x.data();
        float[] prob = new float[n * c];
        double total = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (t[i] == ignoreIndex) continue;
            if (t[i] < 0 || t[i] >= c) {
                throw new IndexOutOfBoundsException("crossEntropy: target " + i + " is class " + t[i] + " but the input has "
                        + c + " classes (0.." + (c - 1) + ")");
            }
            int row = i * c;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) max = Math.max(max, v[row + j]);
            double sum = 0;
            for (int j = 0; j < c; j++) {
                float e = (float) Math.exp(v[row + j] - max);
                prob[row + j] = e;
                sum += e;
            }
            double lse = max + Math.log(sum);
            float inv = (float) (1 / sum);
            for (int j = 0; j < c; j++) prob[row + j] *= inv;
            double loss = -(1 - labelSmoothing) * (v[row + t[i]] - lse);
            if (labelSmoothing > 0) {
                double s = 0;
                for (int j = 0; j < c; j++) s += v[row + j] - lse;
                loss -= labelSmoothing / c * s;
            }
            total += loss;
            count++;
        }
        final int m = count;
        Tensor out = Tensor.result(new float[] {m == 0 ? Float.NaN : (float) (total / m)}, new int[0], "crossEntropy", x);
        return out.onBackward(() -> {
            float g = out.grad().item() / m;
            float[] d = new float[n * c];
            float smooth = labelSmoothing / c;
            for (int i = 0; i < n; i++) {
                if (t[i] == ignoreIndex) continue;
                int row = i * c;
                for (int j = 0; j < c; j++) d[row + j] = g * (prob[row + j] - smooth);
                d[row + t[i]] -= g * (1 - labelSmoothing);
            }
            x.addGrad(Tensor.fromArray(d, n, c));
        });
    }

    /**
     * Negative log-likelihood of log-probabilities x [N, C]: loss = -mean_i x[i, t_i] (rows with
     * target ignoreIndex skipped).  Backward: dL/dx[i, t_i] = -1/count, zero elsewhere.
     */
    static Tensor nllLoss(Tensor x, int[] t, int ignoreIndex) {
        checkLogits("nllLoss", x);
        int n = x.size(0), c = x.size(1);
        if (t.length != n) throw new ShapeException("nllLoss: " + t.length + " targets for an input of shape " + Shape.str(x.shape()));
        float[] v = x.data();
        double total = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (t[i] == ignoreIndex) continue;
            if (t[i] < 0 || t[i] >= c) {
                throw new IndexOutOfBoundsException("nllLoss: target " + i + " is class " + t[i] + " but the input has " + c + " classes");
            }
            total -= v[i * c + t[i]];
            count++;
        }
        final int m = count;
        Tensor out = Tensor.result(new float[] {m == 0 ? Float.NaN : (float) (total / m)}, new int[0], "nllLoss", x);
        return out.onBackward(() -> {
            float g = out.grad().item() / m;
            float[] d = new float[n * c];
            for (int i = 0; i < n; i++) if (t[i] != ignoreIndex) d[i * c + t[i]] = -g;
            x.addGrad(Tensor.fromArray(d, n, c));
        });
    }

    private static void sameShape(String op, Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new ShapeException(op + ": input of shape " + Shape.str(a.shape()) + " and target of shape "
                    + Shape.str(b.shape()) + " must have the same shape");
        }
    }

    /**
     * Binary cross-entropy of probabilities p in [0, 1] against targets y:
     * loss = -mean(y log p + (1-y) log(1-p)), each log clamped at -100 as PyTorch does.
     * Backward: dL/dp = (p - y) / (p (1-p)) / n.
     */
    static Tensor binaryCrossEntropy(Tensor p, Tensor y) {
        sameShape("binaryCrossEntropy", p, y);
        float[] pv = p.data(), yv = y.data();
        int n = pv.length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (pv[i] < 0 || pv[i] > 1 || Float.isNaN(pv[i])) {
                throw new IllegalArgumentException("binaryCrossEntropy: input " + i + " is " + pv[i]
                        + " but must be a probability in [0, 1] (apply sigmoid first, or use binaryCrossEntropyWithLogits)");
            }
            double lp = Math.max(Math.log(pv[i]), -100), l1p = Math.max(Math.log(1 - pv[i]), -100);
            total -= yv[i] * lp + (1 - yv[i]) * l1p;
        }
        Tensor out = Tensor.result(new float[] {(float) (total / n)}, new int[0], "binaryCrossEntropy", p, y);
        return out.onBackward(() -> {
            float g = out.grad().item() / n;
            if (p.requiresGrad()) {
                float[] d = new float[n];
                for (int i = 0; i < n; i++) {
                    double denom = Math.max((double) pv[i] * (1 - pv[i]), 1e-12);
                    d[i] = (float) (g * (pv[i] - yv[i]) / denom);
                }
                p.addGrad(Tensor.fromArray(d, p.shape()));
            }
            if (y.requiresGrad()) {
                float[] d = new float[n];
                for (int i = 0; i < n; i++) {
                    d[i] = (float) (g * -(Math.max(Math.log(pv[i]), -100) - Math.max(Math.log(1 - pv[i]), -100)));
                }
                y.addGrad(Tensor.fromArray(d, y.shape()));
            }
        });
    }

    /**
     * Binary cross-entropy of logits z (before the sigmoid) against targets y, computed stably:
     * loss = mean(max(z, 0) - z y + log(1 + e^-|z|)).  Backward: dL/dz = (sigmoid(z) - y) / n.
     */
    static Tensor binaryCrossEntropyWithLogits(Tensor z, Tensor y) {
        sameShape("binaryCrossEntropyWithLogits", z, y);
        float[] zv = z.data(), yv = y.data();
        int n = zv.length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += Math.max(zv[i], 0) - zv[i] * yv[i] + Math.log1p(Math.exp(-Math.abs(zv[i])));
        }
        Tensor out = Tensor.result(new float[] {(float) (total / n)}, new int[0], "binaryCrossEntropyWithLogits", z, y);
        return out.onBackward(() -> {
            float g = out.grad().item() / n;
            if (z.requiresGrad()) {
                float[] d = new float[n];
                for (int i = 0; i < n; i++) d[i] = (float) (g * (1 / (1 + Math.exp(-zv[i])) - yv[i]));
                z.addGrad(Tensor.fromArray(d, z.shape()));
            }
            if (y.requiresGrad()) {
                float[] d = new float[n];
                for (int i = 0; i < n; i++) d[i] = -g * zv[i];
                y.addGrad(Tensor.fromArray(d, y.shape()));
            }
        });
    }

    /**
     * KL divergence of the diagonal Gaussian N(mu, exp(logVar)) from the standard normal N(0, I),
     * the regularising term of a variational autoencoder's loss. Per example (row) i:
     * KL_i = -1/2 sum_j (1 + logVar_ij - mu_ij^2 - exp(logVar_ij)); the result is the mean over the N rows.
     * Backward: dKL/dmu_ij = mu_ij / N, dKL/dlogVar_ij = (exp(logVar_ij) - 1) / (2N).
     */
    static Tensor gaussianKl(Tensor mu, Tensor logVar) {
        if (!Arrays.equals(mu.shape(), logVar.shape())) {
            throw new ShapeException("gaussianKl: mu of shape " + Shape.str(mu.shape()) + " and logVar of shape "
                    + Shape.str(logVar.shape()) + " must have the same shape (one mean and one log-variance per latent unit)");
        }
        if (mu.dim() != 2) {
            throw new ShapeException("gaussianKl: mu and logVar must have shape [batch, latent], got " + Shape.str(mu.shape()));
        }
        float[] m = mu.data(), lv = logVar.data();
        int rows = mu.size(0);
        double total = 0;
        for (int i = 0; i < m.length; i++) total += -0.5 * (1 + lv[i] - (double) m[i] * m[i] - Math.exp(lv[i]));
        Tensor out = Tensor.result(new float[] {(float) (total / rows)}, new int[0], "gaussianKl", mu, logVar);
        return out.onBackward(() -> {
            float g = out.grad().item() / rows;
            if (mu.requiresGrad()) {
                float[] d = new float[m.length];
                for (int i = 0; i < m.length; i++) d[i] = g * m[i];
                mu.addGrad(Tensor.fromArray(d, mu.shape()));
            }
            if (logVar.requiresGrad()) {
                float[] d = new float[lv.length];
                for (int i = 0; i < lv.length; i++) d[i] = (float) (g * 0.5 * (Math.exp(lv[i]) - 1));
                logVar.addGrad(Tensor.fromArray(d, logVar.shape()));
            }
        });
    }
}
