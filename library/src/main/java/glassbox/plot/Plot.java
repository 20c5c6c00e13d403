package glassbox.plot;

import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import tech.tablesaw.api.NumericColumn;

/**
 * The front door to every chart. Each method returns a chart that can be refined fluently and shown
 * in a notebook (as the cell's value), or saved with {@code toPng(path)} / {@code toSvg(path)}:
 * <pre>
 * Plot.line("train", trainLoss).add("validation", valLoss).title("Loss").xLabel("epoch").logY()
 * Plot.decisionBoundary(model::forward, X, y)
 * Plot.images(batch).labels(predicted, actual, classNames)
 * Plot.attention(weights, queryTokens, keyTokens)
 * </pre>
 * Inputs may be tensors, Java arrays, lists of numbers or Tablesaw columns.
 */
public final class Plot {
    private Plot() {
    }

    // ---- lines ----------------------------------------------------------------------------------

    /** An empty line chart; add series with {@code add(name, ...)}. */
    public static LineChart line() {
        return new LineChart();
    }

    /** One series drawn against 0, 1, 2, ... */
    public static LineChart line(double[] y) {
        return new LineChart().add("y", y);
    }

    public static LineChart line(float[] y) {
        return new LineChart().add("y", y);
    }

    public static LineChart line(Tensor y) {
        return new LineChart().add("y", y);
    }

    public static LineChart line(List<? extends Number> y) {
        return new LineChart().add("y", y);
    }

    /** One named series drawn against 0, 1, 2, ... */
    public static LineChart line(String name, double[] y) {
        return new LineChart().add(name, y);
    }

    public static LineChart line(String name, List<? extends Number> y) {
        return new LineChart().add(name, y);
    }

    public static LineChart line(String name, Tensor y) {
        return new LineChart().add(name, y);
    }

    /** y against x. */
    public static LineChart line(double[] x, double[] y) {
        return new LineChart().add("y", x, y);
    }

    public static LineChart line(Tensor x, Tensor y) {
        return new LineChart().add("y", x, y);
    }

    /** A Tablesaw column against another. */
    public static LineChart line(NumericColumn<?> x, NumericColumn<?> y) {
        return new LineChart().add(x, y).xLabel(x.name()).yLabel(y.name());
    }

    // ---- scatter and decision boundaries -----------------------------------------------------------

    /** Points of shape [N, 2] coloured by class (labels: class indices, one per point). */
    public static ScatterChart scatter(Tensor points, Tensor labels) {
        return scatter(points, Data.classes(labels));
    }

    public static ScatterChart scatter(Tensor points, int[] labels) {
        double[][] p = Data.points("scatter", points);
        return new ScatterChart().addByClass(p[0], p[1], labels, null).xLabel("x1").yLabel("x2");
    }

    /** Points (x[i], y[i]) coloured by class. */
    public static ScatterChart scatter(double[] x, double[] y, int[] labels) {
        return new ScatterChart().addByClass(x, y, labels, null);
    }

    /** Points (x[i], y[i]) in one colour. */
    public static ScatterChart scatter(double[] x, double[] y) {
        return new ScatterChart().add("points", x, y);
    }

    /** Points of shape [N, 2] in one colour. */
    public static ScatterChart scatter(Tensor points) {
        return new ScatterChart().add("points", points);
    }

    /** Two Tablesaw columns as x and y. */
    public static ScatterChart scatter(NumericColumn<?> x, NumericColumn<?> y) {
        return new ScatterChart().add(y.name(), Data.of(x), Data.of(y)).xLabel(x.name()).yLabel(y.name());
    }

    /**
     * The regions where {@code model} predicts each class, shaded behind the points ([N, 2]) coloured
     * by their labels. The model maps [M, 2] points to [M] or [M, 1] (probability or score of class 1)
     * or [M, K] (per-class scores); see {@link DecisionBoundary}.
     */
    public static DecisionBoundary decisionBoundary(Function<Tensor, Tensor> model, Tensor points, Tensor labels) {
        return decisionBoundary(model, points, Data.classes(labels));
    }

