package glassbox.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Words placed in the plane by their embedding vectors: each word is a dot with its name beside
 * it. Vectors with more than two dimensions are first projected on their top two principal
 * components ({@link Pca}); the axis labels say how much of the variance each keeps.
 */
public final class EmbeddingPlot extends Figure<EmbeddingPlot> {
    final double[] x, y;
    final List<String> words;
    int[] groups;

    EmbeddingPlot(double[] x, double[] y, List<String> words) {
        super(600, 480);
        if (words.size() != x.length) {
            throw new IllegalArgumentException("embeddings: " + x.length + " vectors but " + words.size() + " words; give one word per vector");
        }
        this.x = x;
        this.y = y;
        this.words = new ArrayList<>(words);
    }

    /** Colours the words by group (e.g. part of speech, or a cluster number). */
    public EmbeddingPlot groups(int[] groups) {
        if (groups.length != x.length) throw new IllegalArgumentException("groups: " + groups.length + " groups for " + x.length + " words");
        this.groups = groups.clone();
        return this;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        double[] xr = Axes.padded(Data.min(x), Data.max(x), 0.08), yr = Axes.padded(Data.min(y), Data.max(y), 0.08);
        Axes ax = new Axes(xr[0], xr[1], yr[0], yr[1], false);
        ax.paintFrame(g, width, height, title, xLabel, yLabel, 0);
        g.setFont(Style.TICK);
        for (int i = 0; i < x.length; i++) {
            double px = ax.px(x[i]), py = ax.py(y[i]);
            Color c = Style.series(groups == null ? 0 : groups[i]);
            g.setColor(c);
            g.fill(new Ellipse2D.Double(px - 3.5, py - 3.5, 7, 7));
            g.setColor(groups == null ? Style.TEXT : c.darker());
            // Labels to the right, or to the left near the right edge.
            int w = g.getFontMetrics().stringWidth(words.get(i));
            double tx = px + w + 8 > ax.plot.getMaxX() ? px - w - 5 : px + 5;
            g.drawString(words.get(i), (float) tx, (float) (py - 4));
        }
    }
}
