package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Tensor;

/**
 * Negative log-likelihood of log-probabilities x [N, C] (e.g. the output of logSoftmax) against class
 * indices y [N]: L = -(1/N) sum_i x_i[y_i]. logSoftmax followed by NLLLoss equals CrossEntropyLoss.
 */
public class NLLLoss implements Loss {
    private final int ignoreIndex;

    /** Ignore index -100. */
    public NLLLoss() {
        this(-100);
    }

    /** Rows with this target are left out. */
    public NLLLoss(int ignoreIndex) {
        this.ignoreIndex = ignoreIndex;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.nllLoss(input, target, ignoreIndex);
    }

    @Override
    public String toString() {
        return "NLLLoss()";
    }
}
