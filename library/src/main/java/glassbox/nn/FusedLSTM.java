package glassbox.nn;

import glassbox.tensor.ArrayMath;
import glassbox.tensor.Tensor;

/**
 * The LSTM recurrence over a whole sequence as <em>one</em> autograd op, forward and backward written
 * out by hand. {@link LSTM} and {@link LSTMCell} use it; {@link LSTMCell#stepWithOps} computes the same
 * step from ~20 small tensor ops, for comparison.
 *
 * <p><b>Forward</b>, for t = 0..T-1 (or T-1..0 when {@code reverse}), with the input part of every
 * gate precomputed for all steps at once, {@code xGates[t] = x_t W_ih^T + b_ih + b_hh} ([B, 4H], gate
 * order i, f, g, o as in PyTorch):
 * <pre>
 *   a_t = xGates[t] + h_{t-1} W_hh^T              one matrix product for all four gates
 *   i_t = s(a_t[i])   f_t = s(a_t[f])   g_t = tanh(a_t[g])   o_t = s(a_t[o])
 *   c_t = f_t * c_{t-1} + i_t * g_t
 *   h_t = o_t * tanh(c_t)
 * </pre>
 * <b>Backward</b> (backpropagation through time), from the last step to the first, with dh and dc the
 * gradients flowing back into h_t and c_t:
 * <pre>
 *   dh += dL/doutput[t]                            the output at step t is h_t
 *   do = dh * tanh(c_t)            dc += dh * o_t * (1 - tanh(c_t)^2)
 *   di = dc * g_t   dg = dc * i_t   df = dc * c_{t-1}   dc_{t-1} = dc * f_t
 *   da = [di * i(1-i), df * f(1-f), dg * (1-g^2), do * o(1-o)]     through the nonlinearities
 *   dh_{t-1} = da W_hh
 * </pre>
 * and, once for all steps, dL/dxGates = da (every step) and dL/dW_hh = sum_t da_t^T h_{t-1}.
 *
 * <p>The values of every gate are kept for the backward pass anyway, so a {@link GateTrace} costs only
 * a copy, and only when asked for.
 */
public final class FusedLSTM {
    private FusedLSTM() {
    }

    /**
     * The result: {@code output} [T, B, H] holds h_t for every step (at the position of the input it
     * read), {@code h} and {@code c} [B, H] the state after the last step processed, and {@code trace}
     * the gates when recording was asked for (else null).
     */
    public record Result(Tensor output, Tensor h, Tensor c, GateTrace trace) {
    }

