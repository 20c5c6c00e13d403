package glassbox.plot;

import static glassbox.plot.ChartAssert.bluish;
import static glassbox.plot.ChartAssert.near;
import static glassbox.plot.ChartAssert.orangish;
import static glassbox.plot.ChartAssert.render;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;

class PlotTest {
    static final int BLUE = Style.PALETTE[0], ORANGE = Style.PALETTE[1], RED = Style.PALETTE[3];

    @Test
    void lineChartHasSeriesTitleAxesAndLogTicks() throws Exception {
        double[] train = new double[50], val = new double[50];
        for (int i = 0; i < 50; i++) {
            train[i] = 2 * Math.exp(-i / 10.0) + 0.01;
            val[i] = 2 * Math.exp(-i / 15.0) + 0.1;
        }
        LineChart c = Plot.line("train", train).add("validation", val).title("Loss").xLabel("epoch").yLabel("loss").logY();
        ChartAssert r = render(c).hasText("Loss", "epoch", "loss", "train", "validation", "0.05", "0.1", "0.5", "1", "2");
        assertTrue(r.fraction(near(BLUE, 20)) > 0.002, "the train line is drawn");
        assertTrue(r.fraction(near(ORANGE, 20)) > 0.002, "the validation line is drawn");
        var e = assertThrows(IllegalArgumentException.class, () -> Plot.line("bad", new double[] {1, -1}).logY().toPngBytes());
        assertTrue(e.getMessage().contains("'bad'") && e.getMessage().contains("positive"), e.getMessage());
    }

