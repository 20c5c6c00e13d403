package glassbox.nn;

import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Text generation from any model that gives next-token logits: autoregression, one token at a time,
 * each choice appended to the context and fed back.
 * <ul>
 *   <li>{@link #greedy}: always the most likely token (deterministic, often repetitive).</li>
 *   <li>{@link #sample}: draw from softmax(logits / temperature), optionally only among the top k:
 *       temperature &lt; 1 sharpens the distribution (towards greedy as it goes to 0), &gt; 1 flattens it.</li>
 *   <li>{@link #beamSearch}: keep the {@code beamSize} best partial sequences by total log-probability,
 *       extend each by every token, keep the best again; compare finished beams by
 *       log P / length^alpha (length normalisation, so longer sequences are not unfairly penalised).
 *       Beam size 1 is greedy.</li>
 * </ul>
 * All methods run without recording a graph and return the prompt followed by the new tokens.
 */
public final class Generation {
    private Generation() {
    }

    /** A model for generation: the next-token logits [vocab] after a context of token ids. */
    @FunctionalInterface
    public interface LanguageModel {
        Tensor nextLogits(int[] context);
    }

    /** One candidate of a beam search: the tokens (prompt included), log P of the new tokens, and its score. */
    public record Beam(int[] tokens, double logProb, double score) {
        @Override
        public String toString() {
            return String.format("Beam(%s, logP=%.4f, score=%.4f)", Arrays.toString(tokens), logProb, score);
        }
    }

    /**
     * Any model that maps token ids [B, T] (float values) to logits [B, T, vocab], e.g. embedding +
     * LSTM + Linear, as a {@link LanguageModel}: it reads the last {@code maxContext} tokens (0 = all) as
     * a batch of one and returns the logits at the last position.
     */
    public static LanguageModel fromSequenceModel(Module model, int maxContext) {
        return context -> {
            int from = maxContext > 0 ? Math.max(0, context.length - maxContext) : 0;
            float[] ids = new float[context.length - from];
            for (int i = 0; i < ids.length; i++) ids[i] = context[from + i];
            Tensor logits = model.forward(Tensor.fromArray(ids, 1, ids.length));
            if (logits.dim() != 3 || logits.size(0) != 1 || logits.size(1) != ids.length) {
                throw new glassbox.tensor.ShapeException("Generation.fromSequenceModel: the model must map ids [1, T] to logits"
                        + " [1, T, vocab], got " + Arrays.toString(logits.shape()) + " for T = " + ids.length);
            }
            return logits.select(0, 0).select(0, ids.length - 1);
        };
    }

    /** softmax(logits / temperature): the distribution {@link #sample} draws from. */
    public static Tensor probabilities(Tensor logits, float temperature) {
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        try (var s = Tensor.noGrad()) {
            return logits.div(temperature).softmax(-1);
        }
    }

    /** Appends the most likely next token {@code maxNewTokens} times. */
    public static int[] greedy(LanguageModel model, int[] prompt, int maxNewTokens) {
        int[] seq = prompt.clone();
        try (var s = Tensor.noGrad()) {
            for (int n = 0; n < maxNewTokens; n++) seq = append(seq, model.nextLogits(seq).argmax());
        }
        return seq;
    }

    /**
     * Appends {@code maxNewTokens} tokens drawn from softmax(logits / temperature), restricted to the
     * {@code topK} most likely tokens (0 = all). Temperature 0 means greedy. Seeded by {@code gen}.
     */
    public static int[] sample(LanguageModel model, int[] prompt, int maxNewTokens, float temperature, int topK, Generator gen) {
        if (temperature < 0) throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        if (temperature == 0) return greedy(model, prompt, maxNewTokens);
        int[] seq = prompt.clone();
        try (var s = Tensor.noGrad()) {
            for (int n = 0; n < maxNewTokens; n++) {
                float[] logits = model.nextLogits(seq).toFloatArray();
                seq = append(seq, draw(logits, temperature, topK, gen));
            }
        }
        return seq;
    }

    /** One token drawn from softmax(logits / temperature) among the topK largest (0 = all). */
    static int draw(float[] logits, float temperature, int topK, Generator gen) {
        int v = logits.length;
        double cutoff = Double.NEGATIVE_INFINITY;
        if (topK > 0 && topK < v) {
            float[] sorted = logits.clone();
            Arrays.sort(sorted);
            cutoff = sorted[v - topK];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) max = Math.max(max, l);
        double[] p = new double[v];
        double sum = 0;
        for (int i = 0; i < v; i++) {
            p[i] = logits[i] < cutoff ? 0 : Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        double u = gen.nextFloat() * sum;
        for (int i = 0; i < v; i++) {
            u -= p[i];
            if (u < 0) return i;
        }
        for (int i = v - 1; i >= 0; i--) if (p[i] > 0) return i;
        return v - 1;
    }

    /**
     * Beam search; returns the best sequence. {@code lengthPenalty} is alpha in log P / length^alpha
     * (0 = no normalisation, 1 = average log-probability per token); {@code eosToken} ends a beam
     * (-1 for none).
     */
    public static int[] beamSearch(LanguageModel model, int[] prompt, int maxNewTokens, int beamSize, float lengthPenalty,
            int eosToken) {
        return beams(model, prompt, maxNewTokens, beamSize, lengthPenalty, eosToken).get(0).tokens();
    }

    /** Beam search; returns the final beams, best first, with their log-probabilities and scores. */
    public static List<Beam> beams(LanguageModel model, int[] prompt, int maxNewTokens, int beamSize, float lengthPenalty,
            int eosToken) {
        if (beamSize < 1) throw new IllegalArgumentException("beamSize must be at least 1, got " + beamSize);
        List<Beam> alive = new ArrayList<>(List.of(new Beam(prompt.clone(), 0, 0)));
        List<Beam> finished = new ArrayList<>();
        try (var s = Tensor.noGrad()) {
            for (int n = 0; n < maxNewTokens && !alive.isEmpty(); n++) {
                List<Beam> candidates = new ArrayList<>();
                for (Beam b : alive) {
                    float[] logp = model.nextLogits(b.tokens()).logSoftmax(-1).toFloatArray();
                    for (int tok : topIndices(logp, beamSize)) {
                        double lp = b.logProb() + logp[tok];
                        int length = n + 1;
                        candidates.add(new Beam(append(b.tokens(), tok), lp, lp / Math.pow(length, lengthPenalty)));
                    }
                }
                candidates.sort(Comparator.comparingDouble(Beam::logProb).reversed());
                alive = new ArrayList<>();
                for (Beam c : candidates) {
                    if (alive.size() == beamSize) break;
                    if (eosToken >= 0 && c.tokens()[c.tokens().length - 1] == eosToken) finished.add(c);
                    else alive.add(c);
                }
            }
        }
        finished.addAll(alive);
        finished.sort(Comparator.comparingDouble(Beam::score).reversed());
        return finished;
    }

    /** Indices of the k largest values, largest first. */
    private static int[] topIndices(float[] v, int k) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Float.compare(v[b], v[a]));
        int[] out = new int[Math.min(k, v.length)];
        for (int i = 0; i < out.length; i++) out[i] = idx[i];
        return out;
    }

    private static int[] append(int[] seq, int token) {
        int[] out = Arrays.copyOf(seq, seq.length + 1);
        out[seq.length] = token;
        return out;
    }
}
