package glassbox.nn;

import glassbox.tensor.Shape;
import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.util.Arrays;

/**
 * A skip connection: y = x + f(x) (ResNet). The block f only has to learn the difference from the
 * identity (f = 0 makes the block the identity), and the gradient reaches earlier layers directly
 * through the "+ x" path: dL/dx = dL/dy + dL/dy * df/dx. f must keep the shape of its input. The inner
 * module is registered as "fn".
 *
 * <p>When f changes the shape (more channels, or a stride that halves H and W), ResNet puts a
 * projection on the shortcut: y = s(x) + f(x), usually s = a 1x1 convolution with the same stride.
 * The second constructor takes s, registered as "shortcut".
 */
public class Residual extends Module {
    private final Module fn;
    private final Module shortcut;

    /** x + fn(x). */
    public Residual(Module fn) {
        this.fn = registerModule("fn", fn);
        this.shortcut = null;
    }

    /** shortcut(x) + fn(x): a projection shortcut for a block that changes the shape. */
    public Residual(Module fn, Module shortcut) {
        this.fn = registerModule("fn", fn);
        this.shortcut = registerModule("shortcut", shortcut);
    }

    /** The wrapped block. */
    public Module fn() {
        return fn;
    }

    /** The projection on the skip path, or null for the identity. */
    public Module shortcut() {
        return shortcut;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor fx = fn.call(x);
        Tensor skip = shortcut == null ? x : shortcut.call(x);
        if (!Arrays.equals(fx.shape(), skip.shape())) {
            if (shortcut == null) {
                throw new ShapeException("Residual: the block " + fn + " changed the shape from " + Shape.str(x.shape())
                        + " to " + Shape.str(fx.shape()) + "; x + f(x) needs them equal (or give a shortcut, e.g. a 1x1 Conv2d)");
            }
            throw new ShapeException("Residual: the block gives " + Shape.str(fx.shape()) + " but the shortcut "
                    + shortcut + " gives " + Shape.str(skip.shape()) + "; s(x) + f(x) needs them equal");
        }
        return skip.add(fx);
    }

    @Override
    public String toString() {
        return "Residual(" + fn + (shortcut == null ? "" : ", shortcut=" + shortcut) + ")";
    }
}
