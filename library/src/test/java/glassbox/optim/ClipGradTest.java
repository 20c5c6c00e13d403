package glassbox.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import glassbox.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipGradTest {

    @Test
    void clipByValue() {
        Tensor a = Tensor.of(1, 1).requiresGrad(true);
        a.mul(Tensor.of(3, -0.5)).sum().backward();
        ClipGrad.clipGradValue(List.of(a), 1f);
        assertArrayEquals(new float[] {1, -0.5f}, a.grad().data());
    }

    @Test
    void clipByNorm() {
        Tensor a = Tensor.of(1, 1).requiresGrad(true);
        Tensor b = Tensor.of(1).requiresGrad(true);
        a.mul(Tensor.of(3, 0)).sum().add(b.mul(4f).sum()).backward(); // grads [3, 0] and [4]: norm 5
        assertEquals(5f, ClipGrad.clipGradNorm(List.of(a, b), 1f), 1e-6);
        assertArrayEquals(new float[] {0.6f, 0f}, a.grad().data(), 1e-5f);
        assertArrayEquals(new float[] {0.8f}, b.grad().data(), 1e-5f);
    }
}
