package glassbox.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level tokenizer: text is cut into words and punctuation marks ({@link #tokenize}); every word
 * seen at least {@code minFrequency} times in the training text gets an id, the rest become
 * {@code <unk>}. Ids 0..3 are the special tokens {@code <pad>}, {@code <unk>}, {@code <bos>},
 * {@code <eos>}; then the words, most frequent first (ties alphabetical).
 *
 * <p>Decoding joins tokens with spaces (none before , . ; : ! ? and closing brackets), so
 * it restores the words but not the original spacing; unknown words come back as {@code <unk>}.
 */
public final class WordTokenizer implements Tokenizer {
    public static final String PAD = "<pad>";
    public static final String UNK = "<unk>";
    public static final String BOS = "<bos>";
    public static final String EOS = "<eos>";
    public static final List<String> SPECIALS = List.of(PAD, UNK, BOS, EOS);

    /** A word (letters and digits, with inner apostrophes or hyphens: "don't", "well-bred"), or one other symbol. */
    static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*|[^\\s\\p{L}\\p{N}]");

    private final List<String> vocabulary;
    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<String, Integer> frequencies;
    private final boolean lowercase;

    private WordTokenizer(List<String> vocabulary, Map<String, Integer> frequencies, boolean lowercase) {
        this.vocabulary = List.copyOf(vocabulary);
        for (int i = 0; i < vocabulary.size(); i++) ids.put(vocabulary.get(i), i);
        this.frequencies = frequencies;
        this.lowercase = lowercase;
    }

    /** Words seen at least {@code minFrequency} times, case kept. */
    public static WordTokenizer fit(String text, int minFrequency) {
        return fit(text, minFrequency, false);
    }

    /** Words seen at least {@code minFrequency} times; with {@code lowercase}, "The" and "the" are one word. */
    public static WordTokenizer fit(String text, int minFrequency, boolean lowercase) {
        if (minFrequency < 1) throw new IllegalArgumentException("minFrequency must be >= 1, got " + minFrequency);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String t : split(text, lowercase)) counts.merge(t, 1, Integer::sum);
        List<String> words = new ArrayList<>();
        for (var e : counts.entrySet()) if (e.getValue() >= minFrequency && !SPECIALS.contains(e.getKey())) words.add(e.getKey());
        words.sort(Comparator.comparing((String w) -> -counts.get(w)).thenComparing(Comparator.naturalOrder()));
        List<String> vocabulary = new ArrayList<>(SPECIALS);
        vocabulary.addAll(words);
        return new WordTokenizer(vocabulary, counts, lowercase);
    }

    /** The words and punctuation marks of {@code text}, in order (lowercased if this tokenizer lowercases). */
    public List<String> tokenize(String text) {
        return split(text, lowercase);
    }

    private static List<String> split(String text, boolean lowercase) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(lowercase ? text.toLowerCase(Locale.ROOT) : text);
        while (m.find()) tokens.add(m.group());
        return tokens;
    }

    @Override
    public int[] encode(String text) {
        List<String> tokens = tokenize(text);
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) out[i] = ids.getOrDefault(tokens.get(i), 1);
        return out;
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (int id : ids) {
            String t = token(id);
            boolean glue = previous == null || t.matches("[,.;:!?)\\]}’”]") || previous.matches("[(\\[{“]");
            if (!glue) out.append(' ');
            out.append(t);
            previous = t;
        }
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

    /** The id of {@code word}, or the id of {@code <unk>} (1) if it is not in the vocabulary. */
    public int id(String word) {
        return ids.getOrDefault(lowercase ? word.toLowerCase(Locale.ROOT) : word, 1);
    }

    /** How often {@code word} occurred in the training text (0 if never). */
    public int frequency(String word) {
        return frequencies.getOrDefault(lowercase ? word.toLowerCase(Locale.ROOT) : word, 0);
    }

    /** Specials then words, in id order. */
    public List<String> vocabulary() {
        return vocabulary;
    }

    @Override
    public String toString() {
        return "WordTokenizer(" + vocabulary.size() + " tokens, " + (frequencies.size() - vocabulary.size() + 4)
                + " rare words mapped to <unk>)";
    }
}
