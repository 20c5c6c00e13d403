package glassbox.tensor;

import java.util.Locale;

/**
 * Turns a tensor into text the way NumPy prints arrays:
 * <pre>
 * tensor([[ 1.5 , -2.  ,  0.25],
 *         [ 3.  ,  4.  ,  5.  ]], shape=[2, 3])
 * </pre>
 * Every number of a tensor is written in one style, chosen from all of them: whole numbers as {@code 3.};
 * otherwise fixed point with at most 4 decimals (as many as the most precise element needs); scientific
 * notation when the values span more than 1000x or leave the range 1e-4..1e8. Columns line up on the
 * decimal point. A tensor of more than {@link #THRESHOLD} elements is summarized: in each dimension
 * longer than 2 x {@link #EDGE} only the first and last {@link #EDGE} entries are shown, with "..." between.
 * Lines wrap at {@link #LINE_WIDTH} characters.
 */
final class TensorFormat {
    private TensorFormat() {
    }

    /** Tensors with more elements than this are summarized. */
    static final int THRESHOLD = 1000;
    /** Entries shown at each end of a summarized dimension. */
    static final int EDGE = 3;
    /** Lines longer than this wrap (NumPy's default). */
    static final int LINE_WIDTH = 75;

    private static final String PREFIX = "tensor(";

    static String format(Tensor t) {
        StringBuilder sb = new StringBuilder(PREFIX);
        // Values are read straight from storage through the tensor's strides: no copy, even of a huge tensor.
        float[] v = t.storage.data;
        int[] shape = t.shape;
        int n = t.numel();
        boolean summarize = n > THRESHOLD;
        if (n == 0) {
            sb.append("[]");
        } else {
            Style style = Style.choose(shown(v, shape, t.strides, t.offset, summarize, n));
            appendArray(sb, v, shape, t.strides, 0, t.offset, summarize, style, PREFIX.length());
        }
        if (shape.length > 0) sb.append(", shape=").append(Shape.str(shape));
        if (t.requiresGrad()) sb.append(t.isLeaf() ? ", requiresGrad=true" : ", op=" + t.op());
        return sb.append(')').toString();
    }

    /** The values that will be printed (all of them, or the edges of a summarized tensor): they decide the style. */
    private static float[] shown(float[] v, int[] shape, int[] strides, int offset, boolean summarize, int n) {
        int count = 1;
        for (int size : shape) count *= summarize && size > 2 * EDGE ? 2 * EDGE : size;
        float[] out = new float[count];
        collect(v, shape, strides, 0, offset, summarize, out, new int[1]);
        return out;
    }

    private static void collect(float[] v, int[] shape, int[] strides, int dim, int base, boolean summarize,
                                float[] out, int[] next) {
        if (dim == shape.length) {
            out[next[0]++] = v[base];
            return;
        }
        for (int i = 0; i < shape[dim]; i++) {
            if (summarize && shape[dim] > 2 * EDGE && i == EDGE) i = shape[dim] - EDGE;
            collect(v, shape, strides, dim + 1, base + i * strides[dim], summarize, out, next);
        }
    }

    /**
     * Writes the sub-array starting at {@code base} that spans dimensions dim.. of shape. {@code indent} is
     * the column where this sub-array's "[" stands, so its rows line up one column to the right of it.
     */
    private static void appendArray(StringBuilder sb, float[] v, int[] shape, int[] strides, int dim, int base,
                                    boolean summarize, Style style, int indent) {
        if (shape.length == 0) {
            sb.append(style.format(v[base]));
            return;
        }
        int size = shape[dim];
        boolean skip = summarize && size > 2 * EDGE;
        sb.append('[');
        if (dim == shape.length - 1) {
            // the innermost dimension: numbers separated by ", ", wrapped (as NumPy does) so that a line
            // leaves room for the closing brackets
            int limit = LINE_WIDTH - shape.length;
            int column = indent + 1;
            for (int i = 0; i < size; i++) {
                String item = skip && i == EDGE ? "..." : style.format(v[base + i * strides[dim]]);
                if (skip && i == EDGE) i = size - EDGE - 1;
                if (column > indent + 1 && column + item.length() > limit) {
                    sb.setLength(sb.length() - 1);                                // drop the space after ","
                    sb.append('\n').append(" ".repeat(indent + 1));
                    column = indent + 1;
                }
                sb.append(item);
                column += item.length();
                if (i < size - 1) {
                    sb.append(", ");
                    column += 2;
                }
            }
        } else {
            // an outer dimension: one sub-array per line, with blank lines between blocks of 3 and more dimensions
            String between = "," + "\n".repeat(shape.length - dim - 1) + " ".repeat(indent + 1);
            for (int i = 0; i < size; i++) {
                if (skip && i == EDGE) {
                    sb.append("...").append(between);
                    i = size - EDGE;
                }
                appendArray(sb, v, shape, strides, dim + 1, base + i * strides[dim], summarize, style, indent + 1);
                if (i < size - 1) sb.append(between);
            }
        }
        sb.append(']');
    }

