package glassbox.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AutogradSmokeTest {

    @Test
    void micrographExampleHasTheHandComputedGradients() {
        // L = (a*b + c) * f with a=2, b=-3, c=10, f=-2 (micrograd's first example)
        Tensor a = Tensor.scalar(2).requiresGrad(true).label("a");
        Tensor b = Tensor.scalar(-3).requiresGrad(true).label("b");
        Tensor c = Tensor.scalar(10).requiresGrad(true).label("c");
        Tensor f = Tensor.scalar(-2).requiresGrad(true).label("f");
        Tensor e = a.mul(b);
        Tensor d = e.add(c);
        Tensor loss = d.mul(f);
        loss.backward();
        assertEquals(-8f, loss.item());
        assertEquals(6f, a.grad().item());   // dL/da = f * b
        assertEquals(-4f, b.grad().item());  // dL/db = f * a
        assertEquals(-2f, c.grad().item());  // dL/dc = f
        assertEquals(4f, f.grad().item());   // dL/df = d
        assertEquals(-2f, e.grad().item(), "intermediates keep their gradient");
    }

    @Test
    void broadcastGradientIsSummedBackToTheBiasShape() {
        Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor bias = Tensor.of(10, 20, 30).requiresGrad(true);
        x.add(bias).sum().backward();
        assertArrayEquals(new float[] {2, 2, 2}, bias.grad().data());
    }

    @Test
    void matmulBackwardIsGradTimesTransposes() {
        Tensor a = Tensor.of(new float[][] {{1, 2}, {3, 4}}).requiresGrad(true);
        Tensor b = Tensor.of(new float[][] {{5, 6}, {7, 8}}).requiresGrad(true);
        Tensor c = a.matmul(b);
        assertArrayEquals(new float[] {19, 22, 43, 50}, c.data());
        c.sum().backward();
        assertArrayEquals(new float[] {11, 15, 11, 15}, a.grad().data());
        assertArrayEquals(new float[] {4, 4, 6, 6}, b.grad().data());
    }

    @Test
    void inPlaceChangeOfASavedInputIsRefusedAtBackward() {
        Tensor w = Tensor.of(1, 2, 3).requiresGrad(true);
        Tensor x = Tensor.of(4, 5, 6);
        Tensor y = w.mul(x).sum();
        x.add_(Tensor.of(1, 1, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("modified in place"), e.getMessage());
    }

    @Test
    void shapeMismatchNamesTheOpAndBothShapes() {
        ShapeException e = assertThrows(ShapeException.class, () -> Tensor.zeros(2, 3).add(Tensor.zeros(4)));
        assertTrue(e.getMessage().contains("add") && e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"),
                e.getMessage());
    }
}
