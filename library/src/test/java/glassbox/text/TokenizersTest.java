package glassbox.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.data.Datasets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Character, word and byte-pair tokenizers: round trips, unknowns, and BPE merges computed by hand. */
class TokenizersTest {

    // ---- characters -----------------------------------------------------------------------------

    @Test
    void charTokenizerRoundTripsAndSortsItsVocabulary() {
        CharTokenizer t = CharTokenizer.fit("hello world");
        assertEquals(List.of(" ", "d", "e", "h", "l", "o", "r", "w"), t.vocabulary());
        assertArrayEquals(new int[] {3, 2, 4, 4, 5}, t.encode("hello"));
        assertEquals("world hello", t.decode(t.encode("world hello")));
        assertEquals("hold", t.decode(t.encodeTensor("hold")));
    }

    @Test
    void charTokenizerHandlesCodePointsAndUnknowns() {
        CharTokenizer t = CharTokenizer.fit("café 😀");
        assertEquals(6, t.vocabSize());
        assertEquals("😀 éfac", t.decode(t.encode("😀 éfac")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.encode("cafx"));
        assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("U+0078"), e.getMessage());
        CharTokenizer withUnknown = CharTokenizer.fit("abc", "?");
        assertEquals("ab??c", withUnknown.decode(withUnknown.encode("abxyc")));
    }

    @Test
    void charTokenizerOnANovel() {
        String pride = Datasets.novel("pride-and-prejudice");
        CharTokenizer t = CharTokenizer.fit(pride);
        assertEquals(pride, t.decode(t.encode(pride)));
        assertTrue(t.vocabSize() > 60 && t.vocabSize() < 100, "vocab " + t.vocabSize());
    }

    // ---- words ------------------------------------------------------------------------------------

    @Test
    void wordTokenizerCountsAndMapsRareWordsToUnknown() {
        WordTokenizer t = WordTokenizer.fit("the cat sat on the mat. the cat ran!", 2);
        // specials, then words seen at least twice: the (3), cat (2); then "." and "!" are seen once: unknown.
        assertEquals(List.of("<pad>", "<unk>", "<bos>", "<eos>", "the", "cat"), t.vocabulary());
        assertEquals(3, t.frequency("the"));
        assertEquals(1, t.frequency("mat"));
        assertArrayEquals(new int[] {4, 5, 1, 1, 4, 1, 1}, t.encode("the cat sat on the mat."));
        assertEquals("the cat <unk> <unk> the <unk> <unk>", t.decode(t.encode("the cat sat on the mat.")));
    }

    @Test
    void wordTokenizerRoundTripsKnownTextWithPunctuation() {
        String text = "It is a truth universally acknowledged, that a single man must be in want of a wife. "
                + "Don't you think so? (Yes.)";
        WordTokenizer t = WordTokenizer.fit(text, 1);
        assertEquals(List.of("Don't", "you", "think", "so", "?", "(", "Yes", ".", ")"),
                t.tokenize("Don't you think so? (Yes.)"));
        assertEquals(text, t.decode(t.encode(text)));
        WordTokenizer lower = WordTokenizer.fit("The the THE", 1, true);
        assertEquals(5, lower.vocabSize());
        assertEquals(3, lower.frequency("The"));
    }

    @Test
    void wordTokenizerOnANovelWithMinimumFrequency() {
        String pride = Datasets.novel("pride-and-prejudice");
        WordTokenizer all = WordTokenizer.fit(pride, 1, true);
        WordTokenizer common = WordTokenizer.fit(pride, 5, true);
        assertTrue(common.vocabSize() < all.vocabSize() / 2, common.vocabSize() + " vs " + all.vocabSize());
        // Most frequent first: "," and "." lead, and "the" is the most frequent word.
        for (int id = 5; id < common.vocabSize(); id++) {
            assertTrue(common.frequency(common.token(id - 1)) >= common.frequency(common.token(id)));
            assertTrue(common.frequency(common.token(id)) >= 5, common.token(id));
        }
        assertTrue(common.id("the") < 8, "id of 'the': " + common.id("the"));
        assertEquals(1, common.id("Zanzibar"));
        assertEquals(pride.length(), String.join("", all.tokenize(pride)).length() + pride.chars()
                .filter(Character::isWhitespace).count(), 0.0, "tokenize keeps every non-space character");
    }

    // ---- byte-pair encoding -----------------------------------------------------------------------

