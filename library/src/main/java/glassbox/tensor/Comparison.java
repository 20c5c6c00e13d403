package glassbox.tensor;

/** Elementwise comparisons with broadcasting: 1 where the test holds, 0 elsewhere. No gradient. */
final class Comparison {
    private Comparison() {
    }

    static Tensor compare(String op, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast(op, a.shape, b.shape);
        float[] x = Views.expandValues(op, a, shape);
        float[] y = Views.expandValues(op, b, shape);
        float[] z = new float[x.length];
        for (int i = 0; i < z.length; i++) {
            boolean t = switch (op) {
                case "eq" -> x[i] == y[i];
                case "ne" -> x[i] != y[i];
                case "gt" -> x[i] > y[i];
                case "ge" -> x[i] >= y[i];
                case "lt" -> x[i] < y[i];
                case "le" -> x[i] <= y[i];
                default -> throw new IllegalArgumentException("unknown comparison " + op);
            };
            z[i] = t ? 1f : 0f;
        }
        return Tensor.fromArray(z, shape);
    }
}
