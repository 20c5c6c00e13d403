package glassbox.train;

import glassbox.tensor.Tensor;

/**
 * A number that says how good a batch of predictions is, e.g. accuracy. The trainer averages it over
 * the examples of an epoch (weighting each batch by its size).
 */
@FunctionalInterface
public interface Metric {
    /** The metric for the model's {@code output} on a batch with targets {@code target}. */
    double compute(Tensor output, Tensor target);
}
