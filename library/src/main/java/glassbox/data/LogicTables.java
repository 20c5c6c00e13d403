package glassbox.data;

import glassbox.tensor.Tensor;
import java.util.List;

/**
 * The truth tables of two-input logic gates: x is [4, 2] with rows (0,0), (0,1), (1,0), (1,1) and y
 * [4] the gate's output (0 = false, 1 = true). AND, OR and NAND are linearly separable; XOR is not.
 */
final class LogicTables {
    private LogicTables() {}

    static final float[] INPUTS = {0, 0, 0, 1, 1, 0, 1, 1};

    static TensorDataset table(String gate) {
        float[] y = new float[4];
        for (int row = 0; row < 4; row++) {
            boolean a = INPUTS[2 * row] == 1;
            boolean b = INPUTS[2 * row + 1] == 1;
            boolean out = switch (gate) {
                case "and" -> a && b;
                case "or" -> a || b;
                case "nand" -> !(a && b);
                case "nor" -> !(a || b);
                case "xor" -> a != b;
                default -> throw new IllegalArgumentException("unknown logic gate '" + gate
                        + "': use and, or, nand, nor or xor");
            };
            y[row] = out ? 1 : 0;
        }
        return new TensorDataset(gate, Tensor.fromArray(INPUTS.clone(), 4, 2), Tensor.fromArray(y, 4),
                List.of("false", "true"), List.of("a", "b"), null);
    }
}
