package glassbox.train;

import glassbox.data.DataLoader;
import glassbox.nn.Loss;
import glassbox.nn.Module;
import glassbox.optim.ClipGrad;
import glassbox.optim.LRScheduler;
import glassbox.optim.Optimizer;
import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training loop, written out once so that every chapter does not have to:
 * <pre>
 * for each epoch:
 *     model.train()
 *     for each batch (x, y):
 *         loss = lossFn(model(x), y)
 *         optimizer.zeroGrad(); loss.backward(); [clip]; optimizer.step()
 *     model.eval(); measure the validation loss and metrics without gradients
 *     scheduler.step(); early stopping check
 * </pre>
 * Usage:
 * <pre>{@code
 * History h = new Trainer(model, new CrossEntropyLoss(), new Adam(model.parameters(), 1e-3f))
 *         .epochs(20).accuracy().validation(valLoader).earlyStopping(3)
 *         .fit(trainLoader);
 * h.table();   // epoch, train_loss, train_accuracy, val_loss, val_accuracy, lr, seconds
 * }</pre>
 * The loop checks {@code Thread.currentThread().isInterrupted()} before every batch and stops with a
 * {@link TrainingInterruptedException}, so the notebook's interrupt button stops training cleanly.
 */
public class Trainer {
    private final Module model;
    private final Loss lossFn;
    private final Optimizer<?> optimizer;
    private int epochs = 10;
    private DataLoader validation;
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final List<ProgressListener> listeners = new ArrayList<>();
    private LRScheduler scheduler;
    private int patience = -1;
    private float minDelta = 0;
    private boolean restoreBest = true;
    private float clipNorm = -1;

    /** A trainer for {@code model} minimising {@code loss} with {@code optimizer} (built on model.parameters()). */
    public Trainer(Module model, Loss loss, Optimizer<?> optimizer) {
        this.model = model;
        this.lossFn = loss;
        this.optimizer = optimizer;
    }

    /** The number of passes over the training data (default 10). */
    public Trainer epochs(int n) {
        if (n <= 0) throw new IllegalArgumentException("Trainer: epochs must be positive, got " + n);
        epochs = n;
        return this;
    }

    /** Data to evaluate on after every epoch (adds val_loss and val_ metrics to the history). */
    public Trainer validation(DataLoader data) {
        validation = data;
        return this;
    }

    /** Adds a metric column, computed on training batches ("train_" + name) and on validation ("val_" + name). */
    public Trainer metric(String name, Metric metric) {
        metrics.put(name, metric);
        return this;
    }

    /** Adds multi-class accuracy (outputs [N, C], class indices [N]). */
    public Trainer accuracy() {
        return metric("accuracy", Metrics::accuracy);
    }

