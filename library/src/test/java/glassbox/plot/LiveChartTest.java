package glassbox.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.display.Display;
import glassbox.display.DisplaySink;
import glassbox.display.MimeBundle;
import glassbox.tensor.Tensor;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LiveChartTest {
    @Test
    void redrawsInPlaceEveryFewPointsAndKeepsAllData() throws Exception {
        List<String> calls = new ArrayList<>();
        List<MimeBundle> bundles = new ArrayList<>();
        DisplaySink sink = new DisplaySink() {
            @Override
            public void display(MimeBundle bundle, String id) {
                calls.add("display " + id);
                bundles.add(bundle);
            }

            @Override
            public void update(MimeBundle bundle, String id) {
                calls.add("update " + id);
                bundles.add(bundle);
            }
        };
        Display.setThreadSink(sink);
        LiveChart live;
        try {
            live = Plot.live("Training").xLabel("step").every(5).minInterval(0);
            for (int i = 0; i < 20; i++) live.add("train", i, 1.0 / (i + 1));
            for (int i = 0; i < 4; i++) live.add("validation", i * 5, 1.2 / (i + 1));
            assertEquals(4, live.redraws(), "one redraw per 5 points (24 points, counted across series)");
            live.done();
        } finally {
            Display.setThreadSink(null);
        }
        assertEquals(5, live.redraws());
        assertEquals(5, calls.size());
        String id = calls.get(0).substring("display ".length());
        assertTrue(calls.get(0).startsWith("display "));
        for (int i = 1; i < 5; i++) assertEquals("update " + id, calls.get(i), "redrawn in place, same output");
        MimeBundle last = bundles.get(4);
        assertTrue(last.get("image/png") != null, "a PNG each time");
        assertEquals("Training: train 0.05 (step 19), validation 0.3 (step 15)", last.plainText());
        LineChart snap = live.snapshot();
        assertEquals(2, snap.seriesCount());
        assertEquals(20, snap.xs.get(0).length);
        ChartAssert.render(live).hasText("Training", "train", "validation", "step");
    }

    @Test
    void chartsAndGraphsAreDisplayable() throws Exception {
        LineChart c = Plot.line(new double[] {1, 2, 3}).title("t").size(300, 200);
        MimeBundle b = c.toMimeBundle();
        byte[] png = Base64.getDecoder().decode((String) b.get("image/png"));
        var img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertEquals(600, img.getWidth(), "drawn at 2x");
        assertEquals(300, b.metadata().get("image/png").get("width"), "shown at 1x");
        assertEquals(200, b.metadata().get("image/png").get("height"));
        assertTrue(b.plainText().contains("LineChart \"t\""), b.plainText());
        MimeBundle svg = c.asSvg().toMimeBundle();
        assertTrue(((String) svg.get("image/svg+xml")).contains("<svg"));
        assertEquals(null, svg.get("image/png"));
        Tensor a = Tensor.scalar(2).requiresGrad(true).label("a");
        Tensor loss = a.mul(a).label("L");
        MimeBundle g = loss.graph().toMimeBundle();
        assertTrue(((String) g.get("image/svg+xml")).startsWith("<svg"));
        assertEquals("Graph of L: 2 tensors, 1 ops", g.plainText());
    }

    @Test
    void progressBarShowsFractionCountAndValues() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try (ProgressBar bar = new ProgressBar("epoch", 10, out)) {
            for (int i = 0; i < 5; i++) bar.step();
            bar.set("loss", 0.25);
            String s = bar.render();
            assertTrue(s.startsWith("epoch  50% |██████████··········| 5/10"), s);
            assertTrue(s.endsWith("loss=0.25"), s);
            bar.step(5);
        }
        String all = buf.toString(StandardCharsets.UTF_8);
        assertTrue(all.startsWith("\r") && all.endsWith("\n"), "redrawn in place, ended with a newline");
        assertTrue(all.contains("100% |████████████████████| 10/10"), all);
    }
}
