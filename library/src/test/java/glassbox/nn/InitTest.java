package glassbox.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.nn.init.Init;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import org.junit.jupiter.api.Test;

class InitTest {

    private static double[] stats(Tensor t) {
        return LayerRecorder.meanStd(t);
    }

    private static double maxAbs(Tensor t) {
        double m = 0;
        for (float v : t.data()) m = Math.max(m, Math.abs(v));
        return m;
    }

    @Test
    void fansOfLinearAndConvWeights() {
        assertEquals(30, Init.fanIn(Tensor.zeros(20, 30)));
        assertEquals(20, Init.fanOut(Tensor.zeros(20, 30)));
        assertEquals(3 * 9, Init.fanIn(Tensor.zeros(8, 3, 3, 3)));
        assertEquals(8 * 9, Init.fanOut(Tensor.zeros(8, 3, 3, 3)));
    }

    @Test
    void xavierAndKaimingHaveTheirVariance() {
        Generator g = new Generator(5);
        Tensor w = Tensor.zeros(200, 300);
        Init.xavierUniform_(w, 1f, g);
        double a = Math.sqrt(6.0 / 500);
        assertTrue(maxAbs(w) <= a);
        assertEquals(Math.sqrt(2.0 / 500), stats(w)[1], 0.002);
        Init.xavierNormal_(w, 1f, g);
        assertEquals(Math.sqrt(2.0 / 500), stats(w)[1], 0.002);
        Init.kaimingNormal_(w, 0f, true, g);
        assertEquals(Math.sqrt(2.0 / 300), stats(w)[1], 0.002);
        Init.kaimingUniform_(w, 0f, true, g);
        assertTrue(maxAbs(w) <= Math.sqrt(6.0 / 300));
        assertEquals(Math.sqrt(2.0 / 300), stats(w)[1], 0.002);
    }

    @Test
    void orthogonalRowsAreOrthonormal() {
        Tensor w = Tensor.zeros(4, 6);
        Init.orthogonal_(w, 1f, new Generator(1));
        Tensor wwT = w.matmul(w.t());
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) assertEquals(i == j ? 1 : 0, wwT.get(i, j), 1e-5);
        Tensor tall = Tensor.zeros(6, 3);
        Init.orthogonal_(tall, 2f, new Generator(1));
        Tensor tTt = tall.t().matmul(tall);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) assertEquals(i == j ? 4 : 0, tTt.get(i, j), 1e-5);
    }

    @Test
    void worksOnParametersAndKeepsThemTrainable() {
        Linear l = new Linear(3, 2);
        Init.zeros_(l.weight);
        assertEquals(0, maxAbs(l.weight));
        assertTrue(l.weight.requiresGrad());
        assertEquals(1f, Init.calculateGain("sigmoid"));
        assertEquals(Math.sqrt(2), Init.calculateGain("relu"), 1e-6);
    }

    @Test
    void linearDefaultIsUniformInPlusMinusOneOverSqrtFanIn() {
        Linear l = new Linear(400, 50);
        assertTrue(maxAbs(l.weight) <= 1 / Math.sqrt(400));
        assertEquals(1 / Math.sqrt(400) / Math.sqrt(3), stats(l.weight)[1], 0.002);
    }
}
