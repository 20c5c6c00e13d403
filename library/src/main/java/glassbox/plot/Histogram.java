package glassbox.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * How values are distributed: the range cut into equal bins, one bar per bin as tall as the number
 * of values in it. The corner shows n, the mean and the standard deviation, which is where
 * vanishing gradients show first (the spread shrinks layer after layer).
 */
public final class Histogram extends Figure<Histogram> {
    final double[] values;
    int bins = 40;
    double lo, hi;
    boolean logCount;
    int color = 0;

    Histogram(double[] values) {
        super(480, 320);
        int finite = 0;
        for (double x : values) if (Double.isFinite(x)) finite++;
        this.values = new double[finite];
        int i = 0;
        for (double x : values) if (Double.isFinite(x)) this.values[i++] = x;
        lo = finite == 0 ? 0 : Data.min(this.values);
        hi = finite == 0 ? 1 : Data.max(this.values);
        if (!(hi > lo)) { lo -= 0.5; hi += 0.5; }
    }

    /** The number of bins (default 40). */
    public Histogram bins(int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins: need at least one bin, got " + bins);
        this.bins = bins;
        return this;
    }

    /** The range that the bins cover (values outside are not counted). */
    public Histogram range(double lo, double hi) {
        if (!(hi > lo)) throw new IllegalArgumentException("range: hi (" + hi + ") must be above lo (" + lo + ")");
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    /** A logarithmic count axis (for heavy tails). */
    public Histogram logCount() {
        this.logCount = true;
        return this;
    }

    /** Bar colour, as the number of a series colour (0 blue, 1 orange, 2 green, ...). */
    public Histogram color(int series) {
        this.color = series;
        return this;
    }

    /** The count in each bin. */
    public int[] counts() {
        int[] c = new int[bins];
        for (double x : values) {
            if (x < lo || x > hi) continue;
            int b = (int) ((x - lo) / (hi - lo) * bins);
            c[Math.min(b, bins - 1)]++;
        }
        return c;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        int[] c = counts();
        int max = 1;
        for (int k : c) max = Math.max(max, k);
        Axes ax = new Axes(lo, hi, logCount ? 0.8 : 0, logCount ? max * 1.6 : max * 1.2, logCount);
        ax.paintFrame(g, width, height, title, xLabel, yLabel.isEmpty() ? "count" : yLabel, 0);
        double bw = (hi - lo) / bins;
        g.setColor(Style.series(color));
        for (int b = 0; b < bins; b++) {
            if (c[b] == 0) continue;
            double x0 = ax.px(lo + b * bw), x1 = ax.px(lo + (b + 1) * bw);
            double y = ax.py(c[b]), base = ax.py(logCount ? 0.8 : 0);
            g.fill(new Rectangle2D.Double(x0 + 0.5, y, Math.max(0.5, x1 - x0 - 1), base - y));
        }
        double mean = 0, sq = 0;
        for (double x : values) mean += x;
        mean /= Math.max(1, values.length);
        for (double x : values) sq += (x - mean) * (x - mean);
        double std = Math.sqrt(sq / Math.max(1, values.length));
        g.setFont(Style.SMALL);
        g.setColor(new Color(0x374151));
        String stats = "n=" + values.length + "  mean=" + Style.number(mean) + "  std=" + Style.number(std);
        Style.rightAligned(g, stats, ax.plot.getMaxX() - 6, ax.plot.getY() + 13);
    }
}
