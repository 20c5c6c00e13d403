package glassbox.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.tensor.Tensor;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Logic tables, 2-D sets, the date translation task and the time series: made by code from a seed. */
class GeneratedDatasetsTest {

    @Test
    void logicTables() {
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, Datasets.xor().x().toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0, 1}, Datasets.and().y().toFloatArray());
        assertArrayEquals(new float[] {0, 1, 1, 1}, Datasets.or().y().toFloatArray());
        assertArrayEquals(new float[] {1, 1, 1, 0}, Datasets.nand().y().toFloatArray());
        assertArrayEquals(new float[] {1, 0, 0, 0}, Datasets.nor().y().toFloatArray());
        assertArrayEquals(new float[] {0, 1, 1, 0}, Datasets.xor().y().toFloatArray());
        assertArrayEquals(new int[] {4, 2}, Datasets.xor().x().shape());
    }

    static void assertSameData(TensorDataset a, TensorDataset b) {
        assertArrayEquals(a.x().toFloatArray(), b.x().toFloatArray());
        assertArrayEquals(a.y().toFloatArray(), b.y().toFloatArray());
    }

    @Test
    void sameSeedSameSetOtherSeedOtherSet() {
        assertSameData(Datasets.moons(200, 0.1, 7), Datasets.moons(200, 0.1, 7));
        assertSameData(Datasets.circles(200, 0.1, 7), Datasets.circles(200, 0.1, 7));
        assertSameData(Datasets.spirals(200, 0.1, 7), Datasets.spirals(200, 0.1, 7));
        assertSameData(Datasets.blobs(200, 1.0, 7), Datasets.blobs(200, 1.0, 7));
        assertFalse(java.util.Arrays.equals(Datasets.moons(200, 0.1, 7).x().toFloatArray(),
                Datasets.moons(200, 0.1, 8).x().toFloatArray()));
    }

    @Test
    void shapesAndClassCounts() {
        TensorDataset moons = Datasets.moons(201, 0.1, 1);
        assertArrayEquals(new int[] {201, 2}, moons.x().shape());
        assertArrayEquals(new int[] {101, 100}, moons.classCounts());
        assertArrayEquals(new int[] {100, 100, 100}, Datasets.spirals(300, 3, 0.0, 1).classCounts());
        assertArrayEquals(new int[] {25, 25, 25, 25}, Datasets.blobs(100, 4, 0.5, 1).classCounts());
        assertEquals(2, Datasets.circles(10, 0, 1).numClasses());
    }

    @Test
    void withoutNoiseThePointsLieOnTheirCurves() {
        TensorDataset circles = Datasets.circles(100, 0.0, 0.3, 3);
        for (int i = 0; i < 100; i++) {
            float x = circles.x().get(i, 0), y = circles.x().get(i, 1);
            double r = circles.y().get(i).item() == 0 ? 1.0 : 0.3;
            assertEquals(r, Math.hypot(x, y), 1e-5);
        }
        TensorDataset moons = Datasets.moons(100, 0.0, 3);
        for (int i = 0; i < 100; i++) {
            float x = moons.x().get(i, 0), y = moons.x().get(i, 1);
            if (moons.y().get(i).item() == 0) assertEquals(1.0, Math.hypot(x, y), 1e-5);
            else assertEquals(1.0, Math.hypot(x - 1, y - 0.5), 1e-5);
        }
        // Noise moves points off the curve by about its standard deviation.
        TensorDataset noisy = Datasets.circles(2000, 0.1, 0.3, 3);
        double sq = 0;
        for (int i = 0; i < 2000; i++) {
            double r = noisy.y().get(i).item() == 0 ? 1.0 : 0.3;
            double d = Math.hypot(noisy.x().get(i, 0), noisy.x().get(i, 1)) - r;
            sq += d * d;
        }
        assertEquals(0.1, Math.sqrt(sq / 2000), 0.02);
    }

    @Test
    void generatorsRefuseBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Datasets.moons(0, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> Datasets.moons(10, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> Datasets.circles(10, 0.1, 1.5, 1));
        assertThrows(IllegalArgumentException.class, () -> Datasets.spirals(10, 1, 0.1, 1));
    }

    @Test
    void trainTestSplitIsAPartition() {
        TensorDataset moons = Datasets.moons(100, 0.1, 5);
        Split.Pair split = moons.trainTestSplit(0.2, 11);
        assertEquals(80, split.train().size());
        assertEquals(20, split.test().size());
        Set<Float> xs = new HashSet<>();
        for (TensorDataset part : List.of(split.train(), split.test())) {
            for (int i = 0; i < part.size(); i++) xs.add(part.x().get(i, 0));
        }
        Set<Float> all = new HashSet<>();
        for (int i = 0; i < 100; i++) all.add(moons.x().get(i, 0));
        assertEquals(all, xs);
        assertSameData(split.test(), moons.trainTestSplit(0.2, 11).test());
        Split.Pair iris = Datasets.iris().trainTestSplit(0.3, 1);
        assertEquals(45, iris.test().table().rowCount());
    }

    @Test
    void aTensorDatasetIsADatasetForTheDataLoader() {
        Dataset d = Datasets.moons(10, 0.1, 5);
        Dataset.Example e = d.get(3);
        assertArrayEquals(new int[] {2}, e.x().shape());
        assertEquals(((TensorDataset) d).y().get(3).item(), e.y().item());
        assertEquals(((TensorDataset) d).x().get(3, 1), e.x().toFloatArray()[1]);
        int batches = 0;
        for (DataLoader.Batch b : new DataLoader(Datasets.iris(), 32, true, 1)) batches++;
        assertEquals(5, batches);
    }

    // ---- dates ------------------------------------------------------------------------------------

    @Test
    void datesAreWrittenOutInWords() {
        LocalDate d = LocalDate.of(1994, 3, 3);
        assertEquals("March 3, 1994", DateTranslation.write(d, 0));
        assertEquals("3 March 1994", DateTranslation.write(d, 1));
        assertEquals("the third of march, nineteen ninety-four", DateTranslation.write(d, 2));
        assertEquals("Thursday, March 3rd, 1994", DateTranslation.write(d, 3));
        assertEquals("Mar 3 1994", DateTranslation.write(d, 4));
        assertEquals("Sep 30 2049", DateTranslation.write(LocalDate.of(2049, 9, 30), 4));
        assertEquals("3rd of March 1994", DateTranslation.write(d, 5));
        assertEquals("march the third, 1994", DateTranslation.write(d, 6));
        assertEquals("wednesday the twenty-first of december two thousand and five",
                DateTranslation.write(LocalDate.of(2005, 12, 21), 7));
        assertEquals("twenty twenty-three", DateTranslation.yearWords(2023));
        assertEquals("two thousand", DateTranslation.yearWords(2000));
        assertEquals("thirtieth", DateTranslation.ordinalWords(30));
        assertEquals("twelfth", DateTranslation.ordinalWords(12));
        assertEquals("11th", DateTranslation.ordinal(11));
        assertEquals("22nd", DateTranslation.ordinal(22));
    }

    @Test
    void dateTranslationPairsAreSeededVariedAndCorrect() {
        List<DateTranslation.Pair> pairs = Datasets.dates(2000, 42);
        assertEquals(pairs, Datasets.dates(2000, 42));
        // Pinned: the same pairs on every JDK (no locale data involved).
        assertEquals(List.of(new DateTranslation.Pair("APRIL 20, 1953", "1953-04-20"),
                new DateTranslation.Pair("the seventh of september, two thousand and eight", "2008-09-07"),
                new DateTranslation.Pair("5th of February 2030", "2030-02-05")), pairs.subList(0, 3));
        assertNotEquals(pairs, Datasets.dates(2000, 43));
        Set<String> shapes = new HashSet<>();
        boolean lower = false, upper = false;
        for (DateTranslation.Pair p : pairs) {
            LocalDate date = LocalDate.parse(p.target());
            assertTrue(!date.isBefore(DateTranslation.FIRST) && !date.isAfter(DateTranslation.LAST), p.target());
            String source = p.source().toLowerCase(Locale.ROOT);
            String mon = DateTranslation.MONTHS[date.getMonthValue() - 1].substring(0, 3).toLowerCase(Locale.ROOT);
            assertTrue(source.contains(mon), p + " does not name its month");
            boolean yearInDigits = source.contains(String.valueOf(date.getYear()));
            assertTrue(yearInDigits || source.contains(DateTranslation.yearWords(date.getYear())), p + " does not name its year");
            shapes.add(p.source().replaceAll("[0-9]+", "#").replaceAll("[A-Za-z]+", "w"));
            lower |= p.source().equals(source);
            upper |= p.source().equals(p.source().toUpperCase(Locale.ROOT)) && !p.source().equals(source);
        }
        assertTrue(lower && upper, "both lower and upper case sources expected");
        assertTrue(shapes.size() >= 8, "expected varied formats, got " + shapes);
    }

    // ---- time series -------------------------------------------------------------------------------

    @Test
    void timeSeriesHasTrendSeasonAndIsSeeded() {
        Tensor s = Datasets.timeSeries(120, 9);
        assertArrayEquals(s.toFloatArray(), Datasets.timeSeries(120, 9).toFloatArray());
        float[] y = s.toFloatArray();
        double first = 0, last = 0;
        for (int t = 0; t < 12; t++) {
            first += y[t] / 12;
            last += y[108 + t] / 12;
        }
        assertEquals(0.5 * 108, last - first, 5.0);   // trend: 0.5 per month
        // Season: month 3 of each year (sin peak) is above month 9 (sin trough) on average by ~2 * 15.
        double gap = 0;
        for (int year = 0; year < 10; year++) gap += (y[12 * year + 3] - y[12 * year + 9]) / 10.0;
        assertEquals(30 - 3, gap, 6.0);
    }

    @Test
    void windowsForOneStepForecasting() {
        Tensor s = Tensor.of(1f, 2f, 3f, 4f, 5f);
        TensorDataset w = TimeSeries.windows(s, 3);
        assertArrayEquals(new int[] {2, 3, 1}, w.x().shape());
        assertArrayEquals(new float[] {1, 2, 3, 2, 3, 4}, w.x().toFloatArray());
        assertArrayEquals(new float[] {4, 5}, w.y().toFloatArray());
        assertThrows(IllegalArgumentException.class, () -> TimeSeries.windows(s, 5));
    }
}
