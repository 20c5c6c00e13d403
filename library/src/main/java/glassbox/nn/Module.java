package glassbox.nn;

import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A piece of a neural network: it holds parameters (tensors that require gradients), buffers (state
 * that is saved but not trained, such as batch norm's running mean) and child modules, and computes
 * {@link #forward}. Like PyTorch's {@code nn.Module}.
 *
 * <p>Subclasses register what they own in their constructor:
 * <pre>{@code
 * weight = registerParameter("weight", Tensor.randn(out, in));
 * act = registerModule("act", new ReLU());
 * }</pre>
 * Then {@link #parameters()} finds every parameter of the tree (for an optimizer),
 * {@link #namedParameters()} names them "layer.weight", and {@link #train()}/{@link #eval()} switch
 * the mode of the whole tree (dropout and batch norm behave differently in training).
 *
 * <p><b>forward and call.</b> Subclasses implement {@link #forward}. {@link #call} runs forward and
 * also the hooks registered on the module ({@link #registerForwardHook}, {@link #registerBackwardHook});
 * containers such as {@link Sequential} call their children through {@link #call}, so hooks see every
 * layer (this is how {@link #summary} finds output shapes and {@link LayerRecorder} collects activations).
 * When you write your own module with children, call them with {@code child.call(x)} too.
 */
public abstract class Module {
    private final Map<String, Tensor> params = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;
    private List<ForwardHook> forwardHooks;
    private List<BackwardHook> backwardHooks;

    /** Computes this module's output for input {@code x}. */
    public abstract Tensor forward(Tensor x);

    /** Runs {@link #forward} and this module's hooks: what containers use to run a child. */
    public final Tensor call(Tensor x) {
        Tensor out = forward(x);
        if (forwardHooks != null) {
            for (ForwardHook h : List.copyOf(forwardHooks)) h.onForward(this, x, out);
        }
        if (backwardHooks != null && out.requiresGrad()) {
            List<BackwardHook> hooks = List.copyOf(backwardHooks);
            out.registerHook(g -> {
                for (BackwardHook h : hooks) h.onBackward(this, g);
            });
        }
        return out;
    }

    // =============================================================================================
    // Registration
    // =============================================================================================

    /** Registers a parameter: marks it as requiring a gradient and names it. Returns it. */
    protected Tensor registerParameter(String name, Tensor value) {
        checkFree(name);
        value.requiresGrad(true).label(name);
        params.put(name, value);
        return value;
    }

    /**
     * Registers a buffer: a tensor that belongs to the module's state (saved by {@link #stateDict()})
     * but is not trained, e.g. batch norm's running mean. Returns it.
     */
    protected Tensor registerBuffer(String name, Tensor value) {
        checkFree(name);
        value.label(name);
        buffers.put(name, value);
        return value;
    }

    /** Registers a child module under {@code name}. Returns it. */
    protected <M extends Module> M registerModule(String name, M module) {
        checkFree(name);
        children.put(name, module);
        return module;
    }

    private void checkFree(String name) {
        if (params.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the name '" + name + "' is already used");
        }
    }

    // =============================================================================================
    // The tree: parameters, buffers, modules
    // =============================================================================================

    /** This module's own parameters (not its children's), by name. */
    public Map<String, Tensor> localParameters() {
        return Collections.unmodifiableMap(params);
    }

    /** This module's own buffers (not its children's), by name. */
    public Map<String, Tensor> localBuffers() {
        return Collections.unmodifiableMap(buffers);
    }

    /** Every parameter of this module and its descendants, named by path ("0.weight", "encoder.bias"). */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> e : namedModules().entrySet()) {
            String prefix = e.getKey().isEmpty() ? "" : e.getKey() + ".";
            e.getValue().params.forEach((n, p) -> out.put(prefix + n, p));
        }
        return out;
    }

    /** Every buffer of this module and its descendants, named by path. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> e : namedModules().entrySet()) {
            String prefix = e.getKey().isEmpty() ? "" : e.getKey() + ".";
            e.getValue().buffers.forEach((n, b) -> out.put(prefix + n, b));
        }
        return out;
    }

    /** Every parameter of the tree, in registration order (what an optimizer needs). */
    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** The direct children, by name. */
    public Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(children);
    }

    /** This module (named "") and all descendants, depth first, named by path ("0", "block.conv1"). */
    public Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collectModules("", out);
        return out;
    }

    private void collectModules(String path, Map<String, Module> out) {
        out.put(path, this);
        children.forEach((n, m) -> m.collectModules(path.isEmpty() ? n : path + "." + n, out));
    }

    /** This module and all descendants, depth first. */
    public List<Module> modules() {
        return new ArrayList<>(namedModules().values());
    }

    /**
     * Calls {@code fn} on every descendant and then on this module, like PyTorch's {@code apply};
     * the usual use is initialisation:
     * <pre>{@code model.apply(m -> { if (m instanceof Linear l) Init.xavierUniform_(l.weight()); });}</pre>
     */
    public Module apply(Consumer<Module> fn) {
        for (Module m : children.values()) m.apply(fn);
        fn.accept(this);
        return this;
    }

    /** Total number of parameter values (weights and biases) in this module and its descendants. */
    public long parameterCount() {
        long n = 0;
        for (Tensor p : parameters()) n += p.numel();
        return n;
    }

    // =============================================================================================
    // Modes and gradients
    // =============================================================================================

    /** Switches this module and all descendants to training mode (dropout active, batch statistics). */
    public Module train() {
        return setTraining(true);
    }

    /** Switches this module and all descendants to evaluation mode. */
    public Module eval() {
        return setTraining(false);
    }

    /** Sets training mode ({@code true}) or evaluation mode for this module and all descendants. */
    public Module setTraining(boolean mode) {
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

    // =============================================================================================
    // State: saving and loading
    // =============================================================================================

    /**
     * Every parameter and buffer of the tree by path: the state a saved model needs. The tensors are
     * the module's own (not copies); see {@link glassbox.nn.Safetensors} to write them to a file.
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Module> e : namedModules().entrySet()) {
            String prefix = e.getKey().isEmpty() ? "" : e.getKey() + ".";
            Module m = e.getValue();
            m.params.forEach((n, p) -> out.put(prefix + n, p));
            m.buffers.forEach((n, b) -> out.put(prefix + n, b));
        }
        return out;
    }

    /**
     * Copies the values of {@code state} into this module's parameters and buffers (in place, so an
     * optimizer holding them keeps working). Every name must be present with the same shape, and no
     * unknown names are allowed; the error lists what is missing or extra.
     */
    public void loadStateDict(Map<String, Tensor> state) {
        loadStateDict(state, true);
    }

    /** Like {@link #loadStateDict(Map)}; with {@code strict = false}, missing and extra names are skipped. */
    public void loadStateDict(Map<String, Tensor> state, boolean strict) {
        Map<String, Tensor> own = stateDict();
        if (strict) {
            List<String> missing = new ArrayList<>();
            for (String k : own.keySet()) if (!state.containsKey(k)) missing.add(k);
            List<String> extra = new ArrayList<>();
            for (String k : state.keySet()) if (!own.containsKey(k)) extra.add(k);
            if (!missing.isEmpty() || !extra.isEmpty()) {
                throw new IllegalArgumentException("loadStateDict: the state does not fit " + getClass().getSimpleName()
                        + (missing.isEmpty() ? "" : "; missing: " + missing) + (extra.isEmpty() ? "" : "; unexpected: " + extra)
                        + " (use loadStateDict(state, false) to load only the names that match)");
            }
        }
        try (var s = Tensor.noGrad()) {
            for (Map.Entry<String, Tensor> e : own.entrySet()) {
                Tensor src = state.get(e.getKey());
                if (src == null) continue;
                Tensor dst = e.getValue();
                if (!Arrays.equals(src.shape(), dst.shape())) {
                    throw new IllegalArgumentException("loadStateDict: '" + e.getKey() + "' has shape "
                            + Arrays.toString(src.shape()) + " in the state but " + Arrays.toString(dst.shape()) + " in the model");
                }
                dst.copy_(src);
            }
        }
    }

    // =============================================================================================
    // Hooks
    // =============================================================================================

    /** Called after this module's forward with its input and output. */
    @FunctionalInterface
    public interface ForwardHook {
        /** Sees the module, its input and its output. */
        void onForward(Module module, Tensor input, Tensor output);
    }

    /** Called during backward with dL/d(output) of this module, once that gradient is complete. */
    @FunctionalInterface
    public interface BackwardHook {
        /** Sees the module and the gradient of its output. */
        void onBackward(Module module, Tensor gradOutput);
    }

    /** A registered hook; {@link #remove()} unregisters it. Closing it removes it too. */
    public interface HookHandle extends AutoCloseable {
        /** Unregisters the hook. */
        void remove();

        @Override
        default void close() {
            remove();
        }
    }

    /** Runs {@code hook} after every {@link #call} of this module. */
    public HookHandle registerForwardHook(ForwardHook hook) {
        if (forwardHooks == null) forwardHooks = new ArrayList<>();
        forwardHooks.add(hook);
        return () -> forwardHooks.remove(hook);
    }

    /** Runs {@code hook} with the gradient of this module's output during backward (via Tensor.registerHook). */
    public HookHandle registerBackwardHook(BackwardHook hook) {
        if (backwardHooks == null) backwardHooks = new ArrayList<>();
        backwardHooks.add(hook);
        return () -> backwardHooks.remove(hook);
    }

    // =============================================================================================
    // Summary
    // =============================================================================================

    /**
     * A table of the layers: name, type, output shape and parameter count. It runs one forward pass
     * (in evaluation mode, without gradients) on zeros of {@code inputShape} to find the output shapes;
     * the modes are restored afterwards.
     */
    public ModelSummary summary(int... inputShape) {
        return summary(Tensor.zeros(inputShape));
    }

    /** Like {@link #summary(int...)} with a given example input (e.g. token indices for an Embedding). */
    public ModelSummary summary(Tensor example) {
        Map<String, Module> mods = namedModules();
        Map<Module, int[]> shapes = new IdentityHashMap<>();
        Map<Module, Boolean> modes = new IdentityHashMap<>();
        List<HookHandle> handles = new ArrayList<>();
        for (Module m : mods.values()) {
            modes.put(m, m.training);
            handles.add(m.registerForwardHook((mod, in, out) -> shapes.put(mod, out.shape())));
        }
        int[] outShape;
        try (var s = Tensor.noGrad()) {
            eval();
            outShape = call(example).shape();
        } finally {
            for (HookHandle h : handles) h.remove();
            modes.forEach((m, t) -> m.training = t);
        }
        List<ModelSummary.Row> rows = new ArrayList<>();
        for (Map.Entry<String, Module> e : mods.entrySet()) {
            if (e.getKey().isEmpty()) continue;
            Module m = e.getValue();
            int depth = e.getKey().split("\\.").length - 1;
            rows.add(new ModelSummary.Row(e.getKey(), depth, m.getClass().getSimpleName(), shapes.get(m),
                    m.parameterCount(), m.children.isEmpty()));
        }
        long trainable = 0;
        for (Tensor p : parameters()) if (p.requiresGrad()) trainable += p.numel();
        return new ModelSummary(getClass().getSimpleName(), example.shape(), outShape, rows, parameterCount(), trainable);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
