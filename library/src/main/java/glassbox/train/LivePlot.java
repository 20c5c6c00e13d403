package glassbox.train;

import glassbox.plot.LiveChart;
import glassbox.plot.Plot;
import java.util.Map;

/**
 * Draws the loss curves while a model trains: the loss of every batch (light, at fractional epochs),
 * and per epoch the mean training loss and, with validation data, the validation loss. In a notebook
 * the chart updates in place; elsewhere it prints a status line now and then.
 * <pre>{@code new Trainer(model, loss, opt).listener(new LivePlot("digits")).fit(train);}</pre>
 * or simply {@code trainer.livePlot()}.
 */
public class LivePlot implements ProgressListener {
    private final LiveChart chart;

    /** A live chart with this title. */
    public LivePlot(String title) {
        chart = Plot.live(title).xLabel("epoch").yLabel("loss");
    }

    /** The chart being drawn. */
    public LiveChart chart() {
        return chart;
    }

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, double loss) {
        chart.add("batch loss", epoch - 1 + (double) batch / batches, loss);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> row) {
        chart.add("train_loss", epoch, row.get("train_loss"));
        if (row.containsKey("val_loss")) chart.add("val_loss", epoch, row.get("val_loss"));
    }

    @Override
    public void onTrainEnd(History history, String reason) {
        chart.done();
    }
}
