package glassbox.bench;

import glassbox.tensor.Gemm;
import glassbox.tensor.Generator;
import glassbox.tensor.Parallel;
import glassbox.tensor.Tensor;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Float32 matrix product C = A B for square n x n matrices: Glassbox's {@code matmul} against OpenBLAS
 * sgemm (numpy) measured in the same run, on 1 and 2 threads. GFLOP/s = 2 n^3 / seconds / 1e9.
 */
final class MatmulBench implements Workload {
    static final int[] SIZES = {64, 128, 256, 512, 1024};
    private static final Pattern BLAS_LINE = Pattern.compile("n=\\s*(\\d+).*median=\\s*([0-9.]+)\\s+min=\\s*([0-9.]+)\\s+max=\\s*([0-9.]+)");

    @Override
    public String name() {
        return "matmul";
    }

    @Override
    public String description() {
        return "float32 matrix product, n = 64..1024, GFLOP/s against OpenBLAS sgemm (1 and 2 threads)";
    }

    @Override
    public void run(Options o) throws Exception {
        System.out.println("Glassbox: " + Gemm.describe().replaceAll(", up to .*", ""));
        String why = o.noReference ? "--no-reference" : Python.missing("numpy");
        if (why != null) System.out.println("OpenBLAS reference skipped: " + why);
        Table table = new Table("n", "threads", "Glassbox GFLOP/s", "(min-max)", "OpenBLAS GFLOP/s", "(min-max)", "ratio",
                "ratio of maxima", "Glassbox by CPU time");
        int before = Parallel.threads();
        try {
            for (int t : o.threads) {
                // Side by side: Glassbox on t threads, then OpenBLAS on t threads, for every size.
                Parallel.setThreads(t);
                double[][] java = new double[SIZES.length][];
                for (int i = 0; i < SIZES.length; i++) java[i] = measure(SIZES[i], o);
                Map<Integer, double[]> blas = why == null ? openBlas(t) : Map.of();
                for (int i = 0; i < SIZES.length; i++) {
                    double[] b = blas.get(SIZES[i]);
                    table.row(SIZES[i], t, Table.f1(java[i][0]), Table.f1(java[i][1]) + "-" + Table.f1(java[i][2]),
                            b == null ? "-" : Table.f1(b[0]), b == null ? "" : Table.f1(b[1]) + "-" + Table.f1(b[2]),
                            b == null ? "-" : Table.f2(java[i][0] / b[0]), b == null ? "-" : Table.f2(java[i][2] / b[2]),
                            t == 1 ? Table.f1(java[i][3]) : "");
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
        table.print();
        System.out.println("ratio = Glassbox / OpenBLAS medians; ratio of maxima compares the best samples (the least disturbed");
        System.out.println("on a shared machine). 'By CPU time' (1 thread only) counts only the time the thread was on a core.");
        System.out.println();
    }

    /** Glassbox GFLOP/s for an n x n product: {median, min, max}. */
    static double[] measure(int n, Options o) {
        Tensor a = Tensor.randn(new Generator(1), n, n), b = Tensor.randn(new Generator(2), n, n);
        double flop = 2.0 * n * n * n;
        Harness.Stats s;
        try (var scope = Tensor.noGrad()) {
            s = Harness.time(() -> a.matmul(b), o);
        }
        return new double[] {flop / s.median() / 1e9, flop / s.max() / 1e9, flop / s.min() / 1e9, flop / s.cpuMedian() / 1e9};
    }

    /** OpenBLAS GFLOP/s per n: {median, min, max}, from the shared numpy script. */
    static Map<Integer, double[]> openBlas(int threads) throws Exception {
        Path script = Options.referenceDir().resolve("openblas_sgemm.py");
        Map<String, String> env = new HashMap<>();
        env.put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        List<String> lines = Python.run(script, env);
        Map<Integer, double[]> out = new HashMap<>();
        for (String line : lines) {
            Matcher m = BLAS_LINE.matcher(line);
            if (m.find()) {
                out.put(Integer.parseInt(m.group(1)), new double[] {
                    Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
            } else if (line.startsWith("numpy")) {
                System.out.println("OpenBLAS (" + threads + " thread" + (threads > 1 ? "s" : "") + "): " + line);
            }
        }
        return out;
    }
}
