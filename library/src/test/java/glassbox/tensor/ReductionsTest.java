package glassbox.tensor;

import static glassbox.tensor.Checks.assertShape;
import static glassbox.tensor.Checks.assertValue;
import static glassbox.tensor.Checks.assertValues;
import static glassbox.tensor.Checks.distinct;
import static glassbox.tensor.Checks.gradcheck;
import static glassbox.tensor.Checks.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReductionsTest {
    //  x = [[1, 5, 3],
    //       [4, 2, 6]]
    private final Tensor x = Tensor.of(new float[][] {{1, 5, 3}, {4, 2, 6}});

    @Test
    void sumsAndMeansByHand() {
        assertValue(21, x.sum());
        assertValues(new float[] {5, 7, 9}, x.sum(0));
        assertValues(new float[] {9, 12}, x.sum(-1));
        assertShape(x.sum(1, true), 2, 1);
        assertShape(x.sum(new int[] {0, 1}, false));
        assertValue(3.5f, x.mean());
        assertValues(new float[] {3, 4}, x.mean(1));
        assertShape(x.mean(0, true), 1, 3);
    }

    @Test
    void varianceAndStandardDeviationByHand() {
        // row 0: mean 3, squared deviations 4, 4, 0 -> sum 8; row 1: mean 4 -> 0, 4, 4 -> 8
        assertValues(new float[] {4, 4}, x.var(1, false, true));             // 8 / (3-1)
        assertValues(new float[] {8 / 3f, 8 / 3f}, x.var(1, false, false));  // 8 / 3
        assertValues(new float[] {2, 2}, x.std(1, false, true));
        assertValue(3.5f, x.var());                                           // sum of squares 17.5 / 5
        assertValue((float) Math.sqrt(3.5), x.std());
    }

    @Test
    void maxAndMinWithIndicesByHand() {
        assertValue(6, x.max());
        assertValue(1, x.min());
        MaxMin rows = x.max(1, false);
        assertValues(new float[] {5, 6}, rows.values());
        assertValues(new float[] {1, 2}, rows.indices());
        MaxMin cols = x.min(0, true);
        assertShape(cols.values(), 1, 3);
        assertValues(new float[] {1, 2, 3}, cols.values());
        assertValues(new float[] {0, 1, 0}, cols.indices());
        assertValues(new float[] {1, 2}, x.argmax(1));
        assertValues(new float[] {1, 0, 1}, x.argmax(0));
        assertShape(x.argmax(-1, true), 2, 1);
        assertValues(new float[] {0, 1}, x.argmin(1));
        assertEquals(5, x.argmax());
        assertEquals(0, x.argmin());
    }

    @Test
    void logsumexpByHandAndStableForHugeValues() {
        assertValues(new float[] {(float) Math.log(Math.exp(1) + Math.exp(5) + Math.exp(3)),
            (float) Math.log(Math.exp(4) + Math.exp(2) + Math.exp(6))}, x.logsumexp(1, false));
        // e^1000 overflows a float; the shifted form does not: log(e^1000 + e^1000) = 1000 + log 2
        Tensor huge = Tensor.of(1000, 1000);
        assertValues(new float[] {1000 + (float) Math.log(2)}, huge.logsumexp(0, false), 1e-3f);
        Tensor tiny = Tensor.of(-1000, -1000);
        assertValues(new float[] {-1000 + (float) Math.log(2)}, tiny.logsumexp(0, false), 1e-3f);
        Tensor negInf = Tensor.of(Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY);
        assertEquals(Float.NEGATIVE_INFINITY, negInf.logsumexp(0, false).item());
    }

    @Test
    void gradientsOfSumAndMeanOverEveryKindOfDims() {
        gradcheck(in -> in[0].sum(), randn(1, 2, 3));
        gradcheck(in -> in[0].mean(), randn(2, 2, 3));
        for (boolean keep : new boolean[] {true, false}) {
            for (int dim : new int[] {0, 1, 2, -1, -3}) {
                gradcheck(in -> in[0].sum(dim, keep), randn(3, 2, 3, 4));
                gradcheck(in -> in[0].mean(dim, keep), randn(4, 2, 3, 4));
            }
            gradcheck(in -> in[0].sum(new int[] {0, 2}, keep), randn(5, 2, 3, 4));
            gradcheck(in -> in[0].mean(new int[] {-1, 0}, keep), randn(6, 2, 3, 4));
        }
    }

    @Test
    void gradientsOfVarianceAndStd() {
        for (boolean keep : new boolean[] {true, false}) {
            for (boolean unbiased : new boolean[] {true, false}) {
                gradcheck(in -> in[0].var(1, keep, unbiased), randn(7, 3, 4));
                gradcheck(in -> in[0].std(-1, keep, unbiased), randn(8, 3, 4));
            }
        }
        gradcheck(in -> in[0].var(), randn(9, 3, 4));
        gradcheck(in -> in[0].std(), randn(10, 3, 4));
    }

    @Test
    void gradientsOfMaxAndMin() {
        gradcheck(in -> in[0].max(), distinct(11, 3, 4));
        gradcheck(in -> in[0].min(), distinct(12, 3, 4));
        for (boolean keep : new boolean[] {true, false}) {
            for (int dim : new int[] {0, 1, -1}) {
                gradcheck(in -> in[0].max(dim, keep).values(), distinct(13, 2, 3, 4));
                gradcheck(in -> in[0].min(dim, keep).values(), distinct(14, 2, 3, 4));
            }
        }
    }

    @Test
    void maxOfAllSplitsTheGradientBetweenTiesAndMaxAlongDimPicksTheFirst() {
        Tensor t = Tensor.of(1, 3, 3).requiresGrad(true);
        t.max().backward();
        assertArrayEquals(new float[] {0, 0.5f, 0.5f}, t.grad().data());
        Tensor u = Tensor.of(1, 3, 3).requiresGrad(true);
        MaxMin m = u.max(0, false);
        assertEquals(1, m.indices().item());
        m.values().backward();
        assertArrayEquals(new float[] {0, 1, 0}, u.grad().data());
    }

    @Test
    void gradientsOfLogsumexp() {
        for (boolean keep : new boolean[] {true, false}) {
            gradcheck(in -> in[0].logsumexp(0, keep), randn(15, 3, 4));
            gradcheck(in -> in[0].logsumexp(-1, keep), randn(16, 2, 3, 4));
            gradcheck(in -> in[0].logsumexp(1, keep), randn(17, 2, 3, 4));
        }
    }

    @Test
    void aScalarReducesToItself() {
        Tensor s = Tensor.scalar(2.5f).requiresGrad(true);
        assertValue(2.5f, s.sum(0, false));
        assertValue(2.5f, s.sum(-1, true));
        assertValue(2.5f, s.mean(0));
        assertValue(2.5f, s.max(0, false).values());
        gradcheck(in -> in[0].sum(0).mul(in[0]), s);
    }

    @Test
    void errorsNameTheOpAndTheShape() {
        ShapeException bad = assertThrows(ShapeException.class, () -> x.sum(2));
        assertTrue(bad.getMessage().contains("sum") && bad.getMessage().contains("2"), bad.getMessage());
        ShapeException empty = assertThrows(ShapeException.class, () -> Tensor.zeros(0).max());
        assertTrue(empty.getMessage().contains("max") && empty.getMessage().contains("[0]"), empty.getMessage());
        ShapeException emptyDim = assertThrows(ShapeException.class, () -> Tensor.zeros(2, 0).max(1, false));
        assertTrue(emptyDim.getMessage().contains("[2, 0]"), emptyDim.getMessage());
    }
}
