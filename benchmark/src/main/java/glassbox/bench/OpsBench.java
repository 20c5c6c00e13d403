package glassbox.bench;

import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import java.util.function.Supplier;

/**
 * The cost of the autograd machinery on tiny tensors (where it dominates), and the throughput of
 * elementwise and reduction loops on larger ones.
 */
final class OpsBench implements Workload {
    @Override
    public String name() {
        return "ops";
    }

    @Override
    public String description() {
        return "overhead of a tiny op with grad recording and of backward(); elementwise/reduction throughput";
    }

    @Override
    public void run(Options o) throws Exception {
        overhead(o);
        throughput(o);
    }

    /** Nanoseconds per op on 1-element tensors: the fixed cost every op pays. */
    private static void overhead(Options o) {
        Table t = new Table("tiny op (1-element tensors)", "ns per call", "(min-max)", "thread CPU ns");
        Tensor a = Tensor.scalar(2).requiresGrad(true), b = Tensor.scalar(-3).requiresGrad(true);
        Tensor c = Tensor.scalar(10).requiresGrad(true), f = Tensor.scalar(-2).requiresGrad(true);
        row(t, "a.add(b), recording grad", () -> a.add(b), o);
        row(t, "a.mul(b), recording grad", () -> a.mul(b), o);
        row(t, "a.add(b) in noGrad()", () -> {
            try (var s = Tensor.noGrad()) {
                return a.add(b);
            }
        }, o);
        Harness.Stats fwd = Harness.time(() -> a.mul(b).add(c).mul(f), o);
        t.row("L = (a*b + c)*f: 3 ops forward", Table.f0(fwd.median() * 1e9), range(fwd, 1e9), Table.f0(fwd.cpuMedian() * 1e9));
        Harness.Stats both = Harness.time(() -> {
            Tensor loss = a.mul(b).add(c).mul(f);
            loss.backward();
            return loss;
        }, o);
        t.row("same, forward + backward()", Table.f0(both.median() * 1e9), range(both, 1e9), Table.f0(both.cpuMedian() * 1e9));
        t.row("=> backward() on a 3-op graph", Table.f0((both.median() - fwd.median()) * 1e9), "",
                Table.f0((both.cpuMedian() - fwd.cpuMedian()) * 1e9));
        t.print();
        System.out.println("Wall-clock medians; thread CPU time leaves out the waits for a core when the machine is busy.");
        System.out.println();
    }

    /** Elementwise ops and reductions on n elements: microseconds per call and elements per nanosecond. */
    private static void throughput(Options o) {
        Table t = new Table("op (no grad)", "elements", "us per call", "(min-max)", "Melem/s", "thread CPU us");
        Generator g = new Generator(5);
        for (int n : new int[] {1 << 10, 1 << 16, 1 << 20}) {
            Tensor x = Tensor.randn(g, n), y = Tensor.randn(g, n);
            int cols = 1024, rows = n / cols;
            Tensor m = rows > 0 ? x.reshape(rows, cols) : null, bias = Tensor.randn(g, cols);
            throughputRow(t, "x + y", n, () -> x.add(y), o);
            throughputRow(t, "x * y", n, () -> x.mul(y), o);
            throughputRow(t, "x.exp()", n, x::exp, o);
            throughputRow(t, "x.relu()", n, x::relu, o);
            throughputRow(t, "x.sum()", n, x::sum, o);
            if (m != null) {
                throughputRow(t, "[" + rows + ",1024] + bias[1024]", n, () -> m.add(bias), o);
                throughputRow(t, "[" + rows + ",1024].sum(-1)", n, () -> m.sum(-1, false), o);
                throughputRow(t, "[" + rows + ",1024].softmax(-1)", n, () -> m.softmax(-1), o);
            }
        }
        t.print();
    }

    private static void throughputRow(Table t, String name, int n, Supplier<?> op, Options o) {
        try (var s = Tensor.noGrad()) {
            op.get();
            Harness.Stats st = Harness.time(op, o);
            t.row(name, n, Table.f2(st.median() * 1e6), range(st, 1e6), Table.f0(n / st.median() / 1e6), Table.f2(st.cpuMedian() * 1e6));
        } catch (UnsupportedOperationException e) {
            t.row(name, n, "not implemented", "", "", "");
        }
    }

    private static void row(Table t, String name, Supplier<?> op, Options o) {
        try {
            Harness.Stats s = Harness.time(op, o);
            t.row(name, Table.f0(s.median() * 1e9), range(s, 1e9), Table.f0(s.cpuMedian() * 1e9));
        } catch (UnsupportedOperationException e) {
            t.row(name, "not implemented", "", "");
        }
    }

    private static String range(Harness.Stats s, double scale) {
        return (scale >= 1e9 ? Table.f0(s.min() * scale) + "-" + Table.f0(s.max() * scale)
                : Table.f2(s.min() * scale) + "-" + Table.f2(s.max() * scale));
    }
}
