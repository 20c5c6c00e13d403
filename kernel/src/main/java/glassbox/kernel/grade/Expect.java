package glassbox.kernel.grade;

import glassbox.tensor.GradCheck;
import glassbox.tensor.Tensor;
import org.opentest4j.AssertionFailedError;

import java.util.Arrays;
import java.util.Locale;

/**
 * Tolerant asserts for assignment tests, with messages a student can act on:
 * {@code expected 0.731 at [1, 2], got -0.731: the sign is flipped}. Two numbers agree when
 * {@code |actual - expected| <= atol + rtol * |expected|} (defaults atol = 1e-4, rtol = 1e-3), which absorbs
 * float32 rounding but not a real mistake.
 */
public final class Expect {
    public static final double ATOL = 1e-4;
    public static final double RTOL = 1e-3;

    private Expect() { }

    /** {@code actual} is {@code expected} up to float rounding; {@code what} names the value ("perceptronStep(...)"). */
    public static void close(double expected, double actual, String what) {
        if (!near(expected, actual)) {
            fail(what + ": expected " + num(expected) + ", got " + num(actual) + hint(new double[]{expected}, new double[]{actual}));
        }
    }

    /** Every element of {@code actual} is close to {@code expected}. */
    public static void close(float[] expected, float[] actual, String what) {
        if (actual == null) fail(what + ": expected an array of length " + expected.length + ", got null");
        if (actual.length != expected.length) {
            fail(what + ": expected an array of length " + expected.length + ", got length " + actual.length);
        }
        compare(toDouble(expected), toDouble(actual), new int[]{expected.length}, what);
    }

    /** Every element of {@code actual} is close to {@code expected}. */
    public static void close(double[] expected, double[] actual, String what) {
        if (actual == null) fail(what + ": expected an array of length " + expected.length + ", got null");
        if (actual.length != expected.length) {
            fail(what + ": expected an array of length " + expected.length + ", got length " + actual.length);
        }
        compare(expected, actual, new int[]{expected.length}, what);
    }

    /** {@code actual} has the shape of {@code expected} and close values. */
    public static void close(Tensor expected, Tensor actual, String what) {
        if (actual == null) fail(what + ": expected a tensor of shape " + Arrays.toString(expected.shape()) + ", got null");
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            String hint = expected.dim() == 2 && actual.dim() == 2 && expected.shape()[0] == actual.shape()[1]
                    && expected.shape()[1] == actual.shape()[0] ? ": is it transposed?" : "";
            fail(what + ": expected shape " + Arrays.toString(expected.shape()) + ", got shape "
                    + Arrays.toString(actual.shape()) + hint);
        }
        compare(toDouble(expected.toFloatArray()), toDouble(actual.toFloatArray()), expected.shape(), what);
    }

    /** {@code actual} equals {@code expected} exactly (ints, labels, predictions). */
    public static void equal(int[] expected, int[] actual, String what) {
        if (actual == null) fail(what + ": expected " + Arrays.toString(expected) + ", got null");
        if (!Arrays.equals(expected, actual)) {
            int i = 0;
            while (i < Math.min(expected.length, actual.length) && expected[i] == actual[i]) i++;
            String where = i < Math.min(expected.length, actual.length)
                    ? " (first difference at [" + i + "]: expected " + expected[i] + ", got " + actual[i] + ")"
                    : " (lengths differ: " + expected.length + " vs " + actual.length + ")";
            fail(what + ": expected " + Arrays.toString(expected) + ", got " + Arrays.toString(actual) + where);
        }
    }

    /** {@code actual} equals {@code expected}. */
    public static void equal(Object expected, Object actual, String what) {
        if (expected == null ? actual != null : !expected.equals(actual)) {
            fail(what + ": expected " + expected + ", got " + actual);
        }
    }

    /** {@code condition} holds; otherwise fails with {@code message}. */
    public static void that(boolean condition, String message) {
        if (!condition) fail(message);
    }

    /**
     * The gradients that {@code backward()} gives for {@code f} at {@code inputs} agree with finite differences
     * (see {@link GradCheck}); the message names the input whose gradient is wrong.
     */
    public static void gradients(GradCheck.Function f, String what, Tensor... inputs) {
        GradCheck.Report r = GradCheck.check(f, inputs);
        if (!r.passed()) fail(what + ": the gradients from backward() disagree with finite differences.\n" + r);
    }

    private static void compare(double[] e, double[] a, int[] shape, String what) {
        for (int i = 0; i < e.length; i++) {
            if (!near(e[i], a[i])) {
                int bad = 0;
                for (int j = 0; j < e.length; j++) if (!near(e[j], a[j])) bad++;
                String more = bad > 1 ? " (" + bad + " of " + e.length + " values differ)" : "";
                fail(what + ": expected " + num(e[i]) + " at " + index(i, shape) + ", got " + num(a[i]) + more + hint(e, a));
            }
        }
    }

    static boolean near(double e, double a) {
        if (Double.isNaN(e)) return Double.isNaN(a);
        if (Double.isInfinite(e)) return e == a;
        return Math.abs(a - e) <= ATOL + RTOL * Math.abs(e);
    }

    /** A guess at the mistake: NaN, a flipped sign, a constant factor, an offset, swapped order. */
    static String hint(double[] e, double[] a) {
        boolean anyNaN = false;
        for (double v : a) anyNaN |= Double.isNaN(v) || Double.isInfinite(v);
        if (anyNaN) return ": a value is NaN or infinite (a division by zero, log of 0, or exp overflow?)";
        boolean allZero = true;
        for (double v : a) allZero &= v == 0;
        boolean eZero = true;
        for (double v : e) eZero &= v == 0;
        if (allZero && !eZero) return ": everything is 0 (is the result computed but not returned or stored?)";
        boolean negated = true;
        for (int i = 0; i < e.length; i++) negated &= near(-e[i], a[i]);
        if (negated && !eZero) return ": did you forget the sign?";
        Double ratio = null;
        boolean scaled = true;
        for (int i = 0; i < e.length && scaled; i++) {
            if (Math.abs(e[i]) < 1e-6) { scaled = Math.abs(a[i]) < 1e-5; continue; }
            double r = a[i] / e[i];
            if (ratio == null) ratio = r; else scaled = Math.abs(r - ratio) <= 1e-3 * Math.abs(ratio);
        }
        if (scaled && ratio != null && Math.abs(ratio - 1) > 1e-3) {
            return ": every value is off by a factor of " + num(ratio) + " (a missing or extra factor, e.g. the learning rate or 1/n?)";
        }
        boolean shifted = e.length > 1;
        double d = a[0] - e[0];
        for (int i = 1; i < e.length && shifted; i++) shifted = Math.abs((a[i] - e[i]) - d) <= ATOL + RTOL * Math.abs(d);
        if (shifted && Math.abs(d) > ATOL) return ": every value is off by " + num(d) + " (a missing or extra bias term?)";
        double[] ae = e.clone(), aa = a.clone();
        Arrays.sort(ae);
        Arrays.sort(aa);
        boolean permuted = e.length > 1;
        for (int i = 0; i < e.length && permuted; i++) permuted = near(ae[i], aa[i]);
        if (permuted) return ": the right values in the wrong order (indices or a transpose mixed up?)";
        return "";
    }

    static String index(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = flat % Math.max(1, shape[d]);
            flat /= Math.max(1, shape[d]);
        }
        return Arrays.toString(idx);
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) return String.valueOf((long) v);
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e").replaceAll("\\.$", "");
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    private static void fail(String message) {
        throw new AssertionFailedError(message);
    }
}
