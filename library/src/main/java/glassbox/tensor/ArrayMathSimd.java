package glassbox.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API half of {@link ArrayMath}: 8 floats per step, the JVM's vectorized exp/log/tanh, and a
 * plain loop for the last few elements. Only loaded when {@link Simd} says the module is there.
 */
final class ArrayMathSimd {
    private ArrayMathSimd() {
    }

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = S.length();

    static void exp(float[] x, int xo, float[] z, int zo, int n) {
        int i = 0;
        for (; i <= n - L; i += L) FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.EXP).intoArray(z, zo + i);
        for (; i < n; i++) z[zo + i] = (float) Math.exp(x[xo + i]);
    }

    static double expShifted(float[] x, int xo, float shift, float[] z, int zo, int n) {
        FloatVector sum = FloatVector.zero(S);
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector e = FloatVector.fromArray(S, x, xo + i).sub(shift).lanewise(VectorOperators.EXP);
            e.intoArray(z, zo + i);
            sum = sum.add(e);
        }
        double total = sum.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            float e = (float) Math.exp(x[xo + i] - shift);
            z[zo + i] = e;
            total += e;
        }
        return total;
    }

    static void log(float[] x, int xo, float[] z, int zo, int n) {
        int i = 0;
        for (; i <= n - L; i += L) FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.LOG).intoArray(z, zo + i);
        for (; i < n; i++) z[zo + i] = (float) Math.log(x[xo + i]);
    }

    static void tanh(float[] x, int xo, float[] z, int zo, int n) {
        int i = 0;
        for (; i <= n - L; i += L) FloatVector.fromArray(S, x, xo + i).lanewise(VectorOperators.TANH).intoArray(z, zo + i);
        for (; i < n; i++) z[zo + i] = (float) Math.tanh(x[xo + i]);
    }

    static void sigmoid(float[] x, int xo, float[] z, int zo, int n) {
        int i = 0;
        for (; i <= n - L; i += L) {
            FloatVector e = FloatVector.fromArray(S, x, xo + i).neg().lanewise(VectorOperators.EXP);
            FloatVector.broadcast(S, 1f).div(e.add(1f)).intoArray(z, zo + i);
        }
        for (; i < n; i++) z[zo + i] = (float) (1.0 / (1.0 + Math.exp(-x[xo + i])));
    }

    static double sum(float[] x, int xo, int n) {
        double total = 0;
        int i = 0;
        while (i <= n - 4 * L) {
            int end = Math.min(n - 4 * L, i + 1024 - 4 * L);   // one block: at most 1024 elements
            FloatVector s0 = FloatVector.zero(S), s1 = FloatVector.zero(S), s2 = FloatVector.zero(S), s3 = FloatVector.zero(S);
            for (; i <= end; i += 4 * L) {
                s0 = s0.add(FloatVector.fromArray(S, x, xo + i));
                s1 = s1.add(FloatVector.fromArray(S, x, xo + i + L));
                s2 = s2.add(FloatVector.fromArray(S, x, xo + i + 2 * L));
                s3 = s3.add(FloatVector.fromArray(S, x, xo + i + 3 * L));
            }
            total += s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) total += x[xo + i];
        return total;
    }

    static void reluGrad(float[] x, float[] g, float[] d) {
        int i = 0, n = d.length;
        FloatVector zero = FloatVector.zero(S);
        for (; i <= n - L; i += L) {
            FloatVector xv = FloatVector.fromArray(S, x, i);
            zero.blend(FloatVector.fromArray(S, g, i), xv.compare(VectorOperators.GT, 0f)).intoArray(d, i);
        }
        for (; i < n; i++) d[i] = x[i] > 0 ? g[i] : 0f;
    }

    static float max(float[] x, int xo, int n) {
        FloatVector m = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (; i <= n - L; i += L) m = m.max(FloatVector.fromArray(S, x, xo + i));
        float r = m.reduceLanes(VectorOperators.MAX);
        for (; i < n; i++) r = Math.max(r, x[xo + i]);
        return r;
    }
}
