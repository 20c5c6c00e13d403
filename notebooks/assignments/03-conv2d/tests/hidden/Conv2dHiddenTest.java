import glassbox.kernel.grade.Expect;
import glassbox.kernel.grade.Points;
import glassbox.kernel.grade.Submission;
import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hidden tests of assignment 3: other shapes, strides and paddings, compared with the library's conv2d. */
class Conv2dHiddenTest {

    /** The library's gradients of sum(G * conv2d(x, w, b)): {dx, dw, db}. */
    static Tensor[] libraryGradients(Tensor x, Tensor w, Tensor b, Tensor g, int stride, int pad) {
        Tensor xl = x.detach().requiresGrad(true), wl = w.detach().requiresGrad(true), bl = b.detach().requiresGrad(true);
        Conv2dTest.library(xl, wl, bl, stride, pad).mul(g).sum().backward();
        return new Tensor[] {xl.grad(), wl.grad(), bl.grad()};
    }

    @Test @Tag("q1") @Points(1)
    @DisplayName("q1: stride 2 and padding 2 on a non-square image equal F.conv2d")
    void strideAndPadding(Submission sub) {
        Generator gen = new Generator(21);
        Tensor x = Tensor.randn(gen, 3, 2, 9, 7), w = Tensor.randn(gen, 5, 2, 3, 3), b = Tensor.randn(gen, 5);
        Expect.close(Conv2dTest.library(x, w, b, 2, 2), Conv2dTest.forward(sub, x, w, b, 2, 2),
                "conv2dForward(x [3, 2, 9, 7], w [5, 2, 3, 3], stride 2, padding 2)");
    }

    @Test @Tag("q1") @Points(1)
    @DisplayName("q1: a non-square filter (2x4), stride 3, and a 1x1 filter equal F.conv2d")
    void otherFilters(Submission sub) {
        Generator gen = new Generator(22);
        Tensor x = Tensor.randn(gen, 2, 3, 8, 10), w = Tensor.randn(gen, 2, 3, 2, 4), b = Tensor.randn(gen, 2);
        Expect.close(Conv2dTest.library(x, w, b, 3, 1), Conv2dTest.forward(sub, x, w, b, 3, 1),
                "conv2dForward(x [2, 3, 8, 10], w [2, 3, 2, 4], stride 3, padding 1)");
        Tensor w1 = Tensor.randn(gen, 4, 3, 1, 1), b1 = Tensor.randn(gen, 4);
        Expect.close(Conv2dTest.library(x, w1, b1, 1, 0), Conv2dTest.forward(sub, x, w1, b1, 1, 0),
                "conv2dForward with a 1x1 filter w [4, 3, 1, 1]");
    }

    @Test @Tag("q2") @Points(1)
    @DisplayName("q2: the bias gradient equals the library's for a batch of 4")
    void biasMatchesLibrary(Submission sub) {
        Generator gen = new Generator(23);
        Tensor x = Tensor.randn(gen, 4, 2, 6, 6), w = Tensor.randn(gen, 3, 2, 3, 3), b = Tensor.randn(gen, 3);
        Tensor g = Tensor.randn(gen, 4, 3, 3, 3);
        float[] db = sub.call("conv2dBackwardBias", (Object) Conv2dTest.arr4(g));
        Expect.close(libraryGradients(x, w, b, g, 2, 1)[2].toFloatArray(), db, "conv2dBackwardBias(dout [4, 3, 3, 3])");
    }

    @Test @Tag("q3") @Points(1)
    @DisplayName("q3: the weight gradient equals the library's (non-square filter, stride 2, padding 2)")
    void weightMatchesLibrary(Submission sub) {
        Generator gen = new Generator(24);
        Tensor x = Tensor.randn(gen, 3, 2, 9, 7), w = Tensor.randn(gen, 4, 2, 3, 2), b = Tensor.randn(gen, 4);
        Tensor g = Tensor.randn(gen, 3, 4, 6, 5);
        float[][][][] dw = sub.call("conv2dBackwardWeight", Conv2dTest.arr4(x), Conv2dTest.arr4(w), Conv2dTest.arr4(g), 2, 2);
        Expect.close(libraryGradients(x, w, b, g, 2, 2)[1], Conv2dTest.tensor4(dw, "conv2dBackwardWeight"),
                "conv2dBackwardWeight(x [3, 2, 9, 7], w [4, 2, 3, 2], stride 2, padding 2) compared with the library");
    }

    @Test @Tag("q4") @Points(1)
    @DisplayName("q4: the input gradient equals the library's, with stride 3 leaving some pixels without gradient")
    void inputMatchesLibrary(Submission sub) {
        Generator gen = new Generator(25);
        Tensor x = Tensor.randn(gen, 2, 3, 8, 9), w = Tensor.randn(gen, 2, 3, 2, 2), b = Tensor.randn(gen, 2);
        Tensor g = Tensor.randn(gen, 2, 2, 3, 3);
        float[][][][] dx = sub.call("conv2dBackwardInput", Conv2dTest.arr4(x), Conv2dTest.arr4(w), Conv2dTest.arr4(g), 3, 0);
        Expect.close(libraryGradients(x, w, b, g, 3, 0)[0], Conv2dTest.tensor4(dx, "conv2dBackwardInput"),
                "conv2dBackwardInput(x [2, 3, 8, 9], w [2, 3, 2, 2], stride 3, no padding) compared with the library");
    }

    @Test @Tag("q5") @Points(1)
    @DisplayName("q5: two myConv2d layers with a ReLU between give the library's gradients")
    void inANetwork(Submission sub) {
        Generator gen = new Generator(26);
        Tensor x = Tensor.randn(gen, 2, 1, 8, 8);
        Tensor w1 = Tensor.randn(gen, 3, 1, 3, 3).requiresGrad(true), b1 = Tensor.randn(gen, 3).requiresGrad(true);
        Tensor w2 = Tensor.randn(gen, 2, 3, 3, 3).requiresGrad(true), b2 = Tensor.randn(gen, 2).requiresGrad(true);
        Tensor h = sub.call("myConv2d", x, w1, b1, 1, 1);
        Tensor y = sub.call("myConv2d", h.relu(), w2, b2, 2, 0);
        y.pow(2f).sum().backward();
        Tensor v1 = w1.detach().requiresGrad(true), c1 = b1.detach().requiresGrad(true);
        Tensor v2 = w2.detach().requiresGrad(true), c2 = b2.detach().requiresGrad(true);
        Conv2dTest.library(Conv2dTest.library(x, v1, c1, 1, 1).relu(), v2, c2, 2, 0).pow(2f).sum().backward();
        Expect.that(w1.grad() != null, "the first layer's weights got no gradient: does the backward call w.addGrad and x.addGrad?");
        Expect.close(v2.grad(), w2.grad(), "second layer's weight gradient");
        Expect.close(c2.grad(), b2.grad(), "second layer's bias gradient");
        Expect.close(v1.grad(), w1.grad(), "first layer's weight gradient (it needs the second layer's input gradient)");
        Expect.close(c1.grad(), b1.grad(), "first layer's bias gradient");
    }
}
