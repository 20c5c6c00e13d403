package glassbox.nn;

import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A piece of a neural network: it holds parameters (tensors that require gradients) and child modules,
 * and computes {@link #forward}. Like PyTorch's {@code nn.Module}.
 *
 * <p>Subclasses register what they own in their constructor:
 * <pre>{@code
 * weight = registerParameter("weight", Tensor.randn(out, in));
 * act = registerModule("act", new ReLU());
 * }</pre>
 * Then {@link #parameters()} finds every parameter of the tree (for an optimizer),
 * {@link #namedParameters()} names them "layer.weight", and {@link #train()}/{@link #eval()} switch
 * the mode of the whole tree (dropout and batch norm behave differently in training).
 */
public abstract class Module {
    private final Map<String, Tensor> params = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Computes this module's output for input {@code x}. */
    public abstract Tensor forward(Tensor x);

    /** Registers a parameter: marks it as requiring a gradient and names it. Returns it. */
    protected Tensor registerParameter(String name, Tensor value) {
        if (params.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the name '" + name + "' is already used");
        }
        value.requiresGrad(true).label(name);
        params.put(name, value);
        return value;
    }

    /** Registers a child module under {@code name}. Returns it. */
    protected <M extends Module> M registerModule(String name, M module) {
        if (params.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the name '" + name + "' is already used");
        }
        children.put(name, module);
        return module;
    }

    /** This module's own parameters (not its children's), by name. */
    public Map<String, Tensor> localParameters() {
        return Collections.unmodifiableMap(params);
    }

    /** Every parameter of this module and its descendants, named by path ("0.weight", "encoder.bias"). */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, Map<String, Tensor> out) {
        params.forEach((n, p) -> out.put(prefix + n, p));
        children.forEach((n, m) -> m.collect(prefix + n + ".", out));
    }

    /** Every parameter of the tree, in registration order (what an optimizer needs). */
    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** The direct children, by name. */
    public Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(children);
    }

    /** Total number of parameter values (weights and biases). */
    public long parameterCount() {
        long n = 0;
        for (Tensor p : parameters()) n += p.numel();
        return n;
    }

    /** Switches this module and all descendants to training mode (dropout active, batch statistics). */
    public Module train() {
        return setTraining(true);
    }

    /** Switches this module and all descendants to evaluation mode. */
    public Module eval() {
        return setTraining(false);
    }

    private Module setTraining(boolean mode) {
        training = mode;
        for (Module m : children.values()) m.setTraining(mode);
        return this;
    }

    /** True in training mode. */
    public boolean isTraining() {
        return training;
    }

    /** Clears the gradients of all parameters. */
    public void zeroGrad() {
        for (Tensor p : parameters()) p.zeroGrad();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
