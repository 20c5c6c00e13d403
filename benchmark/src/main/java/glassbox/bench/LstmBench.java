package glassbox.bench;

import glassbox.nn.LSTM;
import glassbox.nn.Linear;
import glassbox.nn.functional.F;
import glassbox.optim.SGD;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Workload lstm of ../shared/bench/README.md: LSTM(65 one-hot -> 128) over 64 steps, batch 32,
 * Linear(128, 65) at every step, cross-entropy, SGD lr 0.01; 50 steps.
 */
final class LstmBench extends TrainingBench {
    static final int V = 65, H = 128, L = 64, B = 32;

    @Override
    public String name() {
        return "lstm";
    }

    @Override
    public String description() {
        return "LSTM(65 one-hot -> 128), 64 steps, batch 32, Linear head, cross-entropy, SGD: 50 steps against PyTorch";
    }

    @Override
    String referenceName() {
        return "lstm";
    }

    @Override
    int steps() {
        return 50;
    }

    @Override
    Runnable setUp() {
        Tensor.manualSeed(0);
        Generator g = new Generator(0);
        float[] x = new float[B * L * V], y = new float[B * L];
        for (int i = 0; i < B * L; i++) {
            x[i * V + g.nextInt(V)] = 1;
            y[i] = g.nextInt(V);
        }
        Tensor input = Tensor.fromArray(x, B, L, V), target = Tensor.fromArray(y, B * L);
        LSTM lstm = new LSTM(V, H, 1, true, true, 0f, false);
        Linear head = new Linear(H, V);
        List<Tensor> params = new ArrayList<>(lstm.parameters());
        params.addAll(head.parameters());
        SGD opt = new SGD(params, 0.01f);
        return () -> {
            opt.zeroGrad();
            Tensor logits = head.forward(lstm.forward(input)).reshape(-1, V);
            F.crossEntropy(logits, target).backward();
            opt.step();
        };
    }
}