    @Test
    void longSeriesAreReducedPerColumnKeepingTheExtremes() {
        int n = 20000;
        double[] x = new double[n], y = new double[n];
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < n; i++) { x[i] = i; y[i] = Math.exp(-i / 5000.0) + 0.3 * rnd.nextGaussian(); }
        Axes ax = new Axes(0, n - 1, -2, 3, false);
        ax.plot = new java.awt.geom.Rectangle2D.Double(40, 20, 500, 300);
        java.awt.geom.Path2D.Double reduced = LineChart.path(ax, x, y);
        java.awt.geom.Path2D.Double full = new java.awt.geom.Path2D.Double();
        for (int i = 0; i < n; i++) { if (i == 0) full.moveTo(ax.px(x[i]), ax.py(y[i])); else full.lineTo(ax.px(x[i]), ax.py(y[i])); }
        var rb = reduced.getBounds2D();
        var fb = full.getBounds2D();
        assertEquals(fb.getMinY(), rb.getMinY(), 1e-9, "highest point kept");
        assertEquals(fb.getMaxY(), rb.getMaxY(), 1e-9, "lowest point kept");
        assertEquals(fb.getMinX(), rb.getMinX(), 1e-9);
        int segments = 0;
        for (var it = reduced.getPathIterator(null); !it.isDone(); it.next()) segments++;
        assertTrue(segments <= 4 * 252, "at most four points per two-pixel column: " + segments);
    }

    @Test
    void lineChartAcceptsTensorsListsAndTablesawColumns() throws Exception {
        DoubleColumn x = DoubleColumn.create("step", 0, 1, 2, 3);
        DoubleColumn y = DoubleColumn.create("accuracy", 0.5, 0.7, 0.8, 0.85);
        LineChart c = Plot.line(x, y).add("tensor", Tensor.of(0.4f, 0.6f, 0.7f)).add("list", List.of(0.3, 0.5));
        assertEquals(3, c.seriesCount());
        render(c).hasText("step", "accuracy", "tensor", "list");
        assertThrows(IllegalArgumentException.class, () -> Plot.line(new double[] {1, 2}, new double[] {1}));
    }

    @Test
    void scatterColoursEachClass() throws Exception {
        Tensor pts = Tensor.of(new float[][] {{0, 0}, {1, 1}, {2, 0}, {3, 1}});
        ChartAssert r = render(Plot.scatter(pts, new int[] {0, 1, 0, 1}).title("Two classes")).hasText("Two classes", "class 0", "class 1");
        assertTrue(r.fraction(near(BLUE, 10)) > 0.0002 && r.fraction(near(ORANGE, 10)) > 0.0002);
    }

    @Test
    void scatterClassNamesReplaceTheDefaultLegend() throws Exception {
        Tensor pts = Tensor.of(new float[][] {{0, 0}, {1, 1}, {2, 0}, {3, 1}});
        ScatterChart c = Plot.scatter(pts, new int[] {0, 1, 0, 1}).classNames(List.of("false", "true"));
        ChartAssert r = render(c).hasText("false", "true");
        assertTrue(!r.texts.contains("class 0") && !r.texts.contains("class 1"), "default names replaced: " + r.texts);
        assertThrows(IllegalArgumentException.class, () -> Plot.scatter(pts, new int[] {0, 1, 0, 1}).classNames("a", "b", "c"));
    }

    @Test
    void decisionBoundaryShadesBothClassesBehindThePoints() throws Exception {
        Tensor.manualSeed(3);
        Tensor pts = Tensor.randn(100, 2);
        float[] p = pts.toFloatArray();
        int[] y = new int[100];
        for (int i = 0; i < 100; i++) y[i] = p[2 * i] > 0 ? 1 : 0;
        // Probability of class 1 rises with x1: the right half is class 1 (orange), the left class 0 (blue).
        DecisionBoundary db = Plot.decisionBoundary(x -> x.select(1, 0).mul(3f).sigmoid(), pts, y).title("Perceptron");
        ChartAssert r = render(db).hasText("Perceptron", "class 0", "class 1", "x1", "x2");
        assertTrue(r.fraction(bluish()) > 0.15, "class 0 region shaded: " + r.fraction(bluish()));
        assertTrue(r.fraction(orangish()) > 0.15, "class 1 region shaded: " + r.fraction(orangish()));
        // The model's own regions are where they should be: sample the evaluated field directly.
        double[][] e = db.evaluate(10);
        assertEquals(0, e[0][5 * 10], "left column is class 0");
        assertEquals(1, e[0][5 * 10 + 9], "right column is class 1");
        // A model that always answers class 0 leaves only the class-1 points orange.
        ChartAssert none = render(Plot.decisionBoundary(x -> Tensor.zeros(x.shape()[0]), pts, y));
        assertTrue(none.fraction(orangish()) < 0.03, "no class-1 region: " + none.fraction(orangish()));
    }

    @Test
    void decisionBoundaryCanBeToldTheModelReturnsScoresOrProbabilities() {
        Tensor pts = Tensor.of(new float[][] {{-1, -1}, {1, 1}});
        int[] y = {0, 1};
        // Scores that stay inside [0, 1]: 0.2 + 0.1 x1. Guessed as probabilities, all below 0.5 are class 0;
        // read as scores (a perceptron's), their sign decides and every point is class 1.
        java.util.function.Function<Tensor, Tensor> model = x -> x.select(1, 0).mul(0.1f).add(0.2f);
        double[][] guessed = Plot.decisionBoundary(model, pts, y).evaluate(8);
        double[][] scores = Plot.decisionBoundary(model, pts, y).scores().evaluate(8);
        for (int i = 0; i < 64; i++) {
            assertEquals(0, guessed[0][i], "guessed as a probability below 0.5");
            assertEquals(1, scores[0][i], "a positive score is class 1");
        }
        // Per-class scores that happen to sum to 1 are still softmaxed when declared scores.
        java.util.function.Function<Tensor, Tensor> two = x -> Tensor.of(new float[] {0.3f, 0.7f}).expand(x.shape()[0], 2);
        double conf = Plot.decisionBoundary(two, pts, y).evaluate(4)[1][0];
        double confScores = Plot.decisionBoundary(two, pts, y).scores().evaluate(4)[1][0];
        assertEquals(0.4, conf, 1e-6, "0.7 read as a probability: (0.7 - 1/2) / (1 - 1/2)");
        assertEquals(2 / (1 + Math.exp(-0.4)) - 1, confScores, 1e-6, "softmax(0.3, 0.7) = sigmoid(0.4) for the winner");
        // Declared probabilities that are not: a clear error.
        var bad = Plot.decisionBoundary(x -> x.select(1, 0).mul(5f), pts, y).probabilities();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bad.evaluate(4));
        assertTrue(e.getMessage().contains("outside [0, 1]") && e.getMessage().contains("scores()"), e.getMessage());
    }

    @Test
    void decisionBoundaryHandlesScoresPerClassAndExplainsBadModels() throws Exception {
        Tensor pts = Tensor.of(new float[][] {{-1, -1}, {1, -1}, {0, 1}});
        Tensor w = Tensor.of(new float[][] {{1, -1, 0}, {0, 0, 1}});
        ChartAssert r = render(Plot.decisionBoundary(x -> x.matmul(w), pts, new int[] {1, 0, 2}).classNames("a", "b", "c"));
        r.hasText("a", "b", "c");
        assertTrue(r.fraction(near(Style.lighten(Style.PALETTE[2], 0.4), 60)) > 0.02, "class 2 (green) region");
        var e = assertThrows(IllegalArgumentException.class,
                () -> Plot.decisionBoundary(x -> Tensor.zeros(3), pts, new int[] {0, 1, 0}).toPngBytes());
        assertTrue(e.getMessage().contains("should return"), e.getMessage());
    }

    @Test
    void heatmapDrawsBothEndsOfTheScaleAndItsLabels() throws Exception {
        Heatmap h = Plot.heatmap(Tensor.of(new float[][] {{0, 1, 0.5f}, {1, 0, 0.25f}}))
                .rowLabels(List.of("r0", "r1")).colLabels(List.of("c0", "c1", "c2")).title("Cells");
        ChartAssert r = render(h).hasText("Cells", "r0", "r1", "c0", "c2", "1.00", "0.25");
        assertTrue(r.fraction(near(0x440154, 4)) > 0.01, "low end of viridis");
        assertTrue(r.fraction(near(0xfde725, 4)) > 0.01, "high end of viridis");
    }

    @Test
    void attentionHasQueriesDownAndKeysAcross() throws Exception {
        Tensor wts = Tensor.of(new float[][] {{0.9f, 0.1f}, {0.2f, 0.8f}, {0.5f, 0.5f}});
        Heatmap h = Plot.attention(wts, List.of("the", "cat", "sat"), List.of("le", "chat"));
        assertEquals(3, h.rows);
        assertEquals(2, h.cols);
        render(h).hasText("the", "cat", "sat", "le", "chat", "query", "key", "0.90");
    }

    @Test
    void confusionMatrixCountsPairs() throws Exception {
        int[] actual = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        int[] predicted = {0, 0, 1, 1, 1, 2, 2, 0, 2};
        Heatmap h = Plot.confusion(actual, predicted, List.of("cat", "dog", "fox"));
        assertArrayEquals(new double[] {2, 1, 0, 0, 2, 0, 1, 0, 3}, h.v);
        render(h).hasText("cat", "dog", "fox", "3", "2", "true class", "predicted class", "Confusion matrix (accuracy 77.8%)");
    }

    @Test
    void similarityAndGatesOverText() throws Exception {
        Tensor v = Tensor.of(new float[][] {{1, 0}, {0.9f, 0.1f}, {0, 1}});
        Heatmap s = Plot.similarity(v, List.of("king", "queen", "apple"));
        assertEquals(1.0, s.v[0], 1e-6);
        assertEquals(0.0, s.v[2], 1e-6);
        render(s).hasText("king", "apple");
        Heatmap g = Plot.overText("a \"b\"", Tensor.rand(5, 3));
        assertEquals(3, g.rows);
        assertEquals(5, g.cols);
        render(g).hasText("␣", "\"", "b", "unit 0", "unit 2");
        assertThrows(IllegalArgumentException.class, () -> Plot.overText("abc", Tensor.rand(4, 2)));
    }

    @Test
    void bigHeatmapRenders() throws Exception {
        Heatmap h = Plot.heatmap(Tensor.randn(64, 128)).title("64 x 128");
        ChartAssert r = render(h).hasText("64 x 128");
        assertTrue(r.svgText.contains("data:image/png;base64,"), "cells go into the SVG as one embedded image");
    }

    @Test
    void imageGridPutsEachTileInItsPlace() throws Exception {
        Tensor imgs = Tensor.zeros(4, 8, 8);
        float[] d = imgs.toFloatArray();
        for (int i = 0; i < 64; i++) d[2 * 64 + i] = 1; // tile 2 all white
        d[0] = 0.5f; // so tile 0 is not constant
        ImageGrid g = Plot.images(Tensor.fromArray(d, 4, 8, 8)).cols(2).range(0, 1).labels(new int[] {1, 2, 3, 4}, new int[] {1, 2, 0, 4}, null);
        ChartAssert r = render(g).hasText("1", "2", "3 (0)", "4");
        int[] o2 = g.tileOrigin(2), o1 = g.tileOrigin(1);
        int s = g.scale;
        assertEquals(0xffffff, r.pixel(2 * (o2[0] + 4 * s), 2 * (o2[1] + 4 * s)), "tile 2 (row 2, column 1) is white");
        assertEquals(0x000000, r.pixel(2 * (o1[0] + 4 * s), 2 * (o1[1] + 4 * s)), "tile 1 is black");
        assertTrue(o2[1] > o1[1] && o2[0] < o1[0], "tile 2 starts the second row");
    }

    @Test
    void imageGridReadsFeatureMapsRgbAndSingleImages() throws Exception {
        assertEquals(16, Plot.images(Tensor.rand(1, 16, 5, 5)).count());
        assertEquals(3, Plot.images(Tensor.rand(3, 3, 4, 4)).count());
        assertEquals(1, Plot.images(Tensor.rand(28, 28)).count());
        assertEquals(2, Plot.images(List.of(Tensor.rand(4, 4), Tensor.rand(4, 4))).count());
        ChartAssert r = render(Plot.images(Tensor.randn(6, 1, 5, 5)).colormap(Colormap.DIVERGING).title("Filters")).hasText("Filters");
        assertTrue(r.fraction(c -> (c & 255) > ((c >> 16) & 255) + 60) > 0.005, "negative weights blue");
        var e = assertThrows(IllegalArgumentException.class, () -> Plot.images(Tensor.rand(2, 5, 4, 4)));
        assertTrue(e.getMessage().contains("[2, 5, 4, 4]"), e.getMessage());
    }

    @Test
    void histogramCountsAndSmallMultiples() throws Exception {
        Histogram h = Plot.histogram(new double[] {0, 0.1, 0.2, 0.9, 1.0}).bins(2).title("Values");
        assertArrayEquals(new int[] {3, 2}, h.counts());
        ChartAssert r = render(h).hasText("Values", "count");
        assertTrue(r.texts.stream().anyMatch(t -> t.startsWith("n=5")), r.texts.toString());
        assertTrue(r.fraction(near(BLUE, 5)) > 0.05);
        Map<String, Tensor> layers = new LinkedHashMap<>();
        for (int l = 1; l <= 5; l++) layers.put("layer " + l, Tensor.randn(300).mul((float) Math.pow(0.3, l)));
        FigureGrid grid = Plot.histograms(layers).title("Gradients");
        ChartAssert g = render(grid).hasText("Gradients", "layer 1", "layer 5");
        assertEquals(4 * 300, grid.width(), "four per row");
        assertTrue(g.fraction(near(Style.PALETTE[4], 5)) > 0.0005, "fifth histogram in the fifth colour");
    }

    @Test
    void barAndTopK() throws Exception {
        BarChart b = Plot.bar(List.of("cat", "dog", "bird"), new double[] {0.7, 0.2, 0.1}).title("Class probabilities").highlight(0);
        ChartAssert r = render(b).hasText("cat", "dog", "bird", "0.7", "0.2");
        assertTrue(r.fraction(near(ORANGE, 5)) > 0.02 && r.fraction(near(BLUE, 5)) > 0.01);
        BarChart top = Plot.topK(Tensor.of(0.1f, 0.5f, 0.15f, 0.25f), List.of("a", " ", "c", "d"), 3);
        assertEquals(List.of("␣", "d", "c"), top.categories);
        render(top).hasText("␣", "d", "c", "Top 3");
    }

    @Test
    void contourWithOptimizerPaths() throws Exception {
        ContourPlot c = Plot.contour((x, y) -> x * x + 10 * y * y, -2, 2, -1, 1).title("Bowl")
                .path("SGD", new double[] {-1.8, -1, 0}, new double[] {0.8, -0.5, 0})
                .path("Adam", List.of(new float[] {1.5f, 0.9f}, new float[] {0.5f, 0.2f}));
        ChartAssert r = render(c).hasText("Bowl", "SGD", "Adam", "x", "y");
        assertTrue(r.fraction(near(RED, 10)) > 0.001, "first path in red");
        double[] levels = c.levelValues();
        for (int i = 1; i < levels.length; i++) assertTrue(levels[i] >= levels[i - 1]);
        assertEquals(14, levels.length);
    }

    @Test
    void embeddingsUsePcaAndShowWords() throws Exception {
        Tensor.manualSeed(7);
        Tensor v = Tensor.randn(6, 10);
        List<String> words = List.of("king", "queen", "man", "woman", "apple", "pear");
        EmbeddingPlot e = Plot.embeddings(v, words);
        ChartAssert r = render(e).hasText("king", "pear", "Embeddings (PCA)");
        assertTrue(r.texts.stream().anyMatch(t -> t.startsWith("PC1 (")), r.texts.toString());
    }

    @Test
    void gridOfChartsAndFiles(@TempDir Path dir) throws Exception {
        FigureGrid g = Plot.grid(2, Plot.line(new double[] {1, 2, 3}).title("left"), Plot.histogram(Tensor.randn(50)).title("right"));
        render(g).hasText("left", "right");
        Path png = g.toPng(dir.resolve("sub/grid.png"));
        Path svg = g.toSvg(dir.resolve("grid.svg"));
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
        assertTrue(Files.readString(svg).contains("<svg"));
    }

    @Test
    void sizeIsRespectedAndTooSmallIsRefused() throws Exception {
        LineChart c = Plot.line(new double[] {1, 2}).size(300, 200);
        assertEquals(600, c.toImage().getWidth());
        assertThrows(IllegalArgumentException.class, () -> c.size(10, 10));
        ImageGrid g = Plot.images(Tensor.rand(64, 28, 28)).size(200, 150);
        assertEquals(400, g.toImage().getWidth(), "a fixed size shrinks the grid to fit");
    }

    @Test
    void xchartSvgExportStillWorksWithoutThePdfLibrary() throws Exception {
        var chart = new org.knowm.xchart.XYChartBuilder().width(200).height(100).title("xchart").build();
        chart.addSeries("s", new double[] {0, 1}, new double[] {0, 1});
        var out = new java.io.ByteArrayOutputStream();
        org.knowm.xchart.VectorGraphicsEncoder.saveVectorGraphic(chart, out, org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        // XChart draws its text as outlines; what matters here is that the SVG comes out (the kernel shows it).
        assertTrue(out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("<path"));
    }

    @Test
    void svgNumbersHaveAtMostTwoDecimals() {
        assertEquals("0", SvgWriter.n(-0.001));
        assertEquals("1.5", SvgWriter.n(1.5));
        assertEquals("-2.05", SvgWriter.n(-2.049));
        assertEquals("3.07", SvgWriter.n(3.07));
        assertEquals("12", SvgWriter.n(11.999));
        assertEquals("-0.5", SvgWriter.n(-0.5));
    }

    static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add("w" + i);
        return out;
    }
}
