package glassbox.tensor;

import static glassbox.tensor.Checks.assertShape;
import static glassbox.tensor.Checks.assertValues;
import static glassbox.tensor.Checks.gradcheck;
import static glassbox.tensor.Checks.positive;
import static glassbox.tensor.Checks.randn;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArithmeticTest {

    @Test
    void valuesBroadcastLikeNumPy() {
        Tensor a = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertValues(new float[] {11, 22, 33, 14, 25, 36}, a.add(Tensor.of(10, 20, 30)));
        assertValues(new float[] {0, 1, 2, 2, 3, 4}, a.sub(Tensor.of(new float[][] {{1}, {2}})));
        Tensor outer = Tensor.of(new float[][] {{1}, {2}}).mul(Tensor.of(new float[][] {{3, 4, 5}}));
        assertShape(outer, 2, 3);
        assertValues(new float[] {3, 4, 5, 6, 8, 10}, outer);
        assertValues(new float[] {0.5f, 1, 1.5f, 2, 2.5f, 3}, a.div(2));
        assertValues(new float[] {1, 4, 9, 16, 25, 36}, a.pow(2));
        assertValues(new float[] {1, 4, 27}, Tensor.of(1, 2, 3).pow(Tensor.of(3, 2, 3)));
        assertValues(new float[] {-1, -2, -3, -4, -5, -6}, a.neg());
    }

    @Test
    void gradientsOfSameShapeOps() {
        gradcheck(in -> in[0].add(in[1]), randn(1, 2, 3), randn(2, 2, 3));
        gradcheck(in -> in[0].sub(in[1]), randn(3, 2, 3), randn(4, 2, 3));
        gradcheck(in -> in[0].mul(in[1]), randn(5, 2, 3), randn(6, 2, 3));
        gradcheck(in -> in[0].div(in[1]), randn(7, 2, 3), positive(8, 2, 3));
        gradcheck(in -> in[0].neg(), randn(9, 4));
    }

    @Test
    void gradientsOfBroadcastOpsAreSummedBackToEachShape() {
        gradcheck(in -> in[0].add(in[1]), randn(10, 2, 3), randn(11, 3));              // [2,3] + [3]
        gradcheck(in -> in[0].sub(in[1]), randn(12, 3), randn(13, 2, 3));              // [3] - [2,3]
        gradcheck(in -> in[0].mul(in[1]), randn(14, 2, 1), randn(15, 1, 3));           // [2,1] * [1,3]
        gradcheck(in -> in[0].div(in[1]), randn(16, 4, 2, 3), positive(17, 2, 1));     // [4,2,3] / [2,1]
        gradcheck(in -> in[0].mul(in[1]), randn(18, 4, 2, 3), randn(19));              // times a scalar []
        gradcheck(in -> in[0].add(in[1]), randn(20, 2, 1, 3), randn(21, 4, 1));        // [2,1,3] + [4,1] -> [2,4,3]
    }

    @Test
    void gradientsOfPowers() {
        gradcheck(in -> in[0].pow(3), randn(22, 2, 3));
        gradcheck(in -> in[0].pow(2), randn(23, 5));
        gradcheck(in -> in[0].pow(-1.5f), positive(24, 5));
        gradcheck(in -> in[0].pow(0.5f), positive(25, 5));
        gradcheck(in -> in[0].pow(in[1]), positive(26, 2, 3), randn(27, 3));           // both, broadcast
    }

    @Test
    void powerZeroHasGradientZeroEvenAtZero() {
        Tensor x = Tensor.of(0, 2).requiresGrad(true);
        x.pow(0).sum().backward();      // was NaN at x = 0 (0 * 0^-1)
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0, 0}, x.grad().data());
    }

    @Test
    void gradientsWhenATensorIsUsedTwice() {
        gradcheck(in -> in[0].mul(in[0]).add(in[0]), randn(28, 3, 2));
        gradcheck(in -> in[0].div(in[0].add(3f)), positive(29, 4));
    }

    @Test
    void gradientsOfMatmulShapes() {
        gradcheck(in -> in[0].matmul(in[1]), randn(30, 2, 3), randn(31, 3, 4));
        gradcheck(in -> in[0].matmul(in[1]), randn(32, 4, 2, 3), randn(33, 3, 2));       // batch x matrix
        gradcheck(in -> in[0].matmul(in[1]), randn(34, 4, 2, 3), randn(35, 4, 3, 2));    // batch x batch
        gradcheck(in -> in[0].matmul(in[1]), randn(36, 2, 1, 2, 3), randn(37, 3, 3, 2)); // broadcast batch
        gradcheck(in -> in[0].matmul(in[1]), randn(38, 3), randn(39, 3));                // dot product
        gradcheck(in -> in[0].matmul(in[1]), randn(40, 2, 3), randn(41, 3));             // matrix x vector
        gradcheck(in -> in[0].matmul(in[1]), randn(42, 3), randn(43, 3, 2));             // vector x matrix
    }

    @Test
    void shapeErrorsNameTheOpAndBothShapes() {
        for (String op : new String[] {"add", "sub", "mul", "div"}) {
            ShapeException e = assertThrows(ShapeException.class, () -> {
                Tensor a = Tensor.zeros(2, 3), b = Tensor.zeros(4);
                switch (op) {
                    case "add" -> a.add(b);
                    case "sub" -> a.sub(b);
                    case "mul" -> a.mul(b);
                    default -> a.div(b);
                }
            });
            assertTrue(e.getMessage().startsWith(op + ":") && e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"),
                    e.getMessage());
        }
        ShapeException e = assertThrows(ShapeException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(2, 3)));
        assertTrue(e.getMessage().contains("matmul") && e.getMessage().contains("[2, 3]"), e.getMessage());
    }
}
