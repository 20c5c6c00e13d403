package glassbox.nn;

/**
 * Sigmoid and tanh over a range of a float array, in place, as fast as the JVM allows: the fused
 * recurrent ops ({@link FusedLSTM}) apply them to hundreds of thousands of gate values per batch.
 *
 * <p>With the Vector API ({@code --add-modules jdk.incubator.vector}, and {@code -Dglassbox.simd} not
 * {@code false}) 8 values at a time ({@link FastActivationsSimd}); otherwise a plain loop with
 * s(x) = 1 / (1 + e^-x) and tanh(x) = 1 - 2 / (e^2x + 1) in double precision ({@code Math.tanh} itself
 * is several times slower than {@code Math.exp}).
 */
final class FastActivations {
    private FastActivations() {
    }

    private static final boolean SIMD = detect();

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("glassbox.simd"))) return false;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        try {
            return FastActivationsSimd.supported();
        } catch (Throwable t) {
            return false;
        }
    }

    /** x[i] = 1 / (1 + e^-x[i]) for i in [from, to). */
    static void sigmoid(float[] x, int from, int to) {
        int i = SIMD ? FastActivationsSimd.sigmoid(x, from, to) : from;
        for (; i < to; i++) x[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
    }

    /** x[i] = tanh(x[i]) for i in [from, to). */
    static void tanh(float[] x, int from, int to) {
        int i = SIMD ? FastActivationsSimd.tanh(x, from, to) : from;
        for (; i < to; i++) x[i] = tanh(x[i]);
    }

    /** tanh(x) = 1 - 2 / (e^2x + 1). */
    static float tanh(float x) {
        return (float) (1.0 - 2.0 / (Math.exp(2.0 * x) + 1.0));
    }
}
