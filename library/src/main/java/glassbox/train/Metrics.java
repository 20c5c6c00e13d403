package glassbox.train;

import glassbox.nn.Module;
import glassbox.data.DataLoader;
import glassbox.tensor.Tensor;

/** Classification metrics: accuracy (multi-class and binary) and the confusion matrix. */
public final class Metrics {
    private Metrics() {
    }

    /**
     * Fraction of rows of {@code scores} [N, C] whose largest score is at the target class y [N]:
     * accuracy = (1/N) sum_i [argmax_j scores_ij == y_i].
     */
    public static double accuracy(Tensor scores, Tensor target) {
        if (scores.dim() != 2 || target.dim() != 1 || target.size(0) != scores.size(0)) {
            throw new IllegalArgumentException("accuracy: needs scores [N, C] and class indices [N], got "
                    + java.util.Arrays.toString(scores.shape()) + " and " + java.util.Arrays.toString(target.shape())
                    + " (for one output per example use binaryAccuracy)");
        }
        int[] pred = predictions(scores);
        float[] t = target.data();
        int correct = 0;
        for (int i = 0; i < pred.length; i++) if (pred[i] == (int) t[i]) correct++;
        return (double) correct / pred.length;
    }

    /** The class with the largest score in each row of scores [N, C]. */
    public static int[] predictions(Tensor scores) {
        int n = scores.size(0), c = scores.size(1);
        float[] v = scores.data();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < c; j++) if (v[i * c + j] > v[i * c + best]) best = j;
            out[i] = best;
        }
        return out;
    }

    /**
     * Binary accuracy: prediction 1 when the score exceeds {@code threshold} (0 for logits, 0.5 for
     * probabilities), compared with targets 0/1 of the same number of values.
     */
    public static double binaryAccuracy(Tensor scores, Tensor target, float threshold) {
        float[] s = scores.data(), t = target.data();
        if (s.length != t.length) {
            throw new IllegalArgumentException("binaryAccuracy: " + s.length + " scores but " + t.length + " targets");
        }
        int correct = 0;
        for (int i = 0; i < s.length; i++) if ((s[i] > threshold ? 1 : 0) == Math.round(t[i])) correct++;
        return (double) correct / s.length;
    }

    /** The confusion matrix of a classifier over a whole loader (the model is run in eval mode, without gradients). */
    public static ConfusionMatrix confusionMatrix(Module model, DataLoader data, int numClasses) {
        ConfusionMatrix cm = new ConfusionMatrix(numClasses);
        boolean wasTraining = model.isTraining();
        model.eval();
        try (var s = Tensor.noGrad()) {
            for (DataLoader.Batch b : data) cm.add(predictions(model.call(b.x())), b.y());
        } finally {
            model.setTraining(wasTraining);
        }
        return cm;
    }
}
