package glassbox.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared helpers for the tensor tests: seeded inputs and a gradient check that fails the test with its table. */
final class Checks {
    private Checks() {
    }

    /** Checks every gradient of f at these inputs against central differences; fails with the table if wrong. */
    static GradCheck.Report gradcheck(GradCheck.Function f, Tensor... inputs) {
        GradCheck.Report r = GradCheck.check(f, inputs);
        if (System.getenv("GRADCHECK_LOG") != null) {  // to see the margins: GRADCHECK_LOG=/tmp/g.log
            double worst = 0;
            for (GradCheck.InputResult i : r.inputs()) worst = Math.max(worst, i.maxRelError());
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(System.getenv("GRADCHECK_LOG")),
                        String.format("%.3e %s%n", worst, new Throwable().getStackTrace()[1]),
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return r.assertPasses();
    }

    /** Standard normal values (seeded by the shape and salt), requiring grad. */
    static Tensor randn(long salt, int... shape) {
        return Tensor.randn(new Generator(salt * 31 + java.util.Arrays.hashCode(shape)), shape).requiresGrad(true);
    }

    /** Values in [0.5, 2), requiring grad: safe for log, sqrt, division. */
    static Tensor positive(long salt, int... shape) {
        Tensor t = Tensor.rand(new Generator(salt * 17 + java.util.Arrays.hashCode(shape)), shape);
        return t.mul(1.5f).add(0.5f).requiresGrad(true);
    }

    /** Normal values pushed at least 0.2 away from zero, requiring grad: safe around kinks at 0 (relu, abs). */
    static Tensor awayFromZero(long salt, int... shape) {
        float[] v = Tensor.randn(new Generator(salt * 13 + java.util.Arrays.hashCode(shape)), shape).toFloatArray();
        for (int i = 0; i < v.length; i++) v[i] = v[i] >= 0 ? v[i] + 0.2f : v[i] - 0.2f;
        return Tensor.fromArray(v, shape).requiresGrad(true);
    }

    /** Distinct values 0.3 apart in random order, requiring grad: max/min have no near-ties. */
    static Tensor distinct(long salt, int... shape) {
        int n = Shape.numel(shape);
        int[] p = new Generator(salt).permutation(n);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (p[i] - n / 2f) * 0.3f;
        return Tensor.fromArray(v, shape).requiresGrad(true);
    }

    static void assertValues(float[] expected, Tensor actual) {
        assertArrayEquals(expected, actual.toFloatArray(), 1e-5f, () -> "values of " + actual);
    }

    static void assertValues(float[] expected, Tensor actual, float tolerance) {
        assertArrayEquals(expected, actual.toFloatArray(), tolerance, () -> "values of " + actual);
    }

    static void assertShape(Tensor t, int... shape) {
        assertArrayEquals(shape, t.shape(), () -> "shape of " + t);
    }

    static void assertValue(float expected, Tensor scalar) {
        assertEquals(expected, scalar.item(), 1e-5f);
    }
}
