package glassbox.tensor;

/**
 * Elementwise comparisons with broadcasting: 1 where the test holds, 0 elsewhere. The result is a
 * constant (no gradient flows through a comparison): use it as a mask, e.g. with {@link Tensor#where}.
 */
final class Comparison {
    private Comparison() {
    }

    static Tensor compare(String op, Tensor a, Tensor b) {
        int[] shape = Shape.broadcast(op, a.shape, b.shape);
        float[] x = Views.expandValues(op, a, shape);
        float[] y = Views.expandValues(op, b, shape);
        float[] z = new float[x.length];
        // One plain loop per test: the choice of test is made once, not once per element.
        switch (op) {
            case "eq" -> { for (int i = 0; i < z.length; i++) z[i] = x[i] == y[i] ? 1f : 0f; }
            case "ne" -> { for (int i = 0; i < z.length; i++) z[i] = x[i] != y[i] ? 1f : 0f; }
            case "gt" -> { for (int i = 0; i < z.length; i++) z[i] = x[i] > y[i] ? 1f : 0f; }
            case "ge" -> { for (int i = 0; i < z.length; i++) z[i] = x[i] >= y[i] ? 1f : 0f; }
            case "lt" -> { for (int i = 0; i < z.length; i++) z[i] = x[i] < y[i] ? 1f : 0f; }
            case "le" -> { for (int i = 0; i < z.length; i++) z[i] = x[i] <= y[i] ? 1f : 0f; }
            default -> throw new IllegalArgumentException("unknown comparison " + op);
        }
        return Tensor.fromArray(z, shape);
    }
}
