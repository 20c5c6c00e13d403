import glassbox.kernel.grade.Expect;
import glassbox.kernel.grade.Points;
import glassbox.kernel.grade.Submission;
import glassbox.optim.Adam;
import glassbox.optim.AdamW;
import glassbox.optim.Optimizer;
import glassbox.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hidden tests of assignment 2: the student's optimizer against the library's over many steps. */
class AdamHiddenTest {

    /** A fixed sequence of gradients that changes sign and size, for step t (1, 2, ...). */
    static float[] gradient(int t, float[] w) {
        return new float[]{(float) Math.sin(t) + w[0], 0.3f * t - 2 * w[1], -w[2] * w[2] + 0.1f};
    }

    static float[] libraryRun(Optimizer<?> opt, Tensor p, int steps) {
        for (int t = 1; t <= steps; t++) {
            opt.zeroGrad();
            p.addGrad(Tensor.of(gradient(t, p.toFloatArray())));
            opt.step();
        }
        return p.toFloatArray();
    }

    @Test @Tag("q1") @Points(1)
    @DisplayName("q1: ten steps equal glassbox.optim.Adam")
    void matchesLibraryAdam(Submission sub) {
        float[] w = {0.5f, -1f, 1.5f}, m = new float[3], v = new float[3];
        for (int t = 1; t <= 10; t++) {
            sub.call("adamStep", w, gradient(t, w.clone()), m, v, t, 0.05f, 0.9f, 0.999f, 1e-8f);
        }
        Tensor p = Tensor.of(0.5f, -1f, 1.5f).requiresGrad(true);
        float[] expected = libraryRun(new Adam(List.of(p), 0.05f, 0.9f, 0.999f, 1e-8f, 0f), p, 10);
        Expect.close(expected, w, "w after 10 Adam steps, compared with glassbox.optim.Adam");
    }

    @Test @Tag("q2") @Points(1)
    @DisplayName("q2: the path on the bowl equals the library's Adam")
    void bowlMatchesLibrary(Submission sub) {
        float[] got = sub.call("adamMinimize", -2f, 0.5f, 25, 0.05f);
        Tensor p = Tensor.of(-2f, 0.5f).requiresGrad(true);
        Adam adam = new Adam(List.of(p), 0.05f);
        for (int t = 1; t <= 25; t++) {
            adam.zeroGrad();
            float[] x = p.toFloatArray();
            p.addGrad(Tensor.of(2 * x[0], 20 * x[1]));
            adam.step();
        }
        Expect.close(p.toFloatArray(), got, "adamMinimize(-2, 0.5, 25, 0.05) compared with glassbox.optim.Adam");
    }

    @Test @Tag("q3") @Points(2)
    @DisplayName("q3: five steps equal glassbox.optim.AdamW")
    void matchesLibraryAdamW(Submission sub) {
        float[] w = {0.5f, -1f, 1.5f}, m = new float[3], v = new float[3];
        for (int t = 1; t <= 5; t++) {
            sub.call("adamWStep", w, gradient(t, w.clone()), m, v, t, 0.05f, 0.9f, 0.999f, 1e-8f, 0.1f);
        }
        Tensor p = Tensor.of(0.5f, -1f, 1.5f).requiresGrad(true);
        float[] expected = libraryRun(new AdamW(List.of(p), 0.05f, 0.9f, 0.999f, 1e-8f, 0.1f), p, 5);
        Expect.close(expected, w, "w after 5 AdamW steps, compared with glassbox.optim.AdamW (decay before the step?)");
    }
}
