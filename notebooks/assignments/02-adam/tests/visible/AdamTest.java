import glassbox.kernel.grade.Expect;
import glassbox.kernel.grade.Points;
import glassbox.kernel.grade.Submission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Visible tests of assignment 2 (Adam from scratch): students run them with %check. */
class AdamTest {

    /** The Adam step in double precision, written out once more for comparison. */
    static void reference(double[] w, double[] g, double[] m, double[] v, int t, double lr, double b1, double b2, double eps) {
        for (int i = 0; i < w.length; i++) {
            m[i] = b1 * m[i] + (1 - b1) * g[i];
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
            double mHat = m[i] / (1 - Math.pow(b1, t)), vHat = v[i] / (1 - Math.pow(b2, t));
            w[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
        }
    }

    @Test @Tag("q1") @Points(2)
    @DisplayName("q1: the first step sets m = (1-b1) g, v = (1-b2) g^2 and moves each weight by about lr")
    void firstStep(Submission sub) {
        float[] w = {1f, -2f}, m = new float[2], v = new float[2];
        sub.call("adamStep", w, new float[]{0.5f, -4f}, m, v, 1, 0.1f, 0.9f, 0.999f, 1e-8f);
        Expect.close(new float[]{0.05f, -0.4f}, m, "m after the first step with g = {0.5, -4} (m = (1 - beta1) g)");
        Expect.close(new float[]{0.00025f, 0.016f}, v, "v after the first step (v = (1 - beta2) g^2)");
        // With bias correction, mHat = g and vHat = g^2 at t = 1: each weight moves by lr * sign(g).
        Expect.close(new float[]{0.9f, -1.9f}, w,
                "w after the first step (with bias correction the first step is lr * sign(g): is it applied?)");
    }

    @Test @Tag("q1") @Points(1)
    @DisplayName("q1: three steps with changing gradients match the formulas")
    void threeSteps(Submission sub) {
        float[] w = {0.3f, -0.7f, 2f}, m = new float[3], v = new float[3];
        double[] rw = {0.3, -0.7, 2}, rm = new double[3], rv = new double[3];
        float[][] gs = {{0.1f, -0.2f, 3f}, {-0.4f, 0.5f, 1f}, {0.2f, 0.2f, -2f}};
        for (int t = 1; t <= 3; t++) {
            sub.call("adamStep", w, gs[t - 1], m, v, t, 0.01f, 0.8f, 0.99f, 1e-6f);
            double[] g = {gs[t - 1][0], gs[t - 1][1], gs[t - 1][2]};
            reference(rw, g, rm, rv, t, 0.01, 0.8, 0.99, 1e-6);
        }
        Expect.close(rv, toDouble(v), "v after 3 steps (lr 0.01, beta1 0.8, beta2 0.99)");
        Expect.close(rm, toDouble(m), "m after 3 steps");
        Expect.close(rw, toDouble(w), "w after 3 steps (is the bias correction 1 - beta^t with the step number t?)");
    }

    @Test @Tag("q2") @Points(2)
    @DisplayName("q2: 300 steps from (3, 1) with lr 0.1 end near the minimum (0, 0)")
    void minimizesTheBowl(Submission sub) {
        float[] p = sub.call("adamMinimize", 3f, 1f, 300, 0.1f);
        Expect.that(p != null && p.length == 2, "adamMinimize must return {x, y}");
        Expect.that(Math.abs(p[0]) < 1e-3 && Math.abs(p[1]) < 1e-3,
                "adamMinimize(3, 1, 300, 0.1) ended at (" + p[0] + ", " + p[1] + "), not near (0, 0): "
                        + "is the gradient (2x, 20y), and is t counted from 1?");
    }

    @Test @Tag("q3") @Points(1)
    @DisplayName("q3: with a zero gradient AdamW only decays the weights by (1 - lr * weightDecay)")
    void decayAlone(Submission sub) {
        float[] w = {2f, -4f}, m = new float[2], v = new float[2];
        sub.call("adamWStep", w, new float[]{0f, 0f}, m, v, 1, 0.1f, 0.9f, 0.999f, 1e-8f, 0.5f);
        Expect.close(new float[]{1.9f, -3.8f}, w, "w after an AdamW step with g = 0, lr 0.1, weightDecay 0.5");
    }

    static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }
}
