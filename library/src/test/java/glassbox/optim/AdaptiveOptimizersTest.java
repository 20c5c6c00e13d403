package glassbox.optim;

import static glassbox.optim.SGDTest.gradStep;
import static glassbox.optim.SGDTest.w;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import glassbox.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * First steps of the adaptive optimizers on L = sum(w^2) (gradient 2w) from w = [1, 2], each expected
 * value written out from the update equations with doubles.
 */
class AdaptiveOptimizersTest {

    @Test
    void adamFirstTwoSteps() {
        Tensor w = w();
        Adam opt = new Adam(List.of(w), 0.1f);
        gradStep(w, opt);
        // m = 0.1 g, v = 0.001 g^2; mHat = g, vHat = g^2: the first step is lr * sign(g)
        assertArrayEquals(new float[] {0.9f, 1.9f}, w.data(), 1e-6f);
        assertArrayEquals(new float[] {0.2f, 0.4f}, opt.state(w).expAvg().data(), 1e-6f);
        assertArrayEquals(new float[] {0.004f, 0.016f}, opt.state(w).expAvgSq().data(), 1e-6f);
        gradStep(w, opt);
        double[] w1 = {0.9, 1.9}, g1 = {2, 4};
        for (int i = 0; i < 2; i++) {
            double g2 = 2 * w1[i];
            double m = 0.9 * 0.1 * g1[i] + 0.1 * g2;
            double v = 0.999 * 0.001 * g1[i] * g1[i] + 0.001 * g2 * g2;
            double expect = w1[i] - 0.1 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
            assertEquals(expect, w.data()[i], 1e-5);
        }
        assertEquals(2, opt.state(w).step());
    }

    @Test
    void adamWDecaysTheWeightsBeforeTheStep() {
        Tensor w = w();
        AdamW opt = new AdamW(List.of(w), 0.1f, 0.9f, 0.999f, 1e-8f, 0.5f);
        gradStep(w, opt); // w = w (1 - 0.1 * 0.5) - 0.1 sign(g)
        assertArrayEquals(new float[] {0.95f - 0.1f, 1.9f - 0.1f}, w.data(), 1e-6f);
    }

    @Test
    void adagrad() {
        Tensor w = w();
        Adagrad opt = new Adagrad(List.of(w), 0.1f, 0f, 1e-10f);
        gradStep(w, opt); // sum = g^2; step = lr g / |g| = 0.1
        assertArrayEquals(new float[] {0.9f, 1.9f}, w.data(), 1e-6f);
        assertArrayEquals(new float[] {4, 16}, opt.state(w).sum().data(), 1e-5f);
        gradStep(w, opt); // g = [1.8, 3.8]; sum = [4 + 3.24, 16 + 14.44]
        assertEquals(0.9 - 0.1 * 1.8 / Math.sqrt(7.24), w.data()[0], 1e-6);
        assertEquals(1.9 - 0.1 * 3.8 / Math.sqrt(30.44), w.data()[1], 1e-6);
    }

    @Test
    void rmsprop() {
        Tensor w = w();
        RMSprop opt = new RMSprop(List.of(w), 0.01f);
        gradStep(w, opt); // v = 0.01 g^2; step = 0.01 g / (0.1 |g|) = 0.1
        assertArrayEquals(new float[] {0.9f, 1.9f}, w.data(), 1e-5f);
        assertArrayEquals(new float[] {0.04f, 0.16f}, opt.state(w).squareAvg().data(), 1e-6f);
    }

    @Test
    void adadelta() {
        Tensor w = w();
        Adadelta opt = new Adadelta(List.of(w));
        gradStep(w, opt);
        double[] g = {2, 4};
        for (int i = 0; i < 2; i++) {
            double v = 0.1 * g[i] * g[i];
            double delta = Math.sqrt(0 + 1e-6) / Math.sqrt(v + 1e-6) * g[i];
            assertEquals((i + 1) - delta, w.data()[i], 1e-6);
            assertEquals(0.1 * delta * delta, opt.state(w).accDelta().data()[i], 1e-9);
        }
    }
}
