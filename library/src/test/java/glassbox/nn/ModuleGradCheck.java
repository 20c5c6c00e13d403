package glassbox.nn;

import static org.junit.jupiter.api.Assertions.fail;

import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gradient check for modules: compares the gradients backward() leaves in a module's parameters (and
 * in any input tensors) with central differences, L(p + h) - L(p - h) / 2h, where
 * L = sum_i w_i f()_i with fixed random weights w (so every output element matters).
 * Unlike GradCheck, which checks a function of its arguments, this perturbs the tensors in place,
 * so f may read them from anywhere (a module's parameters).
 */
final class ModuleGradCheck {
    private ModuleGradCheck() {
    }

    static void check(String what, Supplier<Tensor> f, Module module, Tensor... inputs) {
        List<Tensor> all = new ArrayList<>(module.parameters());
        all.addAll(Arrays.asList(inputs));
        List<String> names = new ArrayList<>(module.namedParameters().keySet());
        for (int i = 0; i < inputs.length; i++) names.add("input " + i);
        check(what, f, all, names);
    }

    static void check(String what, Supplier<Tensor> f, List<Tensor> tensors, List<String> names) {
        for (Tensor t : tensors) t.zeroGrad();
        Tensor out = f.get();
        float[] w = new float[out.numel()];
        Generator gen = new Generator(42);
        for (int i = 0; i < w.length; i++) w[i] = (gen.nextFloat() < 0.5f ? -1 : 1) * (0.5f + gen.nextFloat());
        out.backward(Tensor.fromArray(w.clone(), out.shape()));
        StringBuilder failures = new StringBuilder();
        for (int k = 0; k < tensors.size(); k++) {
            Tensor t = tensors.get(k);
            float[] analytic = t.grad() == null ? new float[t.numel()] : t.grad().toFloatArray();
            float[] v = t.data();
            for (int j = 0; j < v.length; j++) {
                float x = v[j];
                float h = 1e-2f * Math.max(1, Math.abs(x));
                v[j] = x + h;
                double plus = evaluate(f, w);
                v[j] = x - h;
                double minus = evaluate(f, w);
                v[j] = x;
                double numeric = (plus - minus) / (2 * h);
                double err = Math.abs(analytic[j] - numeric) / Math.max(Math.max(Math.abs(analytic[j]), Math.abs(numeric)), 0.1);
                if (!(err <= 1e-2)) {
                    failures.append(String.format("%n  %s[%d]: backward %.6f, numerical %.6f", names.get(k), j, analytic[j], numeric));
                }
            }
        }
        if (failures.length() > 0) fail(what + ": gradients differ from central differences:" + failures);
    }

    private static double evaluate(Supplier<Tensor> f, float[] w) {
        try (var s = Tensor.noGrad()) {
            float[] out = f.get().data();
            double l = 0;
            for (int i = 0; i < out.length; i++) l += (double) w[i] * out[i];
            return l;
        }
    }
}
