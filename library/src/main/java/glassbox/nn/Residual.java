package glassbox.nn;

import glassbox.tensor.Tensor;

/**
 * A skip connection: y = x + f(x) (ResNet). The block f only has to learn the difference from the
 * identity, and the gradient reaches earlier layers directly through the "+ x" path. f must keep the
 * shape of its input. The inner module is registered as "fn".
 */
public class Residual extends Module {
    private final Module fn;

    /** x + fn(x). */
    public Residual(Module fn) {
        this.fn = registerModule("fn", fn);
    }

    /** The wrapped block. */
    public Module fn() {
        return fn;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor fx = fn.call(x);
        if (!java.util.Arrays.equals(fx.shape(), x.shape())) {
            throw new glassbox.tensor.ShapeException("Residual: the block " + fn + " changed the shape from "
                    + glassbox.tensor.Shape.str(x.shape()) + " to " + glassbox.tensor.Shape.str(fx.shape())
                    + "; x + f(x) needs them equal");
        }
        return x.add(fx);
    }

    @Override
    public String toString() {
        return "Residual(" + fn + ")";
    }
}
