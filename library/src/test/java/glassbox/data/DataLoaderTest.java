package glassbox.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import glassbox.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLoaderTest {

    private static Tensor xs(int n) {
        float[] v = new float[n * 2];
        for (int i = 0; i < n; i++) {
            v[2 * i] = i;
            v[2 * i + 1] = -i;
        }
        return Tensor.fromArray(v, n, 2);
    }

    private static List<Float> epochOrder(DataLoader dl) {
        List<Float> seen = new ArrayList<>();
        for (DataLoader.Batch b : dl) {
            for (int i = 0; i < b.size(); i++) {
                assertEquals(b.x().get(i, 0), b.y().get(new int[] {i}), "x and y stay paired");
                seen.add(b.y().get(new int[] {i}));
            }
        }
        return seen;
    }

    @Test
    void batchesInOrderWithASmallerLastBatch() {
        DataLoader dl = new DataLoader(xs(10), Tensor.arange(10), 4);
        assertEquals(3, dl.numBatches());
        List<Integer> sizes = new ArrayList<>();
        for (DataLoader.Batch b : dl) sizes.add(b.size());
        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(List.of(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f), epochOrder(dl));
        assertEquals(2, new DataLoader(xs(10), Tensor.arange(10), 4, false, true, 0).numBatches());
    }

    @Test
    void shufflingIsSeededAndChangesEachEpoch() {
        DataLoader a = new DataLoader(xs(50), Tensor.arange(50), 8, true, 7);
        DataLoader b = new DataLoader(xs(50), Tensor.arange(50), 8, true, 7);
        List<Float> a1 = epochOrder(a), a2 = epochOrder(a);
        assertEquals(a1, epochOrder(b), "same seed, same order");
        assertNotEquals(a1, a2, "a new permutation each epoch");
        List<Float> sorted = new ArrayList<>(a1);
        sorted.sort(null);
        assertEquals(epochOrder(new DataLoader(xs(50), Tensor.arange(50), 8)), sorted, "every example exactly once");
    }

    @Test
    void datasetInterfaceIsStackedAndSplits() {
        Dataset ds = Dataset.of(xs(10), Tensor.arange(10));
        Dataset[] parts = ds.randomSplit(0.3, 1);
        assertEquals(7, parts[0].size());
        assertEquals(3, parts[1].size());
        DataLoader dl = new DataLoader(parts[1], 2, false, 0);
        DataLoader.Batch first = dl.iterator().next();
        assertArrayEquals(new int[] {2, 2}, first.x().shape());
        assertArrayEquals(new int[] {2}, first.y().shape());
        assertThrows(IllegalArgumentException.class, () -> new DataLoader(xs(3), Tensor.arange(4), 2));
    }

    @Test
    void standardizerUsesTrainingStatistics() {
        Tensor train = Tensor.of(new float[][] {{1, 10}, {3, 10}, {5, 10}});
        Standardizer s = Standardizer.fit(train);
        Tensor z = s.transform(train);
        assertArrayEquals(new float[] {-1.2247449f, 0, 0, 0, 1.2247449f, 0}, z.data(), 1e-6f);
        assertArrayEquals(new float[] {3, 10}, s.mean().data());
        Tensor test = s.transform(Tensor.of(new float[][] {{7, 12}}));
        assertEquals((7 - 3) / Math.sqrt(8.0 / 3), test.get(0, 0), 1e-5);
        assertArrayEquals(train.data(), s.inverseTransform(z).data(), 1e-5f);
        assertThrows(IllegalArgumentException.class, () -> s.transform(Tensor.zeros(2, 3)));
        assertEquals(Arrays.toString(new int[] {2}), Arrays.toString(s.std().shape()));
    }
}
