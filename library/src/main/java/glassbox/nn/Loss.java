package glassbox.nn;

import glassbox.tensor.Tensor;

/**
 * A loss function: a scalar that measures how far a prediction is from the target, to be minimised.
 * {@code loss.forward(prediction, target).backward()} fills the gradients of the model.
 */
@FunctionalInterface
public interface Loss {
    /** The loss of {@code input} (the model's output) against {@code target}. */
    Tensor forward(Tensor input, Tensor target);
}
