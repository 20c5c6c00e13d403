package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Generator;
import glassbox.tensor.GradCheck;
import glassbox.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The functional ops behind the layers, checked with the tensor package's GradCheck. */
class FunctionalGradCheckTest {
    private static Tensor r(long seed, int... shape) {
        return Tensor.randn(new Generator(seed), shape).requiresGrad(true);
    }

    @Test
    void linear() {
        GradCheck.check(in -> F.linear(in[0], in[1], in[2]), r(1, 4, 5), r(2, 3, 5), r(3, 3)).assertPasses();
    }

    @Test
    void convolutions() {
        GradCheck.check(in -> F.conv2d(in[0], in[1], in[2], new int[] {2, 1}, new int[] {1, 1}, new int[] {1, 2}, 1),
                r(1, 2, 3, 6, 7), r(2, 4, 3, 3, 2), r(3, 4)).assertPasses();
        GradCheck.check(in -> F.conv2d(in[0], in[1], null, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}, 3),
                r(4, 1, 6, 4, 4), r(5, 3, 2, 2, 2)).assertPasses();
        GradCheck.check(in -> F.conv2dSame(in[0], in[1], in[2], new int[] {1, 1}, 1), r(6, 1, 2, 5, 5), r(7, 3, 2, 2, 4), r(8, 3))
                .assertPasses();
        GradCheck.check(in -> F.conv1d(in[0], in[1], in[2], 2, 1, 1, 1), r(9, 2, 3, 9), r(10, 4, 3, 3), r(11, 4)).assertPasses();
        GradCheck.check(in -> F.unfold(in[0], new int[] {2, 3}, new int[] {1, 2}, new int[] {1, 0}, new int[] {1, 1}),
                r(12, 2, 2, 4, 5)).assertPasses();
    }

    @Test
    void pooling() {
        GradCheck.check(in -> F.maxPool2d(in[0], 2), r(1, 2, 3, 6, 6)).assertPasses();
        GradCheck.check(in -> F.avgPool2d(in[0], new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}), r(2, 2, 2, 5, 5)).assertPasses();
        GradCheck.check(in -> F.adaptiveAvgPool2d(in[0], 2, 3), r(3, 1, 2, 5, 7)).assertPasses();
    }

    @Test
    void normalization() {
        Tensor rm = Tensor.zeros(3), rv = Tensor.ones(3);
        GradCheck.check(in -> F.batchNorm(in[0], rm, rv, in[1], in[2], true, 0.1f, 1e-5f), r(1, 4, 3, 2), r(2, 3), r(3, 3))
                .assertPasses();
        GradCheck.check(in -> F.layerNorm(in[0], new int[] {2, 3}, in[1], in[2], 1e-5f), r(4, 2, 2, 3), r(5, 2, 3), r(6, 2, 3))
                .assertPasses();
    }

    @Test
    void embeddingAndLosses() {
        Tensor idx = Tensor.of(new float[][] {{1, 0}, {3, 1}});
        GradCheck.check(in -> F.embedding(idx, in[0]), r(1, 4, 3)).assertPasses();
        Tensor t = Tensor.of(2, 0, 1);
        GradCheck.check(in -> F.crossEntropy(in[0], t, 0.1f, -100), r(2, 3, 4)).assertPasses();
        GradCheck.check(in -> F.nllLoss(in[0], t), r(3, 3, 4)).assertPasses();
        Tensor y = Tensor.of(0, 1, 1, 0);
        GradCheck.check(in -> F.binaryCrossEntropyWithLogits(in[0], y), r(4, 4)).assertPasses();
        GradCheck.check(in -> F.mseLoss(in[0], in[1]), r(5, 2, 3), r(6, 2, 3)).assertPasses();
        GradCheck.check(in -> F.gaussianKl(in[0], in[1]), r(7, 3, 2), r(8, 3, 2)).assertPasses();
    }
}
