package glassbox.nn.init;

import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;

/**
 * Weight initialisation, in place (names end in _ like {@code torch.nn.init}).
 *
 * <p><b>Fan-in and fan-out.</b> A weight of shape [out, in] (Linear) or [out, in, kh, kw] (Conv2d)
 * feeds each output from fanIn = in * kh * kw inputs and sends each input to fanOut = out * kh * kw
 * outputs. If the weights have variance v, an output's variance is about fanIn * v times its inputs'
 * variance (and a gradient's about fanOut * v on the way back). Good schemes choose v so that signals
 * neither shrink nor blow up from layer to layer:
 * <ul>
 *   <li><b>Glorot/Xavier</b> (for tanh and sigmoid): v = gain^2 * 2 / (fanIn + fanOut), a compromise
 *       between the forward and the backward pass. Uniform: U(-a, a) with a = gain sqrt(6 / (fanIn + fanOut)).</li>
 *   <li><b>He/Kaiming</b> (for ReLU, which zeroes half of its inputs): v = 2 / fan (gain sqrt(2)).
 *       Uniform: bound = gain sqrt(3 / fan).</li>
 *   <li><b>Orthogonal</b>: a random orthogonal matrix keeps the length of every vector (for RNNs).</li>
 * </ul>
 * Every method takes an optional {@link Generator}; without it the default (seeded by
 * {@code Tensor.manualSeed}) is used. They work on parameters too (they write inside no-grad).
 */
public final class Init {
    private Init() {
    }

