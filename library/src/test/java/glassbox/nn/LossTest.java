package glassbox.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each loss against its formula computed by hand, and its gradient against central differences. */
class LossTest {

    @Test
    void crossEntropyIsLogSumExpMinusTheTargetLogit() {
        Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {1, 1, 1}});
        Tensor t = Tensor.of(2, 0);
        double row0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3;
        double row1 = Math.log(3);
        assertEquals((row0 + row1) / 2, new CrossEntropyLoss().forward(x, t).item(), 1e-6);
    }

    @Test
    void crossEntropyGradientIsSoftmaxMinusOneHot() {
        Tensor x = Tensor.randn(4, 5).requiresGrad(true);
        Tensor t = Tensor.of(1, 4, 0, 1);
        GradChecks.check(() -> new CrossEntropyLoss().forward(x, t), x);
        GradChecks.check(() -> new CrossEntropyLoss(0.2f, 4).forward(x, t), x);
    }

    @Test
    void crossEntropyLabelSmoothingAndIgnoreIndex() {
        Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {5, 0, 0}});
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        double[] logp = {1 - lse, 2 - lse, 3 - lse};
        double eps = 0.3;
        // target 0 smoothed: q = (1-eps) onehot + eps/3
        double expect = -((1 - eps) * logp[0] + eps / 3 * (logp[0] + logp[1] + logp[2]));
        // row 1 has the ignored target 7 and does not count, not even in the mean
        assertEquals(expect, new CrossEntropyLoss((float) eps, 7).forward(x, Tensor.of(0, 7)).item(), 1e-5);
    }

    @Test
    void crossEntropyRejectsBadTargets() {
        Tensor x = Tensor.randn(2, 3);
        Exception e = assertThrows(IndexOutOfBoundsException.class, () -> new CrossEntropyLoss().forward(x, Tensor.of(0, 3)));
        assertTrue(e.getMessage().contains("class 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CrossEntropyLoss().forward(x, Tensor.of(0)));
    }

    @Test
    void crossEntropyOverPositionsTakesTheClassesFromDimensionOne() {
        // Logits [N=2, C=3, L=4] against targets [2, 4]: the mean over all 8 positions of
        // logsumexp over the 3 classes minus the target's logit, as PyTorch computes it.
        Tensor.manualSeed(5);
        Tensor x = Tensor.randn(2, 3, 4).requiresGrad(true);
        Tensor t = Tensor.of(new float[][] {{0, 2, 1, 1}, {2, 2, 0, 1}});
        float[] v = x.toFloatArray(), tv = t.toFloatArray();
        double sum = 0;
        for (int n = 0; n < 2; n++) {
            for (int l = 0; l < 4; l++) {
                double lse = 0;
                for (int c = 0; c < 3; c++) lse += Math.exp(v[n * 12 + c * 4 + l]);
                sum += Math.log(lse) - v[n * 12 + (int) tv[n * 4 + l] * 4 + l];
            }
        }
        assertEquals(sum / 8, new CrossEntropyLoss().forward(x, t).item(), 1e-5);
        GradChecks.check(() -> new CrossEntropyLoss(0.1f, -100).forward(x, t), x);
        // An ignored position counts neither in the sum nor the mean; NLL on log-softmax agrees.
        Tensor tIgnored = Tensor.of(new float[][] {{0, 2, 1, 1}, {2, 2, 0, -100}});
        double withoutLast = (sum - (Math.log(Math.exp(v[12 + 3]) + Math.exp(v[12 + 4 + 3]) + Math.exp(v[12 + 8 + 3])) - v[12 + 4 + 3])) / 7;
        assertEquals(withoutLast, new CrossEntropyLoss().forward(x, tIgnored).item(), 1e-5);
        assertEquals(withoutLast, new NLLLoss().forward(x.logSoftmax(1), tIgnored).item(), 1e-5);
        // Targets of the wrong shape name both shapes and suggest the fix for classes-last input.
        Exception e = assertThrows(glassbox.tensor.ShapeException.class,
                () -> new CrossEntropyLoss().forward(Tensor.randn(2, 4, 3), Tensor.of(new float[][] {{0, 1, 2, 0}, {1, 1, 1, 1}})));
        assertTrue(e.getMessage().contains("[2, 4, 3]") && e.getMessage().contains("[2, 3]") && e.getMessage().contains("transpose(1, 2)"),
                e.getMessage());
    }

    @Test
    void nllLossPicksTheTargetEntries() {
        Tensor x = Tensor.of(new float[][] {{-1, -2}, {-3, -4}}).requiresGrad(true);
        assertEquals((2 + 3) / 2f, new NLLLoss().forward(x, Tensor.of(1, 0)).item(), 1e-6);
        GradChecks.check(() -> new NLLLoss().forward(x, Tensor.of(1, 0)), x);
    }

    @Test
    void mseLoss() {
        Tensor x = Tensor.of(1, 2, 3).requiresGrad(true);
        Tensor y = Tensor.of(1, 0, 0);
        assertEquals((0 + 4 + 9) / 3f, new MSELoss().forward(x, y).item(), 1e-6);
        GradChecks.check(() -> new MSELoss().forward(x, y), x);
        assertThrows(IllegalArgumentException.class, () -> new MSELoss().forward(x, Tensor.of(1, 2)));
    }

    @Test
    void bceAndBceWithLogitsAgree() {
        Tensor z = Tensor.of(-2, 0.5, 3).requiresGrad(true);
        Tensor y = Tensor.of(0, 1, 1);
        double expect = 0;
        float[] zv = {-2, 0.5f, 3}, yv = {0, 1, 1};
        for (int i = 0; i < 3; i++) {
            double p = 1 / (1 + Math.exp(-zv[i]));
            expect -= yv[i] * Math.log(p) + (1 - yv[i]) * Math.log(1 - p);
        }
        expect /= 3;
        assertEquals(expect, new BCEWithLogitsLoss().forward(z, y).item(), 1e-6);
        assertEquals(expect, new BCELoss().forward(z.sigmoid(), y).item(), 1e-6);
        GradChecks.check(() -> new BCEWithLogitsLoss().forward(z, y), z);
        Tensor p = Tensor.of(0.2, 0.6, 0.9).requiresGrad(true);
        GradChecks.check(1e-3, 2e-2, () -> new BCELoss().forward(p, y), p);
        assertThrows(IllegalArgumentException.class, () -> new BCELoss().forward(Tensor.of(1.5f), Tensor.of(1f)));
    }

    @Test
    void bceWithLogitsIsStableForLargeLogits() {
        float l = new BCEWithLogitsLoss().forward(Tensor.of(200f, -200f), Tensor.of(0f, 1f)).item();
        assertEquals(200, l, 1e-3);
    }

    @Test
    void l2PenaltyIsLambdaTimesSumOfSquares() {
        Tensor a = Tensor.of(1, -2).requiresGrad(true);
        Tensor b = Tensor.of(3).requiresGrad(true);
        assertEquals(0.1f * 14, Penalty.l2(List.of(a, b), 0.1f).item(), 1e-6);
        Penalty.l2(List.of(a, b), 0.1f).backward();
        assertEquals(0.2f * -2, a.grad().get(new int[] {1}), 1e-6);
    }

    @Test
    void gaussianKlMatchesTheClosedFormPerRowAveragedOverTheBatch() {
        // Row 0 has mu = (1, 0) and logVar = (0, 1): unit 0 gives -1/2 (1 + 0 - 1 - 1) = 1/2,
        // unit 1 gives -1/2 (1 + 1 - 0 - e) = (e - 2) / 2.
        // Row 1: the standard normal itself, KL = 0.
        Tensor mu = Tensor.of(new float[][] {{1, 0}, {0, 0}});
        Tensor logVar = Tensor.of(new float[][] {{0, 1}, {0, 0}});
        double row0 = 0.5 + (Math.E - 2) / 2;
        assertEquals(row0 / 2, glassbox.nn.functional.F.gaussianKl(mu, logVar).item(), 1e-6);
        assertEquals(0, glassbox.nn.functional.F.gaussianKl(Tensor.zeros(3, 4), Tensor.zeros(3, 4)).item(), 1e-7);
    }

    @Test
    void gaussianKlEqualsTheFormulaWrittenWithTensorOpsAndItsGradient() {
        Tensor mu = Tensor.randn(new glassbox.tensor.Generator(3), 5, 3).requiresGrad(true);
        Tensor logVar = Tensor.randn(new glassbox.tensor.Generator(4), 5, 3).requiresGrad(true);
        Tensor fused = glassbox.nn.functional.F.gaussianKl(mu, logVar);
        Tensor byOps = logVar.add(1f).sub(mu.pow(2)).sub(logVar.exp()).sum(1).mul(-0.5f).mean();
        assertEquals(byOps.item(), fused.item(), 1e-5);
        fused.backward();
        float[] gMu = mu.grad().toFloatArray(), gLv = logVar.grad().toFloatArray();
        mu.zeroGrad(); logVar.zeroGrad();
        byOps.backward();
        for (int i = 0; i < gMu.length; i++) {
            assertEquals(mu.grad().toFloatArray()[i], gMu[i], 1e-6);
            assertEquals(logVar.grad().toFloatArray()[i], gLv[i], 1e-6);
        }
        GradChecks.check(() -> glassbox.nn.functional.F.gaussianKl(mu, logVar), mu, logVar);
    }

    @Test
    void gaussianKlNamesBothShapesWhenTheyDiffer() {
        var e = assertThrows(glassbox.tensor.ShapeException.class,
                () -> glassbox.nn.functional.F.gaussianKl(Tensor.zeros(4, 2), Tensor.zeros(4, 3)));
        assertTrue(e.getMessage().contains("[4, 2]") && e.getMessage().contains("[4, 3]"), e.getMessage());
    }
}
