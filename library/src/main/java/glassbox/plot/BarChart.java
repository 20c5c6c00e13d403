package glassbox.plot;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * One bar per category, e.g. the predicted probability of each class or the top-k next tokens:
 * {@code Plot.bar(List.of("cat", "dog"), probs)}. Values are printed above the bars; one bar can be
 * highlighted (e.g. the true class).
 */
public final class BarChart extends Figure<BarChart> {
    final List<String> categories;
    final double[] values;
    int highlight = -1;

    BarChart(List<String> categories, double[] values) {
        super(560, 360);
        if (categories.size() != values.length) {
            throw new IllegalArgumentException("bar: " + categories.size() + " categories but " + values.length + " values; give one value per category");
        }
        if (categories.isEmpty()) throw new IllegalArgumentException("bar: no categories to draw");
        this.categories = new ArrayList<>(categories);
        this.values = values.clone();
    }

    /** Draws the bar of category number {@code index} in a second colour (e.g. the true class). */
    public BarChart highlight(int index) {
        if (index < 0 || index >= values.length) {
            throw new IndexOutOfBoundsException("highlight: category " + index + " does not exist (there are " + values.length + ")");
        }
        this.highlight = index;
        return this;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        double lo = Math.min(0, Data.min(values)), hi = Math.max(0, Data.max(values));
        double span = hi - lo == 0 ? 1 : hi - lo;
        int n = categories.size();
        g.setFont(Style.TICK);
        FontMetrics fm = g.getFontMetrics();
        int longest = 0;
        for (String s : categories) longest = Math.max(longest, fm.stringWidth(s));
        // Turn category labels upright when they do not fit side by side.
        double slot = (width - 90.0) / n;
        boolean turned = longest > slot - 4;
        Axes ax = new Axes(0, n, lo - (lo < 0 ? span * 0.08 : 0), hi + span * 0.1, false);
        ax.paintFrame(g, width, height, title, xLabel, yLabel, 0, false, turned ? Math.min(longest, 110) + 6 : fm.getHeight() + 4);
        double bw = ax.plot.getWidth() / n;
        for (int i = 0; i < n; i++) {
            double x0 = ax.px(i) + bw * 0.15, x1 = ax.px(i + 1) - bw * 0.15;
            double y0 = ax.py(0), y1 = ax.py(values[i]);
            g.setColor(Style.series(i == highlight ? 1 : 0));
            g.fill(new Rectangle2D.Double(x0, Math.min(y0, y1), x1 - x0, Math.abs(y1 - y0)));
            g.setFont(Style.SMALL);
            g.setColor(Style.TEXT);
            if (n <= 30) {
                String v = Style.number(values[i]);
                double ty = values[i] >= 0 ? y1 - 4 : y1 + g.getFontMetrics().getAscent() + 2;
                Style.centered(g, Style.fit(g, v, bw + 6), (x0 + x1) / 2, ty);
            }
            g.setFont(Style.TICK);
            g.setColor(Style.TEXT);
            String label = categories.get(i);
            double cx = (x0 + x1) / 2;
            if (turned) {
                AffineTransform saved = g.getTransform();
                g.translate(cx + fm.getAscent() / 2.0 - 1, ax.plot.getMaxY() + 5);
                g.rotate(Math.PI / 2);
                g.drawString(Style.fit(g, label, 110), 0, 0);
                g.setTransform(saved);
            } else {
                Style.centered(g, label, cx, ax.plot.getMaxY() + 4 + fm.getAscent());
            }
        }
        g.setColor(Style.FRAME);
        g.draw(new java.awt.geom.Line2D.Double(ax.plot.getX(), ax.py(0), ax.plot.getMaxX(), ax.py(0)));
    }

}
