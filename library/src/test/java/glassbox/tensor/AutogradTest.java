package glassbox.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutogradTest {

    @Test
    void gradientsAccumulateAcrossTwoBackwardCallsUntilZeroGrad() {
        Tensor w = Tensor.of(1, 2, 3).requiresGrad(true);
        w.mul(w).sum().backward();                       // d/dw sum w^2 = 2w
        assertArrayEquals(new float[] {2, 4, 6}, w.grad().data());
        w.mul(3f).sum().backward();                      // + 3
        assertArrayEquals(new float[] {5, 7, 9}, w.grad().data());
        w.zeroGrad();
        assertNull(w.grad());
        w.sum().backward();
        assertArrayEquals(new float[] {1, 1, 1}, w.grad().data());
    }

    @Test
    void backwardTwiceThroughTheSameGraphAccumulatesInLeavesOnly() {
        // A bug found here: the intermediates' gradients of the first pass flowed again in the second (x.grad was 16).
        Tensor x = Tensor.of(2).requiresGrad(true);
        Tensor sq = x.mul(x);
        Tensor y = sq.sum();
        y.backward();
        Tensor firstGrad = x.grad();
        y.backward();
        assertArrayEquals(new float[] {8}, x.grad().data(), "2 * (2x) with x = 2");
        assertSame(firstGrad, x.grad(), "accumulated into the same gradient tensor, as PyTorch does");
        assertArrayEquals(new float[] {1}, sq.grad().data(), "an intermediate holds the latest pass's gradient");
        List<float[]> seen = new ArrayList<>();
        x.registerHook(g -> seen.add(g.toFloatArray()));
        y.backward();
        assertArrayEquals(new float[] {4}, seen.get(0), "a hook sees this pass's gradient");
        assertArrayEquals(new float[] {12}, x.grad().data());
    }

    @Test
    void noGradScopeRecordsNothingAndRestoresRecording() {
        Tensor w = Tensor.of(1, 2).requiresGrad(true);
        Tensor inside;
        try (var scope = Tensor.noGrad()) {
            inside = w.mul(2f).exp().sum();
            try (var nested = Tensor.noGrad()) {
                assertFalse(GradMode.isEnabled());
            }
            assertFalse(GradMode.isEnabled(), "closing a nested scope keeps the outer one");
        }
        assertTrue(GradMode.isEnabled());
        assertFalse(inside.requiresGrad());
        assertTrue(inside.isLeaf());
        assertEquals("leaf", inside.op());
        assertThrows(IllegalStateException.class, inside::backward);
        assertTrue(w.mul(2f).requiresGrad(), "recording is back on after the scope");
    }

    @Test
    void detachStopsGradients() {
        Tensor x = Tensor.of(1, 2, 3).requiresGrad(true);
        Tensor y = x.mul(x.detach()).sum();             // the detached factor counts as a constant
        y.backward();
        assertArrayEquals(new float[] {1, 2, 3}, x.grad().data());
        Tensor d = x.detach();
        assertFalse(d.requiresGrad());
        assertTrue(d.isLeaf());
        assertArrayEquals(x.data(), d.data());
    }

    @Test
    void hooksSeeTheGradientFlowingThroughAnyNode() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor h = x.mul(3f);
        List<float[]> seenAtH = new ArrayList<>(), seenAtX = new ArrayList<>();
        h.registerHook(g -> seenAtH.add(g.toFloatArray()));
        x.registerHook(g -> seenAtX.add(g.toFloatArray()));
        h.pow(2).sum().backward();                       // dL/dh = 2h = (6, 12); dL/dx = 3 * that
        assertEquals(1, seenAtH.size());
        assertArrayEquals(new float[] {6, 12}, seenAtH.get(0));
        assertArrayEquals(new float[] {18, 36}, seenAtX.get(0));
    }

    @Test
    void intermediatesKeepTheirGradientAndKnowTheirOpAndInputs() {
        Tensor a = Tensor.of(1, 2).requiresGrad(true).label("a");
        Tensor b = Tensor.of(3, 4).requiresGrad(true).label("b");
        Tensor c = a.mul(b);
        Tensor d = c.exp();
        Tensor loss = d.sum();
        loss.backward();
        assertNotNull(c.grad());
        assertNotNull(d.grad());
        assertArrayEquals(d.data(), c.grad().data(), 1e-3f);          // d exp(c)/dc = exp(c)
        assertArrayEquals(new float[] {1, 1}, d.grad().data());
        assertEquals("mul", c.op());
        assertEquals(List.of(a, b), c.inputs());
        assertSame(c, d.inputs().get(0));
        assertFalse(c.isLeaf());
        assertTrue(a.isLeaf());
        List<Tensor> order = loss.topologicalOrder();
        assertSame(loss, order.get(order.size() - 1));
        assertTrue(order.indexOf(c) < order.indexOf(d) && order.indexOf(a) < order.indexOf(c));
    }

    @Test
    void backwardWithAnExplicitGradient() {
        Tensor x = Tensor.of(1, 2, 3).requiresGrad(true);
        Tensor y = x.mul(2f);
        y.backward(Tensor.of(1, 0, -1));
        assertArrayEquals(new float[] {2, 0, -2}, x.grad().data());
        ShapeException e = assertThrows(ShapeException.class, () -> y.backward());
        assertTrue(e.getMessage().contains("[3]"), e.getMessage());
    }

    @Test
    void inPlaceChangeOfALeafThatRequiresGradIsRefusedOutsideNoGrad() {
        Tensor w = Tensor.of(1, 2).requiresGrad(true).label("w");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.add_(Tensor.of(1, 1)));
        assertTrue(e.getMessage().contains("add_") && e.getMessage().contains("'w'") && e.getMessage().contains("noGrad"),
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> w.mul_(2));
        assertThrows(IllegalStateException.class, () -> w.fill_(0));
        assertThrows(IllegalStateException.class, () -> w.set(0, 1));
        assertThrows(IllegalStateException.class, () -> w.unsqueeze(0).zero_(), "a view of w is refused too");
        try (var scope = Tensor.noGrad()) {
            w.sub_(Tensor.of(0.5f, 0.5f));                // an optimizer step
        }
        assertArrayEquals(new float[] {0.5f, 1.5f}, w.data());
    }

    @Test
    void inPlaceChangeOfAValueNeededForBackwardIsRefusedAtBackward() {
        Tensor w = Tensor.of(1, 2, 3).requiresGrad(true);
        Tensor x = Tensor.of(4, 5, 6);
        Tensor y = w.mul(x).sum();
        x.mul_(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("mul") && e.getMessage().contains("modified in place"), e.getMessage());

        // a result changed in place inside noGrad (its values are what exp's backward uses)
        Tensor v = Tensor.of(1, 2).requiresGrad(true);
        Tensor ex = v.exp();
        Tensor loss = ex.sum();
        try (var scope = Tensor.noGrad()) {
            ex.mul_(0);
        }
        IllegalStateException e2 = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e2.getMessage().contains("modified in place"), e2.getMessage());
        // and even when nothing downstream reads it: exp's own backward checks its result
        Tensor v2 = Tensor.of(1, 2).requiresGrad(true);
        Tensor ex2 = v2.exp();
        try (var scope = Tensor.noGrad()) {
            ex2.mul_(0);
        }
        IllegalStateException e3 = assertThrows(IllegalStateException.class, () -> ex2.backward(Tensor.of(1, 1)));
        assertTrue(e3.getMessage().contains("exp") && e3.getMessage().contains("modified in place"), e3.getMessage());

        // the change reaches the graph through a view sharing storage
        Tensor p = Tensor.of(1, 2, 3).requiresGrad(true);
        Tensor q = Tensor.of(1, 1, 1);
        Tensor r = p.mul(q).sum();
        q.slice(0, 0, 1).fill_(5);
        assertThrows(IllegalStateException.class, r::backward);
    }

    @Test
    void backwardNeedsAScalarOrAGradientAndAGraph() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Tensor.of(1, 2).sum().backward());
        assertTrue(e.getMessage().contains("requiresGrad"), e.getMessage());
        ShapeException s = assertThrows(ShapeException.class, () -> Tensor.of(1, 2).requiresGrad(true).mul(2f).backward());
        assertTrue(s.getMessage().contains("[2]") && s.getMessage().contains("scalar"), s.getMessage());
    }

    @Test
    void aDeepChainDoesNotOverflowTheStack() {
        Tensor x = Tensor.scalar(1).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 20_000; i++) y = y.mul(1f);
        y.backward();
        assertEquals(1f, x.grad().item());
    }

    @Test
    void opsSkipTheGraphWhenNoInputRequiresGrad() {
        Tensor a = Tensor.of(1, 2), b = Tensor.of(3, 4);
        Tensor c = a.mul(b).softmax(0).reshape(2, 1);
        assertTrue(c.isLeaf());
        assertFalse(c.requiresGrad());
    }
}
