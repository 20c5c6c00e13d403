package glassbox.kernel.grade;

import glassbox.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.*;

class ExpectTest {

    static String failure(Runnable r) {
        return assertThrows(AssertionFailedError.class, r::run).getMessage();
    }

    @Test
    void tensorMismatchNamesTheIndexAndGuessesTheSign() {
        Tensor e = Tensor.of(new float[][]{{0.1f, 0.2f, 0.3f}, {0.4f, 0.5f, 0.731f}});
        Tensor a = e.mul(-1f);
        assertEquals("sigmoid(x): expected 0.1 at [0, 0], got -0.1 (6 of 6 values differ): did you forget the sign?",
                failure(() -> Expect.close(e, a, "sigmoid(x)")));
        Tensor one = Tensor.of(new float[][]{{0.1f, 0.2f, 0.3f}, {0.4f, 0.5f, 0.269f}});
        assertEquals("f: expected 0.731 at [1, 2], got 0.269", failure(() -> Expect.close(e, one, "f")));
    }

    @Test
    void scaleShapeShiftAndNaNAreNamed() {
        assertTrue(failure(() -> Expect.close(new float[]{1, 2, 3}, new float[]{0.5f, 1, 1.5f}, "g"))
                .endsWith("off by a factor of 0.5 (a missing or extra factor, e.g. the learning rate or 1/n?)"));
        assertTrue(failure(() -> Expect.close(new float[]{1, 2, 3}, new float[]{2, 3, 4}, "g")).contains("off by 1 (a missing or extra bias term?)"));
        assertTrue(failure(() -> Expect.close(new float[]{1, 2}, new float[]{Float.NaN, 2}, "g")).contains("NaN"));
        assertEquals("m: expected shape [2, 3], got shape [3, 2]: is it transposed?",
                failure(() -> Expect.close(Tensor.zeros(2, 3), Tensor.zeros(3, 2), "m")));
    }

    @Test
    void closeValuesPass() {
        Expect.close(new float[]{0.1f + 0.2f, 1e-6f}, new float[]{0.3f, 0}, "rounding");
        Expect.close(0.7310586, 1 / (1 + Math.exp(-1)), "sigmoid(1)");
        assertThrows(AssertionFailedError.class, () -> Expect.close(0.731, 0.74, "sigmoid(1)"));
    }

    @Test
    void gradientCheckCatchesAWrongBackward() {
        Tensor x = Tensor.of(0.5f, -1.2f, 2f).requiresGrad(true);
        Expect.gradients(in -> in[0].mul(in[0]).sigmoid(), "sigmoid(x^2)", x);
    }
}
