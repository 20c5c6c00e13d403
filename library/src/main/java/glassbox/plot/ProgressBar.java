package glassbox.plot;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A text progress bar for loops, redrawn on one line (with a carriage return) at most ten times a
 * second, like tqdm:
 * <pre>
 * epoch  45% |█████████···········| 45/100 [00:03&lt;00:04, 13.2 it/s] loss=0.2301
 * </pre>
 * Use it in try-with-resources: {@code try (var bar = new ProgressBar("epoch", 100)) { ... bar.step(); }}
 */
public final class ProgressBar implements AutoCloseable {
    private final String name;
    private final int total;
    private final PrintStream out;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private int done;
    private long lastPrint;
    private boolean closed;
    static final int WIDTH = 20;

    public ProgressBar(String name, int total) {
        this(name, total, System.out);
    }

    public ProgressBar(String name, int total, PrintStream out) {
        if (total < 0) throw new IllegalArgumentException("ProgressBar: total must not be negative, got " + total);
        this.name = name == null ? "" : name;
        this.total = total;
        this.out = out;
    }

    /** One more step done. */
    public ProgressBar step() {
        return step(1);
    }

    /** {@code n} more steps done. */
    public ProgressBar step(int n) {
        done = Math.min(total, done + n);
        long now = System.nanoTime();
        if (now - lastPrint > 100_000_000L || done == total) {
            lastPrint = now;
            out.print("\r" + render());
            out.flush();
        }
        return this;
    }

    /** A value shown after the bar, e.g. {@code set("loss", 0.23)}. */
    public ProgressBar set(String key, double value) {
        values.put(key, Style.number(value));
        return this;
    }

    /** Steps done so far. */
    public int count() {
        return done;
    }

    /** The bar as text (without the carriage return). */
    public String render() {
        double frac = total == 0 ? 1 : (double) done / total;
        int full = (int) Math.round(frac * WIDTH);
        double secs = (System.nanoTime() - start) / 1e9;
        double rate = secs > 0 ? done / secs : 0;
        double eta = rate > 0 ? (total - done) / rate : 0;
        StringBuilder sb = new StringBuilder();
        if (!name.isEmpty()) sb.append(name).append(' ');
        sb.append(String.format(java.util.Locale.ROOT, "%3d%% |", (int) Math.floor(frac * 100)));
        sb.append("█".repeat(full)).append("·".repeat(WIDTH - full)).append("| ");
        sb.append(done).append('/').append(total);
        sb.append(" [").append(time(secs)).append('<').append(time(eta))
                .append(String.format(java.util.Locale.ROOT, ", %.1f it/s]", rate));
        values.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }

    private static String time(double secs) {
        long s = Math.round(secs);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%02d:%02d", s / 60, s % 60);
    }

    /** Prints the final state and ends the line. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        out.print("\r" + render() + "\n");
        out.flush();
    }
}
