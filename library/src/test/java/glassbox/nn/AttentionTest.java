package glassbox.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.tensor.GradCheck;
import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AttentionTest {

    @Test
    void scaledDotProductAttentionIsSoftmaxOfScaledScoresTimesValuesByHand() {
        Tensor q = Tensor.of(new float[][][] {{{1, 0}, {0, 2}}});          // [1, 2, 2]
        Tensor k = Tensor.of(new float[][][] {{{1, 1}, {0, 1}, {-1, 0}}}); // [1, 3, 2]
        Tensor v = Tensor.of(new float[][][] {{{1}, {2}, {4}}});           // [1, 3, 1]
        ScaledDotProductAttention att = new ScaledDotProductAttention();
        ScaledDotProductAttention.Result r = att.forward(q, k, v, null);
        double[][] scores = {{1, 0, -1}, {2, 2, 0}};
        for (int i = 0; i < 2; i++) {
            double[] e = new double[3];
            double sum = 0;
            for (int j = 0; j < 3; j++) sum += e[j] = Math.exp(scores[i][j] / Math.sqrt(2));
            double out = 0;
            for (int j = 0; j < 3; j++) {
                assertEquals(e[j] / sum, r.weights().get(0, i, j), 1e-6);
                out += e[j] / sum * new double[] {1, 2, 4}[j];
            }
            assertEquals(out, r.output().get(0, i, 0), 1e-6);
        }
        assertArrayEquals(r.weights().toFloatArray(), att.attentionWeights().toFloatArray(), 0f);
        // A padding mask on the last key: its weight is 0, the others renormalise.
        Tensor mask = Tensor.of(0, 0, 1);
        ScaledDotProductAttention.Result m = att.forward(q, k, v, mask);
        assertEquals(0f, m.weights().get(0, 0, 2));
        assertEquals(1 / (1 + Math.exp(-1 / Math.sqrt(2))), m.weights().get(0, 0, 0), 1e-6);
    }

    @Test
    void causalMaskGivesZeroWeightToLaterPositionsAndRowsSumToOne() {
        Tensor.manualSeed(1);
        MultiheadAttention mha = new MultiheadAttention(8, 2, true);
        Tensor x = Tensor.randn(3, 6, 8);
        mha.forward(x, x, x, null, AttentionMasks.causal(6));
        Tensor w = mha.attentionWeights();
        assertArrayEquals(new int[] {3, 2, 6, 6}, w.shape());
        for (int b = 0; b < 3; b++) {
            for (int h = 0; h < 2; h++) {
                for (int t = 0; t < 6; t++) {
                    double sum = 0;
                    for (int j = 0; j < 6; j++) {
                        if (j > t) assertEquals(0f, w.get(b, h, t, j), "position " + t + " must not see " + j);
                        else assertTrue(w.get(b, h, t, j) > 0);
                        sum += w.get(b, h, t, j);
                    }
                    assertEquals(1.0, sum, 1e-5);
                }
            }
        }
    }

    @Test
    void paddingMaskGivesZeroWeightToPaddedKeys() {
        Tensor.manualSeed(2);
        MultiheadAttention mha = new MultiheadAttention(4, 2);
        Tensor x = Tensor.randn(5, 2, 4);
        MultiheadAttention.Output out = mha.forward(x, x, x, AttentionMasks.padding(new int[] {5, 3}, 5), null);
        for (int h = 0; h < 2; h++) {
            for (int t = 0; t < 5; t++) {
                assertEquals(0f, out.weights().get(1, h, t, 3));
                assertEquals(0f, out.weights().get(1, h, t, 4));
                assertTrue(out.weights().get(0, h, t, 4) > 0);
            }
        }
        // The outputs of sequence 1 do not depend on what sits in its padding.
        Tensor changed = x.copy();
        changed.set(100f, 4, 1, 0);
        MultiheadAttention.Output again = mha.forward(changed, changed, changed, AttentionMasks.padding(new int[] {5, 3}, 5), null);
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(out.output().select(0, t).select(0, 1).toFloatArray(),
                    again.output().select(0, t).select(0, 1).toFloatArray(), 1e-6f);
        }
    }

    @Test
    void gptOutputsAtEarlierPositionsIgnoreLaterTokens() {
        Tensor.manualSeed(3);
        GPT gpt = new GPT(10, 8, 16, 2, 2, 0f);
        Tensor a = Tensor.of(1, 2, 3, 4, 5, 6), b = Tensor.of(1, 2, 3, 9, 9, 9);
        Tensor la = gpt.forward(a), lb = gpt.forward(b);
        assertArrayEquals(new int[] {6, 10}, la.shape());
        assertArrayEquals(la.slice(0, 0, 3).toFloatArray(), lb.slice(0, 0, 3).toFloatArray(), 1e-5f);
        assertTrue(Math.abs(la.get(3, 0) - lb.get(3, 0)) > 1e-4, "position 3 sees its own token");
        Tensor w = gpt.block(0).selfAttn().attentionWeights();
        assertEquals(0f, w.get(0, 1, 2, 5));
    }

    @Test
    void scaledDotProductAttentionWithMasksPassesTheGradientCheck() {
        Tensor.manualSeed(4);
        Tensor q = Tensor.randn(2, 3, 4).requiresGrad(true), k = Tensor.randn(2, 5, 4).requiresGrad(true);
        Tensor v = Tensor.randn(2, 5, 3).requiresGrad(true);
        Tensor mask = AttentionMasks.padding(new int[] {5, 2}, 5).unsqueeze(1);   // [2, 1, 5]
        GradCheck.check(in -> ScaledDotProductAttention.compute(in[0], in[1], in[2], mask, null).output(), q, k, v)
                .assertPasses();
    }

    @Test
    void additiveAttentionPassesTheGradientCheckAndKeepsItsWeights() {
        Tensor.manualSeed(5);
        AdditiveAttention att = new AdditiveAttention(3, 4, 5);
        Tensor q = Tensor.randn(2, 3).requiresGrad(true), keys = Tensor.randn(2, 4, 4).requiresGrad(true);
        Tensor values = Tensor.randn(2, 4, 2).requiresGrad(true);
        Tensor mask = AttentionMasks.padding(new int[] {4, 3}, 4);
        AdditiveAttention.Result r = att.forward(q, keys, values, mask);
        assertArrayEquals(new int[] {2, 2}, r.output().shape());
        assertArrayEquals(new int[] {2, 4}, r.weights().shape());
        assertEquals(0f, r.weights().get(1, 3));
        assertEquals(1.0, r.weights().select(0, 0).sum().item(), 1e-6);
        assertArrayEquals(new int[] {2, 1, 4}, att.attentionWeights().shape());
        ModuleGradCheck.check("AdditiveAttention", () -> att.forward(q, keys, values, mask).output(), att, q, keys, values);
    }

    @Test
    void multiheadAttentionPassesTheGradientCheck() {
        Tensor.manualSeed(6);
        MultiheadAttention self = new MultiheadAttention(4, 2);
        Tensor x = Tensor.randn(3, 2, 4).requiresGrad(true);
        Tensor pad = AttentionMasks.padding(new int[] {3, 2}, 3), causal = AttentionMasks.causal(3);
        ModuleGradCheck.check("MHA self, masks", () -> self.forward(x, x, x, pad, causal).output(), self, x);
        MultiheadAttention cross = new MultiheadAttention(4, 2, 0f, true, 3, 2, true);
        Tensor q = Tensor.randn(2, 2, 4).requiresGrad(true), k = Tensor.randn(2, 3, 3).requiresGrad(true);
        Tensor v = Tensor.randn(2, 3, 2).requiresGrad(true);
        ModuleGradCheck.check("MHA cross, kdim/vdim", () -> cross.forward(q, k, v).output(), cross, q, k, v);
    }

    @Test
    void transformerLayersPassTheGradientCheck() {
        Tensor.manualSeed(7);
        Tensor x = Tensor.randn(3, 2, 4).requiresGrad(true), memory = Tensor.randn(2, 2, 4).requiresGrad(true);
        TransformerEncoderLayer post = new TransformerEncoderLayer(4, 2, 6, 0f, "gelu", false, false);
        ModuleGradCheck.check("encoder post-LN", () -> post.forward(x, AttentionMasks.causal(3), null), post, x);
        TransformerEncoderLayer pre = new TransformerEncoderLayer(4, 2, 6, 0f, "gelu", false, true);
        ModuleGradCheck.check("encoder pre-LN", () -> pre.forward(x), pre, x);
        TransformerDecoderLayer dec = new TransformerDecoderLayer(4, 2, 6, 0f, "gelu", false, true);
        ModuleGradCheck.check("decoder pre-LN", () -> dec.forward(x, memory, AttentionMasks.causal(3), null, null, null), dec, x, memory);
        GPTBlock block = new GPTBlock(4, 2, 0f);
        Tensor xb = Tensor.randn(2, 3, 4).requiresGrad(true);
        ModuleGradCheck.check("GPT block", () -> block.forward(xb), block, xb);
    }

    @Test
    void gptAndPositionalEmbeddingsPassTheGradientCheck() {
        Tensor.manualSeed(8);
        GPT gpt = new GPT(5, 4, 4, 2, 1, 0f);
        Tensor ids = Tensor.of(new float[][] {{0, 3, 1}, {4, 4, 2}});
        ModuleGradCheck.check("GPT", () -> gpt.forward(ids), gpt);
        LearnedPositionalEmbedding pos = new LearnedPositionalEmbedding(5, 3);
        Tensor x = Tensor.randn(2, 4, 3).requiresGrad(true);
        ModuleGradCheck.check("learned positions", () -> pos.forward(x), pos, x);
    }

    @Test
    void sinusoidalEncodingFollowsTheFormula() {
        PositionalEncoding pe = new PositionalEncoding(6, 20);
        for (int pos : new int[] {0, 1, 7, 19}) {
            for (int i = 0; i < 3; i++) {
                double angle = pos / Math.pow(10000, 2.0 * i / 6);
                assertEquals(Math.sin(angle), pe.encoding().get(pos, 2 * i), 1e-6);
                assertEquals(Math.cos(angle), pe.encoding().get(pos, 2 * i + 1), 1e-6);
            }
        }
        Tensor x = Tensor.randn(2, 5, 6);
        Tensor y = pe.forward(x);
        assertEquals(x.get(1, 3, 4) + pe.encoding().get(3, 4), y.get(1, 3, 4), 1e-6);
        Tensor timeFirst = new PositionalEncoding(6, 20, 0f, false).forward(x.transpose(0, 1));
        assertArrayEquals(y.transpose(0, 1).toFloatArray(), timeFirst.toFloatArray(), 1e-6f);
        assertThrows(ShapeException.class, () -> pe.forward(Tensor.zeros(1, 21, 6)));
    }

    @Test
    void badShapesAndOptionsAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MultiheadAttention(10, 3));
        assertTrue(e.getMessage().contains("divisible"), e.getMessage());
        MultiheadAttention mha = new MultiheadAttention(4, 2);
        Tensor x = Tensor.randn(3, 2, 4);
        ShapeException m = assertThrows(ShapeException.class, () -> mha.forward(x, x, x, null, AttentionMasks.causal(4)));
        assertTrue(m.getMessage().contains("attnMask"), m.getMessage());
        assertThrows(ShapeException.class, () -> mha.forward(Tensor.randn(3, 2, 5)));
        assertThrows(IllegalArgumentException.class, () -> new TransformerEncoderLayer(4, 2, 8, 0f, "swish", false, false));
    }
}
