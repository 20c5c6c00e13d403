package glassbox.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import glassbox.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Losses built from tensor ops that the ops helper implements (abs, logSoftmax). */
class LossWithTensorOpsTest {

    @Test
    void l1Loss() {
        Tensor x = Tensor.of(1, 2, 3).requiresGrad(true);
        Tensor y = Tensor.of(1.5, 0, 0);
        assertEquals((0.5 + 2 + 3) / 3f, new L1Loss().forward(x, y).item(), 1e-6);
        GradChecks.check(() -> new L1Loss().forward(x, y), x);
    }

    @Test
    void l1PenaltyIsLambdaTimesSumOfAbs() {
        Tensor a = Tensor.of(1, -2).requiresGrad(true);
        assertEquals(0.3f, Penalty.l1(List.of(a), 0.1f).item(), 1e-6);
    }

    @Test
    void logSoftmaxThenNllEqualsCrossEntropy() {
        Tensor x = Tensor.randn(3, 4);
        Tensor t = Tensor.of(0, 3, 2);
        assertEquals(new CrossEntropyLoss().forward(x, t).item(), new NLLLoss().forward(x.logSoftmax(1), t).item(), 1e-5);
    }
}
