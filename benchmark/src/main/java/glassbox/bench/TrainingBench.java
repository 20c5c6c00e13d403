package glassbox.bench;

import glassbox.tensor.Parallel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A training workload of ../shared/bench/README.md timed like pytorch_reference.py times it: a few
 * untimed warm-up steps, then the whole workload (e.g. 50 training steps) timed several times, median
 * reported; then PyTorch on the same number of threads in the same run, and the ratio.
 */
abstract class TrainingBench implements Workload {
    private static final Pattern RESULT = Pattern.compile("total_s_median=([0-9.]+) min=([0-9.]+) max=([0-9.]+)");

    /** The name of the workload in pytorch_reference.py. */
    abstract String referenceName();

    /** Sets up the model and data (seeded) and returns one training step. */
    abstract Runnable setUp();

    /** Steps in one timed run. */
    abstract int steps();

    @Override
    public void run(Options o) throws Exception {
        int repeats = o.quick ? 1 : 3;
        String why = o.noReference ? "--no-reference" : Python.missing("torch");
        if (why != null) System.out.println("PyTorch reference skipped: " + why);
        Table table = new Table("threads", "Glassbox s", "(min-max)", "PyTorch s", "(min-max)", "ratio", "ms/step");
        int before = Parallel.threads();
        try {
            for (int t : o.threads) {
                Parallel.setThreads(t);
                Runnable step = setUp();
                for (int i = 0; i < 3; i++) step.run();                 // warm-up, as the reference
                if (!o.quick) for (int i = 0; i < steps(); i++) step.run();   // and let the JIT settle
                double[] s = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < steps(); i++) step.run();
                    s[r] = (System.nanoTime() - t0) / 1e9;
                }
                Arrays.sort(s);
                double java = s[repeats / 2];
                double[] ref = why == null ? pytorch(t, repeats) : null;
                table.row(t, Table.f2(java), Table.f2(s[0]) + "-" + Table.f2(s[repeats - 1]),
                        ref == null ? "-" : Table.f2(ref[0]), ref == null ? "" : Table.f2(ref[1]) + "-" + Table.f2(ref[2]),
                        ref == null ? "-" : Table.f2(java / ref[0]), Table.f1(java / steps() * 1000));
            }
        } finally {
            Parallel.setThreads(before);
        }
        table.print();
        System.out.println("seconds for " + steps() + " training steps (median of runs); ratio = Glassbox / PyTorch, below 1 is faster.");
        System.out.println();
    }

    /** PyTorch's {median, min, max} seconds for the whole workload on {@code threads} threads. */
    private double[] pytorch(int threads, int repeats) throws Exception {
        Path script = Options.referenceDir().resolve("pytorch_reference.py");
        List<String> lines = Python.run(script, Map.of(), referenceName(), Integer.toString(threads), Integer.toString(repeats));
        for (String line : lines) {
            Matcher m = RESULT.matcher(line);
            if (m.find()) {
                return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
            }
        }
        throw new IllegalStateException("pytorch_reference.py printed no RESULT line: " + lines);
    }
}
