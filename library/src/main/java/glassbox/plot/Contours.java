package glassbox.plot;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.function.BiFunction;

/**
 * Contour lines by marching squares: for each square of four neighbouring grid values, the level
 * line enters and leaves where the values cross it (found by linear interpolation along the edge).
 */
final class Contours {
    private Contours() {
    }

    /**
     * Draws the line z = level of a grid of {@code cols x rows} values (row-major), mapping grid
     * coordinates (column, row), possibly fractional, to pixels with px and py.
     */
    static void draw(Graphics2D g, double[] z, int cols, int rows, double level,
                     BiFunction<Double, Double, Double> px, BiFunction<Double, Double, Double> py) {
        double[] ex = new double[4], ey = new double[4];
        for (int r = 0; r + 1 < rows; r++) {
            for (int c = 0; c + 1 < cols; c++) {
                // corners in order: top-left, top-right, bottom-right, bottom-left
                double a = z[r * cols + c], b = z[r * cols + c + 1], d = z[(r + 1) * cols + c + 1], e = z[(r + 1) * cols + c];
                int n = 0;
                double[][] corner = {{c, r, a}, {c + 1, r, b}, {c + 1, r + 1, d}, {c, r + 1, e}};
                for (int k = 0; k < 4; k++) {
                    double[] p = corner[k], q = corner[(k + 1) % 4];
                    if ((p[2] < level) != (q[2] < level)) {
                        double t = (level - p[2]) / (q[2] - p[2]);
                        ex[n] = p[0] + t * (q[0] - p[0]);
                        ey[n] = p[1] + t * (q[1] - p[1]);
                        n++;
                    }
                }
                for (int k = 0; k + 1 < n; k += 2) {
                    g.draw(new Line2D.Double(px.apply(ex[k], ey[k]), py.apply(ex[k], ey[k]),
                            px.apply(ex[k + 1], ey[k + 1]), py.apply(ex[k + 1], ey[k + 1])));
                }
            }
        }
    }
}
