import glassbox.kernel.grade.Expect;
import glassbox.kernel.grade.Points;
import glassbox.kernel.grade.Submission;
import glassbox.nn.LSTM;
import glassbox.nn.LSTMCell;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Visible tests of assignment 4 (an LSTM cell): students run them with %check. */
class LstmCellTest {

    /** Random inputs of one LSTM step: {x, h, c, wIh, wHh, bIh, bHh}. */
    static Tensor[] step(long seed, int batch, int n, int hidden) {
        var gen = new Generator(seed);
        return new Tensor[] {
            Tensor.randn(gen, batch, n), Tensor.randn(gen, batch, hidden).mul(0.5f), Tensor.randn(gen, batch, hidden),
            Tensor.randn(gen, 4 * hidden, n).mul(0.5f), Tensor.randn(gen, 4 * hidden, hidden).mul(0.5f),
            Tensor.randn(gen, 4 * hidden).mul(0.3f), Tensor.randn(gen, 4 * hidden).mul(0.3f)};
    }

    /** glassbox.nn.LSTMCell with the given weights. */
    static LSTMCell cell(Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh) {
        var cell = new LSTMCell(wIh.size(1), wHh.size(1));
        try (var s = Tensor.noGrad()) {
            cell.weightIh().copy_(wIh);
            cell.weightHh().copy_(wHh);
            cell.biasIh().copy_(bIh);
            cell.biasHh().copy_(bHh);
        }
        return cell;
    }

    /** glassbox.nn.LSTM (one layer) with the given weights. */
    static LSTM lstm(Tensor wIh, Tensor wHh, Tensor bIh, Tensor bHh) {
        var lstm = new LSTM(wIh.size(1), wHh.size(1));
        Map<String, Tensor> p = lstm.namedParameters();
        try (var s = Tensor.noGrad()) {
            p.get("weight_ih_l0").copy_(wIh);
            p.get("weight_hh_l0").copy_(wHh);
            p.get("bias_ih_l0").copy_(bIh);
            p.get("bias_hh_l0").copy_(bHh);
        }
        return lstm;
    }

    static Tensor[] forward(Submission sub, Tensor[] in) {
        Tensor[] out = sub.call("lstmForward", in[0], in[1], in[2], in[3], in[4], in[5], in[6]);
        Expect.that(out != null && out.length == 2, "lstmForward must return {h', c'} (an array of two tensors)");
        return out;
    }

    /**
     * Autograd's answer for one step of the library's cell with L = sum(h' * dh') + sum(c' * dc'):
     * {dx, dh, dc, dWih, dWhh, db}.
     */
    static Tensor[] autograd(Tensor[] in, Tensor dhNext, Tensor dcNext) {
        LSTMCell cell = cell(in[3], in[4], in[5], in[6]);
        Tensor x = in[0].copy().requiresGrad(true), h = in[1].copy().requiresGrad(true), c = in[2].copy().requiresGrad(true);
        LSTMCell.State out = cell.forward(x, new LSTMCell.State(h, c));
        out.h().mul(dhNext).sum().add(out.c().mul(dcNext).sum()).backward();
        return new Tensor[] {x.grad(), h.grad(), c.grad(), cell.weightIh().grad(), cell.weightHh().grad(), cell.biasIh().grad()};
    }

    static Tensor[] backward(Submission sub, Tensor[] in, Tensor dhNext, Tensor dcNext) {
        Tensor[] g = sub.call("lstmBackward", in[0], in[1], in[2], in[3], in[4], in[5], in[6], dhNext, dcNext);
        Expect.that(g != null && g.length == 6, "lstmBackward must return {dx, dh, dc, dWih, dWhh, db} (six tensors)");
        return g;
    }

    /** Autograd through glassbox.nn.LSTM with L = sum(outputs * dOutputs): {dWih, dWhh, db}. */
    static Tensor[] sequenceAutograd(Tensor xs, Tensor[] in, Tensor dOutputs) {
        LSTM lstm = lstm(in[3], in[4], in[5], in[6]);
        lstm.forward(xs).mul(dOutputs).sum().backward();
        Map<String, Tensor> p = lstm.namedParameters();
        return new Tensor[] {p.get("weight_ih_l0").grad(), p.get("weight_hh_l0").grad(), p.get("bias_ih_l0").grad()};
    }

    static Tensor[] sequenceBackward(Submission sub, Tensor xs, Tensor[] in, Tensor dOutputs) {
        Tensor[] g = sub.call("lstmSequenceBackward", xs, in[3], in[4], in[5], in[6], dOutputs);
        Expect.that(g != null && g.length == 3, "lstmSequenceBackward must return {dWih, dWhh, db} (three tensors)");
        return g;
    }

    static final String[] NAMES = {"dx", "dh", "dc", "dWih", "dWhh", "db"};

