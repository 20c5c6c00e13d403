package glassbox.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The Vector API loops of {@link FastActivations}; each returns where the scalar tail must start. */
final class FastActivationsSimd {
    private FastActivationsSimd() {
    }

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;

    static boolean supported() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
    }

    static int sigmoid(float[] x, int from, int to) {
        int i = from;
        for (; i + S.length() <= to; i += S.length()) {
            FloatVector e = FloatVector.fromArray(S, x, i).neg().lanewise(VectorOperators.EXP).add(1f);
            FloatVector.broadcast(S, 1f).div(e).intoArray(x, i);
        }
        return i;
    }

    static int tanh(float[] x, int from, int to) {
        int i = from;
        for (; i + S.length() <= to; i += S.length()) {
            FloatVector.fromArray(S, x, i).lanewise(VectorOperators.TANH).intoArray(x, i);
        }
        return i;
    }
}