    /** Calls {@code listener} with the progress. */
    public Trainer listener(ProgressListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Draws the loss curves live while training (see {@link LivePlot}). */
    public Trainer livePlot() {
        return listener(new LivePlot("Training"));
    }

    /** Steps {@code scheduler} once per epoch. */
    public Trainer scheduler(LRScheduler scheduler) {
        this.scheduler = scheduler;
        return this;
    }

    /** Clips the gradients' total norm to {@code maxNorm} before every step. */
    public Trainer clipGradNorm(float maxNorm) {
        clipNorm = maxNorm;
        return this;
    }

    /**
     * Stops when the monitored loss (val_loss, or train_loss without validation) has not improved by
     * more than {@code minDelta} for {@code patience} epochs, and puts back the best epoch's weights.
     */
    public Trainer earlyStopping(int patience, float minDelta, boolean restoreBest) {
        if (patience < 1) throw new IllegalArgumentException("earlyStopping: patience must be at least 1, got " + patience);
        this.patience = patience;
        this.minDelta = minDelta;
        this.restoreBest = restoreBest;
        return this;
    }

    /** Early stopping with the given patience, any improvement counting, best weights restored. */
    public Trainer earlyStopping(int patience) {
        return earlyStopping(patience, 0f, true);
    }

    /** Trains on {@code train} and returns the history (also when stopped early). */
    public History fit(DataLoader train) {
        History history = new History();
        int batches = train.numBatches();
        for (ProgressListener l : listeners) l.onTrainBegin(epochs, batches);
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0, sinceBest = 0;
        Map<String, Tensor> bestState = null;
        String reason = "completed " + epochs + " epochs";
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            float lr = optimizer.lr();
            model.train();
            double lossSum = 0;
            int seen = 0, b = 0;
            double[] metricSums = new double[metrics.size()];
            for (DataLoader.Batch batch : train) {
                if (Thread.currentThread().isInterrupted()) {
                    String msg = "Training interrupted in epoch " + epoch + " before batch " + (b + 1) + " of " + batches
                            + "; the model keeps the weights of the last step, and " + history.epochs()
                            + " completed epochs are in the exception's history()";
                    history.stopReason("interrupted in epoch " + epoch);
                    for (ProgressListener l : listeners) l.onTrainEnd(history, history.stopReason());
                    throw new TrainingInterruptedException(msg, history);
                }
                Tensor out = model.call(batch.x());
                Tensor loss = lossFn.forward(out, batch.y());
                optimizer.zeroGrad();
                loss.backward();
                if (clipNorm > 0) ClipGrad.clipGradNorm(optimizer.parameters(), clipNorm);
                optimizer.step();
                int n = batch.size();
                double l = loss.item();
                if (Double.isNaN(l)) {
                    throw new IllegalStateException("Training diverged: the loss became NaN in epoch " + epoch + ", batch " + (b + 1)
                            + " (try a smaller learning rate, standardised inputs, or gradient clipping)");
                }
                lossSum += l * n;
                seen += n;
                int k = 0;
                for (Metric m : metrics.values()) metricSums[k++] += m.compute(out, batch.y()) * n;
                b++;
                for (ProgressListener pl : listeners) pl.onBatchEnd(epoch, b, batches, l);
            }
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("epoch", (double) epoch);
            row.put("train_loss", lossSum / seen);
            int k = 0;
            for (String name : metrics.keySet()) row.put("train_" + name, metricSums[k++] / seen);
            if (validation != null) row.putAll(evaluate(validation, "val_"));
            row.put("lr", (double) lr);
            row.put("seconds", (System.nanoTime() - start) / 1e9);
            history.add(row);
            for (ProgressListener l : listeners) l.onEpochEnd(epoch, row);
            if (scheduler != null) scheduler.step();
            if (patience > 0) {
                double monitored = validation != null ? row.get("val_loss") : row.get("train_loss");
                if (monitored < best - minDelta) {
                    best = monitored;
                    bestEpoch = epoch;
                    sinceBest = 0;
                    if (restoreBest) bestState = copyState();
                } else if (++sinceBest >= patience) {
                    reason = "early stopping after epoch " + epoch + ": no improvement for " + patience
                            + " epochs; best epoch " + bestEpoch + (restoreBest ? " (its weights restored)" : "");
                    if (restoreBest && bestState != null) model.loadStateDict(bestState);
                    break;
                }
            }
        }
        model.eval();
        history.stopReason(reason);
        for (ProgressListener l : listeners) l.onTrainEnd(history, reason);
        return history;
    }

    private Map<String, Tensor> copyState() {
        Map<String, Tensor> copy = new LinkedHashMap<>();
        model.stateDict().forEach((k, v) -> copy.put(k, v.copy()));
        return copy;
    }

    /**
     * Loss and metrics over a whole loader in evaluation mode, without gradients: keys "loss" and
     * the metric names, each prefixed with {@code prefix}.
     */
    public Map<String, Double> evaluate(DataLoader data, String prefix) {
        boolean wasTraining = model.isTraining();
        model.eval();
        double lossSum = 0;
        double[] sums = new double[metrics.size()];
        int seen = 0;
        try (var s = Tensor.noGrad()) {
            for (DataLoader.Batch batch : data) {
                Tensor out = model.call(batch.x());
                int n = batch.size();
                lossSum += lossFn.forward(out, batch.y()).item() * n;
                int k = 0;
                for (Metric m : metrics.values()) sums[k++] += m.compute(out, batch.y()) * n;
                seen += n;
            }
        } finally {
            model.setTraining(wasTraining);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(prefix + "loss", lossSum / seen);
        int k = 0;
        for (String name : metrics.keySet()) out.put(prefix + name, sums[k++] / seen);
        return out;
    }

    /** Loss and metrics over a loader (keys "loss", "accuracy", ...). */
    public Map<String, Double> evaluate(DataLoader data) {
        return evaluate(data, "");
    }
}
