package glassbox.nn;

import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rosenblatt's perceptron: one neuron with the sign activation,
 * y_hat = sign(sum_i w_i x_i + b) in {-1, +1}, trained by the perceptron rule: on each mistake
 * (y_hat != y) move every weight by w_i += lr * y * x_i and the bias by b += lr * y; on a correct
 * answer change nothing. The size of the step follows the input x_i, its direction the label y.
 * If the classes can be separated by a line (AND, OR, NAND) it stops making mistakes; for XOR it never does.
 *
 * <p>It keeps every update in {@link #history()} so a chart can replay how the decision line moved.
 * Weights start at zero unless given.
 */
public class Perceptron {
    private final float[] w;
    private float b;
    private final float lr;
    private final List<Update> history = new ArrayList<>();
    private int steps;

    /**
     * One applied update.
     *
     * @param step        which example this was, counting from 0 over all of training
     * @param epoch       the pass over the data
     * @param x           the input that was misclassified
     * @param y           its label (-1 or +1)
     * @param predicted   what the perceptron said
     * @param weights     the weights after the update
     * @param bias        the bias after the update
     */
    public record Update(int step, int epoch, float[] x, int y, int predicted, float[] weights, float bias) {
    }

    /** {@code inputs} weights and a bias, all zero, learning rate {@code lr} (the course uses 0.1). */
    public Perceptron(int inputs, float lr) {
        if (inputs <= 0) throw new IllegalArgumentException("Perceptron: needs at least one input, got " + inputs);
        this.w = new float[inputs];
        this.lr = lr;
    }

    /** Starting weights and bias given. */
    public Perceptron(float[] weights, float bias, float lr) {
        this.w = weights.clone();
        this.b = bias;
        this.lr = lr;
    }

    /** The weighted sum z = w . x + b. */
    public float net(float... x) {
        if (x.length != w.length) {
            throw new IllegalArgumentException("Perceptron: input has " + x.length + " values but the perceptron has " + w.length + " weights");
        }
        float z = b;
        for (int i = 0; i < w.length; i++) z += w[i] * x[i];
        return z;
    }

    /** sign(w . x + b): +1 if positive, else -1. */
    public int predict(float... x) {
        return net(x) > 0 ? 1 : -1;
    }

    /**
     * Applies the perceptron rule to one example: if it is misclassified, w += lr * y * x and b += lr * y.
     * Returns true if an update was made (a mistake).
     */
    public boolean step(float[] x, int y, int epoch) {
        if (y != 1 && y != -1) throw new IllegalArgumentException("Perceptron: labels must be -1 or +1, got " + y);
        int p = predict(x);
        int at = steps++;
        if (p == y) return false;
        for (int i = 0; i < w.length; i++) w[i] += lr * y * x[i];
        b += lr * y;
        history.add(new Update(at, epoch, x.clone(), y, p, w.clone(), b));
        return true;
    }

    /**
     * Passes over the data up to {@code maxEpochs} times, stopping after an epoch without mistakes.
     * Returns the number of mistakes in each epoch (the last is 0 if it converged).
     */
    public int[] fit(float[][] xs, int[] ys, int maxEpochs) {
        if (xs.length != ys.length) throw new IllegalArgumentException("Perceptron.fit: " + xs.length + " inputs but " + ys.length + " labels");
        List<Integer> mistakes = new ArrayList<>();
        for (int e = 0; e < maxEpochs; e++) {
            int m = 0;
            for (int i = 0; i < xs.length; i++) if (step(xs[i], ys[i], e)) m++;
            mistakes.add(m);
            if (m == 0) break;
        }
        return mistakes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The current weights (a copy). */
    public float[] weights() {
        return w.clone();
    }

    /** The weights as a tensor (a copy). */
    public Tensor weightTensor() {
        return Tensor.fromArray(w.clone(), w.length);
    }

    /** The current bias. */
    public float bias() {
        return b;
    }

    /** The learning rate. */
    public float learningRate() {
        return lr;
    }

    /** Every update made so far, in order. */
    public List<Update> history() {
        return Collections.unmodifiableList(history);
    }

    @Override
    public String toString() {
        return "Perceptron(weights=" + java.util.Arrays.toString(w) + ", bias=" + b + ", lr=" + lr + ")";
    }
}
