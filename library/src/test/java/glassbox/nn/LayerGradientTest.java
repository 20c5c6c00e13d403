package glassbox.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import glassbox.nn.functional.F;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every layer's backward agrees with central differences, for its input and its parameters. */
class LayerGradientTest {

    @BeforeEach
    void seed() {
        Tensor.manualSeed(3);
    }

    private static Tensor input(int... shape) {
        return Tensor.randn(shape).requiresGrad(true);
    }

    @Test
    void linear() {
        Linear l = new Linear(4, 3);
        Tensor x = input(5, 4);
        GradChecks.check(() -> l.call(x), x, l.weight, l.bias);
        Tensor x3 = input(2, 3, 4);
        assertArrayEquals(new int[] {2, 3, 3}, l.call(x3).shape());
        GradChecks.check(() -> l.call(x3), x3, l.weight);
    }

    @Test
    void activationsAsModules() {
        Tensor x = input(3, 4);
        GradChecks.check(() -> new ReLU().call(x), x);
        GradChecks.check(() -> new Tanh().call(x), x);
        GradChecks.check(() -> new Sigmoid().call(x), x);
    }

    @Test
    void sequentialOfLinearAndTanh() {
        Sequential s = new Sequential(new Linear(3, 5), new Tanh(), new Linear(5, 2));
        Tensor x = input(4, 3);
        GradChecks.check(() -> s.call(x), x, s.parameters().get(0), s.parameters().get(3));
    }

