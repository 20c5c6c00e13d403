import glassbox.kernel.grade.Expect;
import glassbox.kernel.grade.Points;
import glassbox.kernel.grade.Submission;
import glassbox.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Visible test of assignment 1, question 4: the two-layer forward pass against loops written out by hand. */
class ForwardTest {

    /** sigmoid(relu(x W1 + b1) W2 + b2) with plain loops. */
    static float[][] byHand(float[][] x, float[][] w1, float[] b1, float[][] w2, float[] b2) {
        float[][] out = new float[x.length][b2.length];
        for (int n = 0; n < x.length; n++) {
            float[] h = new float[b1.length];
            for (int j = 0; j < b1.length; j++) {
                float s = b1[j];
                for (int i = 0; i < x[n].length; i++) s += x[n][i] * w1[i][j];
                h[j] = Math.max(0, s);
            }
            for (int k = 0; k < b2.length; k++) {
                float s = b2[k];
                for (int j = 0; j < h.length; j++) s += h[j] * w2[j][k];
                out[n][k] = (float) (1 / (1 + Math.exp(-s)));
            }
        }
        return out;
    }

    @Test @Tag("q4") @Points(2)
    @DisplayName("q4: forward matches the formula on a batch of 2")
    void forwardMatchesByHand(Submission sub) {
        float[][] x = {{1, -2, 0.5f}, {0, 3, -1}};
        float[][] w1 = {{0.1f, -0.2f}, {0.4f, 0.3f}, {-0.5f, 0.6f}};
        float[] b1 = {0.05f, -0.1f};
        float[][] w2 = {{0.7f}, {-1.2f}};
        float[] b2 = {0.3f};
        Tensor got = sub.call("forward", Tensor.of(x), Tensor.of(w1), Tensor.of(b1), Tensor.of(w2), Tensor.of(b2));
        Expect.close(Tensor.of(byHand(x, w1, b1, w2, b2)), got, "forward(x[2x3], W1[3x2], b1[2], W2[2x1], b2[1])");
    }
}
