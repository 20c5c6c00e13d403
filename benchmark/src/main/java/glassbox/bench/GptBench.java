package glassbox.bench;

import glassbox.nn.GPT;
import glassbox.nn.functional.F;
import glassbox.optim.AdamW;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;

/**
 * Workload gpt of ../shared/bench/README.md: a GPT of 2 blocks, 4 heads, d_model 64, context 64,
 * vocabulary 65 (pre-LayerNorm, GELU MLP 4x, causal mask, token + learned position embeddings),
 * batch 32, cross-entropy, AdamW lr 1e-3; 50 steps.
 */
final class GptBench extends TrainingBench {
    static final int V = 65, B = 32, L = 64;

    @Override
    public String name() {
        return "gpt";
    }

    @Override
    public String description() {
        return "GPT 2 blocks x 4 heads, d_model 64, context 64, batch 32, AdamW: 50 steps against PyTorch";
    }

    @Override
    String referenceName() {
        return "gpt";
    }

    @Override
    int steps() {
        return 50;
    }

    @Override
    Runnable setUp() {
        Tensor.manualSeed(0);
        Generator g = new Generator(0);
        float[] x = new float[B * L], y = new float[B * L];
        for (int i = 0; i < B * L; i++) {
            x[i] = g.nextInt(V);
            y[i] = g.nextInt(V);
        }
        Tensor input = Tensor.fromArray(x, B, L), target = Tensor.fromArray(y, B * L);
        GPT model = new GPT(V, L, 64, 4, 2, 0f);
        AdamW opt = new AdamW(model.parameters(), 1e-3f);
        return () -> {
            opt.zeroGrad();
            F.crossEntropy(model.forward(input).reshape(-1, V), target).backward();
            opt.step();
        };
    }
}
