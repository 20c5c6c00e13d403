package glassbox.train;

import glassbox.display.Displayable;
import glassbox.display.MimeBundle;
import glassbox.tensor.Tensor;
import java.util.List;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * counts[t][p] = how many examples of true class t were predicted as class p. The diagonal holds the
 * correct answers; a large off-diagonal cell shows two classes the model confuses (a 4 taken for a 9).
 */
public final class ConfusionMatrix implements Displayable {
    private final int[][] counts;

    /** An empty matrix for {@code numClasses} classes. */
    public ConfusionMatrix(int numClasses) {
        counts = new int[numClasses][numClasses];
    }

    /** Adds predictions (class per example) against the targets y [N]. */
    public void add(int[] predicted, Tensor target) {
        float[] t = target.data();
        if (t.length != predicted.length) {
            throw new IllegalArgumentException("ConfusionMatrix: " + predicted.length + " predictions but " + t.length + " targets");
        }
        for (int i = 0; i < t.length; i++) {
            int tc = (int) t[i];
            if (tc < 0 || tc >= counts.length || predicted[i] < 0 || predicted[i] >= counts.length) {
                throw new IndexOutOfBoundsException("ConfusionMatrix: class " + tc + " or " + predicted[i] + " outside 0.." + (counts.length - 1));
            }
            counts[tc][predicted[i]]++;
        }
    }

    /** The counts (a copy): [true class][predicted class]. */
    public int[][] counts() {
        int[][] c = new int[counts.length][];
        for (int i = 0; i < c.length; i++) c[i] = counts[i].clone();
        return c;
    }

    /** The number of examples counted. */
    public int total() {
        int n = 0;
        for (int[] row : counts) for (int v : row) n += v;
        return n;
    }

    /** Fraction on the diagonal. */
    public double accuracy() {
        int d = 0;
        for (int i = 0; i < counts.length; i++) d += counts[i][i];
        return (double) d / Math.max(1, total());
    }

    /** Per class: correct / examples of that class (recall). */
    public double[] recall() {
        double[] r = new double[counts.length];
        for (int i = 0; i < r.length; i++) {
            int row = 0;
            for (int v : counts[i]) row += v;
            r[i] = row == 0 ? Double.NaN : (double) counts[i][i] / row;
        }
        return r;
    }

    /** Per class: correct / predictions of that class (precision). */
    public double[] precision() {
        double[] p = new double[counts.length];
        for (int j = 0; j < p.length; j++) {
            int col = 0;
            for (int[] row : counts) col += row[j];
            p[j] = col == 0 ? Double.NaN : (double) counts[j][j] / col;
        }
        return p;
    }

    /** A Tablesaw table: a "true" column of class names and one column per predicted class. */
    public Table toTable(List<String> classNames) {
        Table t = Table.create("confusion matrix");
        StringColumn names = StringColumn.create("true \\ predicted");
        for (int i = 0; i < counts.length; i++) names.append(name(classNames, i));
        t.addColumns(names);
        for (int j = 0; j < counts.length; j++) {
            IntColumn col = IntColumn.create(name(classNames, j));
            for (int[] row : counts) col.append(row[j]);
            t.addColumns(col);
        }
        return t;
    }

    private static String name(List<String> names, int i) {
        return names != null && i < names.size() ? names.get(i) : Integer.toString(i);
    }

    /** In a notebook: an HTML table, each cell shaded by its share of the row (the true class). */
    @Override
    public MimeBundle toMimeBundle() {
        StringBuilder b = new StringBuilder("<table class=\"glassbox-confusion\"><caption>rows: true class, columns: predicted; accuracy ")
                .append(String.format("%.4f", accuracy())).append("</caption><tr><th></th>");
        for (int j = 0; j < counts.length; j++) b.append("<th>").append(j).append("</th>");
        b.append("</tr>");
        for (int i = 0; i < counts.length; i++) {
            int row = 0;
            for (int v : counts[i]) row += v;
            b.append("<tr><th>").append(i).append("</th>");
            for (int v : counts[i]) {
                double share = row == 0 ? 0 : (double) v / row;
                b.append(String.format("<td style=\"text-align:right;background:rgba(31,119,180,%.2f)\">%d</td>", share, v));
            }
            b.append("</tr>");
        }
        return new MimeBundle().put("text/plain", toString()).put("text/html", b.append("</table>").toString());
    }

    /** A text table, rows = true class, columns = predicted class. */
    @Override
    public String toString() {
        int w = Math.max(4, Integer.toString(total()).length() + 1);
        StringBuilder b = new StringBuilder(String.format("%" + w + "s", "t\\p"));
        for (int j = 0; j < counts.length; j++) b.append(String.format("%" + w + "d", j));
        b.append('\n');
        for (int i = 0; i < counts.length; i++) {
            b.append(String.format("%" + w + "d", i));
            for (int v : counts[i]) b.append(String.format("%" + w + "d", v));
            b.append('\n');
        }
        return b.append(String.format("accuracy %.4f%n", accuracy())).toString();
    }
}
