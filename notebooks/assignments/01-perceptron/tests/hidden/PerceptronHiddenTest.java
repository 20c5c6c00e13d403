import glassbox.kernel.grade.Expect;
import glassbox.kernel.grade.Points;
import glassbox.kernel.grade.Submission;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hidden tests of assignment 1: other inputs than the visible ones. */
class PerceptronHiddenTest {

    @Test @Tag("q2") @Points(1)
    @DisplayName("q2: perceptronStep returns new weights and leaves its argument alone")
    void stepDoesNotModifyItsArgument(Submission sub) {
        float[] w = {0, 0, 0};
        sub.call("perceptronStep", w, new float[]{2, 3}, 1, 1f);
        Expect.close(new float[]{0, 0, 0}, w, "the array passed to perceptronStep (it must not change; return a copy)");
    }

    @Test @Tag("q3") @Points(2)
    @DisplayName("q3: train learns OR")
    void trainLearnsOr(Submission sub) {
        float[][] xs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        float[] w = sub.call("train", xs, new int[]{0, 1, 1, 1}, 20, 0.1f);
        int[] got = new int[4];
        for (int i = 0; i < 4; i++) got[i] = sub.<Integer>call("predict", w, xs[i]);
        Expect.equal(new int[]{0, 1, 1, 1}, got, "predictions of train(OR, epochs=20, lr=0.1)");
    }

    @Test @Tag("q4") @Points(2)
    @DisplayName("q4: forward on a random batch of 5, 4 inputs, 3 hidden, 2 outputs")
    void forwardRandomBatch(Submission sub) {
        Generator g = new Generator(7);
        Tensor x = Tensor.randn(g, 5, 4), w1 = Tensor.randn(g, 4, 3), b1 = Tensor.randn(g, 3);
        Tensor w2 = Tensor.randn(g, 3, 2), b2 = Tensor.randn(g, 2);
        float[][] expected = ForwardTest.byHand(rows(x), rows(w1), b1.toFloatArray(), rows(w2), b2.toFloatArray());
        Tensor got = sub.call("forward", x, w1, b1, w2, b2);
        Expect.close(Tensor.of(expected), got, "forward(x[5x4], W1[4x3], b1[3], W2[3x2], b2[2])");
    }

    @Test @Tag("q5") @Points(2)
    @DisplayName("q5: W1, b1, W2, b2 compute XOR")
    void weightsComputeXor(Submission sub) {
        Tensor w1 = sub.variable("W1", Tensor.class), b1 = sub.variable("b1", Tensor.class);
        Tensor w2 = sub.variable("W2", Tensor.class), b2 = sub.variable("b2", Tensor.class);
        Expect.that(w1 != null && b1 != null && w2 != null && b2 != null, "set W1, b1, W2 and b2 to tensors (one is null)");
        float[][] xs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        float[][] out = ForwardTest.byHand(xs, rows(w1), b1.toFloatArray(), rows(w2), b2.toFloatArray());
        int[] got = new int[4];
        for (int i = 0; i < 4; i++) got[i] = out[i][0] > 0.5f ? 1 : 0;
        Expect.equal(new int[]{0, 1, 1, 0}, got, "XOR with your weights (output > 0.5) on (0,0), (0,1), (1,0), (1,1)");
    }

    static float[][] rows(Tensor t) {
        int r = t.shape()[0], c = t.shape()[1];
        float[] d = t.toFloatArray();
        float[][] out = new float[r][c];
        for (int i = 0; i < r; i++) System.arraycopy(d, i * c, out[i], 0, c);
        return out;
    }
}
