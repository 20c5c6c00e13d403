package glassbox.nn;

import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Layers applied one after the other: y = f_n(...f_2(f_1(x))). The layers are named "0", "1", ...
 * (so parameters are "0.weight", "2.bias", as in PyTorch).
 */
public class Sequential extends Module {
    private final List<Module> layers = new ArrayList<>();

    /** A chain of these layers, in order. */
    public Sequential(Module... modules) {
        for (Module m : modules) add(m);
    }

    /** Appends a layer; returns this. */
    public Sequential add(Module m) {
        registerModule(Integer.toString(layers.size()), m);
        layers.add(m);
        return this;
    }

    /** Layer number {@code i}. */
    public Module get(int i) {
        return layers.get(i);
    }

    /** The number of layers. */
    public int size() {
        return layers.size();
    }

    /** The layers in order. */
    public List<Module> layers() {
        return Collections.unmodifiableList(layers);
    }

    @Override
    public Tensor forward(Tensor x) {
        for (Module m : layers) x = m.call(x);
        return x;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Sequential(\n");
        for (int i = 0; i < layers.size(); i++) {
            b.append("  (").append(i).append("): ").append(layers.get(i).toString().replace("\n", "\n  ")).append('\n');
        }
        return b.append(')').toString();
    }
}
