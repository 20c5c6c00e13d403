package glassbox.tensor;

/** Turns a tensor into text: its shape, then its values, with "..." for long dimensions as NumPy does. */
final class TensorFormat {
    private TensorFormat() {
    }

    /** Dimensions longer than this show their first and last {@link #EDGE} entries only. */
    static final int THRESHOLD = 1000;
    static final int EDGE = 3;

    static String format(Tensor t) {
        StringBuilder sb = new StringBuilder("tensor(");
        float[] v = t.toFloatArray();
        boolean summarize = v.length > THRESHOLD;
        appendValues(sb, v, t.shape, 0, 0, summarize, 7);
        sb.append(", shape=").append(Shape.str(t.shape));
        if (t.requiresGrad()) sb.append(t.isLeaf() ? ", requiresGrad=true" : ", op=" + t.op());
        return sb.append(')').toString();
    }

    private static void appendValues(StringBuilder sb, float[] v, int[] shape, int dim, int base, boolean summarize, int indent) {
        if (shape.length == 0) {
            sb.append(number(v[0]));
            return;
        }
        int size = shape[dim];
        int inner = 1;
        for (int d = dim + 1; d < shape.length; d++) inner *= shape[d];
        sb.append('[');
        for (int i = 0; i < size; i++) {
            if (summarize && size > 2 * EDGE && i == EDGE) {
                sb.append(dim == shape.length - 1 ? "..., " : "...,\n" + " ".repeat(indent + dim + 1));
                i = size - EDGE;
            }
            if (dim == shape.length - 1) {
                sb.append(number(v[base + i]));
            } else {
                appendValues(sb, v, shape, dim + 1, base + i * inner, summarize, indent);
            }
            if (i < size - 1) sb.append(dim == shape.length - 1 ? ", " : ",\n" + " ".repeat(indent + dim + 1));
        }
        sb.append(']');
    }

    /** A float in at most four significant decimals, without trailing zeros: 1, 0.5, -3.1416, 1.2e-05. */
    static String number(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) return Float.toString(f);
        if (f == Math.rint(f) && Math.abs(f) < 1e7) return Long.toString((long) f);
        float a = Math.abs(f);
        if (a >= 1e-4 && a < 1e7) {
            String s = String.format(java.util.Locale.ROOT, "%.4f", f);
            s = s.replaceAll("0+$", "");
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return String.format(java.util.Locale.ROOT, "%.4g", f);
    }
}
