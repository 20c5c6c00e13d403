package glassbox.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.data.DataLoader;
import glassbox.nn.BCEWithLogitsLoss;
import glassbox.nn.CrossEntropyLoss;
import glassbox.nn.Linear;
import glassbox.nn.MSELoss;
import glassbox.nn.Sequential;
import glassbox.nn.Sigmoid;
import glassbox.nn.Tanh;
import glassbox.optim.Adam;
import glassbox.optim.SGD;
import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TrainerTest {
    static final Tensor XOR_X = Tensor.of(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    static final Tensor XOR_Y = Tensor.of(new float[][] {{0}, {1}, {1}, {0}});

    @Test
    void twoLayerNetworkLearnsXorWithTanhSigmoidAndMse() {
        Tensor.manualSeed(1);
        Sequential model = new Sequential(new Linear(2, 4), new Tanh(), new Linear(4, 1), new Sigmoid());
        DataLoader data = new DataLoader(XOR_X, XOR_Y, 4);
        History h = new Trainer(model, new MSELoss(), new SGD(model.parameters(), 0.5f, 0.9f)).epochs(1000).fit(data);
        assertTrue(h.last().get("train_loss") < 0.01, "loss " + h.last());
        float[] out = model.call(XOR_X).data();
        assertTrue(out[0] < 0.2 && out[1] > 0.8 && out[2] > 0.8 && out[3] < 0.2, java.util.Arrays.toString(out));
        assertEquals(1000, h.epochs());
        assertTrue(h.column("train_loss")[0] > h.column("train_loss")[999]);
    }

    @Test
    void historyIsATablesawTableWithValidationAndMetrics() {
        Tensor.manualSeed(2);
        Sequential model = new Sequential(new Linear(2, 8), new Tanh(), new Linear(8, 2));
        Tensor y = Tensor.of(0, 1, 1, 0);
        DataLoader data = new DataLoader(XOR_X, y, 2, true, 3);
        List<String> events = new ArrayList<>();
        History h = new Trainer(model, new CrossEntropyLoss(), new Adam(model.parameters(), 0.05f))
                .epochs(5).accuracy().validation(new DataLoader(XOR_X, y, 4))
                .listener(new ProgressListener() {
                    @Override
                    public void onBatchEnd(int epoch, int batch, int batches, double loss) {
                        events.add("b" + epoch + "." + batch + "/" + batches);
                    }

                    @Override
                    public void onEpochEnd(int epoch, java.util.Map<String, Double> row) {
                        events.add("e" + epoch);
                    }
                })
                .fit(data);
        Table t = h.table();
        assertEquals(5, t.rowCount());
        assertEquals(List.of("epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "lr", "seconds"), t.columnNames());
        assertEquals(List.of("b1.1/2", "b1.2/2", "e1"), events.subList(0, 3));
        assertEquals(15, events.size());
        assertTrue(h.toMimeBundle().get("text/html").toString().contains("val_accuracy"));
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBestWeights() {
        Tensor.manualSeed(3);
        Linear model = new Linear(2, 1);
        Tensor y = Tensor.of(new float[][] {{1}, {2}, {3}, {4}});
        // a learning rate far too large: the loss grows after the first epoch
        History h = new Trainer(model, new MSELoss(), new SGD(model.parameters(), 3f))
                .epochs(50).earlyStopping(2).fit(new DataLoader(XOR_X, y, 4));
        assertTrue(h.epochs() < 50, h.stopReason());
        assertTrue(h.stopReason().contains("early stopping"), h.stopReason());
        double[] losses = h.column("train_loss");
        int best = 0;
        for (int i = 1; i < losses.length; i++) if (losses[i] < losses[best]) best = i;
        // restored weights give the best epoch's loss again (measured after its updates: not equal, but finite and smaller than the last)
        float now = new MSELoss().forward(model.call(XOR_X), y).item();
        assertTrue(now < losses[losses.length - 1], "restored " + now + " vs last " + losses[losses.length - 1]);
    }

    @Test
    void interruptStopsTrainingWithAClearException() {
        Sequential model = new Sequential(new Linear(2, 4), new Tanh(), new Linear(4, 1));
        Trainer tr = new Trainer(model, new BCEWithLogitsLoss(), new SGD(model.parameters(), 0.1f)).epochs(1000)
                .listener(new ProgressListener() {
                    @Override
                    public void onEpochEnd(int epoch, java.util.Map<String, Double> row) {
                        if (epoch == 3) Thread.currentThread().interrupt();
                    }
                });
        TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class,
                () -> tr.fit(new DataLoader(XOR_X, XOR_Y, 2)));
        assertTrue(Thread.interrupted(), "the interrupt flag stays set for the caller");
        assertEquals(3, e.history().epochs());
        assertTrue(e.getMessage().contains("interrupted in epoch 4"), e.getMessage());
    }

    @Test
    void confusionMatrixCountsTrueAgainstPredicted() {
        ConfusionMatrix cm = new ConfusionMatrix(3);
        cm.add(new int[] {0, 1, 2, 2, 1}, Tensor.of(0, 1, 1, 2, 0));
        int[][] c = cm.counts();
        assertEquals(1, c[0][0]);
        assertEquals(1, c[0][1]);
        assertEquals(1, c[1][2]);
        assertEquals(3 / 5.0, cm.accuracy(), 1e-9);
        assertEquals(0.5, cm.recall()[1], 1e-9);
        assertEquals(4, cm.toTable(List.of("a", "b", "c")).columnCount());
        assertTrue(cm.toMimeBundle().get("text/html").toString().contains(">1</td>"));
        assertEquals(0.75, Metrics.accuracy(Tensor.of(new float[][] {{1, 0}, {0, 1}, {2, 1}, {0, 3}}), Tensor.of(0, 1, 1, 1)), 1e-9);
    }

    @Test
    void livePlotReceivesTheCurves() {
        Sequential model = new Sequential(new Linear(2, 4), new Tanh(), new Linear(4, 1));
        LivePlot live = new LivePlot("xor");
        new Trainer(model, new MSELoss(), new SGD(model.parameters(), 0.1f)).epochs(3).listener(live)
                .validation(new DataLoader(XOR_X, XOR_Y, 4)).fit(new DataLoader(XOR_X, XOR_Y, 2));
        assertTrue(live.chart().redraws() >= 1);
        String svg = live.chart().snapshot().toSvgString();
        assertTrue(svg.contains("val_loss") && svg.contains("batch loss"), "legend names the curves");
    }
}
