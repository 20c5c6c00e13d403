package glassbox.nn.functional;

import glassbox.tensor.Shape;
import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;

/**
 * Batch normalization and layer normalization as single ops.
 *
 * <p>Both compute xhat = (x - mean) / sqrt(var + eps) over some group of values and y = gamma xhat + beta.
 * With m values per group, the backward is dL/dx = 1/(m sigma) (m dxhat - sum(dxhat) - xhat sum(dxhat xhat)),
 * where dxhat = gamma dL/dy; dL/dgamma = sum(dL/dy xhat) and dL/dbeta = sum(dL/dy).
 */
final class Normalization {
    private Normalization() {
    }

    /**
     * Batch norm with batch statistics (training mode): x [N, C, *] is normalised per channel over the
     * batch and all positions. Writes the batch mean and the unbiased batch variance into
     * {@code batchMean}/{@code batchVar} (length C) for the running estimates.
     */
    static Tensor batchNormTrain(Tensor x, Tensor gamma, Tensor beta, float eps, float[] batchMean, float[] batchVar) {
        if (x.dim() < 2) throw new ShapeException("batchNorm: input must have shape [batch, channels, ...], got " + Shape.str(x.shape()));
        int n = x.size(0), c = x.size(1), s = x.numel() / Math.max(1, n * c);
        int m = n * s;
        if (m < 2) {
            throw new IllegalArgumentException("batchNorm: expected more than 1 value per channel in training mode, got input "
                    + Shape.str(x.shape()) + " (use a larger batch, or call eval())");
        }
        float[] v = x.data();
        float[] xhat = new float[v.length];
        float[] invStd = new float[c];
        float[] y = new float[v.length];
        float[] gv = gamma == null ? null : gamma.data(), bv = beta == null ? null : beta.data();
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * s;
                for (int i = 0; i < s; i++) sum += v[base + i];
            }
            double mean = sum / m, sq = 0;
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * s;
                for (int i = 0; i < s; i++) {
                    double d = v[base + i] - mean;
                    sq += d * d;
                }
            }
            double var = sq / m;
            batchMean[ch] = (float) mean;
            batchVar[ch] = (float) (sq / (m - 1));
            float is = (float) (1 / Math.sqrt(var + eps));
            invStd[ch] = is;
            float g = gv == null ? 1 : gv[ch], be = bv == null ? 0 : bv[ch];
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * s;
                for (int i = 0; i < s; i++) {
                    float xh = (float) ((v[base + i] - mean) * is);
                    xhat[base + i] = xh;
                    y[base + i] = g * xh + be;
                }
            }
        }
        Tensor out = gamma == null ? Tensor.result(y, x.shape(), "batchNorm", x)
                : Tensor.result(y, x.shape(), "batchNorm", x, gamma, beta);
        return out.onBackward(() -> {
            float[] dy = out.grad().data();
            float[] dx = new float[v.length], dg = new float[c], db = new float[c];
            for (int ch = 0; ch < c; ch++) {
                float g = gv == null ? 1 : gv[ch];
                double sumDy = 0, sumDyXhat = 0;
                for (int b = 0; b < n; b++) {
                    int base = (b * c + ch) * s;
                    for (int i = 0; i < s; i++) {
                        sumDy += dy[base + i];
                        sumDyXhat += dy[base + i] * xhat[base + i];
                    }
                }
                dg[ch] = (float) sumDyXhat;
                db[ch] = (float) sumDy;
                // with dxhat = g dy: dx = g/(m sigma) (m dy - sum dy - xhat sum(dy xhat))
                float k = g * invStd[ch] / m;
                for (int b = 0; b < n; b++) {
                    int base = (b * c + ch) * s;
                    for (int i = 0; i < s; i++) {
                        dx[base + i] = (float) (k * (m * dy[base + i] - sumDy - xhat[base + i] * sumDyXhat));
                    }
                }
            }
            x.addGrad(Tensor.fromArray(dx, x.shape()));
            if (gamma != null) {
                gamma.addGrad(Tensor.fromArray(dg, c));
                beta.addGrad(Tensor.fromArray(db, c));
            }
        });
    }

    /**
     * Layer norm over the last d values of x (d = product of normalizedShape): each row is normalised
     * by its own mean and (biased) variance, then scaled by gamma and shifted by beta (shape normalizedShape).
     */
    static Tensor layerNorm(Tensor x, int[] normalizedShape, Tensor gamma, Tensor beta, float eps) {
        int k = normalizedShape.length;
        int[] xs = x.shape();
        boolean fits = xs.length >= k;
        for (int i = 0; fits && i < k; i++) fits = xs[xs.length - k + i] == normalizedShape[i];
        if (!fits) {
            throw new ShapeException("layerNorm: the last dimensions of the input " + Shape.str(xs)
                    + " must be the normalized shape " + Shape.str(normalizedShape));
        }
        int d = Shape.numel(normalizedShape), rows = x.numel() / Math.max(1, d);
        float[] v = x.data();
        float[] xhat = new float[v.length], y = new float[v.length], invStd = new float[rows];
        float[] gv = gamma == null ? null : gamma.data(), bv = beta == null ? null : beta.data();
        for (int r = 0; r < rows; r++) {
            int base = r * d;
            double sum = 0;
            for (int i = 0; i < d; i++) sum += v[base + i];
            double mean = sum / d, sq = 0;
            for (int i = 0; i < d; i++) {
                double t = v[base + i] - mean;
                sq += t * t;
            }
            float is = (float) (1 / Math.sqrt(sq / d + eps));
            invStd[r] = is;
            for (int i = 0; i < d; i++) {
                float xh = (float) ((v[base + i] - mean) * is);
                xhat[base + i] = xh;
                y[base + i] = gv == null ? xh : gv[i] * xh + bv[i];
            }
        }
        Tensor out = gamma == null ? Tensor.result(y, xs, "layerNorm", x) : Tensor.result(y, xs, "layerNorm", x, gamma, beta);
        return out.onBackward(() -> {
            float[] dy = out.grad().data();
            float[] dx = new float[v.length], dg = new float[d], db = new float[d];
            for (int r = 0; r < rows; r++) {
                int base = r * d;
                double sumDxhat = 0, sumDxhatXhat = 0;
                for (int i = 0; i < d; i++) {
                    float dxh = dy[base + i] * (gv == null ? 1 : gv[i]);
                    sumDxhat += dxh;
                    sumDxhatXhat += dxh * xhat[base + i];
                    dg[i] += dy[base + i] * xhat[base + i];
                    db[i] += dy[base + i];
                }
                float kk = invStd[r] / d;
                for (int i = 0; i < d; i++) {
                    float dxh = dy[base + i] * (gv == null ? 1 : gv[i]);
                    dx[base + i] = (float) (kk * (d * dxh - sumDxhat - xhat[base + i] * sumDxhatXhat));
                }
            }
            x.addGrad(Tensor.fromArray(dx, xs));
            if (gamma != null) {
                gamma.addGrad(Tensor.fromArray(dg, normalizedShape));
                beta.addGrad(Tensor.fromArray(db, normalizedShape));
            }
        });
    }
}
