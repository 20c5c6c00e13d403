package glassbox.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Gradient check: compares every gradient that {@code backward()} computes with a numerical estimate
 * by central differences, and says per input whether they agree.
 *
 * <p>For a function f of some input tensors, GradCheck looks at the scalar
 * <pre>  L = sum_i w_i * f(inputs)_i</pre>
 * with fixed random weights w_i (so every element of the output matters, and a mistake cannot hide in
 * an output that a plain sum would weigh the same). For every element x_j of every checked input:
 * <pre>
 *   analytic_j = dL/dx_j from backward()
 *   D(h)       = (L(x_j + h) - L(x_j - h)) / (2h)                  a central difference
 *   numeric_j  = (4 D(h/2) - D(h)) / 3                              h = eps * max(1, |x_j|)
 *   error_j    = |analytic_j - numeric_j| / max(|analytic_j|, |numeric_j|, floor)
 * </pre>
 * An input passes when its largest error_j is at most the tolerance.
 *
 * <p>Why this numeric_j: tensors hold float32, so every L carries rounding noise of about 1e-7 |L|, which
 * a difference quotient divides by h: a small step drowns in noise. A large step has its own error, ~h^2
 * for a central difference. Combining two steps (Richardson extrapolation) cancels the h^2 term, so a large
 * step (eps = 0.01) becomes accurate too: over hundreds of random checks of correct ops the largest error
 * stays below 0.003, while a wrong backward (a flipped sign, a missing factor 2, a broadcast not summed)
 * errs by 0.5 or more. Gradients smaller than {@code floor} are judged by their absolute error, and L is
 * added up in double precision. Keep inputs more than a step away from kinks (relu at 0, clamp bounds, ties
 * of max), where no finite difference can be right.
 *
 * <pre>{@code
 * Tensor a = Tensor.randn(2, 3).requiresGrad(true);
 * Tensor b = Tensor.randn(3).requiresGrad(true);
 * GradCheck.check(in -> in[0].mul(in[1]).tanh(), a, b).assertPasses();
 * }</pre>
 *
 * <p>Inputs that require grad are checked; the others (index tensors, masks) are passed unchanged. If no
 * input requires grad, all are checked. The inputs themselves are never modified: the check works on copies.
 */
public final class GradCheck {
    /** A function of some tensors, e.g. {@code in -> in[0].matmul(in[1]).relu()}. */
    @FunctionalInterface
    public interface Function {
        Tensor apply(Tensor... inputs);
    }

    private double eps = 1e-2;
    private double tolerance = 1e-2;
    private double floor = 1e-1;
    private long seed = 1234;

    /** A check with the default settings (eps 0.01, tolerance 0.01, floor 0.1). */
    public GradCheck() {
    }

    /** Checks f at these inputs with the default settings. */
    public static Report check(Function f, Tensor... inputs) {
        return new GradCheck().run(f, inputs);
    }

    /** The finite-difference step, relative to max(1, |x|). */
    public GradCheck eps(double eps) {
        if (!(eps > 0)) throw new IllegalArgumentException("GradCheck: eps must be positive, got " + eps);
        this.eps = eps;
        return this;
    }

    /** The largest relative error that still passes. */
    public GradCheck tolerance(double tolerance) {
        if (!(tolerance > 0)) throw new IllegalArgumentException("GradCheck: tolerance must be positive, got " + tolerance);
        this.tolerance = tolerance;
        return this;
    }

    /** Gradients smaller than this are judged by absolute error (the denominator never goes below it). */
    public GradCheck floor(double floor) {
        if (!(floor > 0)) throw new IllegalArgumentException("GradCheck: floor must be positive, got " + floor);
        this.floor = floor;
        return this;
    }

