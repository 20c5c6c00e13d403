package glassbox.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.nn.functional.F;
import glassbox.optim.AdamW;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import org.junit.jupiter.api.Test;

class GPTTest {

    @Test
    void aTinyGptLearnsTextAndThenContinuesIt() {
        Tensor.manualSeed(1);
        String text = RecurrentTest.TEXT;
        String vocab = text.chars().distinct().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
        int v = vocab.length(), context = 32, batch = 8;
        GPT gpt = new GPT(v, context, 32, 4, 2, 0f);
        AdamW opt = new AdamW(gpt.parameters(), 3e-3f);
        Generator g = new Generator(2);
        float first = 0, last = 0;
        for (int step = 0; step < 150; step++) {
            float[] x = new float[batch * context], y = new float[batch * context];
            for (int b = 0; b < batch; b++) {
                int start = g.nextInt(text.length() - context - 1);
                for (int t = 0; t < context; t++) {
                    x[b * context + t] = vocab.indexOf(text.charAt(start + t));
                    y[b * context + t] = vocab.indexOf(text.charAt(start + t + 1));
                }
            }
            opt.zeroGrad();
            Tensor loss = F.crossEntropy(gpt.forward(Tensor.fromArray(x, batch, context)).reshape(-1, v),
                    Tensor.fromArray(y, batch * context));
            loss.backward();
            opt.step();
            if (step == 0) first = loss.item();
            last = loss.item();
        }
        assertTrue(first > 3.0f, "starts near ln(" + v + "): " + first);
        assertTrue(last < 0.4f * first, "loss fell from " + first + " to " + last);
        // Greedy continuation of a prompt from the text follows the text for a few characters.
        String prompt = "It is a truth universally ";
        int[] ids = prompt.chars().map(vocab::indexOf).toArray();
        int[] out = Generation.greedy(gpt.asLanguageModel(), ids, 5);
        StringBuilder s = new StringBuilder();
        for (int i = ids.length; i < out.length; i++) s.append(vocab.charAt(out[i]));
        assertEquals("ackno", s.toString());
    }

    @Test
    void longContextsKeepOnlyTheLastTokens() {
        Tensor.manualSeed(2);
        GPT gpt = new GPT(5, 4, 8, 2, 1, 0f);
        int[] longContext = {1, 2, 3, 4, 0, 1, 2};
        Tensor a = gpt.asLanguageModel().nextLogits(longContext);
        Tensor b = gpt.asLanguageModel().nextLogits(new int[] {4, 0, 1, 2});
        assertArrayEquals(b.toFloatArray(), a.toFloatArray(), 0f);
    }
}
