package glassbox.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concat (Inception, DenseNet) and Residual with a projection shortcut: values, shapes, gradients. */
class BlocksTest {

    @BeforeEach
    void seed() {
        Tensor.manualSeed(5);
    }

    private static Tensor input(int... shape) {
        return Tensor.randn(shape).requiresGrad(true);
    }

    @Test
    void concatStacksTheBranchOutputsAlongChannels() {
        Conv2d a = new Conv2d(3, 2, 1);
        Conv2d b = new Conv2d(3, 4, 3, "same");
        Concat c = new Concat(a, b);
        Tensor x = input(2, 3, 5, 5);
        Tensor y = c.call(x);
        assertArrayEquals(new int[] {2, 6, 5, 5}, y.shape());
        assertArrayEquals(a.call(x).data(), y.slice(1, 0, 2).toFloatArray());
        assertArrayEquals(b.call(x).data(), y.slice(1, 2, 6).toFloatArray());
        assertEquals(a.parameterCount() + b.parameterCount(), c.parameterCount());
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias"), List.copyOf(c.namedParameters().keySet()));
    }

    @Test
    void concatGradientsMatchCentralDifferences() {
        Conv2d a = new Conv2d(2, 2, 1);
        Sequential b = new Sequential(new Conv2d(2, 3, 3, "same"), new Tanh());   // smooth, so central differences apply
        Sequential pool = new Sequential(new AvgPool2d(3, 1, 1), new Conv2d(2, 1, 1));
        Concat inception = new Concat(a, b, pool);
        Tensor x = input(2, 2, 4, 4);
        assertArrayEquals(new int[] {2, 6, 4, 4}, inception.call(x).shape());
        GradChecks.check(() -> inception.call(x), x, a.weight, a.bias, ((Conv2d) b.get(0)).weight,
                ((Conv2d) pool.get(1)).weight);
    }

    @Test
    void denseLayerKeepsItsInputAndAppendsNewChannels() {
        Conv2d f = new Conv2d(3, 2, 3, "same");
        Concat dense = new Concat(new Identity(), f);
        Tensor x = input(1, 3, 4, 4);
        Tensor y = dense.call(x);
        assertArrayEquals(new int[] {1, 5, 4, 4}, y.shape());
        assertArrayEquals(x.data(), y.slice(1, 0, 3).toFloatArray());
        // the input gets gradient through both the identity and the convolution
        GradChecks.check(() -> dense.call(x), x, f.weight, f.bias);
        Sequential block = new Sequential(dense, new Concat(new Identity(), new Conv2d(5, 2, 1)));
        Tensor z = block.call(x);   // 3 input channels + 2 + 2 grown ones, the first 3 still the input
        assertArrayEquals(new int[] {1, 7, 4, 4}, z.shape());
        assertArrayEquals(x.data(), z.slice(1, 0, 3).toFloatArray());
        assertArrayEquals(y.data(), z.slice(1, 0, 5).toFloatArray());
    }

    @Test
    void concatAlongAnotherDimension() {
        Linear a = new Linear(3, 2);
        Linear b = new Linear(3, 2);
        Concat rows = new Concat(0, a, b);
        Tensor x = input(4, 3);
        assertArrayEquals(new int[] {8, 2}, rows.call(x).shape());
        GradChecks.check(() -> rows.call(x), x, a.weight, b.bias);
    }

    @Test
    void concatNamesTheBranchesThatDisagree() {
        Concat bad = new Concat(new Conv2d(3, 2, 3), new Conv2d(3, 2, 3, "same"));
        var e = assertThrows(ShapeException.class, () -> bad.call(Tensor.randn(1, 3, 6, 6)));
        assertTrue(e.getMessage().contains("[1, 2, 6, 6]") && e.getMessage().contains("[1, 2, 4, 4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Concat());
    }

    @Test
    void residualWithProjectionShortcut() {
        Conv2d f = new Conv2d(2, 4, 3, 2, 1);   // 6x6 -> 3x3, 2 -> 4 channels
        Conv2d s = new Conv2d(2, 4, 1, 2, 0);   // the same shape on the skip path
        Residual r = new Residual(f, s);
        Tensor x = input(2, 2, 6, 6);
        Tensor y = r.call(x);
        assertArrayEquals(new int[] {2, 4, 3, 3}, y.shape());
        assertArrayEquals(s.call(x).add(f.call(x)).data(), y.data());
        assertEquals(List.of("fn.weight", "fn.bias", "shortcut.weight", "shortcut.bias"), List.copyOf(r.namedParameters().keySet()));
        GradChecks.check(() -> r.call(x), x, f.weight, s.weight, s.bias);
        var e = assertThrows(ShapeException.class, () -> new Residual(f).call(x));
        assertTrue(e.getMessage().contains("shortcut"), e.getMessage());
    }

    @Test
    void residualGivesTheInputAGradientOfAtLeastTheIdentity() {
        // with f's weights at zero the block is the identity and dL/dx = dL/dy exactly
        Conv2d f = new Conv2d(2, 2, 3, "same");
        try (var s = Tensor.noGrad()) { f.weight.zero_(); f.bias.zero_(); }
        Residual r = new Residual(f);
        Tensor x = input(1, 2, 3, 3);
        Tensor y = r.call(x);
        assertArrayEquals(x.data(), y.data());
        y.sum().backward();
        for (float g : x.grad().toFloatArray()) assertEquals(1f, g);
    }
}
