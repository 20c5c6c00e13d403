package glassbox.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * GradCheck must pass correct ops and fail wrong ones. The wrong ones are planted here through the
 * public API a student uses to write an op: {@code Tensor.result(...)} plus {@code onBackward(...)}.
 */
class GradCheckTest {

    // ---- planted ops: the forward is right, the backward is wrong in a classic way ----------------

    /** out = a * b with a correct backward (the control). */
    static Tensor mulRight(Tensor a, Tensor b) {
        float[] x = a.data(), y = b.data(), z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = x[i] * y[i];
        Tensor out = Tensor.result(z, a.shape(), "mulRight", a, b);
        return out.onBackward(() -> {
            a.addGrad(out.grad().mul(b));
            b.addGrad(out.grad().mul(a));
        });
    }

    /** out = a * b whose backward flips the sign of dL/db. */
    static Tensor mulFlippedSign(Tensor a, Tensor b) {
        float[] x = a.data(), y = b.data(), z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = x[i] * y[i];
        Tensor out = Tensor.result(z, a.shape(), "mulFlippedSign", a, b);
        return out.onBackward(() -> {
            a.addGrad(out.grad().mul(b));
            b.addGrad(out.grad().mul(a).neg());
        });
    }

    /** out = x^2 whose backward forgets the factor 2: dL/dx = dL/dout * x. */
    static Tensor squareMissingTwo(Tensor a) {
        float[] x = a.data(), z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = x[i] * x[i];
        Tensor out = Tensor.result(z, a.shape(), "squareMissingTwo", a);
        return out.onBackward(() -> a.addGrad(out.grad().mul(a)));
    }

    /** out = a [B, N] + bias [N] whose backward gives the bias only row 0 of dL/dout instead of the sum over rows. */
    static Tensor addBiasNotReduced(Tensor a, Tensor bias) {
        int rows = a.shape()[0], n = a.shape()[1];
        float[] x = a.data(), y = bias.data(), z = new float[x.length];
        for (int r = 0; r < rows; r++) for (int j = 0; j < n; j++) z[r * n + j] = x[r * n + j] + y[j];
        Tensor out = Tensor.result(z, a.shape(), "addBiasNotReduced", a, bias);
        return out.onBackward(() -> {
            a.addGrad(out.grad());
            bias.addGrad(out.grad().select(0, 0));
        });
    }

    /** The same, with a backward that passes the unreduced [B, N] gradient to the [N] bias (addGrad refuses it). */
    static Tensor addBiasWrongShape(Tensor a, Tensor bias) {
        int rows = a.shape()[0], n = a.shape()[1];
        float[] x = a.data(), y = bias.data(), z = new float[x.length];
        for (int r = 0; r < rows; r++) for (int j = 0; j < n; j++) z[r * n + j] = x[r * n + j] + y[j];
        Tensor out = Tensor.result(z, a.shape(), "addBiasWrongShape", a, bias);
        return out.onBackward(() -> {
            a.addGrad(out.grad());
            bias.addGrad(out.grad());
        });
    }

    /** out = sum of x whose backward sends the gradient to element 0 only (a gradient lost in a reduction). */
    static Tensor sumOnlyFirst(Tensor a) {
        double s = 0;
        for (float v : a.data()) s += v;
        Tensor out = Tensor.result(new float[] {(float) s}, new int[0], "sumOnlyFirst", a);
        return out.onBackward(() -> {
            float[] d = new float[a.numel()];
            d[0] = out.grad().item();
            a.addGrad(Tensor.fromArray(d, a.shape()));
        });
    }

    /** out = a * b that never calls addGrad on b (a forgotten input). */
    static Tensor mulForgetsB(Tensor a, Tensor b) {
        float[] x = a.data(), y = b.data(), z = new float[x.length];
        for (int i = 0; i < z.length; i++) z[i] = x[i] * y[i];
        Tensor out = Tensor.result(z, a.shape(), "mulForgetsB", a, b);
        return out.onBackward(() -> a.addGrad(out.grad().mul(b)));
    }

