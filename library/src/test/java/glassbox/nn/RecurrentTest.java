package glassbox.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class RecurrentTest {

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Sets every parameter of m to small random values from a fixed seed. */
    static void seeded(Module m, long seed) {
        glassbox.tensor.Generator g = new glassbox.tensor.Generator(seed);
        for (Tensor p : m.parameters()) {
            float[] d = p.data();
            for (int i = 0; i < d.length; i++) d[i] = g.nextFloat() - 0.5f;
        }
    }

    @Test
    void lstmStepEqualsTheCurriculumGateEquationsComputedByHand() {
        // One unit, one input: every weight is a plain number, so the equations can be done on paper.
        LSTMCell cell = new LSTMCell(1, 1);
        // weight_ih = [U_i, U_f, U_c, U_o], weight_hh = [W_i, W_f, W_c, W_o], bias_ih = b, bias_hh = 0
        set(cell.weightIh(), 0.5f, -0.3f, 0.8f, 0.2f);
        set(cell.weightHh(), 0.1f, 0.4f, -0.6f, 0.7f);
        set(cell.biasIh(), 0.05f, 1.0f, 0.0f, -0.2f);
        set(cell.biasHh(), 0f, 0f, 0f, 0f);
        double x = 2.0, hPrev = 0.5, cPrev = -1.0;
        // f_t = s(W_f h_{t-1} + U_f x_t + b_f), i_t = s(...), o_t = s(...)
        double f = sigmoid(0.4 * hPrev + -0.3 * x + 1.0);
        double i = sigmoid(0.1 * hPrev + 0.5 * x + 0.05);
        double o = sigmoid(0.7 * hPrev + 0.2 * x - 0.2);
        // c_t = f_t * c_{t-1} + i_t * tanh(W_c h_{t-1} + U_c x_t + b_c), h_t = o_t * tanh(c_t)
        double c = f * cPrev + i * Math.tanh(-0.6 * hPrev + 0.8 * x + 0.0);
        double h = o * Math.tanh(c);
        LSTMCell.State s = cell.forward(Tensor.of((float) x), new LSTMCell.State(Tensor.of((float) hPrev), Tensor.of((float) cPrev)));
        assertEquals(c, s.c().item(), 1e-6);
        assertEquals(h, s.h().item(), 1e-6);
        LSTMCell.State byOps = cell.stepWithOps(Tensor.of((float) x), new LSTMCell.State(Tensor.of((float) hPrev), Tensor.of((float) cPrev)));
        assertEquals(c, byOps.c().item(), 1e-6);
        assertEquals(h, byOps.h().item(), 1e-6);
    }

    private static void set(Tensor t, float... values) {
        System.arraycopy(values, 0, t.data(), 0, values.length);
    }

    @Test
    void fusedLstmStepEqualsTheStepWrittenWithTensorOpsInValuesAndGradients() {
        Tensor.manualSeed(3);
        LSTMCell cell = new LSTMCell(3, 5);
        Tensor x = Tensor.randn(4, 3), h = Tensor.randn(4, 5), c = Tensor.randn(4, 5), w = Tensor.randn(4, 5);
        LSTMCell.State fused = cell.forward(x, new LSTMCell.State(h, c));
        fused.h().mul(fused.h()).sum().add(fused.c().mul(w).sum()).backward();
        float[] gFused = cell.weightHh().grad().toFloatArray();
        float[] gBiasFused = cell.biasIh().grad().toFloatArray();
        cell.zeroGrad();
        LSTMCell.State ops = cell.stepWithOps(x, new LSTMCell.State(h, c));
        ops.h().mul(ops.h()).sum().add(ops.c().mul(w).sum()).backward();
        assertArrayEquals(ops.h().toFloatArray(), fused.h().toFloatArray(), 1e-6f);
        assertArrayEquals(ops.c().toFloatArray(), fused.c().toFloatArray(), 1e-6f);
        assertArrayEquals(cell.weightHh().grad().toFloatArray(), gFused, 1e-5f);
        assertArrayEquals(cell.biasIh().grad().toFloatArray(), gBiasFused, 1e-5f);
    }

    @Test
    void cellsPassTheGradientCheck() {
        Tensor.manualSeed(1);
        Tensor x = Tensor.randn(2, 3).requiresGrad(true), h = Tensor.randn(2, 4).requiresGrad(true);
        Tensor c = Tensor.randn(2, 4).requiresGrad(true);
        LSTMCell lstm = new LSTMCell(3, 4);
        ModuleGradCheck.check("LSTMCell h'", () -> lstm.forward(x, new LSTMCell.State(h, c)).h(), lstm, x, h, c);
        ModuleGradCheck.check("LSTMCell c'", () -> lstm.forward(x, new LSTMCell.State(h, c)).c(), lstm, x, h, c);
        GRUCell gru = new GRUCell(3, 4);
        ModuleGradCheck.check("GRUCell", () -> gru.forward(x, h), gru, x, h);
        RNNCell rnn = new RNNCell(3, 4);
        ModuleGradCheck.check("RNNCell", () -> rnn.forward(x, h), rnn, x, h);
        RNNCell relu = new RNNCell(3, 4, false, "relu");
        ModuleGradCheck.check("RNNCell relu, no bias", () -> relu.forward(x, h), relu, x, h);
    }

    @Test
    void multiLayerBidirectionalLayersPassTheGradientCheck() {
        Tensor.manualSeed(2);
        Tensor x = Tensor.randn(4, 2, 3).requiresGrad(true);
        Tensor h0 = Tensor.randn(4, 2, 3).mul(0.5f).requiresGrad(true), c0 = Tensor.randn(4, 2, 3).mul(0.5f).requiresGrad(true);
        LSTM lstm = new LSTM(3, 3, 2, true, false, 0f, true);
        ModuleGradCheck.check("LSTM output", () -> lstm.forward(x, h0, c0).output(), lstm, x, h0, c0);
        ModuleGradCheck.check("LSTM h_n", () -> lstm.forward(x, h0, c0).h(), lstm, x, h0, c0);
        ModuleGradCheck.check("LSTM c_n only", () -> lstm.forward(x, h0, c0).c(), lstm, x, h0, c0);
        GRU gru = new GRU(3, 3, 2, true, false, 0f, true);
        ModuleGradCheck.check("GRU", () -> {
            GRU.Output o = gru.forward(x, h0);
            return Tensor.cat(List.of(o.output().flatten(), o.h().flatten()), 0);
        }, gru, x, h0);
        RNN rnn = new RNN(3, 3, 2, "tanh", true, false, 0f, true);
        ModuleGradCheck.check("RNN", () -> rnn.forward(x, h0).output(), rnn, x, h0);
    }

    @Test
    void batchFirstAndUnbatchedInputsGiveTheSameNumbersAsTimeFirst() {
        Tensor.manualSeed(4);
        LSTM timeFirst = new LSTM(3, 4, 2, true, false, 0f, true);
        Tensor.manualSeed(4);
        LSTM batchFirst = new LSTM(3, 4, 2, true, true, 0f, true);
        Tensor x = Tensor.randn(6, 2, 3);
        LSTM.Output a = timeFirst.forward(x, null, null);
        LSTM.Output b = batchFirst.forward(x.transpose(0, 1), null, null);
        assertArrayEquals(new int[] {2, 6, 8}, b.output().shape());
        assertArrayEquals(a.output().transpose(0, 1).toFloatArray(), b.output().toFloatArray(), 1e-6f);
        assertArrayEquals(a.h().toFloatArray(), b.h().toFloatArray(), 1e-6f);
        LSTM.Output u = timeFirst.forward(x.select(1, 1), null, null);
        assertArrayEquals(new int[] {6, 8}, u.output().shape());
        assertArrayEquals(new int[] {4, 4}, u.c().shape());
        assertArrayEquals(a.output().select(1, 1).toFloatArray(), u.output().toFloatArray(), 1e-6f);
        ModuleGradCheck.check("batchFirst LSTM", () -> batchFirst.forward(x.transpose(0, 1)), batchFirst);
    }

    @Test
    void theStateOutIsTheStateInOfTheNextChunk() {
        Tensor.manualSeed(5);
        GRU gru = new GRU(2, 3);
        LSTM lstm = new LSTM(2, 3);
        Tensor x = Tensor.randn(8, 1, 2);
        GRU.Output whole = gru.forward(x, null);
        GRU.Output first = gru.forward(x.slice(0, 0, 5), null);
        GRU.Output rest = gru.forward(x.slice(0, 5, 8), first.h());
        assertArrayEquals(whole.h().toFloatArray(), rest.h().toFloatArray(), 1e-6f);
        LSTM.Output lw = lstm.forward(x, null, null);
        LSTM.Output l1 = lstm.forward(x.slice(0, 0, 5), null, null);
        LSTM.Output l2 = lstm.forward(x.slice(0, 5, 8), l1.h(), l1.c());
        assertArrayEquals(lw.c().toFloatArray(), l2.c().toFloatArray(), 1e-6f);
        assertArrayEquals(lw.output().select(0, 7).toFloatArray(), l2.output().select(0, 2).toFloatArray(), 1e-6f);
    }

    @Test
    void gateTraceHoldsEveryGateAndEqualsTheGatesRecomputedByHand() {
        Tensor.manualSeed(6);
        LSTM lstm = new LSTM(2, 3);
        Tensor x = Tensor.randn(5, 2, 2);
        assertThrows(IllegalStateException.class, lstm::gateTrace, "off by default");
        lstm.forward(x);
        assertThrows(IllegalStateException.class, lstm::gateTrace, "nothing recorded while off");
        lstm.recordGates(true);
        Tensor out = lstm.forward(x);
        GateTrace trace = lstm.gateTrace();
        assertEquals(List.of("forget", "input", "output", "candidate", "cell", "hidden"), trace.names());
        for (String g : trace.names()) assertArrayEquals(new int[] {5, 2, 3}, trace.get(g).shape(), g);
        assertArrayEquals(out.toFloatArray(), trace.get("hidden").toFloatArray(), 0f);
        // Recompute every gate of every step by hand from the weights.
        float[] wi = lstm.weightIh(0, 0).data(), wh = lstm.weightHh(0, 0).data();
        float[] bi = lstm.biasIh(0, 0).data(), bh = lstm.biasHh(0, 0).data();
        for (int b = 0; b < 2; b++) {
            double[] h = new double[3], c = new double[3];
            for (int t = 0; t < 5; t++) {
                double[] pre = new double[12];
                for (int r = 0; r < 12; r++) {
                    pre[r] = bi[r] + bh[r];
                    for (int k = 0; k < 2; k++) pre[r] += wi[r * 2 + k] * x.get(t, b, k);
                    for (int k = 0; k < 3; k++) pre[r] += wh[r * 3 + k] * h[k];
                }
                for (int u = 0; u < 3; u++) {
                    double i = sigmoid(pre[u]), f = sigmoid(pre[3 + u]), g = Math.tanh(pre[6 + u]), o = sigmoid(pre[9 + u]);
                    c[u] = f * c[u] + i * g;
                    h[u] = o * Math.tanh(c[u]);
                    assertEquals(i, trace.value("input", t, b, u), 1e-6);
                    assertEquals(f, trace.value("forget", t, b, u), 1e-6);
                    assertEquals(g, trace.value("candidate", t, b, u), 1e-6);
                    assertEquals(o, trace.value("output", t, b, u), 1e-6);
                    assertEquals(c[u], trace.value("cell", t, b, u), 1e-6);
                }
                for (int u = 0; u < 3; u++) assertEquals(h[u], trace.value("hidden", t, b, u), 1e-6);
            }
        }
        lstm.recordGates(false);
        assertThrows(IllegalStateException.class, lstm::gateTrace);
    }

    @Test
    void gruGateTraceEqualsTheGatesRecomputedByHand() {
        Tensor.manualSeed(7);
        GRU gru = new GRU(2, 3);
        gru.recordGates(true);
        Tensor x = Tensor.randn(4, 2);   // unbatched
        Tensor out = gru.forward(x);
        GateTrace trace = gru.gateTrace();
        assertEquals(List.of("reset", "update", "candidate", "hidden"), trace.names());
        assertArrayEquals(new int[] {4, 3}, trace.get("update").shape());
        assertArrayEquals(out.toFloatArray(), trace.get("hidden").toFloatArray(), 0f);
        float[] wi = gru.weightIh(0, 0).data(), wh = gru.weightHh(0, 0).data();
        float[] bi = gru.biasIh(0, 0).data(), bh = gru.biasHh(0, 0).data();
        double[] h = new double[3];
        for (int t = 0; t < 4; t++) {
            double[] gx = new double[9], gh = new double[9];
            for (int r = 0; r < 9; r++) {
                gx[r] = bi[r];
                gh[r] = bh[r];
                for (int k = 0; k < 2; k++) gx[r] += wi[r * 2 + k] * x.get(t, k);
                for (int k = 0; k < 3; k++) gh[r] += wh[r * 3 + k] * h[k];
            }
            double[] hNew = new double[3];
            for (int u = 0; u < 3; u++) {
                double r = sigmoid(gx[u] + gh[u]), z = sigmoid(gx[3 + u] + gh[3 + u]);
                double n = Math.tanh(gx[6 + u] + r * gh[6 + u]);
                hNew[u] = (1 - z) * n + z * h[u];
                assertEquals(r, trace.value("reset", t, 0, u), 1e-6);
                assertEquals(z, trace.value("update", t, 0, u), 1e-6);
                assertEquals(n, trace.value("candidate", t, 0, u), 1e-6);
                assertEquals(hNew[u], trace.value("hidden", t, 0, u), 1e-6);
            }
            h = hNew;
        }
    }

    @Test
    void gateTraceTablesLabelEveryStepWithItsCharacter() {
        Tensor.manualSeed(8);
        LSTM lstm = new LSTM(4, 3, 2, true, true, 0f, true).recordGates(true);
        lstm.forward(Tensor.randn(2, 5, 4));
        GateTrace top = lstm.gateTrace(), reverse = lstm.gateTrace(1, 1), bottom = lstm.gateTrace(0, 0);
        assertArrayEquals(new int[] {5, 2, 3}, reverse.get("forget").shape());
        assertTrue(top != reverse && top != bottom);
        Table longTable = top.table(1, "hello");
        assertEquals(5 * 3, longTable.rowCount());
        assertEquals(List.of("step", "token", "unit", "forget", "input", "output", "candidate", "cell", "hidden"),
                longTable.columnNames());
        assertEquals("l", longTable.stringColumn("token").get(3 * 3));
        assertEquals(top.value("cell", 3, 1, 2), longTable.doubleColumn("cell").get(3 * 3 + 2), 1e-7);
        Table heat = top.heatmap("forget", 1, "hello");
        assertEquals(5, heat.rowCount());
        assertEquals(2 + 3, heat.columnCount());
        assertEquals("o", heat.stringColumn("token").get(4));
        assertEquals(top.value("forget", 4, 1, 2), heat.doubleColumn("unit 2").get(4), 1e-7);
        assertThrows(IllegalArgumentException.class, () -> top.table(0, "four"));
    }

    @Test
    void forgetOneAndInputZeroKeepTheCellForever() {
        LSTM lstm = new LSTM(2, 3);
        try (var s = Tensor.noGrad()) {
            float[] b = lstm.biasIh(0, 0).data();
            java.util.Arrays.fill(b, 0, 3, -50f);   // input gate: s(-50) = 0
            java.util.Arrays.fill(b, 3, 6, 50f);    // forget gate: s(50) = 1
        }
        Tensor c0 = Tensor.of(new float[][] {{0.3f, -0.7f, 0.9f}}).unsqueeze(0);
        LSTM.Output out = lstm.forward(Tensor.randn(40, 1, 2), Tensor.zeros(1, 1, 3), c0);
        assertArrayEquals(c0.toFloatArray(), out.c().toFloatArray(), 1e-6f);
    }

    @Test
    void wrongShapesAreExplained() {
        LSTM lstm = new LSTM(3, 4);
        ShapeException e = assertThrows(ShapeException.class, () -> lstm.forward(Tensor.zeros(5, 2, 7)));
        assertTrue(e.getMessage().contains("7") && e.getMessage().contains("inputSize is 3"), e.getMessage());
        ShapeException s = assertThrows(ShapeException.class, () -> lstm.forward(Tensor.zeros(5, 2, 3), Tensor.zeros(1, 3, 4), Tensor.zeros(1, 3, 4)));
        assertTrue(s.getMessage().contains("h0") && s.getMessage().contains("[1, 2, 4]"), s.getMessage());
        assertThrows(IllegalArgumentException.class, () -> lstm.forward(Tensor.zeros(5, 2, 3), Tensor.zeros(1, 2, 4), null));
        assertThrows(ShapeException.class, () -> new GRUCell(3, 4).forward(Tensor.zeros(2, 3), Tensor.zeros(3, 4)));
    }

    @Test
    void dropoutBetweenLayersOnlyInTraining() {
        Tensor.manualSeed(9);
        LSTM lstm = new LSTM(3, 4, 2, true, false, 0.5f, false);
        Tensor x = Tensor.randn(5, 2, 3);
        lstm.eval();
        float[] a = lstm.forward(x).toFloatArray();
        assertArrayEquals(a, lstm.forward(x).toFloatArray(), 0f);
        lstm.train();
        float[] b = lstm.forward(x).toFloatArray();
        assertTrue(!java.util.Arrays.equals(a, b), "dropout changes the output in training mode");
    }

    /** The opening of Jane Austen's Pride and Prejudice (1813, public domain). */
    static final String TEXT = "It is a truth universally acknowledged, that a single man in possession of a good "
            + "fortune, must be in want of a wife. However little known the feelings or views of such a man may be "
            + "on his first entering a neighbourhood, this truth is so well fixed in the minds of the surrounding "
            + "families, that he is considered as the rightful property of some one or other of their daughters.";

    @Test
    void aSmallLstmLearnsToPredictTheNextCharacter() {
        Tensor.manualSeed(10);
        String vocab = TEXT.chars().distinct().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
        int v = vocab.length(), hidden = 32, steps = 48, batch = 4;
        LSTM lstm = new LSTM(v, hidden);
        Tensor w = Tensor.randn(v, hidden).mul(0.1f).requiresGrad(true), b = Tensor.zeros(v).requiresGrad(true);
        List<Tensor> params = new java.util.ArrayList<>(lstm.parameters());
        params.add(w);
        params.add(b);
        float first = 0, last = 0;
        for (int it = 0; it < 200; it++) {
            // batch sequences starting at random places; targets are the next characters
            float[] x = new float[steps * batch * v], target = new float[steps * batch * v];
            for (int j = 0; j < batch; j++) {
                int start = glassbox.tensor.Generator.getDefault().nextInt(TEXT.length() - steps - 1);
                for (int t = 0; t < steps; t++) {
                    x[(t * batch + j) * v + vocab.indexOf(TEXT.charAt(start + t))] = 1;
                    target[(t * batch + j) * v + vocab.indexOf(TEXT.charAt(start + t + 1))] = 1;
                }
            }
            Tensor out = lstm.forward(Tensor.fromArray(x, steps, batch, v));
            Tensor logits = out.reshape(steps * batch, hidden).matmul(w.t()).add(b);
            Tensor loss = logits.logSoftmax(1).mul(Tensor.fromArray(target, steps * batch, v)).sum().div(-steps * batch);
            for (Tensor p : params) p.zeroGrad();
            loss.backward();
            try (var s = Tensor.noGrad()) {
                for (Tensor p : params) p.sub_(p.grad().mul(4.0f));
            }
            if (it == 0) first = loss.item();
            last = loss.item();
        }
        assertTrue(first > 3.0f, "starts near ln(" + v + ") = " + Math.log(v) + ": " + first);
        assertTrue(last < 0.5f * first, "loss fell from " + first + " to " + last);
    }
}
