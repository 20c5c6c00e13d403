package glassbox.tensor;

import static glassbox.tensor.Checks.assertValues;
import static glassbox.tensor.Checks.awayFromZero;
import static glassbox.tensor.Checks.gradcheck;
import static glassbox.tensor.Checks.randn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ActivationsTest {

    @Test
    void valuesByHand() {
        Tensor x = Tensor.of(-2, 0, 3);
        assertValues(new float[] {0.11920292f, 0.5f, 0.95257413f}, x.sigmoid());
        assertValues(new float[] {-0.9640276f, 0, 0.9950548f}, x.tanh());
        assertValues(new float[] {0, 0, 3}, x.relu());
        assertValues(new float[] {-0.02f, 0, 3}, x.leakyRelu(0.01f));
        // GPT-2's gelu: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
        float[] expected = new float[3];
        float[] xs = {-2, 0, 3};
        for (int i = 0; i < 3; i++) {
            double v = xs[i];
            expected[i] = (float) (0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))));
        }
        assertValues(expected, x.gelu());
        assertValues(new float[] {-0.04540229f, 0, 2.9963627f}, x.gelu(), 1e-5f);  // PyTorch gelu(approximate='tanh')
    }

    @Test
    void softmaxByHandAlongEitherDimension() {
        Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {1, 1, 1}});
        double e1 = Math.exp(1), e2 = Math.exp(2), e3 = Math.exp(3), s = e1 + e2 + e3;
        assertValues(new float[] {(float) (e1 / s), (float) (e2 / s), (float) (e3 / s), 1 / 3f, 1 / 3f, 1 / 3f}, x.softmax(-1));
        // along dim 0: column j holds (x[0][j], x[1][j]) = (j+1, 1)
        float[] col = new float[6];
        for (int j = 0; j < 3; j++) {
            double a = Math.exp(j + 1), b = Math.exp(1);
            col[j] = (float) (a / (a + b));
            col[3 + j] = (float) (b / (a + b));
        }
        assertValues(col, x.softmax(0));
        assertValues(new float[] {(float) Math.log(e1 / s), (float) Math.log(e2 / s), (float) Math.log(e3 / s),
            (float) Math.log(1 / 3.0), (float) Math.log(1 / 3.0), (float) Math.log(1 / 3.0)}, x.logSoftmax(1));
    }

    @Test
    void softmaxAndLogSoftmaxAreStableForHugeLogits() {
        Tensor x = Tensor.of(1000, 1001, -1000);
        Tensor s = x.softmax(0);
        for (float v : s.data()) assertFalse(Float.isNaN(v), s.toString());
        assertValues(new float[] {0.26894143f, 0.7310586f, 0}, s);
        assertValues(new float[] {-1.3132616f, -0.31326166f, -2001.3132f}, x.logSoftmax(0), 1e-3f);
        assertEquals(1f, x.softmax(0).sum().item(), 1e-6f);
    }

    @Test
    void gradientsOfPointwiseActivations() {
        gradcheck(in -> in[0].sigmoid(), randn(1, 2, 3));
        gradcheck(in -> in[0].tanh(), randn(2, 2, 3));
        gradcheck(in -> in[0].relu(), awayFromZero(3, 2, 3));
        gradcheck(in -> in[0].leakyRelu(0.1f), awayFromZero(4, 2, 3));
        gradcheck(in -> in[0].gelu(), randn(5, 3, 4));
        gradcheck(in -> in[0].mul(3f).gelu(), randn(6, 3, 4));   // into the tails
    }

    @Test
    void gradientsOfSoftmaxAndLogSoftmaxAlongEveryDim() {
        for (int dim : new int[] {0, 1, -1}) {
            gradcheck(in -> in[0].softmax(dim), randn(7, 3, 4));
            gradcheck(in -> in[0].logSoftmax(dim), randn(8, 3, 4));
        }
        for (int dim : new int[] {0, 1, 2, -2}) {
            gradcheck(in -> in[0].softmax(dim), randn(9, 2, 3, 4));
            gradcheck(in -> in[0].logSoftmax(dim), randn(10, 2, 3, 4));
        }
        gradcheck(in -> in[0].softmax(0), randn(11, 5));
    }
}
