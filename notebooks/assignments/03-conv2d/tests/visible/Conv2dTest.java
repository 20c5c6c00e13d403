import glassbox.kernel.grade.Expect;
import glassbox.kernel.grade.Points;
import glassbox.kernel.grade.Submission;
import glassbox.nn.Conv2d;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Visible tests of assignment 3 (conv2d with loops): students run them with %check. */
class Conv2dTest {

    // ---- helpers shared with the hidden tests ------------------------------------------------------

    static float[][][][] arr4(Tensor t) {
        int[] s = t.shape();
        float[] v = t.toFloatArray();
        float[][][][] a = new float[s[0]][s[1]][s[2]][s[3]];
        int p = 0;
        for (int i = 0; i < s[0]; i++) for (int j = 0; j < s[1]; j++) for (int k = 0; k < s[2]; k++) for (int l = 0; l < s[3]; l++) a[i][j][k][l] = v[p++];
        return a;
    }

    static Tensor tensor4(float[][][][] a, String what) {
        Expect.that(a != null, what + " returned null");
        Expect.that(a.length > 0 && a[0].length > 0 && a[0][0].length > 0 && a[0][0][0].length > 0, what + " returned an empty array");
        int[] s = {a.length, a[0].length, a[0][0].length, a[0][0][0].length};
        float[] v = new float[s[0] * s[1] * s[2] * s[3]];
        int p = 0;
        for (float[][][] a1 : a) {
            Expect.that(a1.length == s[1], what + ": the arrays are ragged (every a[i] must have the same length)");
            for (float[][] a2 : a1) {
                Expect.that(a2.length == s[2], what + ": the arrays are ragged");
                for (float[] a3 : a2) {
                    Expect.that(a3.length == s[3], what + ": the arrays are ragged");
                    for (float f : a3) v[p++] = f;
                }
            }
        }
        return Tensor.fromArray(v, s);
    }

    static Tensor forward(Submission sub, Tensor x, Tensor w, Tensor b, int stride, int pad) {
        float[][][][] out = sub.call("conv2dForward", arr4(x), arr4(w), b.toFloatArray(), stride, pad);
        return tensor4(out, "conv2dForward");
    }

    static Tensor library(Tensor x, Tensor w, Tensor b, int stride, int pad) {
        return glassbox.nn.functional.F.conv2d(x, w, b, new int[] {stride, stride}, new int[] {pad, pad}, new int[] {1, 1}, 1);
    }

    /** L = sum(G * conv2dForward(x, w, b)) in double precision, with the student's forward. */
    static double loss(Submission sub, float[][][][] x, float[][][][] w, float[] b, float[][][][] g, int stride, int pad) {
        float[][][][] o = sub.call("conv2dForward", x, w, b, stride, pad);
        double s = 0;
        for (int i = 0; i < g.length; i++) for (int j = 0; j < g[0].length; j++) for (int k = 0; k < g[0][0].length; k++)
            for (int l = 0; l < g[0][0][0].length; l++) s += (double) o[i][j][k][l] * g[i][j][k][l];
        return s;
    }

    /** Central differences of L with respect to every element of a (changed and restored in place). */
    static Tensor numericGradient(Submission sub, float[][][][] a, float[][][][] x, float[][][][] w, float[] b, float[][][][] g,
                                  int stride, int pad) {
        float h = 0.05f;
        float[] out = new float[a.length * a[0].length * a[0][0].length * a[0][0][0].length];
        int p = 0;
        for (float[][][] a1 : a) for (float[][] a2 : a1) for (float[] a3 : a2) for (int l = 0; l < a3.length; l++) {
            float keep = a3[l];
            a3[l] = keep + h;
            double up = loss(sub, x, w, b, g, stride, pad);
            a3[l] = keep - h;
            double down = loss(sub, x, w, b, g, stride, pad);
            a3[l] = keep;
            out[p++] = (float) ((up - down) / (2 * h));
        }
        return Tensor.fromArray(out, a.length, a[0].length, a[0][0].length, a[0][0][0].length);
    }

    // ---- q1 -----------------------------------------------------------------------------------------

