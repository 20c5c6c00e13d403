package glassbox.plot;

import glassbox.tensor.Tensor;

/**
 * Principal component analysis: the directions along which data of shape [N, D] varies most.
 * The data is centred (the mean row subtracted); the first component is the unit vector v that
 * maximises the variance of the projections X v, i.e. the top eigenvector of the covariance
 * C = X^T X / (N - 1). It is found by power iteration, v &lt;- X^T (X v) / |X^T (X v)|, which never
 * forms C; each further component repeats this while removing the directions already found.
 */
public final class Pca {
    private final double[] mean;
    private final double[][] components;
    private final double[] variance;
    private final double totalVariance;

    private Pca(double[] mean, double[][] components, double[] variance, double totalVariance) {
        this.mean = mean;
        this.components = components;
        this.variance = variance;
        this.totalVariance = totalVariance;
    }

    /** The top {@code k} principal components of the rows of {@code x} ([N, D]). */
    public static Pca fit(Tensor x, int k) {
        int[] s = x.shape();
        if (s.length != 2) throw new IllegalArgumentException("Pca.fit: expected data of shape [N, D], got " + java.util.Arrays.toString(s));
        int n = s[0], d = s[1];
        if (k < 1 || k > d) throw new IllegalArgumentException("Pca.fit: k must be between 1 and D = " + d + ", got " + k);
        if (n < 2) throw new IllegalArgumentException("Pca.fit: need at least 2 rows of data, got " + n);
        float[] f = x.toFloatArray();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += f[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        double[] c = new double[n * d];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                c[i * d + j] = f[i * d + j] - mean[j];
                total += c[i * d + j] * c[i * d + j];
            }
        }
        total /= (n - 1);
        double[][] comps = new double[k][];
        double[] var = new double[k];
        double[] xv = new double[n];
        for (int m = 0; m < k; m++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) v[j] = 1 + 0.01 * ((j * 7919 + m * 104729) % 101); // fixed start: deterministic
            orthonormalize(v, comps, m);
            double lambda = 0;
            for (int it = 0; it < 1000; it++) {
                // xv = X v; w = X^T xv
                for (int i = 0; i < n; i++) {
                    double acc = 0;
                    for (int j = 0; j < d; j++) acc += c[i * d + j] * v[j];
                    xv[i] = acc;
                }
                double[] w = new double[d];
                for (int i = 0; i < n; i++) {
                    double a = xv[i];
                    if (a == 0) continue;
                    for (int j = 0; j < d; j++) w[j] += c[i * d + j] * a;
                }
                orthonormalize(w, comps, m);
                double change = 0;
                for (int j = 0; j < d; j++) change += (w[j] - v[j]) * (w[j] - v[j]);
                v = w;
                if (change < 1e-18) break;
            }
            for (int i = 0; i < n; i++) {
                double acc = 0;
                for (int j = 0; j < d; j++) acc += c[i * d + j] * v[j];
                lambda += acc * acc;
            }
            // Sign convention: the largest entry is positive, so results do not flip between runs.
            int big = 0;
            for (int j = 1; j < d; j++) if (Math.abs(v[j]) > Math.abs(v[big])) big = j;
            if (v[big] < 0) for (int j = 0; j < d; j++) v[j] = -v[j];
            comps[m] = v;
            var[m] = lambda / (n - 1);
        }
        return new Pca(mean, comps, var, total);
    }

    /** Removes from v its parts along the first m components, then scales it to length 1. */
    private static void orthonormalize(double[] v, double[][] comps, int m) {
        for (int p = 0; p < m; p++) {
            double dot = 0;
            for (int j = 0; j < v.length; j++) dot += v[j] * comps[p][j];
            for (int j = 0; j < v.length; j++) v[j] -= dot * comps[p][j];
        }
        double norm = 0;
        for (double a : v) norm += a * a;
        norm = Math.sqrt(norm);
        if (norm == 0) { v[0] = 1; return; }
        for (int j = 0; j < v.length; j++) v[j] /= norm;
    }

    /** The rows of x projected on the components: [N, k] coordinates. */
    public Tensor transform(Tensor x) {
        int[] s = x.shape();
        if (s.length != 2 || s[1] != mean.length) {
            throw new IllegalArgumentException("Pca.transform: expected [N, " + mean.length + "], got " + java.util.Arrays.toString(s));
        }
        int n = s[0], d = mean.length, k = components.length;
        float[] f = x.toFloatArray();
        float[] out = new float[n * k];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < k; m++) {
                double acc = 0;
                for (int j = 0; j < d; j++) acc += (f[i * d + j] - mean[j]) * components[m][j];
                out[i * k + m] = (float) acc;
            }
        }
        return Tensor.fromArray(out, n, k);
    }

    /** The components as rows of a [k, D] tensor (unit vectors, most variance first). */
    public Tensor components() {
        int k = components.length, d = mean.length;
        float[] f = new float[k * d];
        for (int m = 0; m < k; m++) for (int j = 0; j < d; j++) f[m * d + j] = (float) components[m][j];
        return Tensor.fromArray(f, k, d);
    }

    /** The mean row that was subtracted, [D]. */
    public Tensor mean() {
        float[] f = new float[mean.length];
        for (int j = 0; j < f.length; j++) f[j] = (float) mean[j];
        return Tensor.fromArray(f, f.length);
    }

    /** The variance along each component. */
    public double[] explainedVariance() {
        return variance.clone();
    }

    /** The fraction of the total variance along each component (sums to at most 1). */
    public double[] explainedVarianceRatio() {
        double[] r = new double[variance.length];
        for (int m = 0; m < r.length; m++) r[m] = totalVariance == 0 ? 0 : variance[m] / totalVariance;
        return r;
    }
}
