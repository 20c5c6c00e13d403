package glassbox.bench;

import glassbox.tensor.Gemm;
import glassbox.tensor.Parallel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's speed benchmark: {@code ./bench [WORKLOAD...] [--quick] [--threads=1,2] [--no-reference]}.
 *
 * <p>WORKLOAD is one of the names below or {@code all} (the default). Reference figures (OpenBLAS,
 * PyTorch) are measured in the same run with Debian's /usr/bin/python3 when it has numpy / torch.
 */
public final class Bench {
    private Bench() {
    }

    /** Every workload by name, in the order {@code all} runs them. Add new ones here. */
    static final Map<String, Workload> WORKLOADS = new LinkedHashMap<>();

    static {
        register(new MatmulBench());
        register(new OpsBench());
        register(new DataBench());
        register(new MlpBench());
        register(new PlotBench());
        register(new LstmBench());
        register(new LstmCellBench());
        register(new GptBench());
        register(new CnnBench());
    }

    static void register(Workload w) {
        WORKLOADS.put(w.name(), w);
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options();
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--quick")) {
                o.quick = true;
            } else if (arg.equals("--no-reference")) {
                o.noReference = true;
            } else if (arg.startsWith("--threads=")) {
                String[] parts = arg.substring("--threads=".length()).split(",");
                o.threads = new int[parts.length];
                for (int i = 0; i < parts.length; i++) o.threads[i] = Integer.parseInt(parts[i].trim());
            } else if (arg.equals("-h") || arg.equals("--help")) {
                usage();
                return;
            } else if (arg.equals("all")) {
                names.addAll(WORKLOADS.keySet());
            } else if (WORKLOADS.containsKey(arg)) {
                names.add(arg);
            } else {
                System.err.println("bench: unknown workload or option '" + arg + "'");
                usage();
                System.exit(2);
            }
        }
        if (names.isEmpty()) names.addAll(WORKLOADS.keySet());

        Runtime rt = Runtime.getRuntime();
        System.out.println("Glassbox benchmark: Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
                + "), " + rt.availableProcessors() + " processors, " + Gemm.describe().replaceAll(".*, up to ", "default ")
                + (Gemm.simd() ? ", Vector API on" : ", Vector API off (plain Java)"));
        System.out.println("Each figure: median of " + o.samples() + " samples of ~" + o.sampleSeconds()
                + " s after warm-up (min-max shows the noise).");
        System.out.println();
        int threads = Parallel.threads();
        for (String name : names) {
            Workload w = WORKLOADS.get(name);
            System.out.println("== " + w.name() + ": " + w.description());
            System.out.println();
            long t0 = System.nanoTime();
            String loadBefore = loadAverage();
            w.run(o);
            Parallel.setThreads(threads);
            System.out.printf("(%s took %.0f s; load average before %s, after %s: above %d the machine was shared)%n%n",
                    w.name(), (System.nanoTime() - t0) / 1e9, loadBefore, loadAverage(), rt.availableProcessors());
        }
    }

    /** The 1-minute load average (Linux), to judge how busy the machine was; "?" elsewhere. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static void usage() {
        System.out.println("usage: ./bench [WORKLOAD...] [--quick] [--threads=1,2] [--no-reference]");
        System.out.println("workloads:");
        for (Workload w : WORKLOADS.values()) System.out.printf("  %-8s %s%n", w.name(), w.description());
        System.out.println("  all      every workload above (the default)");
        System.out.println("JAVA_OPTS is passed to the JVM, e.g. JAVA_OPTS=-Dglassbox.simd=false ./bench matmul");
    }
}
