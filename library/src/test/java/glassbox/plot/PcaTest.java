package glassbox.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glassbox.tensor.Generator;
import glassbox.tensor.Tensor;
import org.junit.jupiter.api.Test;

class PcaTest {
    @Test
    void findsTheDirectionOfMostVarianceAndMatchesTheClosedForm() {
        // Points spread along (0.6, 0.8) with a little noise across it.
        Generator gen = new Generator(5);
        int n = 400;
        float[] d = new float[2 * n];
        for (int i = 0; i < n; i++) {
            float t = gen.nextGaussian() * 3, s = gen.nextGaussian() * 0.3f;
            d[2 * i] = 0.6f * t - 0.8f * s + 1;
            d[2 * i + 1] = 0.8f * t + 0.6f * s - 2;
        }
        Tensor x = Tensor.fromArray(d, n, 2);
        Pca pca = Pca.fit(x, 2);
        float[] c = pca.components().toFloatArray();
        // Closed form for a 2x2 covariance [[a, b], [b, c]]: the top eigenvector's angle is atan2(2b, a - c) / 2.
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += d[2 * i]; my += d[2 * i + 1]; }
        mx /= n;
        my /= n;
        double a = 0, b = 0, cc = 0;
        for (int i = 0; i < n; i++) {
            double u = d[2 * i] - mx, v = d[2 * i + 1] - my;
            a += u * u; b += u * v; cc += v * v;
        }
        double angle = Math.atan2(2 * b, a - cc) / 2;
        assertEquals(Math.abs(Math.cos(angle)), Math.abs(c[0]), 1e-4);
        assertEquals(Math.abs(Math.sin(angle)), Math.abs(c[1]), 1e-4);
        assertEquals(0, c[0] * c[2] + c[1] * c[3], 1e-5, "components are orthogonal");
        double[] ratio = pca.explainedVarianceRatio();
        assertTrue(ratio[0] > 0.97, "most variance along the first: " + ratio[0]);
        assertEquals(1.0, ratio[0] + ratio[1], 1e-6, "two components of 2-D data keep all of it");
        assertEquals((float) mx, pca.mean().toFloatArray()[0], 1e-4);
        Tensor z = pca.transform(x);
        assertEquals(n, z.shape()[0]);
        // The variance of the first coordinate is the first explained variance.
        float[] zz = z.toFloatArray();
        double var = 0;
        for (int i = 0; i < n; i++) var += zz[2 * i] * zz[2 * i];
        assertEquals(pca.explainedVariance()[0], var / (n - 1), 1e-3 * var / (n - 1));
    }

    @Test
    void refusesBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(Tensor.rand(5), 1));
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(Tensor.rand(5, 3), 4));
        Pca p = Pca.fit(Tensor.rand(5, 3), 2);
        assertThrows(IllegalArgumentException.class, () -> p.transform(Tensor.rand(5, 2)));
    }
}
