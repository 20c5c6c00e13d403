package glassbox.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Small multiples: several charts side by side in a grid, under one title, e.g. the histogram of
 * each layer's gradients.
 */
public final class FigureGrid extends Figure<FigureGrid> {
    final List<Figure<?>> figures;
    int cols;
    int cellW, cellH;

    FigureGrid(int cols, List<? extends Figure<?>> figures) {
        super(600, 400);
        if (figures.isEmpty()) throw new IllegalArgumentException("grid: no charts to lay out");
        if (cols < 1) throw new IllegalArgumentException("grid: need at least one column, got " + cols);
        this.figures = new ArrayList<>(figures);
        this.cols = Math.min(cols, figures.size());
        int w = 0, h = 0;
        for (Figure<?> f : figures) {
            f.prepare();
            w = Math.max(w, f.width);
            h = Math.max(h, f.height);
        }
        cellW = w;
        cellH = h;
    }

    /** The size of each cell (default: the largest chart's size). */
    public FigureGrid cellSize(int width, int height) {
        this.cellW = width;
        this.cellH = height;
        return this;
    }

    @Override
    void prepare() {
        if (fixedSize) return;
        int rows = (figures.size() + cols - 1) / cols;
        width = cols * cellW;
        height = rows * cellH + (title.isEmpty() ? 0 : 30);
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setColor(Style.BACKGROUND);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        int top = title.isEmpty() ? 0 : 30;
        if (!title.isEmpty()) {
            g.setColor(Style.TEXT);
            g.setFont(Style.TITLE);
            Style.centered(g, title, width / 2.0, 22);
        }
        int rows = (figures.size() + cols - 1) / cols;
        int cw = width / cols, ch = (height - top) / rows;
        for (int i = 0; i < figures.size(); i++) {
            Graphics2D cell = (Graphics2D) g.create(i % cols * cw, top + i / cols * ch, cw, ch);
            Style.hints(cell);
            figures.get(i).paint(cell, cw, ch);
            cell.dispose();
        }
    }
}
