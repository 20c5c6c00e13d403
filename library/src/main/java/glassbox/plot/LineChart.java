package glassbox.plot;

import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import tech.tablesaw.api.NumericColumn;

/**
 * Lines y = f(x) for one or many named series, e.g. the training and validation loss per epoch:
 * {@code Plot.line("train", trainLoss).add("validation", valLoss).logY()}. Series given only y values
 * are drawn against 0, 1, 2, ... Short series get markers on their points.
 */
public final class LineChart extends Figure<LineChart> {
    final List<String> names = new ArrayList<>();
    final List<double[]> xs = new ArrayList<>();
    final List<double[]> ys = new ArrayList<>();
    boolean logY;

    LineChart() {
        super(640, 400);
    }

    /** Adds a series with x values. */
    public LineChart add(String name, double[] x, double[] y) {
        Data.sameLength("line series '" + name + "'", x, y);
        if (names.contains(name)) throw new IllegalArgumentException("line: there is already a series named '" + name + "'");
        names.add(name);
        xs.add(x.clone());
        ys.add(y.clone());
        return this;
    }

    /** Adds a series drawn against 0, 1, 2, ... */
    public LineChart add(String name, double[] y) {
        return add(name, Data.index(y.length), y);
    }

    public LineChart add(String name, float[] y) {
        return add(name, Data.of(y));
    }

    public LineChart add(String name, List<? extends Number> y) {
        return add(name, Data.of(y));
    }

    public LineChart add(String name, List<? extends Number> x, List<? extends Number> y) {
        return add(name, Data.of(x), Data.of(y));
    }

    public LineChart add(String name, Tensor y) {
        return add(name, Data.of(y));
    }

    public LineChart add(String name, Tensor x, Tensor y) {
        return add(name, Data.of(x), Data.of(y));
    }

    /** A Tablesaw column as a series (named after the column). */
    public LineChart add(NumericColumn<?> y) {
        return add(y.name(), Data.of(y));
    }

    /** Two Tablesaw columns as x and y (named after the y column). */
    public LineChart add(NumericColumn<?> x, NumericColumn<?> y) {
        return add(y.name(), Data.of(x), Data.of(y));
    }

    /** A logarithmic y axis (for losses that fall by orders of magnitude); all y values must be positive. */
    public LineChart logY() {
        this.logY = true;
        return this;
    }

    /** The number of series. */
    public int seriesCount() {
        return names.size();
    }

    /** Width in pixels of the columns within which many points are reduced to four. */
    static final double COLUMN = 2;

    /**
     * The series as a polyline in pixels. Many points per two-pixel column are reduced to the first,
     * lowest, highest and last of the column: the same picture (noise bands included), drawn in a
     * fraction of the time.
     */
    static Path2D.Double path(Axes ax, double[] x, double[] y) {
        Path2D.Double path = new Path2D.Double();
        boolean[] open = {false};
        long column = Long.MIN_VALUE;
        double[] first = null, low = null, high = null, last = null;
        int lowAt = 0, highAt = 0, count = 0;
        for (int k = 0; k <= x.length; k++) {
            boolean end = k == x.length;
            boolean gap = !end && (!Double.isFinite(x[k]) || !Double.isFinite(y[k]));
            double[] pt = end || gap ? null : new double[] {ax.px(x[k]), ax.py(y[k])};
            long col = pt == null ? Long.MIN_VALUE : (long) Math.floor(pt[0] / COLUMN);
            if (count > 0 && (pt == null || col != column)) {
                // flush the column: first, then the extremes in the order they came, then last
                to(path, open, first);
                if (count > 2) {
                    to(path, open, lowAt <= highAt ? low : high);
                    to(path, open, lowAt <= highAt ? high : low);
                }
                if (count > 1) to(path, open, last);
                count = 0;
            }
            if (end) break;
            if (gap) { open[0] = false; continue; }
            if (count == 0) {
                column = col;
                first = low = high = pt;
                lowAt = highAt = 0;
            } else {
                if (pt[1] < low[1]) { low = pt; lowAt = count; }
                if (pt[1] > high[1]) { high = pt; highAt = count; }
            }
            last = pt;
            count++;
        }
        return path;
    }

    private static void to(Path2D.Double path, boolean[] open, double[] p) {
        if (open[0]) path.lineTo(p[0], p[1]); else path.moveTo(p[0], p[1]);
        open[0] = true;
    }

    /** A little room left and right when there are markers to show whole. */
    private double[] x0Padding(double xmin, double xmax) {
        boolean markers = false;
        for (double[] x : xs) markers |= x.length <= 30;
        return markers ? Axes.padded(xmin, xmax, 0.03) : new double[] {xmin, xmax};
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY, ymax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < names.size(); i++) {
            double[] x = xs.get(i), y = ys.get(i);
            for (int k = 0; k < y.length; k++) {
                if (logY && !(y[k] > 0) && !Double.isNaN(y[k])) {
                    throw new IllegalArgumentException("logY: series '" + names.get(i) + "' has value " + y[k] + " at index " + k
                            + "; a log scale needs positive values (drop logY() or plot them shifted)");
                }
                if (!Double.isFinite(x[k]) || !Double.isFinite(y[k])) continue;
                xmin = Math.min(xmin, x[k]);
                xmax = Math.max(xmax, x[k]);
                ymin = Math.min(ymin, y[k]);
                ymax = Math.max(ymax, y[k]);
            }
        }
        if (xmin > xmax) { xmin = 0; xmax = 1; ymin = logY ? 0.1 : 0; ymax = 1; }
        double[] yr = logY ? new double[] {ymin / 1.15, ymax * 1.15} : Axes.padded(ymin, ymax, 0.05);
        double[] xr = x0Padding(xmin, xmax);
        Axes ax = new Axes(xr[0], xr[1], yr[0], yr[1], logY);
        ax.paintFrame(g, width, height, title, xLabel, yLabel, 0);
        java.awt.Shape clip = g.getClip();
        ax.clip(g);
        List<Color> colors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double[] x = xs.get(i), y = ys.get(i);
            Color c = Style.series(i);
            colors.add(c);
            g.setColor(c);
            g.setStroke(Style.LINE);
            g.draw(path(ax, x, y));
            if (x.length <= 30) {
                for (int k = 0; k < x.length; k++) {
                    if (Double.isFinite(x[k]) && Double.isFinite(y[k])) g.fill(new Ellipse2D.Double(ax.px(x[k]) - 3.5, ax.py(y[k]) - 3.5, 7, 7));
                }
            }
        }
        g.setClip(clip);
        g.setStroke(Style.THIN);
        if (names.size() > 1) ax.legend(g, names, colors, false);
    }
}
