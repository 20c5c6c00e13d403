package glassbox.nn;

import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What the gates of a recurrent layer did while it read a sequence: for every time step and every
 * hidden unit, the value of each gate. Turn it on with {@code lstm.recordGates(true)}, run the layer,
 * then read {@code lstm.gateTrace()}.
 *
 * <ul>
 *   <li>{@link LSTM}: "forget" f_t, "input" i_t, "output" o_t, "candidate" g_t (the new content,
 *       tanh), "cell" c_t and "hidden" h_t.</li>
 *   <li>{@link GRU}: "reset" r_t, "update" z_t, "candidate" n_t and "hidden" h_t.</li>
 *   <li>{@link RNN}: "hidden" h_t.</li>
 * </ul>
 * Each is a tensor of shape [T, B, H] (time, batch, unit), or [T, H] for an unbatched input; step t
 * is the step that read input position t (also in the reverse direction of a bidirectional layer).
 * {@link #table} and {@link #heatmap} give the same numbers as Tablesaw tables, one row per step
 * with the token read there, ready to chart under the input characters.
 */
public final class GateTrace {
    private final Map<String, Tensor> gates = new LinkedHashMap<>();

    GateTrace() {
    }

    GateTrace put(String name, Tensor values) {
        gates.put(name, values);
        return this;
    }

    /** The values of gate {@code name} ("forget", "input", ...), [T, B, H] or [T, H]. */
    public Tensor get(String name) {
        Tensor t = gates.get(name);
        if (t == null) {
            throw new IllegalArgumentException("GateTrace: no gate named '" + name + "'; this trace has " + names());
        }
        return t;
    }

    /** The names of the recorded gates, in order. */
    public List<String> names() {
        return new ArrayList<>(gates.keySet());
    }

    /** All gates by name. */
    public Map<String, Tensor> asMap() {
        return Collections.unmodifiableMap(gates);
    }

    /** Number of time steps T. */
    public int steps() {
        return first().size(0);
    }

    /** Number of hidden units H. */
    public int units() {
        return first().size(-1);
    }

    /** True if the values have a batch dimension ([T, B, H]). */
    public boolean batched() {
        return first().dim() == 3;
    }

    private Tensor first() {
        return gates.values().iterator().next();
    }

    /** The same trace with the batch dimension (of size 1) removed, for an unbatched input. */
    GateTrace squeezeBatch() {
        GateTrace out = new GateTrace();
        gates.forEach((n, t) -> out.put(n, t.squeeze(1)));
        return out;
    }

    /** The value of {@code gate} at step t, batch element b, unit u. */
    public float value(String gate, int t, int b, int u) {
        Tensor g = get(gate);
        return batched() ? g.get(t, b, u) : g.get(t, u);
    }

    /**
     * A long table for sequence {@code batchIndex}: one row per (step, unit) with columns step, token,
     * unit, then one column per gate. {@code tokens} labels the steps (e.g. the characters read); it
     * may be null.
     */
    public Table table(int batchIndex, List<String> tokens) {
        checkTokens(tokens);
        checkBatch(batchIndex);
        int steps = steps(), units = units();
        IntColumn step = IntColumn.create("step");
        StringColumn token = StringColumn.create("token");
        IntColumn unit = IntColumn.create("unit");
        List<DoubleColumn> columns = new ArrayList<>();
        for (String name : gates.keySet()) columns.add(DoubleColumn.create(name));
        for (int t = 0; t < steps; t++) {
            for (int u = 0; u < units; u++) {
                step.append(t);
                token.append(tokens == null ? "" : tokens.get(t));
                unit.append(u);
                int k = 0;
                for (String name : gates.keySet()) columns.get(k++).append(value(name, t, batchIndex, u));
            }
        }
        Table table = Table.create("gate trace", step, token, unit);
        for (DoubleColumn c : columns) table.addColumns(c);
        return table;
    }

    /** {@link #table(int, List)} with the characters of {@code text} as tokens. */
    public Table table(int batchIndex, String text) {
        return table(batchIndex, characters(text));
    }

    /**
     * A wide table of one gate for sequence {@code batchIndex}: one row per step (columns step, token)
     * and one column per unit ("unit 0", "unit 1", ...): the matrix of a heatmap with time along one
     * axis and the units along the other.
     */
    public Table heatmap(String gate, int batchIndex, List<String> tokens) {
        checkTokens(tokens);
        checkBatch(batchIndex);
        int steps = steps(), units = units();
        IntColumn step = IntColumn.create("step");
        StringColumn token = StringColumn.create("token");
        Table table = Table.create(gate, step, token);
        for (int t = 0; t < steps; t++) {
            step.append(t);
            token.append(tokens == null ? "" : tokens.get(t));
        }
        for (int u = 0; u < units; u++) {
            double[] v = new double[steps];
            for (int t = 0; t < steps; t++) v[t] = value(gate, t, batchIndex, u);
            table.addColumns(DoubleColumn.create("unit " + u, v));
        }
        return table;
    }

    /** {@link #heatmap(String, int, List)} with the characters of {@code text} as tokens. */
    public Table heatmap(String gate, int batchIndex, String text) {
        return heatmap(gate, batchIndex, characters(text));
    }

    private List<String> characters(String text) {
        List<String> out = new ArrayList<>();
        text.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
        return out;
    }

    private void checkTokens(List<String> tokens) {
        if (tokens != null && tokens.size() != steps()) {
            throw new IllegalArgumentException("GateTrace: " + tokens.size() + " tokens for " + steps()
                    + " steps; give one token (e.g. one character) per step");
        }
    }

    private void checkBatch(int b) {
        int n = batched() ? first().size(1) : 1;
        if (b < 0 || b >= n) {
            throw new IndexOutOfBoundsException("GateTrace: sequence " + b + " of a batch of " + n);
        }
    }

    @Override
    public String toString() {
        return "GateTrace" + names() + " over " + steps() + " steps, " + units() + " units";
    }
}
