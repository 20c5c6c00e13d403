package glassbox.text;

import glassbox.tensor.Tensor;

/**
 * Turns text into a sequence of integer token ids and back: the first and last step of every language
 * model. Ids run from 0 to {@link #vocabSize()} - 1; {@link #token(int)} shows what an id stands for.
 */
public interface Tokenizer {

    /** The ids of {@code text}. */
    int[] encode(String text);

    /** The text of {@code ids}. */
    String decode(int[] ids);

    /** How many different ids there are. */
    int vocabSize();

    /** The text a single id stands for. */
    String token(int id);

    /** {@link #encode} as a 1-D float tensor of ids [n], ready for an embedding layer. */
    default Tensor encodeTensor(String text) {
        int[] ids = encode(text);
        float[] values = new float[ids.length];
        for (int i = 0; i < ids.length; i++) values[i] = ids[i];
        return Tensor.fromArray(values, ids.length);
    }

    /** {@link #decode} for a tensor of ids (any shape, read in row-major order). */
    default String decode(Tensor ids) {
        float[] values = ids.toFloatArray();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) out[i] = Math.round(values[i]);
        return decode(out);
    }
}
