package glassbox.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LiveChartTest {
    @Test
    void redrawsEveryFewPointsAndKeepsAllData() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        LiveChart live;
        try {
            live = Plot.live("Training").xLabel("step").every(5).minInterval(0);
            for (int i = 0; i < 20; i++) live.add("train", i, 1.0 / (i + 1));
            for (int i = 0; i < 4; i++) live.add("validation", i * 5, 1.2 / (i + 1));
            assertEquals(4, live.redraws(), "one redraw per 5 points (24 points, counted across series)");
            live.done();
        } finally {
            System.setOut(saved);
        }
        assertEquals(5, live.redraws());
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Training: train 0.05 (step 19)"), out);
        LineChart snap = live.snapshot();
        assertEquals(2, snap.seriesCount());
        assertEquals(20, snap.xs.get(0).length);
        ChartAssert.render(live).hasText("Training", "train", "validation", "step");
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
