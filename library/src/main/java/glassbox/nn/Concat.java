package glassbox.nn;

import glassbox.tensor.Shape;
import glassbox.tensor.ShapeException;
import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parallel branches joined along the channels: y = cat(f_1(x), f_2(x), ..., f_n(x)) along dimension
 * 1 (or another dimension). Every branch reads the same input; their outputs must agree in every
 * dimension except the one they are joined along, which adds up: K = K_1 + ... + K_n.
 *
 * <p>Two classic blocks are a Concat:
 * <ul>
 * <li>GoogLeNet's Inception module: {@code new Concat(conv1x1, conv3x3, conv5x5, poolThen1x1)},
 *     four views of the same image at different scales, stacked as channels;</li>
 * <li>a DenseNet layer: {@code new Concat(new Identity(), f)} passes the input on and appends f's new
 *     channels, so a chain of them feeds every layer the outputs of all earlier ones.</li>
 * </ul>
 * Backward splits the gradient of y back into the branches' slices: dL/df_i = (dL/dy)[..., slice_i, ...],
 * and the input's gradient is the sum over the branches. Branches are registered as "0", "1", ...
 */
public class Concat extends Module {
    private final List<Module> branches = new ArrayList<>();
    private final int dim;

    /** Branches joined along dimension 1 (the channels of [N, C, H, W] or the features of [N, F]). */
    public Concat(Module... branches) {
        this(1, branches);
    }

    /** Branches joined along {@code dim}. */
    public Concat(int dim, Module... branches) {
        if (branches.length == 0) throw new IllegalArgumentException("Concat: needs at least one branch");
        this.dim = dim;
        for (Module m : branches) {
            registerModule(Integer.toString(this.branches.size()), m);
            this.branches.add(m);
        }
    }

    /** The branches in order. */
    public List<Module> branches() {
        return Collections.unmodifiableList(branches);
    }

    /** The dimension the outputs are joined along. */
    public int dim() {
        return dim;
    }

    @Override
    public Tensor forward(Tensor x) {
        List<Tensor> outs = new ArrayList<>(branches.size());
        for (Module m : branches) outs.add(m.call(x));
        Tensor first = outs.get(0);
        int d = Shape.dim("Concat", dim, first.dim());
        for (int i = 1; i < outs.size(); i++) {
            int[] s = outs.get(i).shape();
            boolean fits = s.length == first.dim();
            for (int k = 0; fits && k < s.length; k++) fits = k == d || s[k] == first.shape()[k];
            if (!fits) {
                throw new ShapeException("Concat: branch " + i + " (" + branches.get(i) + ") gives shape " + Shape.str(s)
                        + " but branch 0 (" + branches.get(0) + ") gives " + Shape.str(first.shape())
                        + "; every size must match except dimension " + d + " (use padding \"same\" or a stride of 1 to keep H and W)");
            }
        }
        return Tensor.cat(outs, d);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Concat(dim=" + dim + ",\n");
        for (int i = 0; i < branches.size(); i++) {
            b.append("  (").append(i).append("): ").append(branches.get(i).toString().replace("\n", "\n  ")).append('\n');
        }
        return b.append(')').toString();
    }
}
