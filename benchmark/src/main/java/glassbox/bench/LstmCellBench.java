package glassbox.bench;

import glassbox.nn.LSTMCell;
import glassbox.nn.Linear;
import glassbox.nn.functional.F;
import glassbox.optim.SGD;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Workload lstmcell of ../shared/bench/pytorch_reference.py: the lstm workload written as an explicit loop
 * of 64 LSTMCell calls (what a student writes when stepping through time), stacked, Linear head,
 * cross-entropy, SGD lr 0.01; 50 steps.
 */
final class LstmCellBench extends TrainingBench {
    static final int V = 65, H = 128, L = 64, B = 32;

    @Override
    public String name() {
        return "lstmcell";
    }

    @Override
    public String description() {
        return "the lstm workload as a loop of 64 LSTMCell steps: 50 training steps against PyTorch";
    }

    @Override
    String referenceName() {
        return "lstmcell";
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
        Tensor[] steps = new Tensor[L];
        for (int t = 0; t < L; t++) steps[t] = input.select(1, t).contiguous();
        LSTMCell cell = new LSTMCell(V, H);
        Linear head = new Linear(H, V);
        List<Tensor> params = new ArrayList<>(cell.parameters());
        params.addAll(head.parameters());
        SGD opt = new SGD(params, 0.01f);
        return () -> {
            opt.zeroGrad();
            LSTMCell.State s = new LSTMCell.State(Tensor.zeros(B, H), Tensor.zeros(B, H));
            List<Tensor> outs = new ArrayList<>();
            for (int t = 0; t < L; t++) {
                s = cell.forward(steps[t], s);
                outs.add(s.h());
            }
            Tensor logits = head.forward(Tensor.stack(outs, 1)).reshape(-1, V);
            F.crossEntropy(logits, target).backward();
            opt.step();
        };
    }
}
