import glassbox.kernel.grade.Expect;
import glassbox.kernel.grade.Points;
import glassbox.kernel.grade.Submission;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Visible tests of assignment 5 (attention from scratch): students run them with %check. */
class AttentionTest {

    /** softmax(mask(q k^T / sqrt(d))) row by row in double precision; masked[i][j] = key j hidden from query i. */
    static double[][] referenceWeights(float[][] q, float[][] k, boolean[][] masked) {
        int tq = q.length, tk = k.length, d = q[0].length;
        double[][] w = new double[tq][tk];
        for (int i = 0; i < tq; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < tk; j++) {
                double s = 0;
                for (int c = 0; c < d; c++) s += q[i][c] * k[j][c];
                w[i][j] = masked != null && masked[i][j] ? Double.NEGATIVE_INFINITY : s / Math.sqrt(d);
                max = Math.max(max, w[i][j]);
            }
            double sum = 0;
            for (int j = 0; j < tk; j++) sum += w[i][j] = Math.exp(w[i][j] - max);
            for (int j = 0; j < tk; j++) w[i][j] /= sum;
        }
        return w;
    }

    /** The weights times v, in double precision. */
    static double[][] referenceAttention(float[][] q, float[][] k, float[][] v, boolean[][] masked) {
        double[][] w = referenceWeights(q, k, masked);
        double[][] out = new double[q.length][v[0].length];
        for (int i = 0; i < q.length; i++) {
            for (int j = 0; j < k.length; j++) {
                for (int c = 0; c < v[0].length; c++) out[i][c] += w[i][j] * v[j][c];
            }
        }
        return out;
    }

    static float[][] rows(Tensor t) {
        float[] a = t.toFloatArray();
        int r = t.size(0), c = t.size(1);
        float[][] m = new float[r][c];
        for (int i = 0; i < r; i++) System.arraycopy(a, i * c, m[i], 0, c);
        return m;
    }

    static double[] flat(double[][] m) {
        return java.util.Arrays.stream(m).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    static double[] values(Tensor t) {
        float[] a = t.toFloatArray();
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    @Test @Tag("q1") @Points(2)
    @DisplayName("q1: the scores of a 3-token example are Q K^T / sqrt(2)")
    void scoresByHand(Submission sub) {
        Tensor q = Tensor.of(new float[][] {{1, 0}, {0, 1}, {1, 1}});
        Tensor k = Tensor.of(new float[][] {{2, 0}, {0, 2}, {1, -1}});
        Tensor s = sub.call("attentionScores", q, k);
        Expect.that(s != null, "attentionScores returned null");
        float r = (float) Math.sqrt(2);
        Expect.close(Tensor.of(new float[][] {{2 / r, 0, 1 / r}, {0, 2 / r, -1 / r}, {2 / r, 2 / r, 0}}), s,
                "attentionScores(q [3, 2], k [3, 2]) (Q K^T divided by sqrt(d_k) = sqrt(2))");
    }

    @Test @Tag("q1") @Points(2)
    @DisplayName("q1: the weights are the softmax of the scores over the keys, and each row sums to 1")
    void weightsAreASoftmax(Submission sub) {
        Tensor q = Tensor.randn(new Generator(11), 4, 3), k = Tensor.randn(new Generator(12), 5, 3);
        Tensor w = sub.call("attentionWeights", q, k, null);
        Expect.that(w != null, "attentionWeights returned null");
        Expect.close(flat(referenceWeights(rows(q), rows(k), null)), values(w),
                "attentionWeights(q [4, 3], k [5, 3], no mask) (softmax along the last dimension, the keys)");
    }

    @Test @Tag("q1") @Points(1)
    @DisplayName("q1: a padding mask gives the masked keys weight 0 and the others the renormalised softmax")
    void paddingMaskZeroesKeys(Submission sub) {
        Tensor q = Tensor.randn(new Generator(13), 3, 4), k = Tensor.randn(new Generator(14), 5, 4);
        Tensor mask = Tensor.of(0f, 0f, 0f, 1f, 1f);   // keys 3 and 4 are padding
        Tensor w = sub.call("attentionWeights", q, k, mask);
        boolean[][] masked = new boolean[3][5];
        for (boolean[] row : masked) row[3] = row[4] = true;
        Expect.close(flat(referenceWeights(rows(q), rows(k), masked)), values(w),
                "attentionWeights with mask {0, 0, 0, 1, 1} (1 = may not attend: those weights must be 0)");
    }

    @Test @Tag("q2") @Points(2)
    @DisplayName("q2: attention(q, k, v) is the weighted average of the value rows")
    void attentionMatchesTheFormula(Submission sub) {
        Tensor q = Tensor.randn(new Generator(21), 3, 4), k = Tensor.randn(new Generator(22), 5, 4),
                v = Tensor.randn(new Generator(23), 5, 2);
        Tensor out = sub.call("attention", q, k, v, null);
        Expect.that(out != null, "attention returned null");
        Expect.equal(new int[] {3, 2}, out.shape(), "the shape of attention(q [3, 4], k [5, 4], v [5, 2])");
        Expect.close(flat(referenceAttention(rows(q), rows(k), rows(v), null)), values(out), "attention(q, k, v, no mask)");
    }

    @Test @Tag("q2") @Points(2)
    @DisplayName("q2: the gradients of attention with respect to q, k and v agree with finite differences")
    void attentionGradients(Submission sub) {
        Tensor q = Tensor.randn(new Generator(24), 3, 4).requiresGrad(true);
        Tensor k = Tensor.randn(new Generator(25), 4, 4).requiresGrad(true);
        Tensor v = Tensor.randn(new Generator(26), 4, 2).requiresGrad(true);
        Expect.gradients(in -> sub.call("attention", in[0], in[1], in[2], null),
                "attention(q, k, v) (use tensor ops only, so that autograd can follow)", q, k, v);
    }

    @Test @Tag("q3") @Points(1)
    @DisplayName("q3: the causal mask of 4 positions has 1 above the diagonal")
    void causalMaskOfFour(Submission sub) {
        Tensor m = sub.call("causalMask", 4);
        Expect.that(m != null, "causalMask returned null");
        Expect.close(Tensor.of(new float[][] {{0, 1, 1, 1}, {0, 0, 1, 1}, {0, 0, 0, 1}, {0, 0, 0, 0}}), m,
                "causalMask(4) (1 where the key is in the query's future, column > row)");
    }

    @Test @Tag("q4") @Points(3)
    @DisplayName("q4: two heads on one sequence equal the formula head by head")
    void twoHeadsByHand(Submission sub) {
        var g = new Generator(31);
        int t = 3, e = 4, h = 2, dk = 2;
        Tensor x = Tensor.randn(g, 1, t, e);
        Tensor wq = Tensor.randn(g, e, e), wk = Tensor.randn(g, e, e), wv = Tensor.randn(g, e, e), wo = Tensor.randn(g, e, e);
        Tensor out = sub.call("multiHeadAttention", x, wq, wk, wv, wo, h, null);
        Expect.that(out != null, "multiHeadAttention returned null");
        Expect.equal(new int[] {1, t, e}, out.shape(), "the shape of multiHeadAttention(x [1, 3, 4], 2 heads)");
        float[][] xs = rows(x.reshape(t, e));
        float[][] q = project(xs, rows(wq)), k = project(xs, rows(wk)), v = project(xs, rows(wv));
        float[][] concat = new float[t][e];
        for (int head = 0; head < h; head++) {
            double[][] o = referenceAttention(cols(q, head * dk, dk), cols(k, head * dk, dk), cols(v, head * dk, dk), null);
            for (int i = 0; i < t; i++) for (int c = 0; c < dk; c++) concat[i][head * dk + c] = (float) o[i][c];
        }
        float[][] expected = project(concat, rows(wo));
        Expect.close(flat(toDouble(expected)), values(out),
                "multiHeadAttention(x, 2 heads, no mask) (head i uses features i*d_k..(i+1)*d_k-1 of Q, K and V)");
    }

    @Test @Tag("q4") @Points(2)
    @DisplayName("q4: a causal mask keeps the first token's output equal to attending to itself only")
    void causalFirstToken(Submission sub) {
        var g = new Generator(32);
        Tensor x = Tensor.randn(g, 1, 4, 4);
        Tensor wq = Tensor.randn(g, 4, 4), wk = Tensor.randn(g, 4, 4), wv = Tensor.randn(g, 4, 4), wo = Tensor.randn(g, 4, 4);
        Tensor mask = Tensor.of(new float[][] {{0, 1, 1, 1}, {0, 0, 1, 1}, {0, 0, 0, 1}, {0, 0, 0, 0}});
        Tensor out = sub.call("multiHeadAttention", x, wq, wk, wv, wo, 2, mask);
        // The first token sees only itself: its output is (x_0 W_V^T) W_O^T whatever the heads.
        float[][] xs = rows(x.reshape(4, 4));
        float[][] expected = project(project(new float[][] {xs[0]}, rows(wv)), rows(wo));
        Expect.close(flat(toDouble(expected)), values(out.select(0, 0).select(0, 0).reshape(1, 4)),
                "the first token's output with a causal mask (it may attend to itself only)");
    }

    static float[][] project(float[][] x, float[][] w) {   // x W^T
        float[][] y = new float[x.length][w.length];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < w.length; o++) {
                double s = 0;
                for (int c = 0; c < x[0].length; c++) s += x[i][c] * w[o][c];
                y[i][o] = (float) s;
            }
        }
        return y;
    }

    static float[][] cols(float[][] m, int from, int n) {
        float[][] r = new float[m.length][n];
        for (int i = 0; i < m.length; i++) System.arraycopy(m[i], from, r[i], 0, n);
        return r;
    }

    static double[][] toDouble(float[][] m) {
        double[][] d = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            d[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) d[i][j] = m[i][j];
        }
        return d;
    }
}
