package glassbox.data;

import glassbox.tensor.Tensor;
import java.util.Arrays;

/**
 * Standardisation: each feature is shifted and scaled to mean 0 and standard deviation 1,
 * x' = (x - mean) / std, with mean and std measured on the training data only (then applied unchanged
 * to validation and test data, so no information leaks from them). Features on very different scales
 * otherwise make gradient descent zig-zag. A constant feature (std 0) is only shifted.
 * <pre>{@code
 * Standardizer s = Standardizer.fit(train.x());
 * Tensor xTrain = s.transform(train.x()), xTest = s.transform(test.x());
 * }</pre>
 */
public final class Standardizer {
    private final float[] mean, std;
    private final int[] featureShape;

    private Standardizer(float[] mean, float[] std, int[] featureShape) {
        this.mean = mean;
        this.std = std;
        this.featureShape = featureShape;
    }

    /** Measures the mean and (population) standard deviation of every feature over the examples x [N, ...]. */
    public static Standardizer fit(Tensor x) {
        if (x.dim() < 2) throw new IllegalArgumentException("Standardizer.fit: x must be [examples, features...], got " + Arrays.toString(x.shape()));
        int n = x.size(0), d = x.numel() / n;
        float[] v = x.data();
        double[] s = new double[d], sq = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) s[j] += v[i * d + j];
        float[] mean = new float[d], std = new float[d];
        for (int j = 0; j < d; j++) mean[j] = (float) (s[j] / n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double t = v[i * d + j] - mean[j];
                sq[j] += t * t;
            }
        }
        for (int j = 0; j < d; j++) std[j] = (float) Math.sqrt(sq[j] / n);
        return new Standardizer(mean, std, Arrays.copyOfRange(x.shape(), 1, x.dim()));
    }

    /** (x - mean) / std for every example of x [N, ...] (a new tensor). */
    public Tensor transform(Tensor x) {
        int d = mean.length;
        if (x.dim() < 1 || x.numel() % d != 0 || !Arrays.equals(Arrays.copyOfRange(x.shape(), 1, x.dim()), featureShape)) {
            throw new IllegalArgumentException("Standardizer.transform: examples of shape " + Arrays.toString(featureShape)
                    + " expected (as in fit), got x of shape " + Arrays.toString(x.shape()));
        }
        float[] v = x.data();
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            int j = i % d;
            out[i] = std[j] > 0 ? (v[i] - mean[j]) / std[j] : v[i] - mean[j];
        }
        return Tensor.fromArray(out, x.shape());
    }

    /** Undoes {@link #transform}: x = x' std + mean. */
    public Tensor inverseTransform(Tensor z) {
        int d = mean.length;
        float[] v = z.data();
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            int j = i % d;
            out[i] = (std[j] > 0 ? v[i] * std[j] : v[i]) + mean[j];
        }
        return Tensor.fromArray(out, z.shape());
    }

    /** The feature means, shaped like one example. */
    public Tensor mean() {
        return Tensor.fromArray(mean.clone(), featureShape);
    }

    /** The feature standard deviations, shaped like one example. */
    public Tensor std() {
        return Tensor.fromArray(std.clone(), featureShape);
    }
}
