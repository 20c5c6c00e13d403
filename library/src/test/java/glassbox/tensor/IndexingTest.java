package glassbox.tensor;

import static glassbox.tensor.Checks.assertShape;
import static glassbox.tensor.Checks.assertValues;
import static glassbox.tensor.Checks.gradcheck;
import static glassbox.tensor.Checks.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexingTest {
    private final Tensor x = Tensor.arange(6).reshape(2, 3);   // [[0, 1, 2], [3, 4, 5]]

    @Test
    void indexSelectPicksRowsOrColumnsAndMayRepeat() {
        assertValues(new float[] {3, 4, 5, 0, 1, 2, 3, 4, 5}, x.indexSelect(0, new int[] {1, 0, 1}));
        assertValues(new float[] {2, 0, 5, 3}, x.indexSelect(1, new int[] {2, 0}));
        assertValues(new float[] {2, 0, 5, 3}, x.indexSelect(-1, Tensor.of(2, 0)));
        assertShape(x.indexSelect(0, new int[0]), 0, 3);
    }

    @Test
    void gatherPicksAlongADimension() {
        Tensor idx = Tensor.of(new float[][] {{2, 0}, {1, 1}});
        assertValues(new float[] {2, 0, 4, 4}, x.gather(1, idx));                  // out[i][j] = x[i][idx[i][j]]
        Tensor rows = Tensor.of(new float[][] {{1, 0, 1}});
        assertValues(new float[] {3, 1, 5}, x.gather(0, rows));                      // out[i][j] = x[idx[i][j]][j]
        // the classic use: the log-probability of each target class
        Tensor logp = Tensor.of(new float[][] {{-1, -2, -3}, {-4, -5, -6}});
        Tensor target = Tensor.of(new float[][] {{2}, {0}});
        assertValues(new float[] {-3, -4}, logp.gather(1, target));
    }

    @Test
    void catStackSplitChunk() {
        Tensor y = Tensor.of(new float[][] {{6, 7, 8}});
        assertValues(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, Tensor.cat(List.of(x, y), 0));
        Tensor z = Tensor.of(new float[][] {{9}, {10}});
        assertValues(new float[] {0, 1, 2, 9, 3, 4, 5, 10}, Tensor.cat(List.of(x, z), -1));
        Tensor s = Tensor.stack(List.of(Tensor.of(1, 2), Tensor.of(3, 4)), 1);
        assertShape(s, 2, 2);
        assertValues(new float[] {1, 3, 2, 4}, s);
        assertShape(Tensor.stack(List.of(x, x, x), 0), 3, 2, 3);
        assertShape(Tensor.stack(List.of(x, x, x), -1), 2, 3, 3);

        List<Tensor> parts = Tensor.arange(7).split(3, 0);
        assertEquals(3, parts.size());
        assertValues(new float[] {6}, parts.get(2));
        List<Tensor> cols = x.split(new int[] {1, 2}, 1);
        assertValues(new float[] {1, 2, 4, 5}, cols.get(1));
        List<Tensor> chunks = Tensor.arange(10).chunk(3, 0);   // sizes 4, 4, 2 as in PyTorch
        assertEquals(3, chunks.size());
        assertArrayEquals(new int[] {2}, chunks.get(2).shape());
        assertValues(new float[] {4, 5, 6, 7}, chunks.get(1));
    }

    @Test
    void gradientsOfIndexSelectIncludingRepeatedIndices() {
        gradcheck(in -> in[0].indexSelect(0, new int[] {2, 0, 2, 1}), randn(1, 3, 4));
        gradcheck(in -> in[0].indexSelect(1, new int[] {3, 3, 0}), randn(2, 2, 4));
        gradcheck(in -> in[0].indexSelect(1, new int[] {1, 0}), randn(3, 2, 3, 4));
        Tensor table = Tensor.ones(3, 2).requiresGrad(true);
        table.indexSelect(0, new int[] {1, 1, 2}).sum().backward();
        assertArrayEquals(new float[] {0, 0, 2, 2, 1, 1}, table.grad().data(), "row 1 was picked twice");
    }

    @Test
    void gradientsOfGather() {
        Tensor idx = Tensor.of(new float[][] {{2, 0, 2}, {1, 1, 3}});
        gradcheck(in -> in[0].gather(1, idx), randn(4, 2, 4));
        Tensor rows = Tensor.of(new float[][] {{1, 0, 2}, {2, 2, 0}});
        gradcheck(in -> in[0].gather(0, rows), randn(5, 3, 3));
        Tensor idx3 = Tensor.of(new float[][][] {{{0, 1}, {1, 1}}, {{1, 0}, {0, 0}}});
        gradcheck(in -> in[0].gather(2, idx3), randn(6, 2, 2, 3));
    }

    @Test
    void gradientsOfCatStackSplitChunk() {
        gradcheck(in -> Tensor.cat(List.of(in[0], in[1]), 0), randn(7, 2, 3), randn(8, 1, 3));
        gradcheck(in -> Tensor.cat(List.of(in[0], in[1], in[0]), 1), randn(9, 2, 3), randn(10, 2, 1));
        gradcheck(in -> Tensor.cat(List.of(in[0], in[1]), -1), randn(11, 2, 2, 3), randn(12, 2, 2, 2));
        gradcheck(in -> Tensor.stack(List.of(in[0], in[1]), 0), randn(13, 2, 3), randn(14, 2, 3));
        gradcheck(in -> Tensor.stack(List.of(in[0], in[1]), 2), randn(15, 2, 3), randn(16, 2, 3));
        gradcheck(in -> in[0].split(2, 1).get(1).mul(in[0].split(2, 1).get(0)), randn(17, 3, 4));
        gradcheck(in -> in[0].chunk(3, 0).get(2), randn(18, 7, 2));
        gradcheck(in -> in[0].split(new int[] {1, 3}, -1).get(1), randn(19, 2, 4));
        // a cat with one input that needs no gradient
        Tensor constant = Tensor.ones(1, 3);
        gradcheck(in -> Tensor.cat(List.of(constant, in[0]), 0), randn(20, 2, 3));
    }

    @Test
    void errorsNameTheOpAndTheShapes() {
        ShapeException c = assertThrows(ShapeException.class, () -> Tensor.cat(List.of(x, Tensor.zeros(2, 4)), 0));
        assertTrue(c.getMessage().contains("cat") && c.getMessage().contains("[2, 3]") && c.getMessage().contains("[2, 4]"), c.getMessage());
        ShapeException s = assertThrows(ShapeException.class, () -> Tensor.stack(List.of(x, Tensor.zeros(3, 2)), 0));
        assertTrue(s.getMessage().contains("stack") && s.getMessage().contains("[2, 3]") && s.getMessage().contains("[3, 2]"), s.getMessage());
        IndexOutOfBoundsException i = assertThrows(IndexOutOfBoundsException.class, () -> x.indexSelect(0, new int[] {2}));
        assertTrue(i.getMessage().contains("indexSelect") && i.getMessage().contains("[2, 3]"), i.getMessage());
        IndexOutOfBoundsException g = assertThrows(IndexOutOfBoundsException.class, () -> x.gather(1, Tensor.of(new float[][] {{3}})));
        assertTrue(g.getMessage().contains("gather") && g.getMessage().contains("[2, 3]"), g.getMessage());
        ShapeException gr = assertThrows(ShapeException.class, () -> x.gather(1, Tensor.of(1, 2)));
        assertTrue(gr.getMessage().contains("gather") && gr.getMessage().contains("[2]"), gr.getMessage());
        ShapeException sp = assertThrows(ShapeException.class, () -> x.split(new int[] {1, 1}, 1));
        assertTrue(sp.getMessage().contains("split") && sp.getMessage().contains("[2, 3]"), sp.getMessage());
    }
}