    private static Tensor input(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), shape).requiresGrad(true);
    }

    @Test
    void aCorrectBackwardPassesForManySeeds() {
        for (long seed = 0; seed < 20; seed++) {
            GradCheck.Report r = GradCheck.check(in -> mulRight(in[0], in[1]), input(seed, 3, 4), input(seed + 100, 3, 4));
            assertTrue(r.passed(), r::toString);
        }
    }

    @Test
    void correctCompositeExpressionsPassForManySeeds() {
        // saturating tanh, a sum and a log-softmax over inputs of scale 2: plain central differences in float32
        // fail a few percent of such checks at any single eps (h^2 error or rounding noise); the extrapolated
        // estimate must pass them all with a wide margin
        for (long seed = 0; seed < 100; seed++) {
            Generator g = new Generator(seed);
            Tensor a = Tensor.randn(g, 3, 4).mul(2f).requiresGrad(true);
            Tensor m = Tensor.randn(g, 4, 5).requiresGrad(true);
            GradCheck.Report r = GradCheck.check(in -> in[0].matmul(in[1]).tanh().sum(1).logSoftmax(0), a, m);
            assertTrue(r.passed(), r::toString);
            for (GradCheck.InputResult i : r.inputs()) assertTrue(i.maxRelError() < 2e-3, r::toString);
        }
    }

    @Test
    void aFlippedSignFailsForEverySeed() {
        for (long seed = 0; seed < 20; seed++) {
            Tensor a = input(seed, 3, 4).label("a"), b = input(seed + 100, 3, 4).label("b");
            GradCheck.Report r = GradCheck.check(in -> mulFlippedSign(in[0], in[1]), a, b);
            assertFalse(r.passed(), r::toString);
            assertTrue(r.input("a").passed(), "a's gradient is right: " + r);
            assertFalse(r.input("b").passed(), "b's gradient has the wrong sign: " + r);
        }
    }

    @Test
    void aMissingFactorOfTwoFailsForEverySeed() {
        for (long seed = 0; seed < 20; seed++) {
            GradCheck.Report r = GradCheck.check(in -> squareMissingTwo(in[0]), input(seed, 2, 3));
            assertFalse(r.passed(), r::toString);
            assertEquals(0.5, r.inputs().get(0).maxRelError(), 0.05, r::toString);
        }
    }

    @Test
    void aBroadcastNotReducedFails() {
        for (long seed = 0; seed < 20; seed++) {
            Tensor x = input(seed, 4, 3).label("x"), bias = input(seed + 7, 3).label("bias");
            GradCheck.Report r = GradCheck.check(in -> addBiasNotReduced(in[0], in[1]), x, bias);
            assertTrue(r.input("x").passed(), r::toString);
            assertFalse(r.input("bias").passed(), r::toString);
        }
        // when the unreduced gradient reaches addGrad, the error is reported instead of thrown
        GradCheck.Report r = GradCheck.check(in -> addBiasWrongShape(in[0], in[1]), input(1, 4, 3), input(2, 3));
        assertFalse(r.passed());
        assertTrue(r.backwardError().contains("[4, 3]") && r.backwardError().contains("[3]"), r.backwardError());
        assertTrue(r.toString().contains("backward() threw"), r.toString());
    }

    @Test
    void aGradientLostInAReductionOrAForgottenInputFails() {
        assertFalse(GradCheck.check(in -> sumOnlyFirst(in[0]), input(3, 5)).passed());
        GradCheck.Report r = GradCheck.check(in -> mulForgetsB(in[0], in[1]), input(4, 3).label("a"), input(5, 3).label("b"));
        assertTrue(r.input("a").passed(), r::toString);
        assertFalse(r.input("b").passed(), r::toString);
    }

    @Test
    void anOpWithoutABackwardFails() {
        GradCheck.Report r = GradCheck.check(in -> {
            float[] x = in[0].data(), z = new float[x.length];
            for (int i = 0; i < z.length; i++) z[i] = 3 * x[i];
            return Tensor.result(z, in[0].shape(), "timesThreeNoBackward", in[0]);   // onBackward never called
        }, input(13, 4));
        assertFalse(r.passed(), r::toString);
        assertEquals(1.0, r.inputs().get(0).maxRelError(), 1e-6, "analytic 0 against numeric 3 w_j: " + r);
        assertEquals(0, r.inputs().get(0).analyticAtWorst(), r::toString);
    }

    @Test
    void wrongOpsFailEvenWhenComposedWithCorrectOnes() {
        // the wrong op hidden inside a larger expression (after a matmul, before a tanh and a sum)
        GradCheck.Report r = GradCheck.check(in -> squareMissingTwo(in[0].matmul(in[1])).tanh().sum(),
                input(6, 2, 3), input(7, 3, 2));
        assertFalse(r.passed(), r::toString);
        assertTrue(GradCheck.check(in -> in[0].matmul(in[1]).pow(2).tanh().sum(), input(6, 2, 3), input(7, 3, 2)).passed());
    }

    @Test
    void assertPassesThrowsWithTheTable() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> GradCheck.check(in -> squareMissingTwo(in[0]), input(8, 3).label("w")).assertPasses());
        assertTrue(e.getMessage().contains("w") && e.getMessage().contains("FAIL"), e.getMessage());
    }

    @Test
    void theReportIsATableAStudentCanRead() {
        Tensor a = input(9, 2, 3).label("a"), b = input(10, 3).label("b");
        GradCheck.Report r = GradCheck.check(in -> in[0].mul(in[1]).sum(), a, b);
        String table = r.toString();
        assertTrue(table.contains("PASSED"), table);
        String[] lines = table.split("\n");
        assertEquals(4, lines.length, table);   // heading, column titles, a, b
        assertTrue(lines[1].startsWith("input") && lines[1].contains("max rel error"), table);
        assertTrue(lines[2].startsWith("a ") && lines[2].contains("[2, 3]") && lines[2].endsWith("PASS"), table);
        assertTrue(lines[3].startsWith("b ") && lines[3].contains("[3]") && lines[3].endsWith("PASS"), table);
        assertEquals(lines[2].length(), lines[3].length(), "columns line up:\n" + table);
        String html = r.toHtml();
        assertTrue(html.startsWith("<div") && html.contains("<table>") && html.contains("<td>a</td>"), html);
        // the report keeps both gradients: here d(sum a*b)/da = b broadcast over the rows
        assertArrayEquals(r.input("a").analytic().data(), r.input("a").numeric().data(), 1e-3f);
    }

    @Test
    void onlyInputsThatRequireGradAreCheckedAndInputsAreLeftUnchanged() {
        Tensor x = input(11, 2, 3);
        float[] before = x.toFloatArray();
        Tensor idx = Tensor.of(new float[][] {{0}, {2}});   // an index: no gradient
        GradCheck.Report r = GradCheck.check(in -> in[0].gather(1, in[1]), x, idx);
        assertEquals(1, r.inputs().size());
        assertTrue(r.passed(), r::toString);
        assertArrayEquals(before, x.toFloatArray());
        assertEquals(null, x.grad(), "the check works on copies");
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new GradCheck().eps(0));
        assertThrows(IllegalArgumentException.class, () -> new GradCheck().tolerance(-1));
        GradCheck.Report strict = new GradCheck().eps(1e-3).tolerance(1e-1).run(in -> in[0].exp(), input(12, 4));
        assertTrue(strict.passed(), strict::toString);
        assertEquals(1e-3, strict.eps());
    }
}
