package glassbox.plot;

import glassbox.tensor.Tensor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The decision regions of a 2-D classifier shaded behind its data. The model is called once, under
 * no-grad, on a grid of points of shape [M, 2] covering the data, and may answer with
 * <ul>
 *   <li>[M] or [M, 1]: a probability of class 1 if all values lie in [0, 1], else a score whose sign
 *       decides (as a perceptron's), shaded by sigmoid(score);</li>
 *   <li>[M, K]: one score or probability per class; the class is the argmax, shaded by its softmax.</li>
 * </ul>
 * That guess can be wrong (a perceptron whose scores happen to stay within [0, 1] near the data):
 * {@link #scores()} or {@link #probabilities()} says which the model returns.
 * Each region takes its class colour, paler where the model is unsure; for two classes the line
 * where the model switches is drawn. The points are drawn on top in their class colours.
 */
public final class DecisionBoundary extends Figure<DecisionBoundary> {
    final Function<Tensor, Tensor> model;
    final double[] x, y;
    final int[] classes;
    String[] classNames;
    int resolution = 200;
    double[] xRange, yRange;
    /** What the model returns: null = guess from the values, else "scores" or "probabilities". */
    String outputs;

    DecisionBoundary(Function<Tensor, Tensor> model, double[] x, double[] y, int[] classes) {
        super(520, 460);
        if (classes.length != x.length) {
            throw new IllegalArgumentException("decisionBoundary: " + x.length + " points but " + classes.length
                    + " labels; give one class per point");
        }
        this.model = model;
        this.x = x;
        this.y = y;
        this.classes = classes;
        this.xRange = Axes.padded(Data.min(x), Data.max(x), 0.12);
        this.yRange = Axes.padded(Data.min(y), Data.max(y), 0.12);
    }

    /** Names of the classes for the legend. */
    public DecisionBoundary classNames(String... names) {
        this.classNames = names;
        return this;
    }

    /** The area shaded: x from x0 to x1, y from y0 to y1 (default: the data, padded). */
    public DecisionBoundary range(double x0, double x1, double y0, double y1) {
        this.xRange = new double[] {x0, x1};
        this.yRange = new double[] {y0, y1};
        return this;
    }

    /**
     * The model returns scores (logits): with one output the sign decides (class 1 where score > 0),
     * with K outputs the largest; shading by sigmoid or softmax of the scores.
     */
    public DecisionBoundary scores() {
        this.outputs = "scores";
        return this;
    }

    /**
     * The model returns probabilities: with one output the probability of class 1 (class 1 where
     * p > 0.5), with K outputs one per class summing to 1. Values outside [0, 1] are then an error.
     */
    public DecisionBoundary probabilities() {
        this.outputs = "probabilities";
        return this;
    }

    /** Grid points per side at which the model is evaluated (default 200). */
    public DecisionBoundary resolution(int n) {
        if (n < 2) throw new IllegalArgumentException("resolution: need at least 2 grid points per side, got " + n);
        this.resolution = n;
        return this;
    }

    /**
     * The model's class and confidence (0 = unsure, 1 = certain) at each grid point, row 0 at the top
     * (largest y), and for two classes the probability of class 1.
     */
    double[][] evaluate(int n) {
        float[] grid = new float[n * n * 2];
        for (int r = 0; r < n; r++) {
            double gy = yRange[1] - (r + 0.5) * (yRange[1] - yRange[0]) / n;
            for (int c = 0; c < n; c++) {
                double gx = xRange[0] + (c + 0.5) * (xRange[1] - xRange[0]) / n;
                grid[2 * (r * n + c)] = (float) gx;
                grid[2 * (r * n + c) + 1] = (float) gy;
            }
        }
        Tensor out;
        try (var s = Tensor.noGrad()) {
            out = model.apply(Tensor.fromArray(grid, n * n, 2));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("decisionBoundary: calling the model on grid points of shape [" + n * n
                    + ", 2] failed: " + e.getMessage(), e);
        }
        int[] s = out.shape();
        int m = n * n;
        if (out.numel() % m != 0 || (s.length > 0 && s[0] != m)) {
            throw new IllegalArgumentException("decisionBoundary: the model answered shape " + java.util.Arrays.toString(s)
                    + " for " + m + " points; it should return [" + m + "], [" + m + ", 1] or [" + m + ", classes]");
        }
        int k = out.numel() / m;
        float[] v = out.toFloatArray();
        double[] cls = new double[m], conf = new double[m], p1 = new double[m];
        boolean inUnit = true;
        for (float f : v) if (!(f >= 0 && f <= 1)) { inUnit = false; break; }
        if ("probabilities".equals(outputs) && !inUnit) {
            throw new IllegalArgumentException("decisionBoundary: probabilities() was set, but the model returned values outside"
                    + " [0, 1]; if it returns scores (logits), use scores() instead");
        }
        if (k == 1) {
            boolean probs = outputs == null ? inUnit : outputs.equals("probabilities");
            for (int i = 0; i < m; i++) {
                double p = probs ? v[i] : 1 / (1 + Math.exp(-v[i]));
                p1[i] = p;
                cls[i] = p > 0.5 ? 1 : 0;
                conf[i] = Math.abs(p - 0.5) * 2;
            }
        } else {
            for (int i = 0; i < m; i++) {
                int best = 0;
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                boolean probs = true;
                for (int j = 0; j < k; j++) {
                    double f = v[i * k + j];
                    if (f > max) { max = f; best = j; }
                    if (f < 0) probs = false;
                    sum += f;
                }
                probs &= Math.abs(sum - 1) < 1e-3;
                if (outputs != null) probs = outputs.equals("probabilities");
                double p;
                if (probs) {
                    p = max;
                } else {
                    double z = 0;
                    for (int j = 0; j < k; j++) z += Math.exp(v[i * k + j] - max);
                    p = 1 / z;
                }
                cls[i] = best;
                conf[i] = (p - 1.0 / k) / (1 - 1.0 / k);
                p1[i] = k == 2 ? (best == 1 ? p : 1 - p) : Double.NaN;
            }
        }
        return new double[][] {cls, conf, p1};
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        Axes ax = new Axes(xRange[0], xRange[1], yRange[0], yRange[1], false);
        ax.paintFrame(g, width, height, title, xLabel, yLabel, 0);
        int n = resolution;
        double[][] e = evaluate(n);
        BufferedImage field = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < n * n; i++) {
            int base = Style.PALETTE[(int) e[0][i] % Style.PALETTE.length];
            field.setRGB(i % n, i / n, Style.lighten(base, 0.86 - 0.5 * Math.max(0, Math.min(1, e[1][i]))));
        }
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(field, (int) Math.round(ax.plot.getX()), (int) Math.round(ax.plot.getY()),
                (int) Math.round(ax.plot.getWidth()), (int) Math.round(ax.plot.getHeight()), null);
        java.awt.Shape clip = g.getClip();
        ax.clip(g);
        if (!Double.isNaN(e[2][0])) {
            g.setColor(new Color(0x374151));
            g.setStroke(new java.awt.BasicStroke(1.6f));
            double cw = ax.plot.getWidth() / n, ch = ax.plot.getHeight() / n;
            Contours.draw(g, e[2], n, n, 0.5, (c, r) -> ax.plot.getX() + (c + 0.5) * cw, (c, r) -> ax.plot.getY() + (r + 0.5) * ch);
        }
        int k = 0;
        for (int c : classes) k = Math.max(k, c + 1);
        for (int i = 0; i < x.length; i++) {
            double px = ax.px(x[i]), py = ax.py(y[i]);
            Ellipse2D dot = new Ellipse2D.Double(px - 4.5, py - 4.5, 9, 9);
            g.setColor(Style.series(classes[i]));
            g.fill(dot);
            g.setColor(Color.WHITE);
            g.setStroke(new java.awt.BasicStroke(1.2f));
            g.draw(dot);
        }
        g.setClip(clip);
        g.setStroke(Style.THIN);
        g.setColor(Style.FRAME);
        g.draw(ax.plot);
        List<String> names = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add(classNames != null && c < classNames.length ? classNames[c] : "class " + c);
            colors.add(Style.series(c));
        }
        ax.legend(g, names, colors, true);
    }
}