    /** How every number of one tensor is written: whole, fixed point or scientific, padded to one width. */
    private static final class Style {
        final boolean whole, scientific;
        final int digits;         // decimals (fixed point) or mantissa decimals (scientific)
        int left, right;          // widths before and after the decimal point, for alignment

        private Style(boolean whole, boolean scientific, int digits) {
            this.whole = whole;
            this.scientific = scientific;
            this.digits = digits;
        }

        static Style choose(float[] values) {
            boolean whole = true, any = false;
            double maxAbs = 0, minAbs = Double.POSITIVE_INFINITY;
            for (float f : values) {
                if (Float.isNaN(f) || Float.isInfinite(f)) continue;
                any = true;
                double a = Math.abs(f);
                maxAbs = Math.max(maxAbs, a);
                if (a > 0) minAbs = Math.min(minAbs, a);
                if (f != Math.rint(f)) whole = false;
            }
            Style style;
            if (!any) {
                style = new Style(true, false, 0);
            } else if (whole && maxAbs < 1e8) {
                style = new Style(true, false, 0);
            } else if (maxAbs >= 1e8 || (minAbs != Double.POSITIVE_INFINITY && (minAbs < 1e-4 || maxAbs / minAbs > 1e3))) {
                int digits = 0;
                for (float f : values) if (!Float.isNaN(f) && !Float.isInfinite(f)) digits = Math.max(digits, decimalsNeeded(f));
                style = new Style(false, true, digits);
            } else {
                style = new Style(false, false, 4);
            }
            int special = 0;   // the widest of nan, inf, -inf: they are right-aligned in the full width
            for (float f : values) {
                String s = style.raw(f);
                int dot = s.indexOf('.');
                if (Float.isNaN(f) || Float.isInfinite(f)) {
                    special = Math.max(special, s.length());
                } else if (style.scientific) {
                    style.left = Math.max(style.left, s.length());
                } else {
                    style.left = Math.max(style.left, dot);
                    style.right = Math.max(style.right, s.length() - dot - 1);
                }
            }
            if (style.scientific) {
                style.left = Math.max(style.left, special);
            } else if (special > style.left + 1 + style.right) {
                style.left = special - 1 - style.right;
            }
            return style;
        }

        /** The number without padding. */
        String raw(float f) {
            if (Float.isNaN(f)) return "nan";
            if (Float.isInfinite(f)) return f > 0 ? "inf" : "-inf";
            if (whole) return (long) f + ".";
            if (scientific) {
                String s = String.format(Locale.ROOT, "%." + digits + "e", f);
                return digits == 0 ? s.replace("e", ".e") : s;
            }
            // The shortest decimal that identifies this float (12345.678, not 12345.6777), rounded to at most
            // 4 decimals, trailing zeros dropped
            String s = new java.math.BigDecimal(Float.toString(f)).setScale(4, java.math.RoundingMode.HALF_EVEN)
                    .stripTrailingZeros().toPlainString();
            if (s.equals("-0")) s = "0";
            return s.contains(".") ? s : s + ".";
        }

        /** The number padded so that decimal points line up (NumPy pads the decimals on the right). */
        String format(float f) {
            String s = raw(f);
            int dot = s.indexOf('.');
            if (scientific || Float.isNaN(f) || Float.isInfinite(f)) {
                int width = scientific ? left : left + 1 + right;
                return " ".repeat(Math.max(0, width - s.length())) + s;
            }
            return " ".repeat(left - dot) + s + " ".repeat(right - (s.length() - dot - 1));
        }

        /** The fewest mantissa decimals (at most 4) that show f as %.4e would. */
        private static int decimalsNeeded(float f) {
            String full = String.format(Locale.ROOT, "%.4e", f);
            String mantissa = full.substring(0, full.indexOf('e'));
            mantissa = mantissa.replaceAll("0+$", "");
            int dot = mantissa.indexOf('.');
            return dot < 0 ? 0 : mantissa.length() - dot - 1;
        }
    }

    /** A float in at most four significant decimals, without trailing zeros: 1, 0.5, -3.1416, 1.2e-05. */
    static String number(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) return Float.toString(f);
        if (f == Math.rint(f) && Math.abs(f) < 1e7) return Long.toString((long) f);
        float a = Math.abs(f);
        if (a >= 1e-4 && a < 1e7) {
            String s = String.format(Locale.ROOT, "%.4f", f);
            s = s.replaceAll("0+$", "");
            return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return String.format(Locale.ROOT, "%.4g", f);
    }
}
