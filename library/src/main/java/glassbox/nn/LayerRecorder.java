package glassbox.nn;

import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Records, for every chosen layer of a model, its output (activation) in the forward pass and the
 * gradient of that output in the backward pass: the data of the "vanishing gradients" histograms.
 * <pre>{@code
 * try (LayerRecorder rec = LayerRecorder.attach(model, m -> m instanceof Tanh)) {
 *     loss(model.call(x)).backward();
 *     rec.activations();   // layer name -> output values of the last forward
 *     rec.gradients();     // layer name -> dL/d(output) of the last backward
 *     Plot.histograms(rec.gradients());   // one histogram per layer, on a shared axis
 * }
 * }</pre>
 * The recorded tensors are copies, outside the graph. {@link #close()} removes the hooks.
 */
public final class LayerRecorder implements AutoCloseable {
    private final Map<String, Tensor> activations = new LinkedHashMap<>();
    private final Map<String, Tensor> gradients = new LinkedHashMap<>();
    private final List<Module.HookHandle> handles = new ArrayList<>();

    private LayerRecorder() {
    }

    /** Records every layer without children (Linear, ReLU, Conv2d, ...). */
    public static LayerRecorder attach(Module model) {
        return attach(model, m -> m.namedChildren().isEmpty());
    }

    /** Records the layers that {@code which} accepts, e.g. {@code m -> m instanceof Tanh}. */
    public static LayerRecorder attach(Module model, Predicate<Module> which) {
        LayerRecorder r = new LayerRecorder();
        for (Map.Entry<String, Module> e : model.namedModules().entrySet()) {
            if (e.getKey().isEmpty() || !which.test(e.getValue())) continue;
            String name = e.getKey() + " (" + e.getValue().getClass().getSimpleName() + ")";
            r.handles.add(e.getValue().registerForwardHook((m, in, out) -> r.activations.put(name, out.detach().copy())));
            r.handles.add(e.getValue().registerBackwardHook((m, g) -> r.gradients.put(name, g.copy())));
        }
        return r;
    }

    /** Layer name ("2 (Tanh)") -> its output in the last forward pass, in model order. */
    public Map<String, Tensor> activations() {
        return Collections.unmodifiableMap(activations);
    }

    /** Layer name -> dL/d(its output) in the last backward pass (in the order backward reached them). */
    public Map<String, Tensor> gradients() {
        Map<String, Tensor> ordered = new LinkedHashMap<>();
        for (String k : activations.keySet()) if (gradients.containsKey(k)) ordered.put(k, gradients.get(k));
        gradients.forEach(ordered::putIfAbsent);
        return Collections.unmodifiableMap(ordered);
    }

    /** Mean and standard deviation of each layer's activations and gradients, one line per layer. */
    public String statistics() {
        StringBuilder b = new StringBuilder(String.format("%-24s %12s %12s %12s %12s%n", "layer", "act mean", "act std", "grad mean", "grad std"));
        for (Map.Entry<String, Tensor> e : activations.entrySet()) {
            Tensor g = gradients.get(e.getKey());
            double[] a = meanStd(e.getValue()), d = g == null ? new double[] {Double.NaN, Double.NaN} : meanStd(g);
            b.append(String.format("%-24s %12.4g %12.4g %12.4g %12.4g%n", e.getKey(), a[0], a[1], d[0], d[1]));
        }
        return b.toString();
    }

    /** {mean, standard deviation} of a tensor's values. */
    public static double[] meanStd(Tensor t) {
        float[] v = t.data();
        double s = 0, sq = 0;
        for (float x : v) s += x;
        double mean = s / v.length;
        for (float x : v) sq += (x - mean) * (x - mean);
        return new double[] {mean, Math.sqrt(sq / v.length)};
    }

    /** Forgets what was recorded (the hooks stay). */
    public void clear() {
        activations.clear();
        gradients.clear();
    }

    /** Removes the hooks. */
    @Override
    public void close() {
        for (Module.HookHandle h : handles) h.remove();
        handles.clear();
    }
}