    @Test
    void conv2dPlainStridedPaddedDilated() {
        Tensor x = input(2, 3, 6, 5);
        Conv2d c = new Conv2d(3, 4, 3);
        assertArrayEquals(new int[] {2, 4, 4, 3}, c.call(x).shape());
        GradChecks.check(() -> c.call(x), x, c.weight, c.bias);
        Conv2d s = new Conv2d(3, 2, new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 0}, new int[] {2, 2}, 1, true, false);
        // Ho = (6 + 2 - 2*2 - 1)/2 + 1 = 2, Wo = (5 - 2 - 1)/1 + 1 = 3
        assertArrayEquals(new int[] {2, 2, 2, 3}, s.call(x).shape());
        GradChecks.check(() -> s.call(x), x, s.weight, s.bias);
    }

    @Test
    void conv2dSamePaddingKeepsTheSizeForOddAndEvenKernels() {
        Tensor x = input(1, 2, 5, 6);
        Conv2d odd = new Conv2d(2, 3, 3, "same");
        assertArrayEquals(new int[] {1, 3, 5, 6}, odd.call(x).shape());
        Conv2d even = new Conv2d(2, 3, 4, "same");
        assertArrayEquals(new int[] {1, 3, 5, 6}, even.call(x).shape());
        GradChecks.check(() -> even.call(x), x, even.weight);
    }

    @Test
    void conv2dMatchesTheDefinitionAtOnePoint() {
        Tensor x = Tensor.randn(1, 2, 4, 4);
        Conv2d c = new Conv2d(2, 1, 3, 1, 1);
        Tensor y = c.call(x);
        // out[0,0,0,0] with padding 1: window rows -1..1, cols -1..1
        double expect = c.bias.item();
        for (int ch = 0; ch < 2; ch++) {
            for (int u = 0; u < 3; u++) {
                for (int v = 0; v < 3; v++) {
                    int iy = u - 1, ix = v - 1;
                    if (iy >= 0 && ix >= 0) expect += c.weight.get(0, ch, u, v) * x.get(0, ch, iy, ix);
                }
            }
        }
        assertEquals(expect, y.get(0, 0, 0, 0), 1e-5);
    }

    @Test
    void conv1d() {
        Tensor x = input(2, 3, 7);
        Conv1d c = new Conv1d(3, 4, 3, 2, 1, 1, 1, true, false);
        assertArrayEquals(new int[] {2, 4, 4}, c.call(x).shape());
        GradChecks.check(() -> c.call(x), x, c.weight, c.bias);
        Conv1d same = new Conv1d(3, 2, 2, "same");
        assertArrayEquals(new int[] {2, 2, 7}, same.call(x).shape());
    }

    @Test
    void pooling() {
        Tensor x = input(2, 2, 5, 4);
        MaxPool2d mp = new MaxPool2d(2);
        assertArrayEquals(new int[] {2, 2, 2, 2}, mp.call(x).shape());
        GradChecks.check(() -> mp.call(x), x);
        GradChecks.check(() -> new MaxPool2d(3, 2, 1).call(x), x);
        GradChecks.check(() -> new AvgPool2d(2).call(x), x);
        GradChecks.check(() -> new AvgPool2d(3, 1, 1).call(x), x);
        AdaptiveAvgPool2d gap = new AdaptiveAvgPool2d(1);
        Tensor g = gap.call(x);
        assertArrayEquals(new int[] {2, 2, 1, 1}, g.shape());
        assertEquals(x.select(0, 1).select(0, 0).mean().item(), g.get(1, 0, 0, 0), 1e-5);
        GradChecks.check(() -> gap.call(x), x);
        GradChecks.check(() -> new AdaptiveAvgPool2d(3, 2).call(x), x);
    }

    @Test
    void maxPoolPicksTheMaximum() {
        Tensor x = Tensor.of(new float[] {1, 5, 2, 0, 3, 4, 9, 8, 7, 6, 1, 2, 0, 0, 3, 1}).reshape(1, 1, 4, 4);
        assertArrayEquals(new float[] {5, 9, 7, 3}, new MaxPool2d(2).call(x).data());
    }

    @Test
    void batchNormTrainingAndEval() {
        BatchNorm1d bn = new BatchNorm1d(3);
        Tensor x = input(6, 3);
        Init(bn);
        GradChecks.check(() -> bn.call(x), x, bn.weight, bn.bias);
        BatchNorm2d bn2 = new BatchNorm2d(2);
        Init(bn2);
        Tensor x4 = input(2, 2, 3, 3);
        GradChecks.check(() -> bn2.call(x4), x4, bn2.weight, bn2.bias);
        bn2.eval();
        GradChecks.check(() -> bn2.call(x4), x4, bn2.weight, bn2.bias);
    }

    private static void Init(BatchNorm bn) {
        glassbox.nn.init.Init.normal_(bn.weight, 1, 0.5f);
        glassbox.nn.init.Init.normal_(bn.bias, 0, 0.5f);
    }

    @Test
    void batchNormNormalisesAndTracksRunningStatistics() {
        BatchNorm1d bn = new BatchNorm1d(2);
        Tensor x = Tensor.of(new float[][] {{1, 10}, {3, 20}, {5, 60}});
        Tensor y = bn.call(x);
        // channel 0: mean 3, biased var 8/3
        assertEquals((1 - 3) / Math.sqrt(8.0 / 3 + 1e-5), y.get(0, 0), 1e-5);
        assertEquals(0, y.select(1, 1).mean().item(), 1e-5);
        // running mean = 0.9 * 0 + 0.1 * 3; running var = 0.9 * 1 + 0.1 * 4 (unbiased 8/2)
        assertEquals(0.3f, bn.runningMean.get(new int[] {0}), 1e-6);
        assertEquals(1.3f, bn.runningVar.get(new int[] {0}), 1e-6);
        bn.eval();
        Tensor one = bn.call(Tensor.of(new float[][] {{1, 10}}));
        assertEquals((1 - 0.3) / Math.sqrt(1.3 + 1e-5), one.get(0, 0), 1e-5);
    }

    @Test
    void layerNorm() {
        LayerNorm ln = new LayerNorm(4);
        glassbox.nn.init.Init.normal_(ln.weight, 1, 0.5f);
        glassbox.nn.init.Init.normal_(ln.bias, 0, 0.5f);
        Tensor x = input(2, 3, 4);
        GradChecks.check(() -> ln.call(x), x, ln.weight, ln.bias);
        Tensor y = new LayerNorm(4).call(x);
        assertEquals(0, y.get(1).get(2).mean().item(), 1e-5);
        assertEquals(1, y.get(1).get(2).var(0, false, false).item(), 1e-3);
    }

    @Test
    void embedding() {
        Embedding e = new Embedding(5, 3);
        Tensor idx = Tensor.of(new float[][] {{0, 4, 4}, {2, 1, 0}});
        Tensor y = e.call(idx);
        assertArrayEquals(new int[] {2, 3, 3}, y.shape());
        assertArrayEquals(e.weight.get(4).toFloatArray(), y.get(0).get(1).toFloatArray());
        GradChecks.check(() -> e.call(idx), e.weight);
    }

    @Test
    void dropoutScalesKeptValuesAndIsIdentityInEval() {
        Dropout d = new Dropout(0.25f, new Generator(1));
        Tensor x = Tensor.ones(1000);
        float[] y = d.call(x).data();
        int zeros = 0;
        for (float v : y) {
            if (v == 0) zeros++;
            else assertEquals(1 / 0.75f, v, 1e-6);
        }
        assertEquals(250, zeros, 40);
        d.eval();
        assertArrayEquals(x.data(), d.call(x).data());
        Tensor xi = input(3, 4);
        GradChecks.check(() -> F.dropout(xi, 0.5f, true, new Generator(9)), xi);
    }

    @Test
    void residualAddsTheInput() {
        Linear f = new Linear(3, 3);
        Residual r = new Residual(f);
        Tensor x = input(2, 3);
        assertArrayEquals(x.add(f.call(x)).data(), r.call(x).data());
        GradChecks.check(() -> r.call(x), x, f.weight);
    }

    @Test
    void flatten() {
        Tensor x = input(2, 3, 4, 5);
        assertArrayEquals(new int[] {2, 60}, new Flatten().call(x).shape());
        GradChecks.check(() -> new Flatten().call(x), x);
    }
}
