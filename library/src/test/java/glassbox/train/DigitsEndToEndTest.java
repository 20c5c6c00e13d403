package glassbox.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.data.DataLoader;
import glassbox.data.Datasets;
import glassbox.data.Split;
import glassbox.data.TensorDataset;
import glassbox.nn.Conv2d;
import glassbox.nn.CrossEntropyLoss;
import glassbox.nn.Flatten;
import glassbox.nn.Linear;
import glassbox.nn.MaxPool2d;
import glassbox.nn.ReLU;
import glassbox.nn.Sequential;
import glassbox.optim.Adam;
import glassbox.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The 8x8 digits (1,797 images): a small network must reach at least 95% accuracy on held-out data. */
class DigitsEndToEndTest {

    @Test
    void mlpReaches95PercentTestAccuracy() {
        Tensor.manualSeed(0);
        Split.Pair split = Datasets.digits().flatten().trainTestSplit(0.25, 42);
        Sequential model = new Sequential(new Linear(64, 64), new ReLU(), new Linear(64, 10));
        History h = new Trainer(model, new CrossEntropyLoss(), new Adam(model.parameters(), 1e-2f))
                .epochs(30).accuracy().fit(new DataLoader(split.train(), 32, true, 1));
        double acc = testAccuracy(model, split.test());
        assertTrue(acc >= 0.95, "test accuracy " + acc + "\n" + h);
    }

    @Test
    void smallCnnReaches95PercentTestAccuracy() {
        Tensor.manualSeed(0);
        Split.Pair split = Datasets.digits().trainTestSplit(0.25, 42);
        Sequential model = new Sequential(new Conv2d(1, 8, 3, "same"), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(8 * 4 * 4, 10));
        new Trainer(model, new CrossEntropyLoss(), new Adam(model.parameters(), 1e-2f))
                .epochs(15).fit(new DataLoader(split.train(), 32, true, 1));
        double acc = testAccuracy(model, split.test());
        assertTrue(acc >= 0.95, "test accuracy " + acc);
        ConfusionMatrix cm = Metrics.confusionMatrix(model, new DataLoader(split.test().x(), split.test().y(), 100), 10);
        assertTrue(Math.abs(cm.accuracy() - acc) < 1e-9);
    }

    static double testAccuracy(Sequential model, TensorDataset test) {
        model.eval();
        try (var s = Tensor.noGrad()) {
            return Metrics.accuracy(model.call(test.x()), test.y());
        }
    }
}
