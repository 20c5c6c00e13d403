package glassbox.plot;

import glassbox.display.Display;
import glassbox.display.DisplayHandle;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A line chart that a training loop updates in place:
 * <pre>
 * var live = Plot.live("Training").xLabel("step").yLabel("loss");
 * for (int step = 0; step &lt; 1000; step++) {
 *     ...
 *     live.add("train", step, loss.item());     // redraws every 10 points (at most 4 times a second)
 * }
 * live.done();                                  // final redraw
 * </pre>
 * In a notebook the chart is shown once and then replaced in place (no flicker, no pile of charts).
 * Without a notebook each redraw prints one line with the latest values.
 */
public final class LiveChart extends Figure<LiveChart> {
    final Map<String, List<double[]>> series = new LinkedHashMap<>();
    int every = 10;
    long minMillis = 250;
    boolean logY;
    private int sinceDraw;
    private long lastDraw;
    private int redraws;
    private DisplayHandle handle;

    LiveChart(String title) {
        super(640, 380);
        this.title = title == null ? "" : title;
    }

    /** Adds the point (x, y) to the named series; redraws when due. */
    public LiveChart add(String name, double x, double y) {
        series.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {x, y});
        sinceDraw++;
        long now = System.currentTimeMillis();
        if (sinceDraw >= every && now - lastDraw >= minMillis) redraw();
        return this;
    }

    /** Adds y as the next point of the named series (x = 0, 1, 2, ...). */
    public LiveChart add(String name, double y) {
        List<double[]> s = series.get(name);
        return add(name, s == null ? 0 : s.size(), y);
    }

    /** Redraw after every {@code n} new points (default 10); never more than 4 times a second. */
    public LiveChart every(int n) {
        if (n < 1) throw new IllegalArgumentException("every: must be at least 1, got " + n);
        this.every = n;
        return this;
    }

    /** The shortest time between two redraws in milliseconds (default 250). */
    public LiveChart minInterval(long millis) {
        this.minMillis = Math.max(0, millis);
        return this;
    }

    /** A logarithmic y axis. */
    public LiveChart logY() {
        this.logY = true;
        return this;
    }

    /** Draws the chart now (shows it the first time, replaces it afterwards). */
    public void redraw() {
        sinceDraw = 0;
        lastDraw = System.currentTimeMillis();
        redraws++;
        // The first redraw shows the chart; later ones replace it in place (update_display_data).
        // Without a notebook the display prints the text form: one status line per redraw.
        if (handle == null) handle = Display.show(this);
        else handle.update(this);
    }

    /** The final redraw, when training is over. */
    public void done() {
        redraw();
    }

    /** How many times the chart was drawn so far. */
    public int redraws() {
        return redraws;
    }

    /** The data so far as an ordinary line chart. */
    public LineChart snapshot() {
        LineChart c = new LineChart().title(title).xLabel(xLabel).yLabel(yLabel).size(width, height);
        if (logY) c.logY();
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            List<double[]> pts = e.getValue();
            double[] x = new double[pts.size()], y = new double[pts.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = pts.get(i)[0];
                y[i] = pts.get(i)[1];
            }
            c.add(e.getKey(), x, y);
        }
        return c;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        snapshot().paint(g, width, height);
    }

    /** The latest value of each series, e.g. {@code Training: train 0.231 (step 500), validation 0.262 (step 500)}. */
    public String status() {
        StringBuilder sb = new StringBuilder(title.isEmpty() ? "LiveChart" : title).append(':');
        String sep = " ";
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            List<double[]> pts = e.getValue();
            if (pts.isEmpty()) continue;
            double[] last = pts.get(pts.size() - 1);
            sb.append(sep).append(e.getKey()).append(' ').append(Style.number(last[1]))
                    .append(" (").append(xLabel.isEmpty() ? "x" : xLabel).append(' ').append(Style.number(last[0])).append(')');
            sep = ", ";
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return status();
    }
}