    @Test @Tag("q1") @Points(2)
    @DisplayName("q1: h' and c' equal glassbox.nn.LSTMCell's with the same weights (batch 2, n 3, H 4)")
    void forwardMatchesLibrary(Submission sub) {
        Tensor[] in = step(1, 2, 3, 4);
        Tensor[] out = forward(sub, in);
        LSTMCell.State ref = cell(in[3], in[4], in[5], in[6]).forward(in[0], new LSTMCell.State(in[1], in[2]));
        Expect.close(ref.c(), out[1], "c' = f * c + i * g (gate blocks in the order i, f, g, o?)");
        Expect.close(ref.h(), out[0], "h' = o * tanh(c')");
    }

    @Test @Tag("q1") @Points(1)
    @DisplayName("q1: with forget gate 1 and input gate 0 the cell passes through unchanged")
    void forgetOneInputZeroKeepsTheCell(Submission sub) {
        Tensor[] in = step(2, 3, 2, 3);
        Tensor b = Tensor.zeros(12);
        for (int j = 0; j < 3; j++) {
            b.set(-40f, j);      // input gate block
            b.set(40f, 3 + j);   // forget gate block
        }
        Tensor[] out = sub.call("lstmForward", in[0], in[1], in[2], in[3], in[4], b, Tensor.zeros(12));
        Expect.close(in[2], out[1], "c' when the forget-gate bias is +40 and the input-gate bias -40 (f = 1, i = 0)");
    }

    @Test @Tag("q2") @Points(2)
    @DisplayName("q2: dc, the gradient to the previous cell, equals autograd's")
    void cellGradient(Submission sub) {
        Tensor[] in = step(3, 2, 3, 4);
        var gen = new Generator(30);
        Tensor dh = Tensor.randn(gen, 2, 4), dc = Tensor.randn(gen, 2, 4);
        Tensor[] mine = backward(sub, in, dh, dc), auto = autograd(in, dh, dc);
        Expect.close(auto[2], mine[2], "dc = (dc' + dh' * o * (1 - tanh^2(c'))) * f");
    }

    @Test @Tag("q2") @Points(2)
    @DisplayName("q2: dx and dh equal autograd's")
    void inputGradients(Submission sub) {
        Tensor[] in = step(4, 2, 3, 4);
        var gen = new Generator(40);
        Tensor dh = Tensor.randn(gen, 2, 4), dc = Tensor.randn(gen, 2, 4);
        Tensor[] mine = backward(sub, in, dh, dc), auto = autograd(in, dh, dc);
        Expect.close(auto[0], mine[0], "dx = da W_ih");
        Expect.close(auto[1], mine[1], "dh = da W_hh");
    }

    @Test @Tag("q2") @Points(2)
    @DisplayName("q2: dWih, dWhh and db equal autograd's")
    void weightGradients(Submission sub) {
        Tensor[] in = step(5, 2, 3, 4);
        var gen = new Generator(50);
        Tensor dh = Tensor.randn(gen, 2, 4), dc = Tensor.randn(gen, 2, 4);
        Tensor[] mine = backward(sub, in, dh, dc), auto = autograd(in, dh, dc);
        for (int k = 3; k < 6; k++) Expect.close(auto[k], mine[k], NAMES[k] + " (shape " + java.util.Arrays.toString(auto[k].shape()) + ")");
    }

    @Test @Tag("q3") @Points(2)
    @DisplayName("q3: the outputs over 5 steps equal glassbox.nn.LSTM's with the same weights")
    void sequenceMatchesLibrary(Submission sub) {
        Tensor[] in = step(6, 2, 3, 4);
        Tensor xs = Tensor.randn(new Generator(60), 5, 2, 3);
        Tensor[] out = sub.call("lstmSequence", xs, in[3], in[4], in[5], in[6]);
        Expect.that(out != null && out.length == 3, "lstmSequence must return {outputs, hT, cT}");
        Expect.close(lstm(in[3], in[4], in[5], in[6]).forward(xs), out[0], "outputs [T, B, H] (h_1 .. h_T stacked)");
    }

    @Test @Tag("q4") @Points(2)
    @DisplayName("q4: BPTT over 4 steps gives autograd's dWih, dWhh and db (loss on every step)")
    void bpttMatchesAutograd(Submission sub) {
        Tensor[] in = step(7, 2, 3, 4);
        var gen = new Generator(70);
        Tensor xs = Tensor.randn(gen, 4, 2, 3), dOut = Tensor.randn(gen, 4, 2, 4);
        Tensor[] mine = sequenceBackward(sub, xs, in, dOut), auto = sequenceAutograd(xs, in, dOut);
        String[] names = {"dWih", "dWhh", "db"};
        for (int k = 0; k < 3; k++) {
            Expect.close(auto[k], mine[k], names[k] + " summed over 4 steps (does each step get dOutputs[t] + the dh "
                    + "of step t+1, and the dc of step t+1?)");
        }
    }
}
