package glassbox.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PerceptronTest {
    static final float[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    @Test
    void firstUpdateFollowsTheRule() {
        Perceptron p = new Perceptron(2, 0.1f);
        assertEquals(-1, p.predict(1, 1)); // w = 0, b = 0: net 0 is not > 0
        assertTrue(p.step(new float[] {1, 1}, 1, 0));
        // w_i += 0.1 * (+1) * x_i, b += 0.1
        assertArrayEquals(new float[] {0.1f, 0.1f}, p.weights(), 1e-7f);
        assertEquals(0.1f, p.bias(), 1e-7);
        assertEquals(false, p.step(new float[] {1, 1}, 1, 0), "correct answers change nothing");
        assertEquals(1, p.history().size());
        assertEquals(-1, p.history().get(0).predicted());
    }

    @Test
    void learnsAndOrNand() {
        int[][] labels = {{-1, -1, -1, 1}, {-1, 1, 1, 1}, {1, 1, 1, -1}};
        for (int[] y : labels) {
            Perceptron p = new Perceptron(2, 0.1f);
            int[] mistakes = p.fit(X, y, 100);
            assertEquals(0, mistakes[mistakes.length - 1], "converges for a linearly separable function");
            for (int i = 0; i < 4; i++) assertEquals(y[i], p.predict(X[i]));
        }
    }

    @Test
    void neverConvergesOnXor() {
        Perceptron p = new Perceptron(2, 0.1f);
        int[] mistakes = p.fit(X, new int[] {-1, 1, 1, -1}, 50);
        assertEquals(50, mistakes.length);
        for (int m : mistakes) assertTrue(m > 0);
    }

    @Test
    void rejectsZeroOneLabels() {
        assertThrows(IllegalArgumentException.class, () -> new Perceptron(2, 0.1f).step(new float[] {1, 0}, 0, 0));
    }
}
