import glassbox.kernel.grade.Expect;
import glassbox.kernel.grade.Points;
import glassbox.kernel.grade.Submission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Visible tests of assignment 1 (questions 1 to 3): students run them with %check. */
class PerceptronTest {

    @Test @Tag("q1") @Points(1)
    @DisplayName("q1: predict adds the bias and uses a strict >")
    void predictUsesBiasAndStrictThreshold(Submission sub) {
        float[] w = {1, 1, -1.5f};
        Expect.equal(1, sub.call("predict", w, new float[]{1, 1}), "predict(w={1, 1, b=-1.5}, x={1, 1})");
        Expect.equal(0, sub.call("predict", w, new float[]{1, 0}),
                "predict(w={1, 1, b=-1.5}, x={1, 0}) (1 - 1.5 < 0: is the bias added?)");
        Expect.equal(0, sub.call("predict", new float[]{0, 0, 0}, new float[]{1, 1}),
                "predict(w=0, x={1, 1}): a weighted sum of exactly 0 predicts 0 (use > 0, not >= 0)");
    }

    @Test @Tag("q2") @Points(2)
    @DisplayName("q2: a wrong prediction moves the weights and the bias towards the target")
    void stepMovesTowardsTheTarget(Submission sub) {
        float[] w = sub.call("perceptronStep", new float[]{0, 0, 0}, new float[]{1, 1}, 1, 0.5f);
        Expect.close(new float[]{0.5f, 0.5f, 0.5f}, w, "perceptronStep(w=0, x={1, 1}, y=1, lr=0.5)");
        float[] down = sub.call("perceptronStep", new float[]{1, 1, 0}, new float[]{1, 0}, 0, 0.25f);
        Expect.close(new float[]{0.75f, 1, -0.25f}, down, "perceptronStep(w={1, 1, b=0}, x={1, 0}, y=0, lr=0.25)");
    }

    @Test @Tag("q2") @Points(1)
    @DisplayName("q2: a right prediction leaves the weights as they are")
    void stepKeepsRightWeights(Submission sub) {
        float[] w = {0.5f, -0.3f, 0.1f};
        float[] after = sub.call("perceptronStep", w, new float[]{1, 1}, 1, 0.5f);
        Expect.close(new float[]{0.5f, -0.3f, 0.1f}, after, "perceptronStep on an example it already predicts right");
    }

    @Test @Tag("q3") @Points(2)
    @DisplayName("q3: train learns AND")
    void trainLearnsAnd(Submission sub) {
        float[][] xs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        float[] w = sub.call("train", xs, new int[]{0, 0, 0, 1}, 20, 0.1f);
        int[] got = new int[4];
        for (int i = 0; i < 4; i++) got[i] = sub.<Integer>call("predict", w, xs[i]);
        Expect.equal(new int[]{0, 0, 0, 1}, got, "predictions of train(AND, epochs=20, lr=0.1) on (0,0), (0,1), (1,0), (1,1)");
    }
}