    /**
     * Runs the recurrence.
     *
     * @param xGates  [T, B, 4H]: the input's contribution to the gate pre-activations, biases included
     * @param wHH     [4H, H]: the recurrent weights (PyTorch's weight_hh, gate order i, f, g, o)
     * @param h0      [B, H] initial hidden state
     * @param c0      [B, H] initial cell state
     * @param reverse read the sequence from the last step to the first (the backward direction of a
     *                bidirectional LSTM)
     * @param record  keep a {@link GateTrace} of every gate
     */
    public static Result apply(Tensor xGates, Tensor wHH, Tensor h0, Tensor c0, boolean reverse, boolean record) {
        if (xGates.dim() != 3 || xGates.size(2) % 4 != 0) {
            throw new glassbox.tensor.ShapeException("FusedLSTM: xGates must be [T, B, 4H], got " + shape(xGates));
        }
        int steps = xGates.size(0), batch = xGates.size(1), hidden = xGates.size(2) / 4, g4 = 4 * hidden;
        checkShape("wHH", wHH, g4, hidden);
        checkShape("h0", h0, batch, hidden);
        checkShape("c0", c0, batch, hidden);

        float[] xg = xGates.data();
        Tensor wT;                                          // [H, 4H], laid out once: every step's product then
        try (var scope = Tensor.noGrad()) {                 // packs it with plain row copies, not a strided gather
            wT = wHH.t().contiguous();
        }
        int bh = batch * hidden;
        float[] hs = new float[steps * bh];                 // h_t, at position t
        float[] cs = new float[steps * bh];                 // c_t
        float[] tcs = new float[steps * bh];                // tanh(c_t)
        float[] acts = new float[steps * batch * g4];       // i, f, g, o after their nonlinearity
        float[] h = h0.data(), c = c0.data();

        for (int s = 0; s < steps; s++) {
            int t = reverse ? steps - 1 - s : s;
            int xo = t * batch * g4, so = t * bh;
            float[] a = matmul(h, batch, hidden, wT);       // h_{t-1} W_hh^T, [B, 4H]
            for (int k = 0; k < a.length; k++) a[k] += xg[xo + k];
            for (int b = 0; b < batch; b++) {               // the gates: i, f, g, o side by side in each row
                int row = b * g4;
                ArrayMath.sigmoid(a, row, a, row, 2 * hidden);                    // i, f
                ArrayMath.tanh(a, row + 2 * hidden, a, row + 2 * hidden, hidden);   // g
                ArrayMath.sigmoid(a, row + 3 * hidden, a, row + 3 * hidden, hidden); // o
            }
            System.arraycopy(a, 0, acts, xo, a.length);
            for (int b = 0; b < batch; b++) {               // c_t = f * c_{t-1} + i * g
                int row = b * g4;
                for (int j = 0; j < hidden; j++) {
                    int k = so + b * hidden + j;
                    cs[k] = a[row + hidden + j] * c[b * hidden + j] + a[row + j] * a[row + 2 * hidden + j];
                }
            }
            ArrayMath.tanh(cs, so, tcs, so, bh);             // tanh(c_t)
            for (int b = 0; b < batch; b++) {               // h_t = o * tanh(c_t)
                int row = b * g4;
                for (int j = 0; j < hidden; j++) {
                    int k = so + b * hidden + j;
                    hs[k] = a[row + 3 * hidden + j] * tcs[k];
                }
            }
            h = java.util.Arrays.copyOfRange(hs, so, so + bh);
            c = java.util.Arrays.copyOfRange(cs, so, so + bh);
        }
        int last = reverse ? 0 : steps - 1;

        Tensor output = Tensor.result(hs, new int[] {steps, batch, hidden}, "lstm", xGates, wHH, h0, c0);
        Tensor hN = output.select(0, last);
        // The final cell state is a second output of the same op. It is its own graph node, computed
        // "from" output, so its backward runs first: it hands its gradient to output's backward.
        float[][] dcLast = new float[1][];
        Tensor cN = Tensor.result(c, new int[] {batch, hidden}, "lstm_c_n", output);
        cN.onBackward(() -> {
            dcLast[0] = cN.grad().toFloatArray();
            output.addGrad(Tensor.zeros(steps, batch, hidden));   // makes sure output's backward runs
        });

        float[] h0v = h0.data(), c0v = c0.data();
        output.onBackward(() -> {
            float[] dOut = output.grad().data();
            float[] da = new float[steps * batch * g4];           // dL/da_t for every step
            float[] hPrev = new float[steps * bh];                // h_{t-1} at position t, for dW_hh
            float[] dh = new float[bh];
            float[] dc = dcLast[0] != null ? dcLast[0] : new float[bh];
            dcLast[0] = null;
            for (int s = steps - 1; s >= 0; s--) {
                int t = reverse ? steps - 1 - s : s;
                int prev = reverse ? t + 1 : t - 1;                // the step read just before t
                boolean first = s == 0;
                int xo = t * batch * g4, so = t * bh, po = prev * bh;
                for (int b = 0; b < batch; b++) {
                    int row = b * g4;
                    for (int j = 0; j < hidden; j++) {
                        int k = so + b * hidden + j, bj = b * hidden + j;
                        float i = acts[xo + row + j], f = acts[xo + row + hidden + j];
                        float g = acts[xo + row + 2 * hidden + j], o = acts[xo + row + 3 * hidden + j];
                        float cPrev = first ? c0v[bj] : cs[po + bj];
                        hPrev[k] = first ? h0v[bj] : hs[po + bj];
                        float dhj = dh[bj] + dOut[k];
                        float tc = tcs[k];
                        float dO = dhj * tc;
                        float dcj = dc[bj] + dhj * o * (1 - tc * tc);
                        float dI = dcj * g, dG = dcj * i, dF = dcj * cPrev;
                        dc[bj] = dcj * f;                                   // dc_{t-1}
                        da[xo + row + j] = dI * i * (1 - i);
                        da[xo + row + hidden + j] = dF * f * (1 - f);
                        da[xo + row + 2 * hidden + j] = dG * (1 - g * g);
                        da[xo + row + 3 * hidden + j] = dO * o * (1 - o);
                    }
                }
                dh = matmul(java.util.Arrays.copyOfRange(da, xo, xo + batch * g4), batch, g4, wHH); // dh_{t-1} = da W_hh
            }
            xGates.addGrad(Tensor.fromArray(da, steps, batch, g4));
            if (wHH.requiresGrad()) {
                Tensor daAll = Tensor.fromArray(da, steps * batch, g4);
                wHH.addGrad(daAll.t().matmul(Tensor.fromArray(hPrev, steps * batch, hidden)));
            }
            h0.addGrad(Tensor.fromArray(dh, batch, hidden));
            c0.addGrad(Tensor.fromArray(dc, batch, hidden));
        });

        GateTrace trace = null;
        if (record) {
            int[] shape = {steps, batch, hidden};
            trace = new GateTrace()
                    .put("forget", gate(acts, 1, steps, batch, hidden))
                    .put("input", gate(acts, 0, steps, batch, hidden))
                    .put("output", gate(acts, 3, steps, batch, hidden))
                    .put("candidate", gate(acts, 2, steps, batch, hidden))
                    .put("cell", Tensor.fromArray(cs.clone(), shape))
                    .put("hidden", Tensor.fromArray(hs.clone(), shape));
        }
        return new Result(output, hN, cN, trace);
    }

    /** Gate number {@code which} (0 = i, 1 = f, 2 = g, 3 = o) of every step, as [T, B, H]. */
    private static Tensor gate(float[] acts, int which, int steps, int batch, int hidden) {
        float[] out = new float[steps * batch * hidden];
        for (int r = 0; r < steps * batch; r++) {
            System.arraycopy(acts, r * 4 * hidden + which * hidden, out, r * hidden, hidden);
        }
        return Tensor.fromArray(out, steps, batch, hidden);
    }

    /** a [m, k] (row-major values) times b [k, n], outside the graph. */
    private static float[] matmul(float[] a, int m, int k, Tensor b) {
        try (var scope = Tensor.noGrad()) {
            return Tensor.fromArray(a, m, k).matmul(b).data();
        }
    }

    private static void checkShape(String name, Tensor t, int rows, int cols) {
        if (t.dim() != 2 || t.size(0) != rows || t.size(1) != cols) {
            throw new glassbox.tensor.ShapeException("FusedLSTM: " + name + " must be [" + rows + ", " + cols
                    + "], got " + shape(t));
        }
    }

    private static String shape(Tensor t) {
        return java.util.Arrays.toString(t.shape());
    }
}
