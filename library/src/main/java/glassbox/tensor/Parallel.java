package glassbox.tensor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * How many threads the big tensor loops (the matrix product) may use, and the small pool that runs them.
 *
 * <p>The default is the number of processors, or the system property {@code glassbox.threads}
 * ({@code -Dglassbox.threads=1} runs everything on the calling thread). Change it at any time with
 * {@link #setThreads(int)}, like {@code torch.set_num_threads}.
 *
 * <p>The pool keeps {@code threads - 1} daemon workers; the calling thread always does a share of the
 * work itself. A worker that has just finished spins for a tenth of a millisecond before sleeping, so
 * that the back-to-back matrix products of a training step do not pay to wake it each time.
 */
public final class Parallel {
    private Parallel() {
    }

    private static final long SPIN_NANOS = 100_000;
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static volatile int threads = initialThreads();
    private static Worker[] workers = new Worker[0];

    private static int initialThreads() {
        int cpus = Runtime.getRuntime().availableProcessors();
        String p = System.getProperty("glassbox.threads");
        if (p == null || p.isBlank()) return Math.max(1, cpus);
        try {
            return Math.max(1, Integer.parseInt(p.trim()));
        } catch (NumberFormatException e) {
            System.err.println("glassbox.threads: '" + p + "' is not a number; using " + cpus + " threads");
            return Math.max(1, cpus);
        }
    }

    /** The number of threads a large op may use (1 = only the calling thread). */
    public static int threads() {
        return threads;
    }

    /** Sets how many threads a large op may use; 1 runs everything on the calling thread. */
    public static void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("setThreads: need at least 1 thread, got " + n);
        threads = n;
    }

    /**
     * Runs {@code body.accept(i)} for i = 0..parts-1 on up to {@link #threads()} threads and returns when
     * all are done. The calling thread works too; parts are handed out in order to whichever thread is
     * free, so if a worker is slow to start (the other core is busy) the caller simply does more of them.
     * Called from inside a part, or while another thread uses the pool, the parts run here one by one.
     */
    static void run(int parts, IntConsumer body) {
        int helpers = Math.min(threads, parts) - 1;
        if (helpers <= 0 || inParallelPart() || !LOCK.tryLock()) {
            for (int i = 0; i < parts; i++) body.accept(i);
            return;
        }
        try {
            ensureWorkers(helpers);
            Job job = new Job(body, parts);
            for (int i = 0; i < helpers; i++) workers[i].give(job);
            job.work();
            job.await();
            Throwable failure = job.failure;
            if (failure instanceof RuntimeException) throw (RuntimeException) failure;
            if (failure instanceof Error) throw (Error) failure;
            if (failure != null) throw new IllegalStateException(failure);
        } finally {
            LOCK.unlock();
        }
    }

    /** True on a pool worker, or on a thread that is inside {@link #run}. */
    static boolean inParallelPart() {
        return Thread.currentThread() instanceof Worker || LOCK.isHeldByCurrentThread();
    }

    private static void ensureWorkers(int n) {
        if (workers.length >= n) return;
        Worker[] grown = java.util.Arrays.copyOf(workers, n);
        for (int i = workers.length; i < n; i++) {
            grown[i] = new Worker(i + 1);
            grown[i].start();
        }
        workers = grown;
    }

    /** One call of {@link #run}: the body, the next part to hand out, and how many parts are finished. */
    private static final class Job {
        final IntConsumer body;
        final int parts;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        volatile Throwable failure;

        Job(IntConsumer body, int parts) {
            this.body = body;
            this.parts = parts;
        }

        /** Takes parts until none are left. */
        void work() {
            for (int i; (i = next.getAndIncrement()) < parts; ) {
                try {
                    body.accept(i);
                } catch (Throwable t) {
                    if (failure == null) failure = t;
                } finally {
                    finished.incrementAndGet();
                }
            }
        }

        void await() {
            long spins = 0;
            while (finished.get() < parts) {
                if (++spins < 20_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }
    }

    /** A daemon thread that helps with the jobs it is given: spin briefly for the next one, then sleep. */
    private static final class Worker extends Thread {
        private final AtomicReference<Job> job = new AtomicReference<>();

        Worker(int id) {
            super("glassbox-worker-" + id);
            setDaemon(true);
        }

        void give(Job j) {
            job.set(j);
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            while (true) {
                Job j = job.getAndSet(null);
                if (j != null) {
                    j.work();
                    continue;
                }
                long start = System.nanoTime();
                while (job.get() == null && System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
                if (job.get() == null) LockSupport.park(this);
            }
        }
    }
}
