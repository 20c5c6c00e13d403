package glassbox.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ArrayMath against java.lang.Math, on the SIMD and the plain-Java path, odd lengths and offsets. */
class ArrayMathTest {
    private final boolean simdBefore = Simd.enabled;

    @AfterEach
    void restore() {
        Simd.use(simdBefore);
    }

    private interface Kernel {
        void apply(float[] x, int xo, float[] z, int zo, int n);
    }

    @ParameterizedTest(name = "simd={0}")
    @ValueSource(booleans = {true, false})
    void everyFunctionMatchesJavaLangMath(boolean simd) {
        Simd.use(simd);
        check("exp", ArrayMath::exp, Math::exp, -80, 80);
        check("log", ArrayMath::log, Math::log, 1e-6, 1e6);
        check("tanh", ArrayMath::tanh, Math::tanh, -12, 12);
        check("sigmoid", ArrayMath::sigmoid, v -> 1 / (1 + Math.exp(-v)), -90, 90);
    }

    private static void check(String name, Kernel f, DoubleUnaryOperator ref, double lo, double hi) {
        Random rnd = new Random(name.hashCode());
        for (int n : new int[] {0, 1, 7, 8, 15, 16, 17, 33, 100, 1031}) {
            int xo = 3, zo = 5;
            float[] x = new float[xo + n + 2], z = new float[zo + n + 2];
            for (int i = 0; i < x.length; i++) x[i] = (float) (lo + (hi - lo) * rnd.nextDouble());
            z[zo - 1] = 42;
            z[zo + n] = 43;
            f.apply(x, xo, z, zo, n);
            assertEquals(42f, z[zo - 1], name + " wrote before its range");
            assertEquals(43f, z[zo + n], name + " wrote past its range");
            for (int i = 0; i < n; i++) {
                double e = ref.applyAsDouble(x[xo + i]);
                if (Math.abs(z[zo + i] - e) > 4e-7 * Math.abs(e) + 1e-30) {
                    fail(name + "(" + x[xo + i] + ") = " + z[zo + i] + ", expected " + e + " (n=" + n + ")");
                }
            }
        }
        // In place (z = x) works too.
        float[] x = {0.5f, -1f, 2f, 0f, 1f, -2f, 3f, -3f, 0.25f, 4f, -4f, 0.1f, 0.2f, 0.3f, 0.4f, 0.6f, 0.7f, 9f};
        float[] copy = x.clone();
        f.apply(x, 0, x, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            if (name.equals("log") && copy[i] <= 0) continue;
            assertEquals(ref.applyAsDouble(copy[i]), x[i], 4e-7 * Math.abs(ref.applyAsDouble(copy[i])) + 1e-30, name + " in place");
        }
    }

    @ParameterizedTest(name = "simd={0}")
    @ValueSource(booleans = {true, false})
    void expShiftedReturnsTheSumAndMaxFindsTheLargest(boolean simd) {
        Simd.use(simd);
        float[] x = new float[40];
        for (int i = 0; i < x.length; i++) x[i] = (float) Math.sin(i) * 30;
        int off = 2, n = 37;
        float m = ArrayMath.max(x, off, n);
        float expectedMax = Float.NEGATIVE_INFINITY;
        for (int i = off; i < off + n; i++) expectedMax = Math.max(expectedMax, x[i]);
        assertEquals(expectedMax, m);
        float[] z = new float[n];
        double sum = ArrayMath.expShifted(x, off, m, z, 0, n);
        double expected = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(x[off + i] - m);
            expected += e;
            assertEquals(e, z[i], 1e-6 * e);
        }
        assertEquals(expected, sum, 1e-5 * expected);
        assertEquals(Float.NEGATIVE_INFINITY, ArrayMath.max(x, 0, 0));
        float[] withNaN = new float[20];
        withNaN[13] = Float.NaN;
        assertTrue(Float.isNaN(ArrayMath.max(withNaN, 0, 20)), "a NaN is not silently skipped");
    }

    @ParameterizedTest(name = "simd={0}")
    @ValueSource(booleans = {true, false})
    void sumAddsEveryElementOfTheRangeAccurately(boolean simd) {
        Simd.use(simd);
        Random rnd = new Random(11);
        for (int n : new int[] {0, 1, 15, 16, 31, 32, 33, 1023, 1024, 1025, 5000, 100_003}) {
            float[] x = new float[n + 6];
            for (int i = 0; i < x.length; i++) x[i] = (float) (rnd.nextGaussian() + 0.1);
            x[2] = 1e6f;  // outside the range: must not be counted
            double expected = 0;
            for (int i = 3; i < 3 + n; i++) expected += x[i];
            double got = ArrayMath.sum(x, 3, n);
            assertEquals(expected, got, 1e-6 * Math.max(1, Math.abs(expected)) + 1e-4, "n=" + n);
        }
    }

    @ParameterizedTest(name = "simd={0}")
    @ValueSource(booleans = {true, false})
    void reluGradPassesTheGradientOnlyWhereTheInputIsPositive(boolean simd) {
        Simd.use(simd);
        for (int n : new int[] {1, 7, 16, 17, 40}) {
            float[] x = new float[n], g = new float[n], d = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = i % 3 == 0 ? -i - 0.5f : i % 3 == 1 ? i : 0f;
                g[i] = 10 + i;
                d[i] = 99;
            }
            ArrayMath.reluGrad(x, g, d);
            for (int i = 0; i < n; i++) assertEquals(x[i] > 0 ? g[i] : 0f, d[i], "element " + i + " of " + n);
        }
    }

    @ParameterizedTest(name = "simd={0}")
    @ValueSource(booleans = {true, false})
    void specialValuesBehaveAsInJavaLangMath(boolean simd) {
        Simd.use(simd);
        float[] x = new float[16];
        x[0] = Float.POSITIVE_INFINITY;
        x[1] = Float.NEGATIVE_INFINITY;
        x[2] = Float.NaN;
        x[3] = 100f;
        x[4] = -100f;
        float[] z = new float[16];
        ArrayMath.exp(x, z);
        assertEquals(Float.POSITIVE_INFINITY, z[0]);
        assertEquals(0f, z[1]);
        assertTrue(Float.isNaN(z[2]));
        assertEquals(Float.POSITIVE_INFINITY, z[3], "e^100 overflows float");
        assertEquals(0f, z[4], 1e-40f);
        ArrayMath.sigmoid(x, z);
        assertEquals(1f, z[0]);
        assertEquals(0f, z[1]);
        assertEquals(1f, z[3]);
        assertEquals(0f, z[4], 1e-40f);
        ArrayMath.tanh(x, z);
        assertEquals(1f, z[0]);
        assertEquals(-1f, z[1]);
        assertEquals(1f, z[3]);
    }
}
