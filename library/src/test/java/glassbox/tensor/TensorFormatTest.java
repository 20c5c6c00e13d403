package glassbox.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** toString prints as NumPy does: one style per tensor, aligned columns, "..." for large tensors. */
class TensorFormatTest {

    @Test
    void scalars() {
        assertEquals("tensor(3.5)", Tensor.scalar(3.5f).toString());
        assertEquals("tensor(3.)", Tensor.scalar(3).toString());
        assertEquals("tensor(-0.125)", Tensor.scalar(-0.125f).toString());
        assertEquals("tensor(2., requiresGrad=true)", Tensor.scalar(2).requiresGrad(true).toString());
    }

    @Test
    void oneDimensionalWholeAndFractionalNumbers() {
        assertEquals("tensor([1., 2., 3.], shape=[3])", Tensor.of(1, 2, 3).toString());
        assertEquals("tensor([-1., 10.,  0.], shape=[3])", Tensor.of(-1, 10, 0).toString());
        // decimal points line up; the shorter decimals are padded on the right, as NumPy does
        assertEquals("tensor([ 1.5 , -2.  ,  0.25], shape=[3])", Tensor.of(1.5f, -2, 0.25f).toString());
        // at most 4 decimals
        assertEquals("tensor([0.3333, 0.6667], shape=[2])", Tensor.of(1 / 3f, 2 / 3f).toString());
        // the float's shortest decimal, not the noise of its binary value (12345.678f is 12345.677734375)
        assertEquals("tensor([12345.678,   100.5  ], shape=[2])", Tensor.of(12345.678f, 100.5f).toString());
        assertEquals("tensor([0.1, 0.3], shape=[2])", Tensor.of(0.1f, 0.1f + 0.2f).toString());
    }

    @Test
    void twoAndThreeDimensionsLineUpInColumns() {
        assertEquals("tensor([[ 1.5 , -2.  ,  0.25],\n"
                   + "        [ 3.  ,  4.  ,  5.  ]], shape=[2, 3])",
                Tensor.of(new float[][] {{1.5f, -2, 0.25f}, {3, 4, 5}}).toString());
        assertEquals("tensor([[[ 0.,  1.,  2.],\n"
                   + "         [ 3.,  4.,  5.]],\n"
                   + "\n"
                   + "        [[ 6.,  7.,  8.],\n"
                   + "         [ 9., 10., 11.]]], shape=[2, 2, 3])",
                Tensor.arange(12).reshape(2, 2, 3).toString());
    }

    @Test
    void viewsPrintTheirOwnValues() {
        assertEquals("tensor([[0., 3.],\n"
                   + "        [1., 4.],\n"
                   + "        [2., 5.]], shape=[3, 2])", Tensor.arange(6).reshape(2, 3).t().toString());
        assertEquals("tensor([[1., 2.],\n"
                   + "        [4., 5.]], shape=[2, 2])", Tensor.arange(6).reshape(2, 3).slice(1, 1, 3).toString());
        assertEquals("tensor([[0., 1., 2.],\n"
                   + "        [0., 1., 2.]], shape=[2, 3])", Tensor.arange(3).expand(2, 3).toString());
        assertEquals("tensor(4.)", Tensor.arange(6).reshape(2, 3).select(0, 1).select(0, 1).toString(), "a scalar view");
    }

    @Test
    void emptyTensors() {
        assertEquals("tensor([], shape=[0])", Tensor.zeros(0).toString());
        assertEquals("tensor([], shape=[2, 0])", Tensor.zeros(2, 0).toString());
    }

    @Test
    void scientificNotationForTinyHugeOrWidelySpreadValues() {
        assertEquals("tensor([1.e-05, 1.e+00, 1.e+02], shape=[3])", Tensor.of(1e-5f, 1, 100).toString());
        assertEquals("tensor([1.5e-05, 1.0e+00, 1.0e+02], shape=[3])", Tensor.of(1.5e-5f, 1, 100).toString());
        assertEquals("tensor([1.e+09, 1.e+00], shape=[2])", Tensor.of(1e9f, 1).toString());
    }

    @Test
    void nanAndInfinity() {
        assertEquals("tensor([ nan,  1.5, -inf], shape=[3])", Tensor.of(Float.NaN, 1.5f, Float.NEGATIVE_INFINITY).toString());
        assertEquals("tensor([nan, inf], shape=[2])", Tensor.of(Float.NaN, Float.POSITIVE_INFINITY).toString());
    }

    @Test
    void largeTensorsAreSummarizedWithThreeEdgeItemsPerDimension() {
        assertEquals("tensor([   0.,    1.,    2., ..., 1997., 1998., 1999.], shape=[2000])", Tensor.arange(2000).toString());
        assertEquals("tensor([[   0.,    1.,    2., ...,   47.,   48.,   49.],\n"
                   + "        [  50.,   51.,   52., ...,   97.,   98.,   99.],\n"
                   + "        [ 100.,  101.,  102., ...,  147.,  148.,  149.],\n"
                   + "        ...,\n"
                   + "        [1850., 1851., 1852., ..., 1897., 1898., 1899.],\n"
                   + "        [1900., 1901., 1902., ..., 1947., 1948., 1949.],\n"
                   + "        [1950., 1951., 1952., ..., 1997., 1998., 1999.]], shape=[40, 50])",
                Tensor.arange(2000).reshape(40, 50).toString());
        // exactly 1000 elements are all shown
        String thousand = Tensor.arange(1000).toString();
        assertTrue(!thousand.contains("...") && thousand.contains(" 500.,"), thousand);
        // a summarized 3-D tensor has "..." between blocks, and short dimensions are kept whole
        String big = Tensor.zeros(10, 2, 100).toString();
        assertTrue(big.contains("\n\n        ...,\n\n        [[0., 0., 0., ..., 0., 0., 0.],"), big);
        assertEquals(6 * 2, big.split("\\[0\\.").length - 1, "6 blocks of 2 rows shown:\n" + big);
    }

    @Test
    void longRowsWrapAtSeventyFiveCharacters() {
        String s = Tensor.arange(50).div(3).toString();
        for (String line : s.split("\n")) assertTrue(line.length() <= 75 || line.endsWith("shape=[50])"), s);
        assertEquals("tensor([ 0.    ,  0.3333,  0.6667,  1.    ,  1.3333,  1.6667,  2.    ,", s.split("\n")[0]);
        assertEquals("         2.3333,  2.6667,  3.    ,  3.3333,  3.6667,  4.    ,  4.3333,", s.split("\n")[1]);
    }

    @Test
    void graphNodesShowTheirOp() {
        Tensor w = Tensor.of(1, 2).requiresGrad(true);
        assertEquals("tensor([2., 4.], shape=[2], op=mul)", w.mul(2f).toString());
    }
}
