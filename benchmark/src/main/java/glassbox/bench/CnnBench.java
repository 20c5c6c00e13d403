package glassbox.bench;

import glassbox.nn.Conv2d;
import glassbox.nn.CrossEntropyLoss;
import glassbox.nn.Flatten;
import glassbox.nn.Linear;
import glassbox.nn.MaxPool2d;
import glassbox.nn.ReLU;
import glassbox.nn.Sequential;
import glassbox.optim.SGD;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;

/**
 * Workload cnn of ../shared/bench/README.md: Conv2d(1, 8, 3), ReLU, MaxPool2d(2), Conv2d(8, 16, 3),
 * ReLU, MaxPool2d(2), Flatten, Linear(400, 10), cross-entropy, SGD lr 0.01, batches of 64 random
 * 28x28 images; 100 steps.
 */
final class CnnBench extends TrainingBench {
    static final int STEPS = 100, BATCH = 64;

    @Override
    public String name() {
        return "cnn";
    }

    @Override
    public String description() {
        return "CNN conv 1->8 3x3, pool, conv 8->16 3x3, pool, Linear 400-10, batch 64 of 28x28, SGD: 100 steps against PyTorch";
    }

    @Override
    String referenceName() {
        return "cnn";
    }

    @Override
    int steps() {
        return STEPS;
    }

    @Override
    Runnable setUp() {
        Tensor.manualSeed(0);
        Generator g = new Generator(0);
        Tensor x = Tensor.randn(g, STEPS * BATCH, 1, 28, 28);
        float[] y = new float[STEPS * BATCH];
        for (int i = 0; i < y.length; i++) y[i] = g.nextInt(10);
        Tensor[] xs = new Tensor[STEPS], ys = new Tensor[STEPS];
        for (int s = 0; s < STEPS; s++) {
            xs[s] = x.slice(0, s * BATCH, (s + 1) * BATCH).contiguous();
            ys[s] = Tensor.fromArray(java.util.Arrays.copyOfRange(y, s * BATCH, (s + 1) * BATCH), BATCH);
        }
        Sequential model = new Sequential(new Conv2d(1, 8, 3), new ReLU(), new MaxPool2d(2), new Conv2d(8, 16, 3), new ReLU(),
                new MaxPool2d(2), new Flatten(), new Linear(16 * 5 * 5, 10));
        SGD opt = new SGD(model.parameters(), 0.01f);
        CrossEntropyLoss lossFn = new CrossEntropyLoss();
        int[] at = {0};
        return () -> {
            int s = at[0]++ % STEPS;
            opt.zeroGrad();
            lossFn.forward(model.call(xs[s]), ys[s]).backward();
            opt.step();
        };
    }
}
