package glassbox.bench;

import glassbox.nn.CrossEntropyLoss;
import glassbox.nn.Linear;
import glassbox.nn.ReLU;
import glassbox.nn.Sequential;
import glassbox.optim.SGD;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;

/**
 * Workload mlp of ../shared/bench/README.md: Linear(784, 128), ReLU, Linear(128, 10), cross-entropy,
 * SGD lr 0.01, batches of 64 drawn from 10,000 random 28x28 samples shuffled each epoch; one epoch
 * (157 steps, the last batch 16) is one timed run.
 */
final class MlpBench extends TrainingBench {
    static final int N = 10_000, D = 784, BATCH = 64;

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "MLP 784-128-10, batch 64 of 10,000 shuffled samples, cross-entropy, SGD: one epoch (157 steps) against PyTorch";
    }

    @Override
    String referenceName() {
        return "mlp";
    }

    @Override
    int steps() {
        return (N + BATCH - 1) / BATCH;
    }

    @Override
    Runnable setUp() {
        Tensor.manualSeed(0);
        Generator g = new Generator(0);
        float[] x = Tensor.randn(g, N, D).data();
        float[] y = new float[N];
        for (int i = 0; i < N; i++) y[i] = g.nextInt(10);
        Sequential model = new Sequential(new Linear(D, 128), new ReLU(), new Linear(128, 10));
        SGD opt = new SGD(model.parameters(), 0.01f);
        CrossEntropyLoss lossFn = new CrossEntropyLoss();
        int[][] perm = {g.permutation(N)};
        int[] at = {0};
        return () -> {
            if (at[0] >= N) {
                perm[0] = g.permutation(N);
                at[0] = 0;
            }
            int n = Math.min(BATCH, N - at[0]);
            float[] xb = new float[n * D], yb = new float[n];
            for (int i = 0; i < n; i++) {
                int k = perm[0][at[0] + i];
                System.arraycopy(x, k * D, xb, i * D, D);
                yb[i] = y[k];
            }
            at[0] += n;
            opt.zeroGrad();
            lossFn.forward(model.call(Tensor.fromArray(xb, n, D)), Tensor.fromArray(yb, n)).backward();
            opt.step();
        };
    }
}
