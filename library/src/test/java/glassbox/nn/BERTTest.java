package glassbox.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.data.DatasetException;
import glassbox.nn.functional.F;
import glassbox.optim.AdamW;
import glassbox.tensor.Generator;
import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BERTTest {

    private static Tensor ids(int b, int t, int vocab, long seed) {
        Generator g = new Generator(seed);
        float[] x = new float[b * t];
        for (int i = 0; i < x.length; i++) x[i] = g.nextInt(vocab);
        return Tensor.fromArray(x, b, t);
    }

    @Test
    void shapesOfTheHiddenStatesAndTheHeads() {
        Tensor.manualSeed(1);
        BERT bert = new BERT(11, 8, 16, 2, 2, 0f);
        Tensor h = bert.encode(ids(3, 6, 11, 1), null, null);
        assertArrayEquals(new int[] {3, 6, 16}, h.shape());
        assertArrayEquals(new int[] {3, 6, 11}, bert.mlmLogits(h).shape());
        assertArrayEquals(new int[] {3, 16}, bert.pooled(h).shape());
        assertArrayEquals(new int[] {3, 2}, bert.nspLogits(h).shape());
        assertThrows(ShapeException.class, () -> bert.forward(ids(1, 9, 11, 2)), "longer than the context");
        assertThrows(ShapeException.class, () -> bert.encode(ids(1, 4, 11, 2), ids(1, 5, 2, 3), null), "segments of another shape");
    }

    @Test
    void itIsBidirectionalAndSegmentsAndPaddingMatter() {
        Tensor.manualSeed(2);
        BERT bert = new BERT(11, 8, 16, 2, 1, 0f);
        bert.eval();
        Tensor a = ids(1, 6, 11, 4);
        Tensor b = Tensor.fromArray(a.toFloatArray(), 1, 6);
        b.set(b.get(0, 5) == 3 ? 4 : 3, 0, 5);   // change the last token only
        Tensor ha = bert.forward(a), hb = bert.forward(b);
        // Unlike GPT, position 0 sees position 5.
        assertNotEquals(ha.get(0, 0, 0), hb.get(0, 0, 0));
        Tensor seg = Tensor.fromArray(new float[] {0, 0, 0, 1, 1, 1}, 1, 6);
        assertNotEquals(ha.get(0, 0, 0), bert.encode(a, seg, null).get(0, 0, 0), "the segment embedding is added");
        // With the last position as padding, changing it changes nothing at the other positions.
        Tensor pad = AttentionMasks.padding(new int[] {5}, 6);
        Tensor pa = bert.encode(a, null, pad), pb = bert.encode(b, null, pad);
        for (int t = 0; t < 5; t++) for (int d = 0; d < 16; d++) assertEquals(pa.get(0, t, d), pb.get(0, t, d), 1e-6f);
    }

    @Test
    void mlmOutputLayerIsTiedToTheTokenEmbedding() {
        Tensor.manualSeed(3);
        BERT bert = new BERT(7, 4, 8, 2, 1, 0f);
        assertTrue(bert.namedParameters().keySet().stream().noneMatch(n -> n.startsWith("mlm") && n.contains("decoder")));
        Tensor h = Tensor.randn(2, 8);
        Tensor before = bert.mlmLogits(h);
        try (var s = Tensor.noGrad()) {
            bert.namedParameters().get("tok_emb.weight").mul_(2f);
        }
        assertNotEquals(before.get(0, 0), bert.mlmLogits(h).get(0, 0), "scaling the embedding rescales the MLM scores");
    }

    @Test
    void gradientsOfBothHeadsMatchFiniteDifferences() {
        Tensor.manualSeed(4);
        BERT bert = new BERT(6, 4, 8, 2, 1, 0f);
        Tensor x = ids(2, 4, 6, 5), seg = Tensor.fromArray(new float[] {0, 0, 1, 1, 0, 1, 1, 1}, 2, 4);
        Tensor pad = AttentionMasks.padding(new int[] {4, 3}, 4);
        // Embeddings start at N(0, 0.02^2); the LayerNorm after them divides by their small spread, which makes
        // central differences with step 1e-2 inaccurate. Scale them to O(1) where finite differences are reliable.
        try (var s = Tensor.noGrad()) {
            for (String n : new String[] {"tok_emb.weight", "pos_emb.weight", "seg_emb.weight"}) bert.namedParameters().get(n).mul_(40f);
        }
        ModuleGradCheck.check("BERT MLM + NSP", () -> {
            Tensor h = bert.encode(x, seg, pad);
            return Tensor.cat(java.util.List.of(bert.mlmLogits(h).reshape(-1), bert.nspLogits(h).reshape(-1)), 0);
        }, bert);
    }

    @Test
    void maskTokensChoosesFifteenPercentAndSplitsThemEightyTenTen() {
        int n = 200_000, vocab = 1000, mask = 999;
        int[] ids = new int[n];
        Generator g = new Generator(6);
        for (int i = 0; i < n; i++) ids[i] = 4 + g.nextInt(vocab - 5);
        ids[0] = 2;   // a special token that must never be chosen
        BERT.Masked m = BERT.maskTokens(ids, 0.15f, mask, 4, mask, new Generator(7), 2);
        assertEquals(BERT.IGNORE, m.targets()[0]);
        assertEquals(2, m.inputs()[0]);
        int chosen = 0, masked = 0, same = 0, random = 0;
        for (int i = 0; i < n; i++) {
            if (m.targets()[i] == BERT.IGNORE) {
                assertEquals(ids[i], m.inputs()[i], "unchosen tokens are untouched");
                continue;
            }
            assertEquals(ids[i], m.targets()[i], "the target is the original token");
            chosen++;
            if (m.inputs()[i] == mask) masked++;
            else if (m.inputs()[i] == ids[i]) same++;
            else {
                random++;
                assertTrue(m.inputs()[i] >= 4 && m.inputs()[i] < mask, "random tokens come from [firstRandom, vocabSize)");
            }
        }
        assertEquals(0.15, chosen / (double) n, 0.005);
        assertEquals(0.80, masked / (double) chosen, 0.01);
        assertEquals(0.10, same / (double) chosen, 0.01);
        assertEquals(0.10, random / (double) chosen, 0.01);
        assertThrows(IllegalArgumentException.class, () -> BERT.maskTokens(ids, 1.5f, mask, 4, mask, new Generator(1)));
    }

    @Test
    void pretrainingLowersBothLossesAndTheWeightsSurviveSafetensors(@TempDir Path dir) {
        // Sequences "a b c d" of a repeating pattern: the masked token is predictable from its neighbours.
        Tensor.manualSeed(8);
        int vocab = 10, t = 8, batch = 16, mask = 9;
        BERT bert = new BERT(vocab, t, 16, 2, 1, 0f);
        AdamW opt = new AdamW(bert.parameters(), 5e-3f);
        Generator g = new Generator(9);
        float firstMlm = 0, lastMlm = 0;
        for (int step = 0; step < 120; step++) {
            float[] x = new float[batch * t], y = new float[batch * t], nsp = new float[batch];
            for (int b = 0; b < batch; b++) {
                int start = g.nextInt(8);
                int[] seq = new int[t];
                for (int i = 0; i < t; i++) seq[i] = 1 + (start + i) % 8;
                BERT.Masked m = BERT.maskTokens(seq, 0.3f, mask, 1, mask, g);
                for (int i = 0; i < t; i++) { x[b * t + i] = m.inputs()[i]; y[b * t + i] = m.targets()[i]; }
                nsp[b] = start % 2;   // "NSP" label readable from the first token
            }
            opt.zeroGrad();
            Tensor h = bert.forward(Tensor.fromArray(x, batch, t));
            Tensor mlm = F.crossEntropy(bert.mlmLogits(h).reshape(-1, vocab), Tensor.fromArray(y, batch * t), 0f, BERT.IGNORE);
            Tensor loss = mlm.add(F.crossEntropy(bert.nspLogits(h), Tensor.fromArray(nsp, batch)));
            loss.backward();
            opt.step();
            if (step == 0) firstMlm = mlm.item();
            lastMlm = mlm.item();
        }
        assertTrue(lastMlm < 0.75f * firstMlm, "MLM loss fell from " + firstMlm + " to " + lastMlm);
        Path file = dir.resolve("bert.safetensors");
        Safetensors.save(bert, file);
        BERT copy = new BERT(vocab, t, 16, 2, 1, 0f);
        Safetensors.load(copy, file);
        Tensor probe = ids(2, 5, vocab, 10);
        bert.eval();
        copy.eval();
        assertArrayEquals(bert.forward(probe).toFloatArray(), copy.forward(probe).toFloatArray(), 0f);
    }

    @Test
    void loadShippedNamesAFileThatIsNotShipped() {
        BERT bert = new BERT(5, 4, 8, 2, 1, 0f);
        var e = assertThrows(DatasetException.class, () -> Safetensors.loadShipped(bert, "models/no-such-model.safetensors"));
        assertTrue(e.getMessage().contains("models/no-such-model.safetensors"), e.getMessage());
    }
}