    /** The seed of the random weights w. */
    public GradCheck seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Runs the check of f at these inputs. */
    public Report run(Function f, Tensor... inputs) {
        int count = inputs.length;
        float[][] values = new float[count][];
        boolean[] checked = new boolean[count];
        boolean any = false;
        for (int k = 0; k < count; k++) {
            values[k] = inputs[k].toFloatArray();
            checked[k] = inputs[k].requiresGrad();
            any |= checked[k];
        }
        if (!any) Arrays.fill(checked, true);

        // 1. The analytic gradients: backward() of L = sum_i w_i out_i, i.e. backward(w).
        Tensor[] leaves = new Tensor[count];
        for (int k = 0; k < count; k++) {
            leaves[k] = Tensor.fromArray(values[k].clone(), inputs[k].shape);
            if (checked[k]) leaves[k].requiresGrad(true);
        }
        Tensor out = f.apply(leaves);
        float[] w = weights(out.numel());
        String backwardError = null;
        if (out.requiresGrad()) {
            try {
                out.backward(Tensor.fromArray(w.clone(), out.shape));
            } catch (RuntimeException e) {
                backwardError = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }

        // 2. The numerical gradients, one element at a time, and the comparison.
        List<InputResult> results = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            if (!checked[k]) continue;
            String name = inputs[k].label() != null ? inputs[k].label() : "input " + k;
            Tensor grad = leaves[k].grad();
            float[] analytic = grad != null ? grad.data() : new float[values[k].length];
            float[] numeric = new float[values[k].length];
            double maxAbs = 0, maxRel = 0, maxGrad = 0;
            int worst = -1;
            for (int j = 0; j < numeric.length; j++) {
                double h = eps * Math.max(1, Math.abs(values[k][j]));
                double n = (4 * centralDifference(f, values, inputs, w, k, j, h / 2)
                        - centralDifference(f, values, inputs, w, k, j, h)) / 3;
                numeric[j] = (float) n;
                double a = analytic[j];
                double abs = Math.abs(a - n);
                double rel = abs / Math.max(Math.max(Math.abs(a), Math.abs(n)), floor);
                if (Double.isNaN(rel)) rel = Double.POSITIVE_INFINITY;
                maxGrad = Math.max(maxGrad, Math.max(Math.abs(a), Math.abs(n)));
                if (worst < 0 || rel > maxRel) {
                    maxRel = rel;
                    worst = j;
                }
                maxAbs = Math.max(maxAbs, abs);
            }
            boolean passed = backwardError == null && maxRel <= tolerance;
            int[] worstIndex = worst < 0 ? null : unravel(worst, inputs[k].shape);
            results.add(new InputResult(name, inputs[k].shape(), maxGrad, maxAbs, maxRel, worstIndex,
                    worst < 0 ? 0 : analytic[worst], worst < 0 ? 0 : numeric[worst], passed,
                    Tensor.fromArray(analytic.clone(), inputs[k].shape), Tensor.fromArray(numeric, inputs[k].shape)));
        }
        return new Report(out.shape(), eps, tolerance, floor, backwardError, Collections.unmodifiableList(results));
    }

    /** (L(x_j + h) - L(x_j - h)) / (2h) for element j of input k, with h as it is after rounding to float. */
    private static double centralDifference(Function f, float[][] values, Tensor[] like, float[] w, int k, int j, double h) {
        float x = values[k][j];
        float plus = (float) (x + h), minus = (float) (x - h);
        values[k][j] = plus;
        double lPlus = evaluate(f, values, like, w);
        values[k][j] = minus;
        double lMinus = evaluate(f, values, like, w);
        values[k][j] = x;
        return (lPlus - lMinus) / ((double) plus - (double) minus);
    }

    /** L = sum_i w_i f(inputs)_i in double precision, without recording a graph. */
    private static double evaluate(Function f, float[][] values, Tensor[] like, float[] w) {
        Tensor[] in = new Tensor[values.length];
        for (int k = 0; k < in.length; k++) in[k] = Tensor.fromArray(values[k].clone(), like[k].shape);
        try (var scope = Tensor.noGrad()) {
            float[] out = f.apply(in).data();
            double l = 0;
            for (int i = 0; i < out.length; i++) l += (double) w[i] * out[i];
            return l;
        }
    }

