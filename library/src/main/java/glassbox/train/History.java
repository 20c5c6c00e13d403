package glassbox.train;

import glassbox.display.Displayable;
import glassbox.display.MimeBundle;
import glassbox.display.Renderers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What happened during training, one row per epoch: "epoch", "train_loss", the metrics on the
 * training batches ("train_accuracy"), "val_loss" and "val_..." if there is validation data, "lr" and
 * "seconds". {@link #table()} gives it as a Tablesaw table for plotting.
 */
public final class History implements Displayable {
    private final List<Map<String, Double>> rows = new ArrayList<>();
    private String stopReason = "";

    void add(Map<String, Double> row) {
        rows.add(Collections.unmodifiableMap(new LinkedHashMap<>(row)));
    }

    void stopReason(String reason) {
        this.stopReason = reason;
    }

    /** Why training ended: "completed", "early stopping at epoch 12 ...", "interrupted ...". */
    public String stopReason() {
        return stopReason;
    }

    /** The rows, one per completed epoch. */
    public List<Map<String, Double>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** The number of completed epochs. */
    public int epochs() {
        return rows.size();
    }

    /** The values of one column, e.g. "val_loss", per epoch. */
    public double[] column(String name) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = rows.get(i).get(name);
            if (v == null) throw new IllegalArgumentException("History: no column '" + name + "'; columns are " + columns());
            out[i] = v;
        }
        return out;
    }

    /** The column names. */
    public List<String> columns() {
        return rows.isEmpty() ? List.of() : new ArrayList<>(rows.get(0).keySet());
    }

    /** The last epoch's row. */
    public Map<String, Double> last() {
        if (rows.isEmpty()) throw new IllegalStateException("History: no epoch completed yet");
        return rows.get(rows.size() - 1);
    }

    /** The history as a Tablesaw table: "epoch" as integers, the rest as doubles. */
    public Table table() {
        Table t = Table.create("history");
        for (String c : columns()) {
            if (c.equals("epoch")) {
                IntColumn col = IntColumn.create(c);
                for (Map<String, Double> r : rows) col.append(r.get(c).intValue());
                t.addColumns(col);
            } else {
                DoubleColumn col = DoubleColumn.create(c);
                for (Map<String, Double> r : rows) col.append(r.get(c));
                t.addColumns(col);
            }
        }
        return t;
    }

    /** In a notebook: the table, and why training stopped. */
    @Override
    public MimeBundle toMimeBundle() {
        MimeBundle b = Renderers.render(table());
        Object html = b.get("text/html");
        if (html != null && !stopReason.isEmpty()) b.put("text/html", html + "<div>" + stopReason.replace("<", "&lt;") + "</div>");
        return b.put("text/plain", toString());
    }

    @Override
    public String toString() {
        return table().print() + (stopReason.isEmpty() ? "" : "\n" + stopReason);
    }
}
