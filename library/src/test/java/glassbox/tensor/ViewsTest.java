package glassbox.tensor;

import static glassbox.tensor.Checks.assertShape;
import static glassbox.tensor.Checks.assertValues;
import static glassbox.tensor.Checks.gradcheck;
import static glassbox.tensor.Checks.randn;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViewsTest {
    private final Tensor x = Tensor.arange(6).reshape(2, 3);   // [[0, 1, 2], [3, 4, 5]]

    @Test
    void viewsByHand() {
        assertValues(new float[] {0, 3, 1, 4, 2, 5}, x.t());
        assertValues(new float[] {0, 1, 2, 3, 4, 5}, x.reshape(3, 2));
        assertShape(x.reshape(-1), 6);
        assertShape(x.unsqueeze(0), 1, 2, 3);
        assertShape(x.unsqueeze(-1), 2, 3, 1);
        assertShape(x.unsqueeze(1).squeeze(), 2, 3);
        assertShape(x.reshape(1, 2, 1, 3).squeeze(2), 1, 2, 3);
        assertSame(x, x.squeeze(0), "squeezing a dimension that is not 1 changes nothing");
        assertValues(new float[] {1, 2, 4, 5}, x.slice(1, 1, 3));
        assertValues(new float[] {0, 2, 3, 5}, x.slice(1, 0, 3, 2));
        assertValues(new float[] {3, 4}, x.slice(0, -1, 2).slice(1, 0, -1));
        assertValues(new float[] {1, 4}, x.select(1, 1));
        assertValues(new float[] {3, 4, 5}, x.get(1));
        assertEquals(5f, x.get(1, 2));
        assertValues(new float[] {0, 1, 2, 0, 1, 2}, Tensor.arange(3).expand(2, 3));
        assertValues(new float[] {0, 0, 3, 3}, x.slice(1, 0, 1).expand(-1, 2));
        Tensor p = Tensor.arange(24).reshape(2, 3, 4).permute(2, 0, 1);
        assertShape(p, 4, 2, 3);
        assertEquals(13f, p.get(1, 1, 0));   // = original [1][0][1] = 12 + 1
        assertShape(Tensor.zeros(2, 3, 4).flatten(1, 2), 2, 12);
    }

    @Test
    void viewsShareStorageWithTheirInput() {
        Tensor base = Tensor.zeros(2, 3);
        base.t().unsqueeze(0).select(0, 0).slice(0, 1, 2).fill_(7);   // column 1, through a chain of views
        assertValues(new float[] {0, 7, 0, 0, 7, 0}, base);
        Tensor tr = Tensor.zeros(2, 3).t();
        assertFalse(tr.isContiguous());
        tr.unsqueeze(1).fill_(1);                                      // unsqueeze of a transposed tensor is a view
        tr.squeeze().mul_(3);
        assertValues(new float[] {3, 3, 3, 3, 3, 3}, tr);
        assertEquals(3f, tr.unsqueeze(0).get(0, 2, 1));
    }

    @Test
    void reshapeOfANonContiguousTensorCopiesAndViewRefuses() {
        Tensor tr = x.t();
        assertValues(new float[] {0, 3, 1, 4, 2, 5}, tr.reshape(6));
        ShapeException e = assertThrows(ShapeException.class, () -> tr.view(6));
        assertTrue(e.getMessage().contains("contiguous"), e.getMessage());
        assertValues(new float[] {0, 3, 1, 4, 2, 5}, tr.contiguous().view(6));
    }

    @Test
    void gradientsOfShapeViews() {
        gradcheck(in -> in[0].reshape(3, 2), randn(1, 2, 3));
        gradcheck(in -> in[0].reshape(-1, 4), randn(2, 2, 3, 4));
        gradcheck(in -> in[0].view(6), randn(3, 2, 3));
        gradcheck(in -> in[0].t(), randn(4, 2, 3));
        gradcheck(in -> in[0].transpose(0, 2), randn(5, 2, 3, 4));
        gradcheck(in -> in[0].permute(2, 0, 1), randn(6, 2, 3, 4));
        gradcheck(in -> in[0].unsqueeze(1), randn(7, 2, 3));
        gradcheck(in -> in[0].squeeze(), randn(8, 2, 1, 3, 1));
        gradcheck(in -> in[0].squeeze(-1), randn(9, 2, 3, 1));
        gradcheck(in -> in[0].flatten(), randn(10, 2, 3));
        gradcheck(in -> in[0].flatten(0, 1), randn(11, 2, 3, 4));
    }

    @Test
    void gradientsOfSlicingAndExpanding() {
        gradcheck(in -> in[0].slice(1, 1, 3), randn(12, 2, 4));
        gradcheck(in -> in[0].slice(0, 0, 5, 2), randn(13, 5, 3));
        gradcheck(in -> in[0].slice(-1, -2, 4), randn(14, 2, 4));
        gradcheck(in -> in[0].select(0, 1), randn(15, 3, 2));
        gradcheck(in -> in[0].select(-1, -1), randn(16, 3, 2));
        gradcheck(in -> in[0].get(0), randn(17, 3, 2));
        gradcheck(in -> in[0].expand(4, 3), randn(18, 3));
        gradcheck(in -> in[0].expand(2, 3, 4), randn(19, 3, 1));
        gradcheck(in -> in[0].t().contiguous().mul(in[0].t()), randn(20, 3, 2));
    }

    @Test
    void gradientsThroughChainsOfViewsIntoOps() {
        // views of non-contiguous tensors feeding arithmetic: the gradient must land in the right places
        gradcheck(in -> in[0].t().mul(in[1]).sum(0), randn(21, 3, 2), randn(22, 2, 3));
        gradcheck(in -> in[0].permute(1, 0, 2).slice(0, 1, 3).reshape(2, -1).tanh(), randn(23, 2, 3, 2));
        gradcheck(in -> in[0].select(1, 0).unsqueeze(1).mul(in[0]), randn(24, 2, 3));
        gradcheck(in -> in[0].t().exp().sum(1), randn(25, 3, 4));
    }

    @Test
    void errorsAreClear() {
        ShapeException r = assertThrows(ShapeException.class, () -> x.reshape(4, 2));
        assertTrue(r.getMessage().contains("reshape") && r.getMessage().contains("[2, 3]") && r.getMessage().contains("[4, 2]"), r.getMessage());
        ShapeException e = assertThrows(ShapeException.class, () -> x.expand(2, 4));
        assertTrue(e.getMessage().contains("expand") && e.getMessage().contains("[2, 3]"), e.getMessage());
        ShapeException lead = assertThrows(ShapeException.class, () -> Tensor.zeros(3).expand(-1, 3));
        assertTrue(lead.getMessage().contains("expand"), lead.getMessage());
        ShapeException p = assertThrows(ShapeException.class, () -> x.permute(0, 0));
        assertTrue(p.getMessage().contains("permute"), p.getMessage());
        ShapeException t = assertThrows(ShapeException.class, () -> x.transpose(0, 2));
        assertTrue(t.getMessage().contains("transpose") && t.getMessage().contains("2"), t.getMessage());
        IndexOutOfBoundsException s = assertThrows(IndexOutOfBoundsException.class, () -> x.select(0, 2));
        assertTrue(s.getMessage().contains("select") && s.getMessage().contains("[2, 3]"), s.getMessage());
        assertThrows(ShapeException.class, () -> Tensor.scalar(1).select(0, 0));
    }

    @Test
    void scalarsAcceptDimensionZeroAndMinusOne() {
        Tensor s = Tensor.scalar(4);
        assertArrayEquals(new int[] {1}, s.unsqueeze(0).shape());
        assertArrayEquals(new int[] {1}, s.unsqueeze(-1).shape());
        assertEquals(4f, s.sum(-1).item());
        assertEquals(4f, s.softmax(-1).item() * 4f);
        assertSame(s, s.transpose(0, -1));
    }
}
