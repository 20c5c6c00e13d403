package glassbox.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import glassbox.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Layers that rest on the tensor package's softmax, GELU, leaky ReLU and cat. */
class MoreLayersTest {

    @Test
    void activationModules() {
        Tensor x = Tensor.randn(3, 4).requiresGrad(true);
        GradChecks.check(() -> new GELU().call(x), x);
        GradChecks.check(() -> new LeakyReLU(0.2f).call(x), x);
        GradChecks.check(() -> new Softmax(-1).call(x), x);
        assertEquals(1f, new Softmax(1).call(x).get(2).sum().item(), 1e-6);
    }

    @Test
    void depthwiseSeparableConvolution() {
        Tensor x = Tensor.randn(2, 4, 5, 5).requiresGrad(true);
        Conv2d depthwise = new Conv2d(4, 4, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 4, true, false);
        Conv2d pointwise = new Conv2d(4, 6, 1);
        assertEquals(4 * 9 + 4, depthwise.parameterCount());
        Sequential sep = new Sequential(depthwise, pointwise);
        assertArrayEquals(new int[] {2, 6, 5, 5}, sep.call(x).shape());
        GradChecks.check(() -> sep.call(x), x, depthwise.weight, pointwise.weight);
        // channel 2 of a depthwise output only depends on channel 2 of the input
        Tensor y = depthwise.call(x);
        double expect = depthwise.bias.get(new int[] {2});
        for (int u = 0; u < 3; u++) for (int v = 0; v < 3; v++) expect += depthwise.weight.get(2, 0, u, v) * x.get(1, 2, 1 + u, 1 + v);
        assertEquals(expect, y.get(1, 2, 2, 2), 1e-5);
    }

    @Test
    void groupedConvolution() {
        Tensor x = Tensor.randn(1, 4, 4, 4).requiresGrad(true);
        Conv2d g = new Conv2d(4, 6, new int[] {2, 2}, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 1}, 2, true, false);
        assertArrayEquals(new int[] {6, 2, 2, 2}, g.weight.shape());
        GradChecks.check(() -> g.call(x), x, g.weight, g.bias);
    }

    @Test
    void fusedConvolutionEqualsUnfoldMatmulAdd() {
        Tensor x = Tensor.randn(2, 4, 7, 6);
        Tensor w = Tensor.randn(6, 2, 3, 2), b = Tensor.randn(6);
        int[] stride = {2, 1}, pad = {1, 0}, dil = {1, 2};
        Tensor fused = glassbox.nn.functional.F.conv2d(x, w, b, stride, pad, dil, 2);
        Tensor spelled = glassbox.nn.functional.F.conv2dByUnfold(x, w, b, stride, pad, dil, 2);
        assertArrayEquals(spelled.shape(), fused.shape());
        assertArrayEquals(spelled.data(), fused.data(), 1e-4f);
    }
}
