package glassbox.tensor;

/**
 * The result of {@code max(dim)} or {@code min(dim)}: the extreme values and where they are.
 *
 * @param values the largest (or smallest) values along the dimension; gradients flow through them
 * @param indices their positions along the dimension, as float values
 */
public record MaxMin(Tensor values, Tensor indices) {
}
