package glassbox.bench;

import glassbox.plot.Figure;
import glassbox.plot.Plot;
import glassbox.tensor.Graph;
import glassbox.tensor.Tensor;
import java.util.function.Supplier;

/**
 * How long a student waits for a chart: building and rendering the charts the course draws most,
 * as the notebook shows them (PNG at 2x, encoded) and as SVG. The targets: a 64-tile grid
 * of 28x28 images and a 64x128 heatmap, each well under a second.
 */
final class PlotBench implements Workload {
    @Override
    public String name() {
        return "plot";
    }

    @Override
    public String description() {
        return "rendering charts to PNG (2x) and SVG: image grid, heatmap, decision boundary, graph";
    }

    @Override
    public void run(Options o) {
        Tensor.manualSeed(0);
        Tensor digits = Tensor.rand(64, 28, 28);
        Tensor matrix = Tensor.randn(64, 128);
        Tensor points = Tensor.randn(200, 2);
        int[] labels = new int[200];
        float[] p = points.toFloatArray();
        for (int i = 0; i < 200; i++) labels[i] = p[2 * i] * p[2 * i + 1] > 0 ? 1 : 0;
        double[] curve = new double[1000];
        for (int i = 0; i < curve.length; i++) curve[i] = Math.exp(-i / 200.0) + 0.01 * Math.sin(i);

        Table t = new Table("chart rendering", "PNG ms", "(min-max)", "SVG ms", "(min-max)");
        row(t, "image grid 64 tiles of 28x28", () -> Plot.images(digits), o);
        row(t, "heatmap 64x128", () -> Plot.heatmap(matrix), o);
        row(t, "line chart, 2 x 1000 points", () -> Plot.line("a", curve).add("b", curve), o);
        row(t, "decision boundary (200x200 grid)", () -> Plot.decisionBoundary(
                x -> x.select(1, 0).mul(x.select(1, 1)).mul(4f).sigmoid(), points, labels), o);
        row(t, "contour 120x120 + path", () -> Plot.contour((x, y) -> x * x + 10 * y * y, -5, 5, -2, 2)
                .path("p", new double[] {-4, -2, 0}, new double[] {1.5, -1, 0}), o);
        t.print();

        Table g = new Table("computation graph", "SVG ms", "(min-max)", "nodes");
        Tensor w1 = Tensor.randn(2, 16).requiresGrad(true);
        Tensor w2 = Tensor.randn(16, 1).requiresGrad(true);
        Tensor loss = Tensor.randn(8, 2).matmul(w1).tanh().matmul(w2).pow(2).mean();
        loss.backward();
        Harness.Stats s = Harness.time(() -> Graph.of(loss).toSvg(), o);
        g.row("2-layer MLP loss", Table.f2(s.median() * 1e3), range(s), loss.topologicalOrder().size());
        Tensor w = Tensor.scalar(0.5f).requiresGrad(true);
        Tensor h = Tensor.scalar(1);
        for (int i = 0; i < 100; i++) h = h.mul(w).add(w).tanh();
        Tensor chain = h;
        Harness.Stats c = Harness.time(() -> Graph.of(chain).toSvg(), o);
        g.row("recurrence unrolled 100 steps", Table.f2(c.median() * 1e3), range(c), chain.topologicalOrder().size());
        g.print();
    }

    private static void row(Table t, String name, Supplier<Figure<?>> chart, Options o) {
        Harness.Stats png = Harness.time(() -> chart.get().toPngBytes(), o);
        Harness.Stats svg = Harness.time(() -> chart.get().toSvgString(), o);
        t.row(name, Table.f1(png.median() * 1e3), range(png), Table.f1(svg.median() * 1e3), range(svg));
    }

    private static String range(Harness.Stats s) {
        return "(" + Table.f1(s.min() * 1e3) + "-" + Table.f1(s.max() * 1e3) + ")";
    }
}
