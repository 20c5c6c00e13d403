package glassbox.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A small, careful timing harness: warm up until the JIT has compiled the code, pick a repetition count
 * so one sample lasts about {@code sampleSeconds}, take several samples and report the median (with the
 * min and max, to show the noise). Results are folded into a sink so the JIT cannot drop the work.
 */
final class Harness {
    private Harness() {
    }

    /**
     * Seconds per call: median of the samples, the fastest and slowest sample, and the median CPU time
     * of the measuring thread per call. On a busy machine the wall time includes the time the thread
     * waited for a core; its CPU time does not (but it misses work done by other threads).
     */
    record Stats(double median, double min, double max, long reps, double cpuMedian) {
        /** Spread of the samples as a fraction of the median: (max - min) / median. */
        double spread() {
            return (max - min) / median;
        }
    }

    static volatile int sink;

    /** Times {@code op}; its result is consumed. */
    static Stats time(Supplier<?> op, Options o) {
        return time(op, o.sampleSeconds(), o.samples());
    }

    static Stats time(Supplier<?> op, double sampleSeconds, int samples) {
        // Warm up until the JIT has compiled the hot code (the Vector API is very slow until it has): at
        // least 20 calls and 5 sample lengths (1 s normally, 0.25 s quick) of this thread's CPU time, so a
        // busy machine does not cut the warm-up short; but give up waiting after 60 s of wall time.
        long cpuEnd = cpuNanos() + (long) (sampleSeconds * 5 * 1e9);
        long wallEnd = System.nanoTime() + 60_000_000_000L;
        int warmCalls = 0;
        while ((cpuNanos() < cpuEnd || warmCalls < 20) && System.nanoTime() < wallEnd) {
            consume(op.get());
            warmCalls++;
        }
        // Calibrate: how many calls make one sample.
        long reps = 1;
        while (true) {
            long t0 = System.nanoTime();
            for (long r = 0; r < reps; r++) consume(op.get());
            double dt = (System.nanoTime() - t0) / 1e9;
            if (dt >= sampleSeconds / 4) {
                reps = Math.max(1, (long) (reps * sampleSeconds / dt));
                break;
            }
            reps *= 4;
        }
        double[] s = new double[samples], cpu = new double[samples];
        for (int i = 0; i < samples; i++) {
            long c0 = cpuNanos(), t0 = System.nanoTime();
            for (long r = 0; r < reps; r++) consume(op.get());
            s[i] = (System.nanoTime() - t0) / 1e9 / reps;
            cpu[i] = (cpuNanos() - c0) / 1e9 / reps;
        }
        Arrays.sort(s);
        Arrays.sort(cpu);
        return new Stats(s[samples / 2], s[0], s[samples - 1], reps, cpu[samples / 2]);
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of the calling thread in nanoseconds (falls back to wall time if unsupported). */
    static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static void consume(Object x) {
        sink ^= System.identityHashCode(x);
    }
}