    public static DecisionBoundary decisionBoundary(Function<Tensor, Tensor> model, Tensor points, int[] labels) {
        double[][] p = Data.points("decisionBoundary", points);
        return new DecisionBoundary(model, p[0], p[1], labels).xLabel("x1").yLabel("x2");
    }

    // ---- heatmaps --------------------------------------------------------------------------------

    /** A 2-D tensor as coloured cells (rows down, columns across). */
    public static Heatmap heatmap(Tensor matrix) {
        int[] s = matrix.shape();
        if (s.length == 1) return new Heatmap(Data.of(matrix), 1, s[0]);
        if (s.length != 2) {
            throw new IllegalArgumentException("heatmap: expected a matrix [rows, cols], got shape " + Arrays.toString(s)
                    + (s.length == 3 ? "; pick one with t.get(i)" : ""));
        }
        return new Heatmap(Data.of(matrix), s[0], s[1]);
    }

    public static Heatmap heatmap(double[][] rows) {
        int r = rows.length, c = r == 0 ? 0 : rows[0].length;
        double[] v = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) throw new IllegalArgumentException("heatmap: row " + i + " has " + rows[i].length + " values, row 0 has " + c);
            System.arraycopy(rows[i], 0, v, i * c, c);
        }
        return new Heatmap(v, r, c);
    }

    public static Heatmap heatmap(float[][] rows) {
        double[][] d = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) d[i] = Data.of(rows[i]);
        return heatmap(d);
    }

    /**
     * Attention weights [queries, keys]: the query tokens down the side, the key tokens across the
     * top, each row summing to one (colour range fixed to [0, 1]).
     */
    public static Heatmap attention(Tensor weights, List<String> queryTokens, List<String> keyTokens) {
        return heatmap(weights).rowLabels(queryTokens).colLabels(keyTokens).range(0, 1)
                .title("Attention").yLabel("query").xLabel("key");
    }

    /** A confusion matrix from true and predicted classes: row = true class, column = predicted, counts in the cells. */
    public static Heatmap confusion(int[] actual, int[] predicted, List<String> classNames) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("confusion: " + actual.length + " true labels but " + predicted.length + " predictions");
        }
        int k = classNames != null ? classNames.size() : 0;
        for (int i = 0; i < actual.length; i++) k = Math.max(k, Math.max(actual[i], predicted[i]) + 1);
        double[] counts = new double[k * k];
        for (int i = 0; i < actual.length; i++) counts[actual[i] * k + predicted[i]]++;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) names.add(classNames != null && c < classNames.size() ? classNames.get(c) : String.valueOf(c));
        int correct = 0;
        for (int i = 0; i < actual.length; i++) if (actual[i] == predicted[i]) correct++;
        String acc = actual.length == 0 ? "" : String.format(java.util.Locale.ROOT, " (accuracy %.1f%%)", 100.0 * correct / actual.length);
        return new Heatmap(counts, k, k).rowLabels(names).colLabels(names).colormap(Colormap.BLUES).showValues(k <= 20)
                .title("Confusion matrix" + acc).yLabel("true class").xLabel("predicted class");
    }

    /** {@link #confusion(int[], int[], List)} with class-index tensors. */
    public static Heatmap confusion(Tensor actual, Tensor predicted, List<String> classNames) {
        return confusion(Data.classes(actual), Data.classes(predicted), classNames);
    }

    /** Cosine similarity between every pair of rows of {@code vectors} ([N, D]), labelled by word. */
    public static Heatmap similarity(Tensor vectors, List<String> words) {
        int[] s = vectors.shape();
        if (s.length != 2) throw new IllegalArgumentException("similarity: expected vectors [N, D], got " + Arrays.toString(s));
        int n = s[0], d = s[1];
        float[] f = vectors.toFloatArray();
        double[] norm = new double[n];
        for (int i = 0; i < n; i++) {
            double a = 0;
            for (int j = 0; j < d; j++) a += f[i * d + j] * f[i * d + j];
            norm[i] = Math.sqrt(a);
        }
        double[] sim = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double a = 0;
                for (int j = 0; j < d; j++) a += f[i * d + j] * f[k * d + j];
                sim[i * n + k] = norm[i] == 0 || norm[k] == 0 ? 0 : a / (norm[i] * norm[k]);
            }
        }
        return new Heatmap(sim, n, n).rowLabels(words).colLabels(words).colormap(Colormap.DIVERGING).range(-1, 1)
                .title("Cosine similarity");
    }

    /**
     * Values recorded while reading a text, one row per character ([T, units], as a loop records
     * them; [units, T] is accepted too), shown with the units down and the characters across, so a
     * unit that tracks something (quotes, line length) reads as a stripe under the text.
     */
    public static Heatmap overText(String text, Tensor values) {
        int[] s = values.shape();
        if (s.length != 2) throw new IllegalArgumentException("overText: expected [T, units], got " + Arrays.toString(s));
        Tensor unitsByTime;
        if (s[0] == text.length()) unitsByTime = values.t();
        else if (s[1] == text.length()) unitsByTime = values;
        else {
            throw new IllegalArgumentException("overText: the text has " + text.length() + " characters but the values have shape "
                    + Arrays.toString(s) + "; one dimension must be the text length");
        }
        int units = unitsByTime.shape()[0];
        List<String> rows = new ArrayList<>();
        for (int u = 0; u < units; u++) rows.add("unit " + u);
        return heatmap(unitsByTime).colLabels(chars(text)).rowLabels(rows);
    }

    /** The characters of a text as labels, with space shown as ␣ and newline as ↵. */
    public static List<String> chars(String text) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.add(c == ' ' ? "␣" : c == '\n' ? "↵" : c == '\t' ? "⇥" : String.valueOf(c));
        }
        return out;
    }

    // ---- images ----------------------------------------------------------------------------------

    /** A grid of images: [N, H, W], [N, 1 or 3, H, W], [1, C, H, W] feature maps or one [H, W]. */
    public static ImageGrid images(Tensor images) {
        return new ImageGrid(images);
    }

    /** A grid of same-shaped [H, W] (or [C, H, W]) images. */
    public static ImageGrid images(List<Tensor> images) {
        if (images.isEmpty()) throw new IllegalArgumentException("images: the list is empty");
        int[] shape = images.get(0).shape();
        int size = images.get(0).numel();
        float[] all = new float[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            if (!Arrays.equals(images.get(i).shape(), shape)) {
                throw new IllegalArgumentException("images: image " + i + " has shape " + Arrays.toString(images.get(i).shape())
                        + " but image 0 has " + Arrays.toString(shape));
            }
            System.arraycopy(images.get(i).toFloatArray(), 0, all, i * size, size);
        }
        int[] stacked = new int[shape.length + 1];
        stacked[0] = images.size();
        System.arraycopy(shape, 0, stacked, 1, shape.length);
        return new ImageGrid(Tensor.fromArray(all, stacked));
    }

    // ---- distributions and bars -------------------------------------------------------------------

    public static Histogram histogram(Tensor values) {
        return new Histogram(Data.of(values));
    }

    public static Histogram histogram(double[] values) {
        return new Histogram(values.clone());
    }

    public static Histogram histogram(float[] values) {
        return new Histogram(Data.of(values));
    }

    public static Histogram histogram(NumericColumn<?> values) {
        return new Histogram(Data.of(values)).xLabel(values.name());
    }

    /**
     * Small multiples: one histogram per entry (e.g. per layer), in order, all over the same range
     * so that shrinking or exploding spreads are visible at a glance.
     */
    public static FigureGrid histograms(Map<String, Tensor> valuesByName) {
        if (valuesByName.isEmpty()) throw new IllegalArgumentException("histograms: nothing to draw");
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        Map<String, double[]> data = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : valuesByName.entrySet()) {
            double[] v = Data.of(e.getValue());
            data.put(e.getKey(), v);
            for (double x : v) if (Double.isFinite(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
        }
        List<Histogram> figs = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, double[]> e : data.entrySet()) {
            Histogram h = new Histogram(e.getValue()).title(e.getKey()).size(300, 210).color(i++);
            if (hi > lo) h.range(lo, hi);
            figs.add(h);
        }
        return new FigureGrid(Math.min(4, figs.size()), figs);
    }

    /** Several charts side by side, {@code cols} per row. */
    public static FigureGrid grid(int cols, Figure<?>... figures) {
        return new FigureGrid(cols, Arrays.asList(figures));
    }

    public static FigureGrid grid(int cols, List<? extends Figure<?>> figures) {
        return new FigureGrid(cols, figures);
    }

    /** One bar per category. */
    public static BarChart bar(List<String> categories, double[] values) {
        return new BarChart(categories, values);
    }

    public static BarChart bar(List<String> categories, Tensor values) {
        return new BarChart(categories, Data.of(values));
    }

    /** The k most probable entries of {@code probs} ([V]), labelled from {@code vocab}, highest first. */
    public static BarChart topK(Tensor probs, List<String> vocab, int k) {
        double[] p = Data.of(probs);
        if (p.length != vocab.size()) {
            throw new IllegalArgumentException("topK: " + p.length + " probabilities but a vocabulary of " + vocab.size());
        }
        Integer[] idx = new Integer[p.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, Comparator.comparingDouble(i -> -p[i]));
        int n = Math.min(k, p.length);
        List<String> names = new ArrayList<>();
        double[] vals = new double[n];
        for (int i = 0; i < n; i++) {
            String w = vocab.get(idx[i]);
            names.add(w.equals(" ") ? "␣" : w.equals("\n") ? "↵" : w);
            vals[i] = p[idx[i]];
        }
        return new BarChart(names, vals).title("Top " + n).yLabel("probability");
    }

    // ---- surfaces and embeddings --------------------------------------------------------------------

    /** The contour of z = f(x, y) over [x0, x1] x [y0, y1]; add optimizer paths with {@code path(...)}. */
    public static ContourPlot contour(DoubleBinaryOperator f, double x0, double x1, double y0, double y1) {
        return ContourPlot.of(f, x0, x1, y0, y1, 120).xLabel("x").yLabel("y");
    }

    /**
     * The contour of a surface already evaluated on a grid: z of shape [ny, nx], row r at
     * y = y0 + r (y1 - y0) / (ny - 1), column c at x = x0 + c (x1 - x0) / (nx - 1).
     */
    public static ContourPlot contour(Tensor z, double x0, double x1, double y0, double y1) {
        int[] s = z.shape();
        if (s.length != 2) throw new IllegalArgumentException("contour: expected z of shape [ny, nx], got " + Arrays.toString(s));
        return new ContourPlot(Data.of(z), s[1], s[0], x0, x1, y0, y1);
    }

    /**
     * Word vectors ([N, D]) in the plane with their words: projected on the top two principal
     * components when D &gt; 2.
     */
    public static EmbeddingPlot embeddings(Tensor vectors, List<String> words) {
        int[] s = vectors.shape();
        if (s.length != 2) throw new IllegalArgumentException("embeddings: expected vectors [N, D], got " + Arrays.toString(s));
        if (s[1] == 2) {
            double[][] p = Data.points("embeddings", vectors);
            return new EmbeddingPlot(p[0], p[1], words).title("Embeddings");
        }
        Pca pca = Pca.fit(vectors, 2);
        double[][] p = Data.points("embeddings", pca.transform(vectors));
        double[] r = pca.explainedVarianceRatio();
        return new EmbeddingPlot(p[0], p[1], words).title("Embeddings (PCA)")
                .xLabel(String.format(java.util.Locale.ROOT, "PC1 (%.0f%% of variance)", 100 * r[0]))
                .yLabel(String.format(java.util.Locale.ROOT, "PC2 (%.0f%% of variance)", 100 * r[1]));
    }

    // ---- training ----------------------------------------------------------------------------------

    /** A chart that a training loop updates in place: {@code live.add("loss", step, loss)}. */
    public static LiveChart live(String title) {
        return new LiveChart(title);
    }
}
