package glassbox.plot;

import glassbox.tensor.Tensor;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * A loss surface z = f(x, y) seen from above: shaded from low (dark) to high (light), with contour
 * lines, and optimizer paths drawn over it (the optimizers' race): each path is a line through the
 * points visited, a circle at the start and a square where it ended. Levels are spaced by the
 * quantiles of the surface so that steep and flat regions both get lines.
 */
public final class ContourPlot extends Figure<ContourPlot> {
    final double[] z;
    final int nx, ny;
    final double x0, x1, y0, y1;
    int levels = 14;
    final List<String> pathNames = new ArrayList<>();
    final List<double[][]> paths = new ArrayList<>();

    ContourPlot(double[] z, int nx, int ny, double x0, double x1, double y0, double y1) {
        super(560, 480);
        if (z.length != nx * ny) throw new IllegalArgumentException("contour: " + z.length + " values do not fill " + ny + " x " + nx);
        if (nx < 2 || ny < 2) throw new IllegalArgumentException("contour: the grid needs at least 2 x 2 values, got " + ny + " x " + nx);
        this.z = z;
        this.nx = nx;
        this.ny = ny;
        this.x0 = x0;
        this.x1 = x1;
        this.y0 = y0;
        this.y1 = y1;
    }

    /** Evaluates f on an n x n grid over [x0, x1] x [y0, y1]. */
    static ContourPlot of(DoubleBinaryOperator f, double x0, double x1, double y0, double y1, int n) {
        double[] z = new double[n * n];
        for (int r = 0; r < n; r++) {
            double y = y0 + r * (y1 - y0) / (n - 1);
            for (int c = 0; c < n; c++) z[r * n + c] = f.applyAsDouble(x0 + c * (x1 - x0) / (n - 1), y);
        }
        return new ContourPlot(z, n, n, x0, x1, y0, y1);
    }

    /** The number of contour lines (default 14). */
    public ContourPlot levels(int levels) {
        if (levels < 1) throw new IllegalArgumentException("levels: need at least 1, got " + levels);
        this.levels = levels;
        return this;
    }

    /** Adds an optimizer's path: the points (xs[i], ys[i]) it visited, in order. */
    public ContourPlot path(String name, double[] xs, double[] ys) {
        Data.sameLength("path '" + name + "'", xs, ys);
        if (xs.length == 0) throw new IllegalArgumentException("path '" + name + "': no points");
        pathNames.add(name);
        paths.add(new double[][] {xs.clone(), ys.clone()});
        return this;
    }

    /** Adds a path given as a [T, 2] tensor of positions. */
    public ContourPlot path(String name, Tensor positions) {
        double[][] p = Data.points("path '" + name + "'", positions);
        return path(name, p[0], p[1]);
    }

    /** Adds a path given as a list of {x, y} pairs (e.g. collected with {@code list.add(w.toFloatArray())}). */
    public ContourPlot path(String name, List<float[]> positions) {
        double[] xs = new double[positions.size()], ys = new double[positions.size()];
        for (int i = 0; i < xs.length; i++) {
            float[] p = positions.get(i);
            if (p.length != 2) throw new IllegalArgumentException("path '" + name + "': point " + i + " has " + p.length + " coordinates, not 2");
            xs[i] = p[0];
            ys[i] = p[1];
        }
        return path(name, xs, ys);
    }

    /** The contour levels: quantiles of the surface values. */
    double[] levelValues() {
        double[] sorted = z.clone();
        Arrays.sort(sorted);
        double[] lv = new double[levels];
        for (int i = 0; i < levels; i++) lv[i] = sorted[(int) ((i + 0.5) / levels * (sorted.length - 1))];
        return lv;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        Axes ax = new Axes(x0, x1, y0, y1, false);
        ax.paintFrame(g, width, height, title, xLabel, yLabel, 0);
        // Shade by rank (the quantile of each value), light so that paths stand out.
        double[] sorted = z.clone();
        Arrays.sort(sorted);
        BufferedImage img = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < ny; r++) {
            for (int c = 0; c < nx; c++) {
                double q = Arrays.binarySearch(sorted, z[r * nx + c]);
                if (q < 0) q = -q - 1;
                img.setRGB(c, ny - 1 - r, Style.lighten(Colormap.VIRIDIS.rgb(q / (sorted.length - 1)), 0.45));
            }
        }
        Rectangle2D p = ax.plot;
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        // Grid values sit at cell centres of the image: stretch it by half a cell beyond the plot, clipped.
        java.awt.Shape clip = g.getClip();
        ax.clip(g);
        double cw = p.getWidth() / (nx - 1), ch = p.getHeight() / (ny - 1);
        g.drawImage(img, (int) Math.round(p.getX() - cw / 2), (int) Math.round(p.getY() - ch / 2),
                (int) Math.round(p.getWidth() + cw), (int) Math.round(p.getHeight() + ch), null);
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(55, 65, 81, 150));
        for (double level : levelValues()) {
            Contours.draw(g, z, nx, ny, level, (c, r) -> p.getX() + c * cw, (c, r) -> p.getMaxY() - r * ch);
        }
        List<Color> colors = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Color col = Style.series(i == 0 ? 3 : i == 3 ? 0 : i);
            colors.add(col);
            double[] xs = paths.get(i)[0], ys = paths.get(i)[1];
            Path2D.Double line = new Path2D.Double();
            for (int k = 0; k < xs.length; k++) {
                double px = ax.px(xs[k]), py = ax.py(ys[k]);
                if (k == 0) line.moveTo(px, py); else line.lineTo(px, py);
            }
            g.setColor(col);
            g.setStroke(Style.LINE);
            g.draw(line);
            if (xs.length <= 80) {
                for (int k = 0; k < xs.length; k++) g.fill(new Ellipse2D.Double(ax.px(xs[k]) - 2, ax.py(ys[k]) - 2, 4, 4));
            }
            g.setStroke(new BasicStroke(1.5f));
            Ellipse2D start = new Ellipse2D.Double(ax.px(xs[0]) - 5, ax.py(ys[0]) - 5, 10, 10);
            g.setColor(Color.WHITE);
            g.fill(start);
            g.setColor(col);
            g.draw(start);
            int e = xs.length - 1;
            Rectangle2D end = new Rectangle2D.Double(ax.px(xs[e]) - 4.5, ax.py(ys[e]) - 4.5, 9, 9);
            g.fill(end);
            g.setColor(Color.WHITE);
            g.draw(end);
        }
        g.setClip(clip);
        g.setStroke(Style.THIN);
        g.setColor(Style.FRAME);
        g.draw(p);
        ax.legend(g, pathNames, colors, false);
    }
}
