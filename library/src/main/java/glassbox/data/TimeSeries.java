package glassbox.data;

import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import java.util.List;

/**
 * A generated monthly time series for forecasting, like a shop's sales:
 *
 * <pre>  y_t = 100 + 0.5 t + 15 sin(2 pi t / 12) + 5 sin(2 pi t / 6) + e_t,   e_t ~ N(0, 3^2)</pre>
 *
 * a level, a linear trend, a yearly season (period 12) with a half-year harmonic, and noise. The same
 * seed gives the same series. {@link #windows} turns a series into (last {@code window} values, next
 * value) samples for a recurrent network.
 */
public final class TimeSeries {
    private TimeSeries() {}

    /** The series y_0 .. y_{n-1} as a tensor [n]. */
    public static Tensor generate(int n, long seed) {
        if (n < 1) throw new IllegalArgumentException("timeSeries: need at least one step, got n = " + n);
        Generator gen = new Generator(seed);
        float[] y = new float[n];
        for (int t = 0; t < n; t++) {
            y[t] = (float) (100 + 0.5 * t + 15 * Math.sin(2 * Math.PI * t / 12) + 5 * Math.sin(2 * Math.PI * t / 6)
                    + 3 * gen.nextGaussian());
        }
        return Tensor.fromArray(y, n);
    }

    /**
     * Sliding windows for one-step forecasting: sample i has x = series[i .. i+window-1] as
     * [window, 1] (time steps, one feature) and y = series[i+window]. Returns N - window samples.
     */
    public static TensorDataset windows(Tensor series, int window) {
        if (series.dim() != 1) {
            throw new IllegalArgumentException("windows: series must be 1-D [T], got " + java.util.Arrays.toString(series.shape()));
        }
        int t = series.size(0);
        if (window < 1 || window >= t) {
            throw new IllegalArgumentException("windows: window must be in 1.." + (t - 1) + " for a series of " + t
                    + " values, got " + window);
        }
        float[] s = series.toFloatArray();
        int n = t - window;
        float[] x = new float[n * window];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(s, i, x, i * window, window);
            y[i] = s[i + window];
        }
        return new TensorDataset("windows", Tensor.fromArray(x, n, window, 1), Tensor.fromArray(y, n), List.of());
    }
}