    private static BpeTokenizer pride;

    /** 500 merges learned from Pride and Prejudice, trained once for the tests below. */
    static synchronized BpeTokenizer prideBpe() {
        if (pride == null) pride = BpeTokenizer.train(Datasets.novel("pride-and-prejudice"), 500, "<|endoftext|>");
        return pride;
    }

    @Test
    void bpeMergesMatchTheHandComputedOnes() {
        // Chunks: "hug", " hug", " hugs", " bug". Pair counts: (u,g) 4, (h,u) 3, ( ,h) 2, others 1.
        // 1. u+g -> "ug" (4).  Then (h,ug) 3, ( ,h) 2, (ug,s) 1, ( ,b) 1, (b,ug) 1.
        // 2. h+ug -> "hug" (3). Then ( ,hug) 2, (hug,s) 1, ( ,b) 1, (b,ug) 1.
        // 3. " "+hug -> " hug" (2). Then ( hug,s), ( ,b), (b,ug) all 1: the tie goes to the smallest
        //    left id, ' ' (32).
        // 4. " "+b -> " b" (1).
        BpeTokenizer t = BpeTokenizer.train("hug hug hugs bug", 4);
        List<BpeTokenizer.Merge> m = t.merges();
        assertEquals(List.of(
                new BpeTokenizer.Merge(0, 'u', 'g', 256, 4),
                new BpeTokenizer.Merge(1, 'h', 256, 257, 3),
                new BpeTokenizer.Merge(2, ' ', 257, 258, 2),
                new BpeTokenizer.Merge(3, ' ', 'b', 259, 1)), m);
        assertEquals(List.of("ug", "hug", " hug", " b"), m.stream().map(x -> t.token(x.id())).toList());
        assertEquals(List.of("hug", " hug", " hug", "s", " b", "ug"), t.tokenize("hug hug hugs bug"));
        Table table = t.mergeTable();
        assertEquals(4, table.rowCount());
        assertEquals("␣hug", table.stringColumn("merged").get(2));
        assertEquals(2, table.intColumn("count").get(2));
    }

    @Test
    void bpeStopsWhenNoPairIsLeft() {
        BpeTokenizer t = BpeTokenizer.train("ab ab", 100);
        // Chunks "ab" and " ab": a+b (2), then " "+ab (1), then nothing is left to merge.
        assertEquals(2, t.merges().size());
        assertEquals(258, t.vocabSize());
    }

    @Test
    void bpeRoundTripsAnyTextIncludingUnseenWordsAndUnicode() {
        BpeTokenizer t = prideBpe();
        for (String s : List.of("Mr. Darcy walked.", "xylophone quizzically zebra", "naïve café — 😀 日本語",
                "  tabs\tand\nnewlines  ", "")) {
            assertEquals(s, t.decode(t.encode(s)), s);
        }
        // A frequent word is one token; an unseen word is cut into known pieces, never <unk>.
        assertEquals(1, t.encode(" Elizabeth").length);
        assertTrue(t.encode(" xylophone").length > 1);
        // Special tokens are kept whole and come back.
        String doc = "The end.<|endoftext|>Chapter 1";
        int[] ids = t.encode(doc);
        assertTrue(java.util.Arrays.stream(ids).anyMatch(id -> id == t.specialId("<|endoftext|>")));
        assertEquals(doc, t.decode(ids));
        assertEquals(256 + 500 + 1, t.vocabSize());
    }

    @Test
    void bpeEncodingOfTheTrainingTextCompresses() {
        String pride = Datasets.novel("pride-and-prejudice");
        BpeTokenizer t = prideBpe();
        int[] ids = t.encode(pride);
        assertEquals(pride, t.decode(ids));
        double charactersPerToken = (double) pride.length() / ids.length;
        assertTrue(charactersPerToken > 2.4, "only " + charactersPerToken + " characters per token");
        // Every merged token is the concatenation of its two parts.
        for (BpeTokenizer.Merge m : t.merges()) {
            assertEquals(t.token(m.left()) + t.token(m.right()), t.token(m.id()));
        }
    }

    @Test
    void bpeShowsPartialCharactersAsHexAndRefusesBadIds() {
        BpeTokenizer t = BpeTokenizer.train("ab", 0);
        assertEquals("\\xC3", t.token(0xC3));
        assertEquals("é", t.decode(t.encode("é")));
        assertThrows(IllegalArgumentException.class, () -> t.token(256));
    }
}