    /** Random weights of random sign and size between 0.5 and 1.5, the same for every run with one seed. */
    private float[] weights(int n) {
        Generator gen = new Generator(seed);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) w[i] = (gen.nextFloat() < 0.5f ? -1 : 1) * (0.5f + gen.nextFloat());
        return w;
    }

    private static int[] unravel(int flat, int[] shape) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }

    /**
     * The check of one input.
     *
     * @param maxGradient   the largest |gradient| seen (analytic or numeric): the scale of the errors
     * @param maxAbsError   max_j |analytic_j - numeric_j|
     * @param maxRelError   max_j error_j, the number compared with the tolerance
     * @param worstIndex    where the largest relative error is (null for an empty input)
     * @param analytic      the whole analytic gradient; {@code numeric} the whole numerical one
     */
    public record InputResult(String name, int[] shape, double maxGradient, double maxAbsError, double maxRelError,
                              int[] worstIndex, float analyticAtWorst, float numericAtWorst, boolean passed,
                              Tensor analytic, Tensor numeric) {
    }

    /** The outcome of a gradient check: one row per checked input. */
    public record Report(int[] outputShape, double eps, double tolerance, double floor, String backwardError,
                         List<InputResult> inputs) {

        /** True when every checked input passed. */
        public boolean passed() {
            if (backwardError != null) return false;
            for (InputResult r : inputs) if (!r.passed()) return false;
            return true;
        }

        /** Throws an AssertionError with the table when some gradient is wrong (for tests); else returns this. */
        public Report assertPasses() {
            if (!passed()) throw new AssertionError("gradient check failed\n" + this);
            return this;
        }

        /** The result of one input, by label (or "input k"). */
        public InputResult input(String name) {
            for (InputResult r : inputs) if (r.name().equals(name)) return r;
            throw new IllegalArgumentException("GradCheck: no checked input named '" + name + "'");
        }

        private String[][] rows() {
            String[][] rows = new String[inputs.size() + 1][];
            rows[0] = new String[] {"input", "shape", "max |grad|", "max abs error", "max rel error", "worst at",
                    "analytic", "numeric", "result"};
            for (int i = 0; i < inputs.size(); i++) {
                InputResult r = inputs.get(i);
                rows[i + 1] = new String[] {r.name(), Shape.str(r.shape()), num(r.maxGradient()), num(r.maxAbsError()),
                        num(r.maxRelError()), r.worstIndex() == null ? "-" : Arrays.toString(r.worstIndex()),
                        num(r.analyticAtWorst()), num(r.numericAtWorst()), r.passed() ? "PASS" : "FAIL"};
            }
            return rows;
        }

        private String heading() {
            return "Gradient check " + (passed() ? "PASSED" : "FAILED") + " (output shape " + Shape.str(outputShape)
                    + "; central differences, eps " + num(eps) + "; an input passes if max rel error <= " + num(tolerance)
                    + ", with |gradients| below " + num(floor) + " judged absolutely)";
        }

        /** A plain-text table: one row per input with its errors and PASS or FAIL. */
        @Override
        public String toString() {
            String[][] rows = rows();
            int[] width = new int[rows[0].length];
            for (String[] row : rows) for (int c = 0; c < row.length; c++) width[c] = Math.max(width[c], row[c].length());
            StringBuilder sb = new StringBuilder(heading()).append('\n');
            if (backwardError != null) sb.append("backward() threw ").append(backwardError).append('\n');
            for (String[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    sb.append(c == 0 ? String.format("%-" + width[c] + "s", row[c]) : String.format("  %" + width[c] + "s", row[c]));
                }
                sb.append('\n');
            }
            return sb.toString();
        }

        /** The same table as HTML, for a notebook. */
        public String toHtml() {
            String[][] rows = rows();
            StringBuilder sb = new StringBuilder("<div class=\"glassbox-gradcheck\"><p>").append(escape(heading())).append("</p>");
            if (backwardError != null) sb.append("<p style=\"color:#b00\">backward() threw ").append(escape(backwardError)).append("</p>");
            sb.append("<table><thead><tr>");
            for (String h : rows[0]) sb.append("<th>").append(escape(h)).append("</th>");
            sb.append("</tr></thead><tbody>");
            for (int i = 1; i < rows.length; i++) {
                boolean ok = inputs.get(i - 1).passed();
                sb.append("<tr>");
                for (int c = 0; c < rows[i].length; c++) {
                    String style = c == rows[i].length - 1 ? " style=\"color:" + (ok ? "#080" : "#b00") + ";font-weight:bold\"" : "";
                    sb.append("<td").append(style).append('>').append(escape(rows[i][c])).append("</td>");
                }
                sb.append("</tr>");
            }
            return sb.append("</tbody></table></div>").toString();
        }

        private static String num(double v) {
            if (v == 0) return "0";
            if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
            double a = Math.abs(v);
            if (a < 1e-3 || a >= 1e5) return String.format(Locale.ROOT, "%.2e", v);
            String s = String.format(Locale.ROOT, "%.4g", v);
            return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
