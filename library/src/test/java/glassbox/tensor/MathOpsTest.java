package glassbox.tensor;

import static glassbox.tensor.Checks.assertShape;
import static glassbox.tensor.Checks.assertValues;
import static glassbox.tensor.Checks.awayFromZero;
import static glassbox.tensor.Checks.gradcheck;
import static glassbox.tensor.Checks.positive;
import static glassbox.tensor.Checks.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MathOpsTest {

    @Test
    void valuesByHand() {
        assertValues(new float[] {1, 2.7182817f, 0.36787945f}, Tensor.of(0, 1, -1).exp());
        assertValues(new float[] {0, 1, -0.6931472f}, Tensor.of(1, 2.7182817f, 0.5f).log());
        assertValues(new float[] {0, 1.5f, 3}, Tensor.of(0, 2.25f, 9).sqrt());
        assertValues(new float[] {2, 0, 3.5f}, Tensor.of(-2, 0, 3.5f).abs());
        assertValues(new float[] {-1, -0.5f, 0, 1, 1}, Tensor.of(-3, -0.5f, 0, 1, 7).clamp(-1, 1));
        assertValues(new float[] {0, 0, 5}, Tensor.of(-3, 0, 5).clampMin(0));
        assertValues(new float[] {-3, 0, 2}, Tensor.of(-3, 0, 5).clampMax(2));
        assertValues(new float[] {3, 5, 4}, Tensor.of(1, 5, 4).maximum(Tensor.of(3, 2, 4)));
        assertValues(new float[] {1, 2, 4}, Tensor.of(1, 5, 4).minimum(Tensor.of(3, 2, 4)));
    }

    @Test
    void whereTakesFromAWhereTheConditionHoldsAndBroadcasts() {
        Tensor cond = Tensor.of(1, 0, 1);
        Tensor a = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor out = Tensor.where(cond, a, Tensor.scalar(-1));
        assertShape(out, 2, 3);
        assertValues(new float[] {1, -1, 3, 4, -1, 6}, out);
        assertValues(new float[] {1, -1, 3, 4, -1, 6}, a.where(cond, Tensor.scalar(-1)));
        // a mask from a comparison: replace negatives by zero
        Tensor x = Tensor.of(-2, 3, -1, 4);
        assertValues(new float[] {0, 3, 0, 4}, Tensor.where(x.gt(0), x, Tensor.zeros(4)));
    }

    @Test
    void comparisonsGiveOnesAndZerosWithBroadcasting() {
        Tensor a = Tensor.of(1, 2, 3);
        assertArrayEquals(new float[] {0, 1, 0}, a.eq(2).data());
        assertArrayEquals(new float[] {1, 0, 1}, a.ne(2).data());
        assertArrayEquals(new float[] {0, 0, 1}, a.gt(2).data());
        assertArrayEquals(new float[] {0, 1, 1}, a.ge(2).data());
        assertArrayEquals(new float[] {1, 0, 0}, a.lt(2).data());
        assertArrayEquals(new float[] {1, 1, 0}, a.le(2).data());
        Tensor grid = a.unsqueeze(1).lt(a);  // [3,1] < [3] -> [3,3]: strictly upper triangle
        assertArrayEquals(new float[] {0, 1, 1, 0, 0, 1, 0, 0, 0}, grid.data());
        assertTrue(!a.requiresGrad(true).gt(1).requiresGrad(), "a comparison carries no gradient");
    }

    @Test
    void gradientsOfElementwiseFunctions() {
        gradcheck(in -> in[0].exp(), randn(1, 2, 3));
        gradcheck(in -> in[0].log(), positive(2, 2, 3));
        gradcheck(in -> in[0].sqrt(), positive(3, 2, 3));
        gradcheck(in -> in[0].abs(), awayFromZero(4, 2, 3));
    }

    @Test
    void gradientsOfClampAwayFromItsBoundaries() {
        // values at least 0.2 from 0 and clamped to [-0.1, 0.1] or far inside [-5, 5]: no value sits at a boundary
        gradcheck(in -> in[0].clamp(-0.1f, 0.1f), awayFromZero(5, 3, 4));
        gradcheck(in -> in[0].clamp(-5, 5), randn(6, 3, 4));
        gradcheck(in -> in[0].clampMin(0.1f), awayFromZero(7, 3, 4));
        gradcheck(in -> in[0].clampMax(-0.1f), awayFromZero(71, 3, 4));
        // and the gradient is exactly zero where a value was clamped
        Tensor x = Tensor.of(-2, 0.5f, 3).requiresGrad(true);
        x.clamp(-1, 1).sum().backward();
        assertArrayEquals(new float[] {0, 1, 0}, x.grad().data());
    }

    @Test
    void gradientsOfWhereWithBroadcasting() {
        Tensor cond = Tensor.of(new float[][] {{1, 0, 1}, {0, 0, 1}});
        gradcheck(in -> Tensor.where(cond, in[0], in[1]), randn(8, 2, 3), randn(9, 2, 3));
        gradcheck(in -> Tensor.where(cond, in[0], in[1]), randn(10, 3), randn(11, 2, 1));
        gradcheck(in -> Tensor.where(in[0].gt(0), in[0], in[0].mul(0.1f)), awayFromZero(12, 2, 3));
    }

    @Test
    void gradientsOfMaximumAndMinimum() {
        Tensor a = Checks.distinct(13, 2, 3), b = Checks.distinct(14, 3).add(0.1f);
        gradcheck(in -> in[0].maximum(in[1]), a, b);
        gradcheck(in -> in[0].minimum(in[1]), a, b);
        // a tie splits the gradient in half, as in PyTorch
        Tensor x = Tensor.of(2).requiresGrad(true), y = Tensor.of(2).requiresGrad(true);
        x.maximum(y).sum().backward();
        assertArrayEquals(new float[] {0.5f}, x.grad().data());
        assertArrayEquals(new float[] {0.5f}, y.grad().data());
    }

    @Test
    void errorsAreClear() {
        ShapeException e = assertThrows(ShapeException.class, () -> Tensor.where(Tensor.ones(2), Tensor.zeros(3), Tensor.zeros(3)));
        assertTrue(e.getMessage().contains("where") && e.getMessage().contains("[2]") && e.getMessage().contains("[3]"), e.getMessage());
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2).clamp(1, -1));
        assertTrue(c.getMessage().contains("clamp"), c.getMessage());
    }
}
