package glassbox.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Character-level tokenizer: every distinct character (Unicode code point) of the training text is a
 * token, numbered in sorted order. {@code decode(encode(s)) == s} for any text made of those characters.
 *
 * <p>A character the vocabulary does not know is an error, unless the tokenizer was fitted with an
 * unknown character (e.g. "?" or "\uFFFD"), which then stands in for it.
 */
public final class CharTokenizer implements Tokenizer {
    private final List<String> vocabulary;
    private final Map<Integer, Integer> ids = new HashMap<>();
    private final int unknownId;

    private CharTokenizer(List<String> vocabulary, int unknownId) {
        this.vocabulary = List.copyOf(vocabulary);
        for (int i = 0; i < vocabulary.size(); i++) ids.put(vocabulary.get(i).codePointAt(0), i);
        this.unknownId = unknownId;
    }

    /** The distinct characters of {@code text}, sorted; unknown characters are refused. */
    public static CharTokenizer fit(String text) {
        return new CharTokenizer(sortedCharacters(text, null), -1);
    }

    /** As {@link #fit(String)}, and every unknown character encodes as {@code unknown} (one character). */
    public static CharTokenizer fit(String text, String unknown) {
        if (unknown == null || unknown.codePointCount(0, unknown.length()) != 1) {
            throw new IllegalArgumentException("the unknown token of a character tokenizer must be one character, got '"
                    + unknown + "'");
        }
        List<String> vocabulary = sortedCharacters(text, unknown);
        return new CharTokenizer(vocabulary, vocabulary.indexOf(unknown));
    }

    private static List<String> sortedCharacters(String text, String extra) {
        TreeSet<Integer> codePoints = new TreeSet<>();
        text.codePoints().forEach(codePoints::add);
        if (extra != null) codePoints.add(extra.codePointAt(0));
        List<String> vocabulary = new ArrayList<>();
        for (int cp : codePoints) vocabulary.add(new String(Character.toChars(cp)));
        return vocabulary;
    }

    @Override
    public int[] encode(String text) {
        return text.codePoints().map(cp -> {
            Integer id = ids.get(cp);
            if (id != null) return id;
            if (unknownId >= 0) return unknownId;
            throw new IllegalArgumentException("character '" + new String(Character.toChars(cp)) + "' (U+"
                    + String.format("%04X", cp) + ") is not in the vocabulary of " + vocabulary.size()
                    + " characters; fit on a text that contains it, or use CharTokenizer.fit(text, \"?\") to map "
                    + "unknown characters to '?'");
        }).toArray();
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder();
        for (int id : ids) out.append(token(id));
        return out.toString();
    }

    @Override
    public int vocabSize() {
        return vocabulary.size();
    }

    @Override
    public String token(int id) {
        if (id < 0 || id >= vocabulary.size()) {
            throw new IllegalArgumentException("token id " + id + " outside 0.." + (vocabulary.size() - 1));
        }
        return vocabulary.get(id);
    }

    /** The characters, in id order. */
    public List<String> vocabulary() {
        return vocabulary;
    }

    @Override
    public String toString() {
        return "CharTokenizer(" + vocabulary.size() + " characters)";
    }
}
