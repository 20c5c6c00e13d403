package glassbox.nn;

import glassbox.nn.functional.F;
import glassbox.tensor.Tensor;

/**
 * Cross-entropy for multi-class classification, from logits x [N, C] (no softmax before it) and class
 * indices y [N]: L = -(1/N) sum_i log softmax(x_i)[y_i] = (1/N) sum_i (logsumexp(x_i) - x_i[y_i]).
 * The gradient is (softmax(x_i) - onehot(y_i)) / N.
 *
 * <p>As in PyTorch, logits may also be [N, C, d1, ...] (classes in dimension 1, e.g. [batch, vocab,
 * time]) with targets [N, d1, ...]; the mean is then over every position.
 *
 * <p>Label smoothing eps replaces the one-hot target with (1 - eps) onehot + eps / C. Rows whose target
 * equals ignoreIndex (default -100, e.g. padding) are left out of the loss and of the mean.
 */
public class CrossEntropyLoss implements Loss {
    private final float labelSmoothing;
    private final int ignoreIndex;

    /** No smoothing, ignore index -100. */
    public CrossEntropyLoss() {
        this(0f, -100);
    }

    /** With label smoothing and an ignored target value. */
    public CrossEntropyLoss(float labelSmoothing, int ignoreIndex) {
        this.labelSmoothing = labelSmoothing;
        this.ignoreIndex = ignoreIndex;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return F.crossEntropy(input, target, labelSmoothing, ignoreIndex);
    }

    @Override
    public String toString() {
        return "CrossEntropyLoss(labelSmoothing=" + labelSmoothing + ", ignoreIndex=" + ignoreIndex + ")";
    }
}
