package glassbox.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerationTest {

    /**
     * A Markov chain over 4 tokens where greedy decoding is a trap: from 0 the likelier next token is
     * 1 (0.6), but after 1 everything is equally likely, while 2 (0.4) is followed by 3 with 0.95.
     */
    static final double[][] CHAIN = {
        {0.0001, 0.6, 0.3998, 0.0001},
        {0.25, 0.25, 0.25, 0.25},
        {0.02, 0.02, 0.01, 0.95},
        {0.25, 0.25, 0.25, 0.25},
    };

    static final Generation.LanguageModel MARKOV = context -> {
        double[] p = CHAIN[context[context.length - 1]];
        float[] logits = new float[4];
        for (int i = 0; i < 4; i++) logits[i] = (float) Math.log(p[i]);
        return Tensor.fromArray(logits, 4);
    };

    @Test
    void beamSearchFindsTheLikelierSequenceGreedyMisses() {
        int[] greedy = Generation.greedy(MARKOV, new int[] {0}, 2);
        assertEquals(1, greedy[1], "greedy takes the likelier first step");
        int[] beam = Generation.beamSearch(MARKOV, new int[] {0}, 2, 2, 0f, -1);
        assertArrayEquals(new int[] {0, 2, 3}, beam);
        List<Generation.Beam> beams = Generation.beams(MARKOV, new int[] {0}, 2, 2, 0f, -1);
        assertEquals(Math.log(0.3998 * 0.95), beams.get(0).logProb(), 1e-5);
        assertTrue(beams.get(0).score() >= beams.get(1).score());
    }

    @Test
    void beamOfOneIsGreedy() {
        Tensor.manualSeed(1);
        GPT gpt = new GPT(7, 16, 8, 2, 1, 0f);
        int[] prompt = {1, 2, 3};
        assertArrayEquals(Generation.greedy(gpt.asLanguageModel(), prompt, 12),
                Generation.beamSearch(gpt.asLanguageModel(), prompt, 12, 1, 0f, -1));
        assertArrayEquals(Generation.greedy(MARKOV, new int[] {2}, 5), Generation.beamSearch(MARKOV, new int[] {2}, 5, 1, 1f, -1));
    }

    @Test
    void lowTemperatureApproachesGreedyAndTopOneIsGreedy() {
        Tensor.manualSeed(2);
        GPT gpt = new GPT(7, 32, 8, 2, 1, 0f);
        Generation.LanguageModel lm = gpt.asLanguageModel();
        int[] prompt = {4};
        int[] greedy = Generation.greedy(lm, prompt, 20);
        assertArrayEquals(greedy, Generation.sample(lm, prompt, 20, 1e-3f, 0, new Generator(5)));
        assertArrayEquals(greedy, Generation.sample(lm, prompt, 20, 0f, 0, new Generator(5)));
        assertArrayEquals(greedy, Generation.sample(lm, prompt, 20, 2f, 1, new Generator(5)));
        // The largest probability grows towards 1 as the temperature falls.
        Tensor logits = Tensor.of(1f, 2f, 0.5f, 1.8f);
        float previous = 0;
        for (float t : new float[] {10f, 2f, 1f, 0.5f, 0.1f, 0.01f}) {
            float top = Generation.probabilities(logits, t).toFloatArray()[1];
            assertTrue(top > previous, "temperature " + t);
            previous = top;
        }
        assertEquals(1f, previous, 1e-6f);
        assertEquals(0.25f, Generation.probabilities(logits, 1e6f).toFloatArray()[0], 1e-4f);
    }

    @Test
    void samplingIsSeededAndFollowsTheDistribution() {
        Tensor.manualSeed(3);
        GPT gpt = new GPT(7, 32, 8, 2, 1, 0f);
        int[] a = Generation.sample(gpt.asLanguageModel(), new int[] {0}, 15, 1f, 0, new Generator(9));
        int[] b = Generation.sample(gpt.asLanguageModel(), new int[] {0}, 15, 1f, 0, new Generator(9));
        int[] c = Generation.sample(gpt.asLanguageModel(), new int[] {0}, 15, 1f, 0, new Generator(10));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        float[] logits = {0f, 1f, 2f, -1f};
        Tensor p = Generation.probabilities(Tensor.fromArray(logits.clone(), 4), 1f);
        int[] counts = new int[4], topTwo = new int[4];
        Generator g = new Generator(11);
        for (int i = 0; i < 20000; i++) {
            counts[Generation.draw(logits, 1f, 0, g)]++;
            topTwo[Generation.draw(logits, 1f, 2, g)]++;
        }
        for (int i = 0; i < 4; i++) assertEquals(p.toFloatArray()[i], counts[i] / 20000f, 0.015f, "token " + i);
        assertEquals(0, topTwo[0] + topTwo[3], "top-k 2 only draws the two likeliest");
        assertEquals(Math.exp(1) / (Math.exp(1) + Math.exp(2)), topTwo[1] / 20000.0, 0.015);
    }

    @Test
    void endTokenFinishesABeamAndLengthPenaltyRanksFinishedBeams() {
        // From 0: the end token 3 right away (0.5), or 1 (0.5) then 2 surely.
        Generation.LanguageModel lm = context -> {
            int last = context[context.length - 1];
            double[] p = last == 0 ? new double[] {1e-6, 0.5, 1e-6, 0.5} : new double[] {1e-6, 1e-6, 0.999, 1e-6};
            float[] l = new float[4];
            for (int i = 0; i < 4; i++) l[i] = (float) Math.log(p[i]);
            return Tensor.fromArray(l, 4);
        };
        List<Generation.Beam> beams = Generation.beams(lm, new int[] {0}, 3, 2, 0f, 3);
        int[] ended = beams.stream().filter(b -> b.tokens()[b.tokens().length - 1] == 3).findFirst().orElseThrow().tokens();
        assertArrayEquals(new int[] {0, 3}, ended, "a beam stops at the end token");
        // Without normalisation the short beam wins (fewer factors below 1); per-token average favours the long one.
        assertArrayEquals(new int[] {0, 3}, Generation.beamSearch(lm, new int[] {0}, 3, 2, 0f, 3));
        assertArrayEquals(new int[] {0, 1, 2, 2}, Generation.beamSearch(lm, new int[] {0}, 3, 2, 1f, 3));
    }

    /** Embedding, LSTM and Linear: ids [B, T] to logits [B, T, vocab]. */
    static final class CharLstm extends Module {
        final Embedding emb = registerModule("emb", new Embedding(6, 4));
        final LSTM lstm = registerModule("lstm", new LSTM(4, 8, 1, true, true, 0f, false));
        final Linear head = registerModule("head", new Linear(8, 6));

        @Override
        public Tensor forward(Tensor ids) {
            return head.call(lstm.call(emb.call(ids)));
        }
    }

    @Test
    void anyModelFromIdsToLogitsCanGenerate() {
        Tensor.manualSeed(4);
        CharLstm model = new CharLstm();
        Generation.LanguageModel lm = Generation.fromSequenceModel(model, 0);
        int[] prompt = {1, 2, 3};
        Tensor expected = model.forward(Tensor.of(new float[][] {{1, 2, 3}})).select(0, 0).select(0, 2);
        assertArrayEquals(expected.toFloatArray(), lm.nextLogits(prompt).toFloatArray(), 0f);
        int[] greedy = Generation.greedy(lm, prompt, 6);
        assertEquals(9, greedy.length);
        assertArrayEquals(greedy, Generation.beamSearch(lm, prompt, 6, 1, 0f, -1));
        Generation.LanguageModel window = Generation.fromSequenceModel(model, 2);
        assertArrayEquals(lm.nextLogits(new int[] {2, 3}).toFloatArray(), window.nextLogits(prompt).toFloatArray(), 0f);
    }
}
