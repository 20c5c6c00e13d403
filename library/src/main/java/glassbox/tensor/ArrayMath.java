package glassbox.tensor;

/**
 * Elementwise math over runs of float arrays, the loops the ops spend their time in: e^x, ln x, tanh,
 * the sigmoid, and e^(x - shift) with its sum (the heart of softmax). Each computes, for i = 0..n-1,
 * {@code z[zo + i] = f(x[xo + i])} (z may be x itself).
 *
 * <p>Plain Java computes these one number at a time through {@code Math.exp} and friends, which costs
 * tens of nanoseconds per element on some JVMs. When the Vector API is available (see {@link Simd})
 * the same functions run on 8 floats at a time with the JVM's vectorized math library, well under a
 * nanosecond per element. Results agree to float precision (within a few units in the last place).
 */
public final class ArrayMath {
    private ArrayMath() {
    }

    /** Below this many elements the plain loop is as fast as setting up vectors. */
    private static final int MIN_SIMD = 16;

    /** z[zo + i] = e^x[xo + i]. */
    public static void exp(float[] x, int xo, float[] z, int zo, int n) {
        if (Simd.enabled && n >= MIN_SIMD) {
            ArrayMathSimd.exp(x, xo, z, zo, n);
            return;
        }
        for (int i = 0; i < n; i++) z[zo + i] = (float) Math.exp(x[xo + i]);
    }

    /** z = e^x for whole arrays of the same length. */
    public static void exp(float[] x, float[] z) {
        exp(x, 0, z, 0, x.length);
    }

    /**
     * z[zo + i] = e^(x[xo + i] - shift), and returns the sum of these values: with shift = max x this is
     * the numerator and the denominator of a softmax, computed without overflow.
     */
    public static double expShifted(float[] x, int xo, float shift, float[] z, int zo, int n) {
        if (Simd.enabled && n >= MIN_SIMD) return ArrayMathSimd.expShifted(x, xo, shift, z, zo, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float e = (float) Math.exp(x[xo + i] - shift);
            z[zo + i] = e;
            sum += e;
        }
        return sum;
    }

    /** z[zo + i] = ln x[xo + i]. */
    public static void log(float[] x, int xo, float[] z, int zo, int n) {
        if (Simd.enabled && n >= MIN_SIMD) {
            ArrayMathSimd.log(x, xo, z, zo, n);
            return;
        }
        for (int i = 0; i < n; i++) z[zo + i] = (float) Math.log(x[xo + i]);
    }

    /** z = ln x for whole arrays of the same length. */
    public static void log(float[] x, float[] z) {
        log(x, 0, z, 0, x.length);
    }

    /** z[zo + i] = tanh x[xo + i]. */
    public static void tanh(float[] x, int xo, float[] z, int zo, int n) {
        if (Simd.enabled && n >= MIN_SIMD) {
            ArrayMathSimd.tanh(x, xo, z, zo, n);
            return;
        }
        for (int i = 0; i < n; i++) z[zo + i] = (float) Math.tanh(x[xo + i]);
    }

    /** z = tanh x for whole arrays of the same length. */
    public static void tanh(float[] x, float[] z) {
        tanh(x, 0, z, 0, x.length);
    }

    /** z[zo + i] = 1 / (1 + e^-x[xo + i]). */
    public static void sigmoid(float[] x, int xo, float[] z, int zo, int n) {
        if (Simd.enabled && n >= MIN_SIMD) {
            ArrayMathSimd.sigmoid(x, xo, z, zo, n);
            return;
        }
        for (int i = 0; i < n; i++) z[zo + i] = (float) (1.0 / (1.0 + Math.exp(-x[xo + i])));
    }

    /** z = sigmoid(x) for whole arrays of the same length. */
    public static void sigmoid(float[] x, float[] z) {
        sigmoid(x, 0, z, 0, x.length);
    }

    /**
     * The sum of x[xo..xo+n), accumulated in double. With SIMD, blocks of 1024 are summed in 32 float
     * lanes (32 numbers each) and the block sums added in double: as accurate, about 8 times faster.
     */
    public static double sum(float[] x, int xo, int n) {
        if (Simd.enabled && n >= MIN_SIMD) return ArrayMathSimd.sum(x, xo, n);
        double s = 0;
        for (int i = 0; i < n; i++) s += x[xo + i];
        return s;
    }

    /** d[i] = x[i] > 0 ? g[i] : 0 for whole arrays of the same length: the gradient through a ReLU. */
    public static void reluGrad(float[] x, float[] g, float[] d) {
        if (Simd.enabled && x.length >= MIN_SIMD) {
            ArrayMathSimd.reluGrad(x, g, d);
            return;
        }
        for (int i = 0; i < d.length; i++) d[i] = x[i] > 0 ? g[i] : 0f;
    }

    /** The largest of x[xo..xo+n) (negative infinity for n = 0; NaN if any is NaN). */
    public static float max(float[] x, int xo, int n) {
        if (Simd.enabled && n >= MIN_SIMD) return ArrayMathSimd.max(x, xo, n);
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) m = Math.max(m, x[xo + i]);
        return m;
    }
}
