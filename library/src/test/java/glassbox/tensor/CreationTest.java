package glassbox.tensor;

import static glassbox.tensor.Checks.assertShape;
import static glassbox.tensor.Checks.assertValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CreationTest {

    @Test
    void constantsAndRanges() {
        assertValues(new float[] {0, 0, 0, 0}, Tensor.zeros(2, 2));
        assertValues(new float[] {1, 1, 1}, Tensor.ones(3));
        assertValues(new float[] {7, 7}, Tensor.full(7, 2));
        assertShape(Tensor.scalar(5));
        assertValues(new float[] {0, 1, 2, 3}, Tensor.arange(4));
        assertValues(new float[] {1, 1.5f, 2, 2.5f}, Tensor.arange(1, 3, 0.5f));
        assertValues(new float[] {5, 3}, Tensor.arange(5, 1, -2));
        assertEquals(10, Tensor.arange(0, 1, 0.1f).numel(), "0, 0.1, ..., 0.9");
        assertValues(new float[] {0, 0.25f, 0.5f, 0.75f, 1}, Tensor.linspace(0, 1, 5));
        assertValues(new float[] {2}, Tensor.linspace(2, 3, 1));
        assertValues(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, Tensor.eye(3));
        assertShape(Tensor.zerosLike(Tensor.eye(2)), 2, 2);
        assertThrows(IllegalArgumentException.class, () -> Tensor.arange(0, 5, -1));
        assertThrows(IllegalArgumentException.class, () -> Tensor.linspace(0, 1, 0));
    }

    @Test
    void fromJavaArrays() {
        Tensor m = Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}});
        assertShape(m, 3, 2);
        assertEquals(4f, m.get(1, 1));
        assertShape(Tensor.of(new double[][] {{1.5, 2}}), 1, 2);
        assertShape(Tensor.of(new float[][][] {{{1, 2}}, {{3, 4}}}), 2, 1, 2);
        assertValues(new float[] {0.5f, 2}, Tensor.of(0.5, 2.0));
        ShapeException ragged = assertThrows(ShapeException.class, () -> Tensor.of(new float[][] {{1, 2}, {3}}));
        assertTrue(ragged.getMessage().contains("row 1"), ragged.getMessage());
        ShapeException wrong = assertThrows(ShapeException.class, () -> Tensor.fromArray(new float[5], 2, 3));
        assertTrue(wrong.getMessage().contains("[2, 3]") && wrong.getMessage().contains("5"), wrong.getMessage());
    }

    @Test
    void randomTensorsAreReproducibleWithASeed() {
        Tensor.manualSeed(42);
        Tensor a = Tensor.randn(3, 4);
        Tensor.manualSeed(42);
        Tensor b = Tensor.randn(3, 4);
        assertArrayEquals(a.data(), b.data());
        Tensor c = Tensor.rand(new Generator(7), 1000);
        for (float v : c.data()) assertTrue(v >= 0 && v < 1);
        double mean = Tensor.randn(new Generator(7), 10_000).mean().item();
        assertEquals(0, mean, 0.05);
        assertEquals(1, Tensor.randn(new Generator(8), 10_000).std().item(), 0.05);
        assertFalse(java.util.Arrays.equals(Tensor.rand(new Generator(1), 5).data(), Tensor.rand(new Generator(2), 5).data()));
    }

    @Test
    void itemGetSetAndCopies() {
        Tensor t = Tensor.zeros(2, 3);
        t.set(5, 1, -1);
        assertEquals(5f, t.get(1, 2));
        assertEquals(1, t.version(), "an in-place write counts as a change");
        Tensor copy = t.copy();
        copy.set(9, 0, 0);
        assertEquals(0f, t.get(0, 0), "copy() does not share storage");
        assertThrows(ShapeException.class, t::item);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> t.get(2, 0));
        assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
    }
}
