package glassbox.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import glassbox.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** First steps of SGD on L = sum(w^2) (gradient 2w) from w = [1, 2], computed by hand. */
class SGDTest {

    static Tensor w() {
        return Tensor.of(1, 2).requiresGrad(true);
    }

    static void gradStep(Tensor w, Optimizer<?> opt) {
        opt.zeroGrad();
        w.mul(w).sum().backward();
        opt.step();
    }

    @Test
    void plain() {
        Tensor w = w();
        SGD opt = new SGD(List.of(w), 0.1f);
        gradStep(w, opt);
        assertArrayEquals(new float[] {0.8f, 1.6f}, w.data(), 1e-6f); // w - 0.1 * 2w
        gradStep(w, opt);
        assertArrayEquals(new float[] {0.64f, 1.28f}, w.data(), 1e-6f);
        assertEquals(2, opt.stepCount());
    }

    @Test
    void momentum() {
        Tensor w = w();
        SGD opt = new SGD(List.of(w), 0.1f, 0.9f);
        gradStep(w, opt); // buf = g = [2, 4]; w = [0.8, 1.6]
        assertArrayEquals(new float[] {0.8f, 1.6f}, w.data(), 1e-6f);
        assertArrayEquals(new float[] {2, 4}, opt.state(w).momentumBuffer().data(), 1e-6f);
        gradStep(w, opt); // g = [1.6, 3.2]; buf = 0.9 [2, 4] + g = [3.4, 6.8]; w = [0.46, 0.92]
        assertArrayEquals(new float[] {3.4f, 6.8f}, opt.state(w).momentumBuffer().data(), 1e-6f);
        assertArrayEquals(new float[] {0.46f, 0.92f}, w.data(), 1e-6f);
    }

    @Test
    void nesterov() {
        Tensor w = w();
        SGD opt = new SGD(List.of(w), 0.1f, 0.9f, 0f, 0f, true);
        gradStep(w, opt); // buf = [2, 4]; step = g + 0.9 buf = [3.8, 7.6]
        assertArrayEquals(new float[] {0.62f, 1.24f}, w.data(), 1e-6f);
        gradStep(w, opt); // g = [1.24, 2.48]; buf = [1.8 + 1.24, 3.6 + 2.48] = [3.04, 6.08]; step = g + 0.9 buf
        assertArrayEquals(new float[] {0.62f - 0.1f * (1.24f + 0.9f * 3.04f), 1.24f - 0.1f * (2.48f + 0.9f * 6.08f)}, w.data(), 1e-6f);
    }

    @Test
    void weightDecay() {
        Tensor w = w();
        SGD opt = new SGD(List.of(w), 0.1f, 0f, 0f, 0.5f, false);
        gradStep(w, opt); // g = 2w + 0.5w = 2.5w
        assertArrayEquals(new float[] {0.75f, 1.5f}, w.data(), 1e-6f);
    }

    @Test
    void stepBumpsTheVersionAndRecordsNoGraph() {
        Tensor w = w();
        int v = w.version();
        SGD opt = new SGD(List.of(w), 0.1f);
        gradStep(w, opt);
        assertEquals(true, w.version() > v);
        assertEquals("leaf", w.op());
    }

    @Test
    void refusesParametersWithoutGradient() {
        assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(Tensor.zeros(2)), 0.1f));
    }

    @Test
    void schedules() {
        Tensor w = w();
        SGD opt = new SGD(List.of(w), 1f);
        StepLR step = new StepLR(opt, 2, 0.5f);
        step.step();
        assertEquals(1f, opt.lr());
        step.step();
        assertEquals(0.5f, opt.lr());
        assertEquals(0.25f, step.lrAt(5));
        ExponentialLR exp = new ExponentialLR(new SGD(List.of(w), 2f), 0.9f);
        exp.step();
        exp.step();
        assertEquals(2 * 0.81f, exp.lastLr(), 1e-6);
        CosineAnnealingLR cos = new CosineAnnealingLR(new SGD(List.of(w), 1f), 10, 0.1f);
        assertEquals(1f, cos.lrAt(0), 1e-6);
        assertEquals(0.55f, cos.lrAt(5), 1e-6);
        assertEquals(0.1f, cos.lrAt(10), 1e-6);
        assertEquals(0.1f, cos.lrAt(20), 1e-6);
        SGD o = new SGD(List.of(w), 1f);
        LinearWarmupLR warm = new LinearWarmupLR(o, 4, new CosineAnnealingLR(o, 10, 0f));
        assertEquals(0.25f, o.lr(), 1e-6);
        assertEquals(0.75f, warm.lrAt(2), 1e-6);
        assertEquals(1f, warm.lrAt(4), 1e-6);
        assertEquals(0.5f, warm.lrAt(9), 1e-6);
    }
}
