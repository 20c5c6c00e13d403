import glassbox.kernel.grade.Expect;
import glassbox.kernel.grade.Points;
import glassbox.kernel.grade.Submission;
import glassbox.nn.LSTM;
import glassbox.nn.LSTMCell;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hidden tests of assignment 4: other sizes and states, gradients of the forward, one more backward. */
class LstmCellHiddenTest {

    @Test @Tag("q1") @Points(1)
    @DisplayName("q1: two chained steps with batch 1 and H 1, and with batch 5 and H 6, equal LSTMCell's")
    void otherShapesAndChainedSteps(Submission sub) {
        for (int[] size : new int[][] {{1, 2, 1}, {5, 4, 6}}) {
            Tensor[] in = LstmCellTest.step(11 + size[2], size[0], size[1], size[2]);
            LSTMCell cell = LstmCellTest.cell(in[3], in[4], in[5], in[6]);
            Tensor x2 = Tensor.randn(new Generator(size[2]), size[0], size[1]);
            Tensor[] s1 = LstmCellTest.forward(sub, in);
            Tensor[] s2 = sub.call("lstmForward", x2, s1[0], s1[1], in[3], in[4], in[5], in[6]);
            LSTMCell.State r = cell.forward(x2, cell.forward(in[0], new LSTMCell.State(in[1], in[2])));
            String what = "after two steps with batch " + size[0] + ", n " + size[1] + ", H " + size[2];
            Expect.close(r.c(), s2[1], "c' " + what);
            Expect.close(r.h(), s2[0], "h' " + what);
        }
    }

    @Test @Tag("q1") @Points(1)
    @DisplayName("q1: the forward is built from differentiable ops: its gradients pass a finite-difference check")
    void forwardGradients(Submission sub) {
        Tensor[] in = LstmCellTest.step(12, 2, 2, 3);
        Tensor probe = Tensor.randn(new Generator(120), 2, 3);
        for (Tensor t : in) t.requiresGrad(true);
        Expect.gradients(v -> {
            Tensor[] out = sub.call("lstmForward", v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
            return out[0].mul(probe).sum().add(out[1].sum());
        }, "lstmForward (h' . probe + sum c')", in);
    }

    @Test @Tag("q2") @Points(1)
    @DisplayName("q2: with dc' = 0 (the last step of a sequence) all six gradients equal autograd's, batch 3, n 5, H 2")
    void onlyHiddenGradient(Submission sub) {
        Tensor[] in = LstmCellTest.step(13, 3, 5, 2);
        Tensor dh = Tensor.randn(new Generator(130), 3, 2), dc = Tensor.zeros(3, 2);
        Tensor[] mine = LstmCellTest.backward(sub, in, dh, dc), auto = LstmCellTest.autograd(in, dh, dc);
        for (int k = 0; k < 6; k++) Expect.close(auto[k], mine[k], LstmCellTest.NAMES[k] + " with dc' = 0");
    }

    @Test @Tag("q2") @Points(1)
    @DisplayName("q2: with dh' = 0 only the cell path carries gradient; all six equal autograd's, batch 1, H 5")
    void onlyCellGradient(Submission sub) {
        Tensor[] in = LstmCellTest.step(14, 1, 3, 5);
        Tensor dh = Tensor.zeros(1, 5), dc = Tensor.randn(new Generator(140), 1, 5);
        Tensor[] mine = LstmCellTest.backward(sub, in, dh, dc), auto = LstmCellTest.autograd(in, dh, dc);
        for (int k = 0; k < 6; k++) Expect.close(auto[k], mine[k], LstmCellTest.NAMES[k] + " with dh' = 0");
    }

    @Test @Tag("q3") @Points(1)
    @DisplayName("q3: hT and cT after 9 steps equal glassbox.nn.LSTM's final state, batch 3, H 5")
    void finalStateMatchesLibrary(Submission sub) {
        Tensor[] in = LstmCellTest.step(15, 3, 2, 5);
        Tensor xs = Tensor.randn(new Generator(150), 9, 3, 2);
        Tensor[] out = sub.call("lstmSequence", xs, in[3], in[4], in[5], in[6]);
        LSTM.Output ref = LstmCellTest.lstm(in[3], in[4], in[5], in[6]).forward(xs, null, null);
        Expect.close(ref.h().select(0, 0), out[1], "hT after 9 steps");
        Expect.close(ref.c().select(0, 0), out[2], "cT after 9 steps");
    }

    @Test @Tag("q4") @Points(1)
    @DisplayName("q4: many-to-one BPTT over 7 steps (loss on the last step only), batch 1, H 3, equals autograd")
    void bpttLastStepOnly(Submission sub) {
        Tensor[] in = LstmCellTest.step(16, 1, 2, 3);
        var gen = new Generator(160);
        Tensor xs = Tensor.randn(gen, 7, 1, 2);
        Tensor dOut = Tensor.cat(java.util.List.of(Tensor.zeros(6, 1, 3), Tensor.randn(gen, 1, 1, 3)), 0);
        Tensor[] mine = LstmCellTest.sequenceBackward(sub, xs, in, dOut), auto = LstmCellTest.sequenceAutograd(xs, in, dOut);
        String[] names = {"dWih", "dWhh", "db"};
        for (int k = 0; k < 3; k++) Expect.close(auto[k], mine[k], names[k] + " when only h_7 has a loss");
    }
}