    @Test @Tag("q1") @Points(1)
    @DisplayName("q1: a 2x2 filter on a 3x3 image, worked out by hand")
    void handExample(Submission sub) {
        Tensor x = Tensor.fromArray(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Tensor w = Tensor.fromArray(new float[] {1, 0, 0, -1}, 1, 1, 2, 2);   // top-left minus bottom-right
        Tensor b = Tensor.of(0.5f);
        // out[i][j] = x[i][j] - x[i+1][j+1] + 0.5 = 1 - 5 + 0.5 = -3.5 everywhere
        Expect.close(Tensor.fromArray(new float[] {-3.5f, -3.5f, -3.5f, -3.5f}, 1, 1, 2, 2), forward(sub, x, w, b, 1, 0),
                "conv2dForward on the 3x3 image 1..9 with the filter {{1, 0}, {0, -1}} and bias 0.5 (stride 1, no padding)");
    }

    @Test @Tag("q1") @Points(1)
    @DisplayName("q1: 2 images, 3 channels, 4 filters of 3x3, padding 1: equals the library's Conv2d")
    void matchesConv2dLayer(Submission sub) {
        Tensor.manualSeed(3);
        Conv2d conv = new Conv2d(3, 4, 3, 1, 1);
        Tensor x = Tensor.randn(new Generator(5), 2, 3, 6, 5);
        Tensor expected;
        try (var g = Tensor.noGrad()) {
            expected = conv.call(x);
        }
        Expect.close(expected, forward(sub, x, conv.weight.detach(), conv.bias.detach(), 1, 1),
                "conv2dForward(x [2, 3, 6, 5], w [4, 3, 3, 3], stride 1, padding 1) compared with new Conv2d(3, 4, 3, 1, 1)");
    }

    // ---- q2 -----------------------------------------------------------------------------------------

    @Test @Tag("q2") @Points(1)
    @DisplayName("q2: the bias gradient sums dout over images and positions")
    void biasGradient(Submission sub) {
        Tensor g = Tensor.randn(new Generator(8), 3, 2, 4, 5);
        float[] db = sub.call("conv2dBackwardBias", (Object) arr4(g));
        Expect.close(g.sum(0).sum(1).sum(1).toFloatArray(), db, "conv2dBackwardBias(dout [3, 2, 4, 5])");
    }

    // ---- q3 -----------------------------------------------------------------------------------------

    @Test @Tag("q3") @Points(2)
    @DisplayName("q3: the weight gradient passes the gradient check (stride 2, padding 1)")
    void weightGradientCheck(Submission sub) {
        Generator gen = new Generator(11);
        float[][][][] x = arr4(Tensor.randn(gen, 2, 3, 7, 6)), w = arr4(Tensor.randn(gen, 4, 3, 3, 3));
        float[] b = Tensor.randn(gen, 4).toFloatArray();
        float[][][][] g = arr4(Tensor.randn(gen, 2, 4, 4, 3));
        float[][][][] dw = sub.call("conv2dBackwardWeight", x, w, g, 2, 1);
        Expect.close(numericGradient(sub, w, x, w, b, g, 2, 1), tensor4(dw, "conv2dBackwardWeight"),
                "conv2dBackwardWeight(x [2, 3, 7, 6], w [4, 3, 3, 3], dout, stride 2, padding 1) against finite differences of your forward");
    }

    // ---- q4 -----------------------------------------------------------------------------------------

    @Test @Tag("q4") @Points(2)
    @DisplayName("q4: the input gradient passes the gradient check (stride 2, padding 1)")
    void inputGradientCheck(Submission sub) {
        Generator gen = new Generator(12);
        float[][][][] x = arr4(Tensor.randn(gen, 2, 3, 7, 6)), w = arr4(Tensor.randn(gen, 4, 3, 3, 3));
        float[] b = Tensor.randn(gen, 4).toFloatArray();
        float[][][][] g = arr4(Tensor.randn(gen, 2, 4, 4, 3));
        float[][][][] dx = sub.call("conv2dBackwardInput", x, w, g, 2, 1);
        Expect.close(numericGradient(sub, x, x, w, b, g, 2, 1), tensor4(dx, "conv2dBackwardInput"),
                "conv2dBackwardInput(x [2, 3, 7, 6], w [4, 3, 3, 3], dout, stride 2, padding 1) against finite differences of your forward");
    }

    // ---- q5 -----------------------------------------------------------------------------------------

    @Test @Tag("q5") @Points(1)
    @DisplayName("q5: myConv2d passes GradCheck for x, w and b and computes the library's forward")
    void autogradOp(Submission sub) {
        Generator gen = new Generator(13);
        Tensor x = Tensor.randn(gen, 2, 2, 5, 6).requiresGrad(true), w = Tensor.randn(gen, 3, 2, 3, 2).requiresGrad(true);
        Tensor b = Tensor.randn(gen, 3).requiresGrad(true);
        Tensor y = sub.call("myConv2d", x, w, b, 1, 1);
        Expect.that(y != null, "myConv2d returned null");
        Expect.close(library(x.detach(), w.detach(), b.detach(), 1, 1), y.detach(), "myConv2d(x, w [3, 2, 3, 2], b, stride 1, padding 1)");
        Expect.that(y.requiresGrad(), "myConv2d's result does not require a gradient: create it with Tensor.result(values, shape, op, x, w, b)");
        Expect.gradients(in -> sub.call("myConv2d", in[0], in[1], in[2], 1, 1), "myConv2d", x, w, b);
    }
}
