package glassbox.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.nn.init.Init;
import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleTest {

    private static Sequential cnn() {
        return new Sequential(new Conv2d(1, 8, 3), new ReLU(), new MaxPool2d(2), new Flatten(), new Linear(8 * 13 * 13, 10));
    }

    @Test
    void parametersAreNamedByPath() {
        Sequential s = new Sequential(new Linear(3, 4), new ReLU(), new Sequential(new Linear(4, 2), new BatchNorm1d(2)));
        assertEquals(List.of("0.weight", "0.bias", "2.0.weight", "2.0.bias", "2.1.weight", "2.1.bias"),
                new ArrayList<>(s.namedParameters().keySet()));
        assertEquals(List.of("2.1.running_mean", "2.1.running_var"), new ArrayList<>(s.namedBuffers().keySet()));
        assertEquals(3 * 4 + 4 + 4 * 2 + 2 + 2 + 2, s.parameterCount());
        assertTrue(s.stateDict().containsKey("2.1.running_var"));
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        Sequential s = new Sequential(new Linear(3, 4), new Sequential(new Dropout(0.5f)));
        s.eval();
        for (Module m : s.modules()) assertFalse(m.isTraining());
        s.train();
        for (Module m : s.modules()) assertTrue(m.isTraining());
    }

    @Test
    void summaryListsOutputShapesAndParameterCounts() {
        Sequential model = cnn();
        model.train();
        ModelSummary sum = model.summary(2, 1, 28, 28);
        assertEquals(5, sum.rows().size());
        assertArrayEquals(new int[] {2, 8, 26, 26}, sum.rows().get(0).outputShape());
        assertEquals(8 * 9 + 8, sum.rows().get(0).parameters());
        assertArrayEquals(new int[] {2, 8, 13, 13}, sum.rows().get(2).outputShape());
        assertArrayEquals(new int[] {2, 1352}, sum.rows().get(3).outputShape());
        assertArrayEquals(new int[] {2, 10}, sum.outputShape());
        assertEquals(80 + 13530, sum.totalParameters());
        String text = sum.toString();
        assertTrue(text.contains("Conv2d") && text.contains("[2, 8, 26, 26]") && text.contains("13,610"), text);
        assertTrue(sum.toHtml().contains("<td>MaxPool2d</td>"));
        assertTrue(sum.toMimeBundle().get("text/html").toString().contains("<td>Conv2d</td>"));
        assertTrue(sum.toMimeBundle().plainText().contains("13,610"));
        assertTrue(model.isTraining(), "the summary restores training mode");
    }

    @Test
    void forwardHookSeesInputAndOutputAndCanBeRemoved() {
        Linear l = new Linear(3, 2);
        Sequential s = new Sequential(l, new ReLU());
        List<int[]> seen = new ArrayList<>();
        Module.HookHandle h = l.registerForwardHook((m, in, out) -> {
            assertSame(l, m);
            seen.add(in.shape());
            seen.add(out.shape());
        });
        s.call(Tensor.randn(5, 3));
        assertEquals(2, seen.size());
        assertArrayEquals(new int[] {5, 3}, seen.get(0));
        assertArrayEquals(new int[] {5, 2}, seen.get(1));
        h.remove();
        s.call(Tensor.randn(5, 3));
        assertEquals(2, seen.size());
    }

    @Test
    void backwardHookSeesTheGradientOfTheOutput() {
        Linear l = new Linear(3, 2);
        Tensor[] got = new Tensor[1];
        l.registerBackwardHook((m, g) -> got[0] = g.copy());
        Tensor x = Tensor.randn(4, 3);
        l.call(x).mul(3f).sum().backward();
        assertNotNull(got[0]);
        assertArrayEquals(Tensor.full(3f, 4, 2).data(), got[0].data());
    }

    @Test
    void recorderCollectsActivationsAndGradientsPerLayer() {
        Sequential s = new Sequential(new Linear(3, 5), new Tanh(), new Linear(5, 5), new Tanh(), new Linear(5, 1));
        try (LayerRecorder rec = LayerRecorder.attach(s, m -> m instanceof Tanh)) {
            s.call(Tensor.randn(8, 3)).sum().backward();
            assertEquals(List.of("1 (Tanh)", "3 (Tanh)"), new ArrayList<>(rec.activations().keySet()));
            assertArrayEquals(new int[] {8, 5}, rec.gradients().get("1 (Tanh)").shape());
            // the gradient reaching the last Tanh's output is the last layer's weight row for every example
            Linear last = (Linear) s.get(4);
            assertArrayEquals(last.weight.get(0).toFloatArray(), rec.gradients().get("3 (Tanh)").get(0).toFloatArray(), 1e-6f);
            assertTrue(rec.statistics().contains("3 (Tanh)"));
            assertTrue(glassbox.plot.Plot.histograms(rec.gradients()).toSvgString().contains("3 (Tanh)"));
        }
    }

    @Test
    void stateDictRoundTripGivesTheSameOutputs() {
        Sequential a = new Sequential(new Linear(4, 6), new BatchNorm1d(6), new ReLU(), new Linear(6, 3));
        a.call(Tensor.randn(10, 4)); // moves the running statistics
        Sequential b = new Sequential(new Linear(4, 6), new BatchNorm1d(6), new ReLU(), new Linear(6, 3));
        b.loadStateDict(a.stateDict());
        a.eval();
        b.eval();
        Tensor x = Tensor.randn(5, 4);
        assertArrayEquals(a.call(x).data(), b.call(x).data());
    }

    @Test
    void loadStateDictNamesMissingAndWrongShapes() {
        Linear a = new Linear(3, 2);
        Exception e = assertThrows(IllegalArgumentException.class, () -> a.loadStateDict(Map.of("weight", Tensor.zeros(2, 3))));
        assertTrue(e.getMessage().contains("missing: [bias]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> a.loadStateDict(Map.of("weight", Tensor.zeros(3, 3), "bias", Tensor.zeros(2))));
        assertTrue(e.getMessage().contains("'weight' has shape [3, 3]"), e.getMessage());
    }

    @Test
    void applyVisitsEveryModuleForInitialisation() {
        Sequential s = new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2));
        s.apply(m -> {
            if (m instanceof Linear l) {
                Init.zeros_(l.weight);
                Init.constant_(l.bias, 0.5f);
            }
        });
        assertArrayEquals(Tensor.full(0.5f, 1, 2).data(), s.call(Tensor.randn(1, 3)).data());
        assertEquals(4, s.modules().size());
    }
}
