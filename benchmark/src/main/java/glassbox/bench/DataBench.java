package glassbox.bench;

import glassbox.data.Datasets;
import glassbox.data.Split;
import glassbox.text.BpeTokenizer;
import glassbox.text.CharTokenizer;
import glassbox.text.WordTokenizer;

/**
 * How long a student waits for data: loading each shipped set (read, SHA-256 check, parse, tensors)
 * and training / running the tokenizers on Pride and Prejudice (684,768 characters).
 */
final class DataBench implements Workload {
    @Override
    public String name() {
        return "data";
    }

    @Override
    public String description() {
        return "loading the shipped data sets (with checksum); BPE / word / char tokenizers on a novel";
    }

    @Override
    public void run(Options o) {
        Table load = new Table("load (checksum + parse)", "ms per call", "(min-max)");
        row(load, "Datasets.iris()", () -> Datasets.iris(), o);
        row(load, "Datasets.breastCancer()", () -> Datasets.breastCancer(), o);
        row(load, "Datasets.digits()", () -> Datasets.digits(), o);
        row(load, "Datasets.mnist(TRAIN) 8,000 images", () -> Datasets.mnist(Split.TRAIN), o);
        row(load, "Datasets.fashionMnist(TRAIN) 10,000", () -> Datasets.fashionMnist(Split.TRAIN), o);
        row(load, "Datasets.novel(pride-and-prejudice)", () -> Datasets.novel("pride-and-prejudice"), o);
        row(load, "Datasets.moons(1000, 0.1, seed)", () -> Datasets.moons(1000, 0.1, 1), o);
        load.print();

        String text = Datasets.novel("pride-and-prejudice");
        Table tok = new Table("tokenizer on Pride and Prejudice", "s per call", "(min-max)", "tokens");
        int samples = o.quick ? 1 : 3;
        for (int merges : new int[] {1000, 3000}) {
            Harness.Stats s = Harness.time(() -> BpeTokenizer.train(text, merges), 0.0, samples);
            tok.row("BpeTokenizer.train, " + merges + " merges", Table.f2(s.median()), range(s, 1), "");
        }
        BpeTokenizer bpe = BpeTokenizer.train(text, 3000);
        Harness.Stats enc = Harness.time(() -> bpe.encode(text), o.sampleSeconds(), o.samples());
        tok.row("BPE (3000 merges) encode whole novel", Table.f2(enc.median()), range(enc, 1), bpe.encode(text).length);
        Harness.Stats word = Harness.time(() -> WordTokenizer.fit(text, 2), 0.0, samples);
        tok.row("WordTokenizer.fit(text, 2)", Table.f2(word.median()), range(word, 1), "");
        CharTokenizer chars = CharTokenizer.fit(text);
        Harness.Stats ch = Harness.time(() -> chars.encode(text), o.sampleSeconds(), o.samples());
        tok.row("CharTokenizer encode whole novel", Table.f2(ch.median()), range(ch, 1), text.length());
        tok.print();
    }

    private static void row(Table t, String name, java.util.function.Supplier<?> op, Options o) {
        Harness.Stats s = Harness.time(op, o.sampleSeconds(), o.samples());
        t.row(name, Table.f1(s.median() * 1e3), range(s, 1e3));
    }

    private static String range(Harness.Stats s, double scale) {
        return "(" + Table.f2(s.min() * scale) + "-" + Table.f2(s.max() * scale) + ")";
    }
}
