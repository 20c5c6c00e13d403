package glassbox.plot;

import glassbox.tensor.Tensor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Points in the plane, one colour per class: {@code Plot.scatter(points, labels)} with points of
 * shape [N, 2] and labels the class of each point. Further groups can be added by name.
 */
public final class ScatterChart extends Figure<ScatterChart> {
    final List<String> names = new ArrayList<>();
    final List<double[]> xs = new ArrayList<>();
    final List<double[]> ys = new ArrayList<>();
    double markerSize = 8;

    ScatterChart() {
        super(520, 440);
    }

    /** Adds a group of points with its own colour and legend entry. */
    public ScatterChart add(String name, double[] x, double[] y) {
        Data.sameLength("scatter group '" + name + "'", x, y);
        names.add(name);
        xs.add(x.clone());
        ys.add(y.clone());
        return this;
    }

    /** Adds the rows of an [N, 2] tensor as a group. */
    public ScatterChart add(String name, Tensor points) {
        double[][] p = Data.points("scatter", points);
        return add(name, p[0], p[1]);
    }

    /** Adds points split by class: class k is named classNames[k] (or "class k" when null). */
    public ScatterChart addByClass(double[] x, double[] y, int[] classes, String[] classNames) {
        Data.sameLength("scatter", x, y);
        if (classes.length != x.length) {
            throw new IllegalArgumentException("scatter: " + x.length + " points but " + classes.length + " labels; give one class per point");
        }
        int k = 0;
        for (int c : classes) k = Math.max(k, c + 1);
        for (int c = 0; c < k; c++) {
            int n = 0;
            for (int v : classes) if (v == c) n++;
            double[] cx = new double[n], cy = new double[n];
            for (int i = 0, j = 0; i < classes.length; i++) if (classes[i] == c) { cx[j] = x[i]; cy[j++] = y[i]; }
            String name = classNames != null && c < classNames.length ? classNames[c] : "class " + c;
            add(name, cx, cy);
        }
        return this;
    }

    /**
     * Names the groups in the order they were added, e.g. {@code classNames("setosa", "versicolor",
     * "virginica")} after {@code Plot.scatter(points, labels)} instead of "class 0", "class 1", ...
     */
    public ScatterChart classNames(String... classNames) {
        if (classNames.length > names.size()) {
            throw new IllegalArgumentException("scatter: " + classNames.length + " class names for " + names.size()
                    + " groups of points; give at most one name per group");
        }
        for (int i = 0; i < classNames.length; i++) names.set(i, classNames[i]);
        return this;
    }

    /** Names the groups from a list, e.g. a data set's {@code classNames()}. */
    public ScatterChart classNames(java.util.List<String> classNames) {
        return classNames(classNames.toArray(new String[0]));
    }

    /** Marker diameter in pixels (default 8). */
    public ScatterChart markerSize(double size) {
        this.markerSize = size;
        return this;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY, ymin = xmin, ymax = xmax;
        for (int i = 0; i < names.size(); i++) {
            for (double v : xs.get(i)) if (Double.isFinite(v)) { xmin = Math.min(xmin, v); xmax = Math.max(xmax, v); }
            for (double v : ys.get(i)) if (Double.isFinite(v)) { ymin = Math.min(ymin, v); ymax = Math.max(ymax, v); }
        }
        if (xmin > xmax) { xmin = 0; xmax = 1; }
        if (ymin > ymax) { ymin = 0; ymax = 1; }
        double[] xr = Axes.padded(xmin, xmax, 0.06), yr = Axes.padded(ymin, ymax, 0.06);
        Axes ax = new Axes(xr[0], xr[1], yr[0], yr[1], false);
        ax.paintFrame(g, width, height, title, xLabel, yLabel, 0);
        List<Color> colors = new ArrayList<>();
        double r = markerSize / 2;
        for (int i = 0; i < names.size(); i++) {
            Color c = Style.series(i);
            colors.add(c);
            double[] x = xs.get(i), y = ys.get(i);
            for (int k = 0; k < x.length; k++) {
                if (!Double.isFinite(x[k]) || !Double.isFinite(y[k])) continue;
                Ellipse2D dot = new Ellipse2D.Double(ax.px(x[k]) - r, ax.py(y[k]) - r, 2 * r, 2 * r);
                g.setColor(c);
                g.fill(dot);
                g.setColor(Color.WHITE);
                g.draw(dot);
            }
        }
        if (names.size() > 1) ax.legend(g, names, colors, true);
    }
}
