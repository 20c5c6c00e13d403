package glassbox.text;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Byte-pair encoding (Sennrich, Haddow and Birch, 2016), on bytes as in GPT-2: sub-word tokens learned
 * from a corpus, so any text, even a word never seen, encodes without an unknown token.
 *
 * <p><b>Tokens.</b> Ids 0..255 are the 256 byte values (text is UTF-8); ids 256.. are the learned
 * merges, in the order they were learned; then the special tokens, if any.
 *
 * <p><b>Training</b> is the textbook loop: cut the corpus into chunks (a word with its leading space,
 * a number, a run of punctuation or of spaces: merges never cross a chunk), write each chunk as bytes,
 * then repeat {@code merges} times:
 * <ol>
 *   <li>count every pair of adjacent tokens, over all chunks, weighted by how often the chunk occurs;
 *   <li>take the most frequent pair (ties: the pair with the smaller left id, then the smaller right id);
 *   <li>give it a new id and replace it everywhere by that id.
 * </ol>
 * Counting is kept up to date instead of redone: only the chunks containing the merged pair lose their
 * old pairs and gain their new ones.
 *
 * <p><b>Encoding</b> a chunk starts from its bytes and applies the learned merges in the order they
 * were learned (always the earliest-learned pair present) until none applies. {@link #merges()} and
 * {@link #mergeTable()} show what was learned.
 */
public final class BpeTokenizer implements Tokenizer {

    /** Merge number {@code rank}: tokens {@code left} and {@code right} became {@code id}; the pair occurred {@code count} times. */
    public record Merge(int rank, int left, int right, int id, int count) {}

    /** At most this many merges, so that every token id fits in 16 bits (pairs are keyed by one int). */
    public static final int MAX_MERGES = 65536 - 256;

    /** How text is cut into chunks before merging (GPT-2's rule, without its English contractions). */
    static final Pattern CHUNK = Pattern.compile(" ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");

    private final List<byte[]> tokenBytes;
    private final List<Merge> merges;
    private final Map<Integer, Integer> rankOfPair = new HashMap<>();
    private final List<String> specials;
    private final Pattern specialPattern;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    private BpeTokenizer(List<byte[]> tokenBytes, List<Merge> merges, List<String> specials) {
        this.tokenBytes = tokenBytes;
        this.merges = List.copyOf(merges);
        for (Merge m : merges) rankOfPair.put(pair(m.left(), m.right()), m.rank());
        this.specials = List.copyOf(specials);
        this.specialPattern = specialPattern(specials);
    }

    /**
     * Learns {@code merges} merges from {@code text} (fewer if the text runs out of pairs). Special
     * tokens (e.g. {@code "<|endoftext|>"}) are never split and get the last ids.
     */
    public static BpeTokenizer train(String text, int merges, String... specialTokens) {
        if (merges < 0 || merges > MAX_MERGES) {
            throw new IllegalArgumentException("merges must be in 0.." + MAX_MERGES + ", got " + merges);
        }
        List<String> specials = List.of(specialTokens);

        // 1. Distinct chunks of the text and how often each occurs.
        Map<String, Integer> chunkCounts = new LinkedHashMap<>();
        for (String piece : splitOnSpecials(text, specialPattern(specials))) {
            if (specials.contains(piece)) continue;
            for (String chunk : chunks(piece)) chunkCounts.merge(chunk, 1, Integer::sum);
        }
        int[][] words = new int[chunkCounts.size()][];
        int[] counts = new int[chunkCounts.size()];
        int w = 0;
        for (var e : chunkCounts.entrySet()) {
            words[w] = bytesAsTokens(e.getKey());
            counts[w++] = e.getValue();
        }

        // 2. Count every adjacent pair once.
        Map<Integer, Integer> pairCounts = new HashMap<>();
        for (int i = 0; i < words.length; i++) addPairs(pairCounts, words[i], counts[i]);

        // 3. Merge the most frequent pair, again and again.
        List<byte[]> tokenBytes = new ArrayList<>();
        for (int b = 0; b < 256; b++) tokenBytes.add(new byte[] {(byte) b});
        List<Merge> learned = new ArrayList<>();
        for (int rank = 0; rank < merges; rank++) {
            int best = -1;
            int bestCount = 0;
            for (var e : pairCounts.entrySet()) {
                if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                    best = e.getKey();
                    bestCount = e.getValue();
                }
            }
            if (bestCount == 0) break;
            int left = left(best);
            int right = right(best);
            int id = 256 + rank;
            learned.add(new Merge(rank, left, right, id, bestCount));
            tokenBytes.add(concat(tokenBytes.get(left), tokenBytes.get(right)));
            for (int i = 0; i < words.length; i++) {
                if (!contains(words[i], left, right)) continue;
                addPairs(pairCounts, words[i], -counts[i]);
                words[i] = merge(words[i], left, right, id);
                addPairs(pairCounts, words[i], counts[i]);
            }
        }
        return new BpeTokenizer(tokenBytes, learned, specials);
    }

    // ---- encoding and decoding -------------------------------------------------------------------

    @Override
    public int[] encode(String text) {
        List<Integer> out = new ArrayList<>();
        for (String piece : splitOnSpecials(text, specialPattern)) {
            int special = specials.indexOf(piece);
            if (special >= 0) {
                out.add(tokenBytes.size() + special);
                continue;
            }
            for (String chunk : chunks(piece)) {
                for (int id : cache.computeIfAbsent(chunk, this::encodeChunk)) out.add(id);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Bytes of one chunk, merged by always applying the earliest-learned merge present. */
    private int[] encodeChunk(String chunk) {
        int[] tokens = bytesAsTokens(chunk);
        while (tokens.length > 1) {
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < tokens.length; i++) {
                Integer rank = rankOfPair.get(pair(tokens[i], tokens[i + 1]));
                if (rank != null && rank < bestRank) bestRank = rank;
            }
            if (bestRank == Integer.MAX_VALUE) break;
            Merge m = merges.get(bestRank);
            tokens = merge(tokens, m.left(), m.right(), m.id());
        }
        return tokens;
    }

    @Override
    public String decode(int[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int id : ids) bytes.writeBytes(bytesOf(id));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public int vocabSize() {
        return tokenBytes.size() + specials.size();
    }

    /**
     * The text of one token. A token that is not whole UTF-8 (a lone byte of a multi-byte character)
     * is shown with hex escapes, e.g. {@code \xC3}.
     */
    @Override
    public String token(int id) {
        byte[] bytes = bytesOf(id);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            StringBuilder s = new StringBuilder();
            for (byte b : bytes) {
                if (b >= 0x20 && b < 0x7f) s.append((char) b);
                else s.append(String.format("\\x%02X", b & 0xFF));
            }
            return s.toString();
        }
    }

    /** The tokens of {@code text} as strings: how the tokenizer cuts it. */
    public List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        for (int id : encode(text)) out.add(token(id));
        return out;
    }

    /** The UTF-8 bytes a token stands for. */
    public byte[] bytesOf(int id) {
        if (id < 0 || id >= vocabSize()) {
            throw new IllegalArgumentException("token id " + id + " outside 0.." + (vocabSize() - 1));
        }
        if (id >= tokenBytes.size()) return specials.get(id - tokenBytes.size()).getBytes(StandardCharsets.UTF_8);
        return tokenBytes.get(id).clone();
    }

    // ---- inspection ----------------------------------------------------------------------------

    /** The learned merges, in the order they were learned. */
    public List<Merge> merges() {
        return merges;
    }

    /** The special tokens; their ids are {@code vocabSize() - specials().size()} onwards. */
    public List<String> specialTokens() {
        return specials;
    }

    /** The id of a special token. */
    public int specialId(String special) {
        int k = specials.indexOf(special);
        if (k < 0) throw new IllegalArgumentException("'" + special + "' is not a special token: " + specials);
        return tokenBytes.size() + k;
    }

    /** Every token's text, in id order. */
    public List<String> vocabulary() {
        List<String> out = new ArrayList<>();
        for (int id = 0; id < vocabSize(); id++) out.add(token(id));
        return out;
    }

    /**
     * The merges as a table: rank, left and right token (spaces shown as '␣'), the merged token, its id
     * and how often the pair occurred when it was merged.
     */
    public Table mergeTable() {
        IntColumn rank = IntColumn.create("rank");
        StringColumn left = StringColumn.create("left");
        StringColumn right = StringColumn.create("right");
        StringColumn merged = StringColumn.create("merged");
        IntColumn id = IntColumn.create("id");
        IntColumn count = IntColumn.create("count");
        for (Merge m : merges) {
            rank.append(m.rank());
            left.append(visible(token(m.left())));
            right.append(visible(token(m.right())));
            merged.append(visible(token(m.id())));
            id.append(m.id());
            count.append(m.count());
        }
        return Table.create("BPE merges", rank, left, right, merged, id, count);
    }

    /** The {@code n} longest learned tokens: the long words and phrases the corpus repeats most. */
    public List<String> longestTokens(int n) {
        return merges.stream().map(m -> token(m.id())).sorted(Comparator.comparingInt(String::length).reversed())
                .limit(n).toList();
    }

    @Override
    public String toString() {
        return "BpeTokenizer(256 bytes + " + merges.size() + " merges + " + specials.size() + " special tokens = "
                + vocabSize() + " tokens)";
    }

    // ---- helpers -------------------------------------------------------------------------------

    static String visible(String token) {
        return token.replace(' ', '␣').replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }

    /** The chunks of {@code text}: merges happen only inside a chunk. */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = CHUNK.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static Pattern specialPattern(List<String> specials) {
        if (specials.isEmpty()) return null;
        List<String> sorted = new ArrayList<>(specials);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return Pattern.compile(String.join("|", sorted.stream().map(Pattern::quote).toList()));
    }

    /** The text cut into pieces that are either exactly a special token or contain none. */
    private static List<String> splitOnSpecials(String text, Pattern specials) {
        if (specials == null) return List.of(text);
        List<String> pieces = new ArrayList<>();
        Matcher m = specials.matcher(text);
        int start = 0;
        while (m.find()) {
            if (m.start() > start) pieces.add(text.substring(start, m.start()));
            pieces.add(m.group());
            start = m.end();
        }
        if (start < text.length()) pieces.add(text.substring(start));
        return pieces;
    }

    private static int[] bytesAsTokens(String chunk) {
        byte[] bytes = chunk.getBytes(StandardCharsets.UTF_8);
        int[] tokens = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) tokens[i] = bytes[i] & 0xFF;
        return tokens;
    }

    /** A pair of token ids as one int key: left * 65536 + right (so smaller keys sort by left, then right). */
    private static int pair(int left, int right) {
        return (left << 16) | right;
    }

    private static int left(int pair) {
        return pair >>> 16;
    }

    private static int right(int pair) {
        return pair & 0xFFFF;
    }

    /** Adds {@code delta} to the count of every adjacent pair of {@code tokens}; drops counts that reach 0. */
    private static void addPairs(Map<Integer, Integer> counts, int[] tokens, int delta) {
        for (int i = 0; i + 1 < tokens.length; i++) {
            counts.compute(pair(tokens[i], tokens[i + 1]), (k, c) -> {
                int n = (c == null ? 0 : c) + delta;
                return n == 0 ? null : n;
            });
        }
    }

    private static boolean contains(int[] tokens, int left, int right) {
        for (int i = 0; i + 1 < tokens.length; i++) {
            if (tokens[i] == left && tokens[i + 1] == right) return true;
        }
        return false;
    }

    /** {@code tokens} with every (left, right), scanned left to right, replaced by {@code id}. */
    static int[] merge(int[] tokens, int left, int right, int id) {
        int[] out = new int[tokens.length];
        int n = 0;
        for (int i = 0; i < tokens.length; i++) {
            if (i + 1 < tokens.length && tokens[i] == left && tokens[i + 1] == right) {
                out[n++] = id;
                i++;
            } else {
                out[n++] = tokens[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