    /** Inputs feeding each output: shape[1] times the kernel size (shape[0] for a 1-D tensor). */
    public static int fanIn(Tensor t) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("fanIn: needs a weight with at least 2 dimensions, got shape "
                    + java.util.Arrays.toString(t.shape()));
        }
        return t.size(1) * receptiveField(t);
    }

    /** Outputs fed by each input: shape[0] times the kernel size. */
    public static int fanOut(Tensor t) {
        if (t.dim() < 2) {
            throw new IllegalArgumentException("fanOut: needs a weight with at least 2 dimensions, got shape "
                    + java.util.Arrays.toString(t.shape()));
        }
        return t.size(0) * receptiveField(t);
    }

    private static int receptiveField(Tensor t) {
        int r = 1;
        for (int d = 2; d < t.dim(); d++) r *= t.size(d);
        return r;
    }

    /**
     * The recommended gain for a nonlinearity: 1 for linear/sigmoid, 5/3 for tanh, sqrt(2) for relu,
     * sqrt(2 / (1 + slope^2)) for leaky_relu.
     */
    public static float calculateGain(String nonlinearity, float param) {
        switch (nonlinearity) {
            case "linear": case "conv1d": case "conv2d": case "sigmoid": return 1f;
            case "tanh": return 5f / 3f;
            case "relu": return (float) Math.sqrt(2);
            case "leaky_relu": return (float) Math.sqrt(2.0 / (1 + param * param));
            case "selu": return 0.75f;
            default: throw new IllegalArgumentException("calculateGain: unknown nonlinearity '" + nonlinearity
                    + "' (use linear, sigmoid, tanh, relu or leaky_relu)");
        }
    }

    /** Gain for a nonlinearity without parameter (leaky_relu uses slope 0.01). */
    public static float calculateGain(String nonlinearity) {
        return calculateGain(nonlinearity, 0.01f);
    }

    // ---- writing values -------------------------------------------------------------------------

    private static Tensor write(Tensor t, float[] values) {
        try (var s = Tensor.noGrad()) {
            t.copy_(Tensor.fromArray(values, t.shape()));
        }
        return t;
    }

    /** U(a, b) in place. */
    public static Tensor uniform_(Tensor t, float a, float b, Generator gen) {
        float[] v = new float[t.numel()];
        for (int i = 0; i < v.length; i++) v[i] = a + (b - a) * gen.nextFloat();
        return write(t, v);
    }

    /** U(a, b) in place, default generator. */
    public static Tensor uniform_(Tensor t, float a, float b) {
        return uniform_(t, a, b, Generator.getDefault());
    }

    /** N(mean, std^2) in place. */
    public static Tensor normal_(Tensor t, float mean, float std, Generator gen) {
        float[] v = new float[t.numel()];
        for (int i = 0; i < v.length; i++) v[i] = mean + std * gen.nextGaussian();
        return write(t, v);
    }

    /** N(mean, std^2) in place, default generator. */
    public static Tensor normal_(Tensor t, float mean, float std) {
        return normal_(t, mean, std, Generator.getDefault());
    }

    /** Every value = c. */
    public static Tensor constant_(Tensor t, float c) {
        try (var s = Tensor.noGrad()) {
            return t.fill_(c);
        }
    }

    /** Every value = 0. */
    public static Tensor zeros_(Tensor t) {
        return constant_(t, 0f);
    }

    /** Every value = 1. */
    public static Tensor ones_(Tensor t) {
        return constant_(t, 1f);
    }

    // ---- Glorot / Xavier ------------------------------------------------------------------------

    /** Glorot uniform: U(-a, a), a = gain sqrt(6 / (fanIn + fanOut)). */
    public static Tensor xavierUniform_(Tensor t, float gain, Generator gen) {
        float a = (float) (gain * Math.sqrt(6.0 / (fanIn(t) + fanOut(t))));
        return uniform_(t, -a, a, gen);
    }

    /** Glorot uniform with gain 1. */
    public static Tensor xavierUniform_(Tensor t) {
        return xavierUniform_(t, 1f, Generator.getDefault());
    }

    /** Glorot normal: N(0, std^2), std = gain sqrt(2 / (fanIn + fanOut)). */
    public static Tensor xavierNormal_(Tensor t, float gain, Generator gen) {
        float std = (float) (gain * Math.sqrt(2.0 / (fanIn(t) + fanOut(t))));
        return normal_(t, 0f, std, gen);
    }

    /** Glorot normal with gain 1. */
    public static Tensor xavierNormal_(Tensor t) {
        return xavierNormal_(t, 1f, Generator.getDefault());
    }

    // ---- He / Kaiming ---------------------------------------------------------------------------

    /**
     * He uniform: U(-bound, bound), bound = gain sqrt(3 / fan) with gain = sqrt(2 / (1 + a^2)) for a
     * leaky ReLU of negative slope a (a = 0: ReLU). fan = fanIn (keeps forward variance) or fanOut
     * (keeps backward variance).
     */
    public static Tensor kaimingUniform_(Tensor t, float a, boolean fanInMode, Generator gen) {
        int fan = fanInMode ? fanIn(t) : fanOut(t);
        double gain = Math.sqrt(2.0 / (1 + a * a));
        float bound = (float) (gain * Math.sqrt(3.0 / fan));
        return uniform_(t, -bound, bound, gen);
    }

    /** He uniform for ReLU, fan-in mode. */
    public static Tensor kaimingUniform_(Tensor t) {
        return kaimingUniform_(t, 0f, true, Generator.getDefault());
    }

    /** He normal: N(0, std^2), std = gain / sqrt(fan). */
    public static Tensor kaimingNormal_(Tensor t, float a, boolean fanInMode, Generator gen) {
        int fan = fanInMode ? fanIn(t) : fanOut(t);
        float std = (float) (Math.sqrt(2.0 / (1 + a * a)) / Math.sqrt(fan));
        return normal_(t, 0f, std, gen);
    }

    /** He normal for ReLU, fan-in mode. */
    public static Tensor kaimingNormal_(Tensor t) {
        return kaimingNormal_(t, 0f, true, Generator.getDefault());
    }

    // ---- orthogonal -----------------------------------------------------------------------------

    /**
     * A (semi-)orthogonal matrix times gain: the weight, seen as rows = shape[0] by cols = the rest,
     * gets orthonormal rows (if rows <= cols) or columns. Made by Gram-Schmidt orthogonalisation of a
     * random normal matrix (the QR decomposition, with signs fixed so the result is uniformly distributed).
     */
    public static Tensor orthogonal_(Tensor t, float gain, Generator gen) {
        if (t.dim() < 2) throw new IllegalArgumentException("orthogonal_: needs at least 2 dimensions, got shape "
                + java.util.Arrays.toString(t.shape()));
        int rows = t.size(0), cols = t.numel() / rows;
        boolean transpose = rows < cols;
        int m = transpose ? cols : rows, n = transpose ? rows : cols; // m >= n: orthonormalise n columns of length m
        double[][] q = new double[n][m];
        for (int j = 0; j < n; j++) for (int i = 0; i < m; i++) q[j][i] = gen.nextGaussian();
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < m; i++) dot += q[j][i] * q[k][i];
                for (int i = 0; i < m; i++) q[j][i] -= dot * q[k][i];
            }
            double norm = 0;
            for (int i = 0; i < m; i++) norm += q[j][i] * q[j][i];
            norm = Math.sqrt(norm);
            for (int i = 0; i < m; i++) q[j][i] /= norm;
        }
        float[] v = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                v[r * cols + c] = (float) (gain * (transpose ? q[r][c] : q[c][r]));
            }
        }
        return write(t, v);
    }

    /** Orthogonal with gain 1. */
    public static Tensor orthogonal_(Tensor t) {
        return orthogonal_(t, 1f, Generator.getDefault());
    }
}
