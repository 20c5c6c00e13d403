import glassbox.kernel.grade.Expect;
import glassbox.kernel.grade.Points;
import glassbox.kernel.grade.Submission;
import glassbox.nn.AttentionMasks;
import glassbox.nn.MultiheadAttention;
import glassbox.nn.ScaledDotProductAttention;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hidden tests of assignment 5: the student's attention against the library's modules. */
class AttentionHiddenTest {

    @Test @Tag("q1") @Points(1)
    @DisplayName("q1: batched scores and causal weights [2, 3, 5, 5] equal the library's")
    void batchedWeightsMatchLibrary(Submission sub) {
        var g = new Generator(41);
        Tensor q = Tensor.randn(g, 2, 3, 5, 4), k = Tensor.randn(g, 2, 3, 5, 4), v = Tensor.randn(g, 2, 3, 5, 4);
        Tensor mask = AttentionMasks.causal(5);
        var lib = new ScaledDotProductAttention().forward(q, k, v, mask);
        Tensor scores = sub.call("attentionScores", q, k);
        Expect.close(q.matmul(k.transpose(-2, -1)).div(2f), scores, "attentionScores on [2, 3, 5, 4] (batch and heads in front)");
        Expect.close(lib.weights(), sub.call("attentionWeights", q, k, mask),
                "attentionWeights on [2, 3, 5, 4] with a causal mask, compared with ScaledDotProductAttention");
    }

    @Test @Tag("q2") @Points(2)
    @DisplayName("q2: attention with a padding mask [2, 1, 1, 6] equals ScaledDotProductAttention")
    void attentionMatchesLibrary(Submission sub) {
        var g = new Generator(42);
        Tensor q = Tensor.randn(g, 2, 2, 3, 8), k = Tensor.randn(g, 2, 2, 6, 8), v = Tensor.randn(g, 2, 2, 6, 5);
        Tensor mask = AttentionMasks.padding(new int[] {4, 6}, 6).reshape(2, 1, 1, 6);
        Tensor expected = new ScaledDotProductAttention().forward(q, k, v, mask).output();
        Expect.close(expected, sub.call("attention", q, k, v, mask),
                "attention(q [2, 2, 3, 8], k [2, 2, 6, 8], v [2, 2, 6, 5]) with padding, compared with ScaledDotProductAttention");
    }

    @Test @Tag("q2") @Points(1)
    @DisplayName("q2: the gradients of causal attention agree with finite differences")
    void causalAttentionGradients(Submission sub) {
        var g = new Generator(43);
        Tensor q = Tensor.randn(g, 2, 4, 3).requiresGrad(true), k = Tensor.randn(g, 2, 4, 3).requiresGrad(true),
                v = Tensor.randn(g, 2, 4, 3).requiresGrad(true);
        Tensor mask = AttentionMasks.causal(4);
        Expect.gradients(in -> sub.call("attention", in[0], in[1], in[2], mask), "attention(q, k, v, causal mask) on [2, 4, 3]", q, k, v);
    }

    @Test @Tag("q3") @Points(1)
    @DisplayName("q3: causalMask(7) and causalMask(1) equal AttentionMasks.causal")
    void causalMatchesLibrary(Submission sub) {
        Expect.close(AttentionMasks.causal(7), sub.call("causalMask", 7), "causalMask(7)");
        Expect.close(AttentionMasks.causal(1), sub.call("causalMask", 1), "causalMask(1) (one position: nothing is masked)");
    }

    /** The library's module without biases, batch first, and its weights as the student's four matrices. */
    static Tensor[] weightsOf(MultiheadAttention mha, int e) {
        Map<String, Tensor> p = mha.namedParameters();
        Tensor in = p.get("in_proj_weight");
        return new Tensor[] {in.slice(0, 0, e).contiguous(), in.slice(0, e, 2 * e).contiguous(), in.slice(0, 2 * e, 3 * e).contiguous(),
            p.get("out_proj.weight")};
    }

    @Test @Tag("q4") @Points(2)
    @DisplayName("q4: 4 heads with a causal mask equal MultiheadAttention(8, 4)")
    void multiHeadMatchesLibrary(Submission sub) {
        Tensor.manualSeed(44);
        var mha = new MultiheadAttention(8, 4, 0f, false, 8, 8, true);
        Tensor[] w = weightsOf(mha, 8);
        Tensor x = Tensor.randn(new Generator(45), 3, 5, 8);
        Tensor mask = AttentionMasks.causal(5);
        Tensor expected = mha.forward(x, x, x, null, mask).output();
        Expect.close(expected, sub.call("multiHeadAttention", x, w[0], w[1], w[2], w[3], 4, mask),
                "multiHeadAttention(x [3, 5, 8], 4 heads, causal mask), compared with MultiheadAttention");
    }

    @Test @Tag("q4") @Points(1)
    @DisplayName("q4: 2 heads with a key padding mask equal MultiheadAttention(6, 2)")
    void multiHeadPaddingMatchesLibrary(Submission sub) {
        Tensor.manualSeed(46);
        var mha = new MultiheadAttention(6, 2, 0f, false, 6, 6, true);
        Tensor[] w = weightsOf(mha, 6);
        Tensor x = Tensor.randn(new Generator(47), 2, 4, 6);
        Tensor padding = AttentionMasks.padding(new int[] {2, 4}, 4);
        Tensor expected = mha.forward(x, x, x, padding, null).output();
        Expect.close(expected, sub.call("multiHeadAttention", x, w[0], w[1], w[2], w[3], 2, padding.reshape(2, 1, 1, 4)),
                "multiHeadAttention(x [2, 4, 6], 2 heads, padding mask [2, 1, 1, 4]), compared with MultiheadAttention");
    }

    @Test @Tag("q4") @Points(2)
    @DisplayName("q4: the gradients of multi-head attention with respect to x and all four weights agree with finite differences")
    void multiHeadGradients(Submission sub) {
        var g = new Generator(48);
        Tensor x = Tensor.randn(g, 2, 3, 4).requiresGrad(true);
        Tensor wq = Tensor.randn(g, 4, 4).mul(0.5f).requiresGrad(true), wk = Tensor.randn(g, 4, 4).mul(0.5f).requiresGrad(true),
                wv = Tensor.randn(g, 4, 4).mul(0.5f).requiresGrad(true), wo = Tensor.randn(g, 4, 4).mul(0.5f).requiresGrad(true);
        Tensor mask = AttentionMasks.causal(3);
        Expect.gradients(in -> sub.call("multiHeadAttention", in[0], in[1], in[2], in[3], in[4], 2, mask),
                "multiHeadAttention(x [2, 3, 4], 2 heads, causal mask)", x, wq, wk, wv, wo);
    }
}
