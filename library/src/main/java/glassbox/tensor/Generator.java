package glassbox.tensor;

import java.util.Random;

/**
 * A seedable source of random numbers for {@code rand}, {@code randn}, shuffling, dropout and
 * initialisation. The same seed gives the same numbers on every JDK and every machine
 * ({@link java.util.Random}'s algorithm is fixed by its specification).
 *
 * <p>Like {@code torch.manual_seed}, {@link Tensor#manualSeed(long)} reseeds the default generator.
 */
public final class Generator {
    private static final Generator DEFAULT = new Generator(0);

    private final Random random;

    /** A generator with its own stream, starting from {@code seed}. */
    public Generator(long seed) {
        this.random = new Random(seed);
    }

    /** The generator used when none is given. */
    public static Generator getDefault() {
        return DEFAULT;
    }

    /** Restarts this generator's stream from {@code seed}. */
    public synchronized Generator manualSeed(long seed) {
        random.setSeed(seed);
        return this;
    }

    /** Uniform in [0, 1). */
    public synchronized float nextFloat() {
        return random.nextFloat();
    }

    /** Standard normal: mean 0, standard deviation 1. */
    public synchronized float nextGaussian() {
        return (float) random.nextGaussian();
    }

    /** Uniform integer in [0, bound). */
    public synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A random permutation of 0..n-1 (Fisher-Yates shuffle). */
    public synchronized int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
