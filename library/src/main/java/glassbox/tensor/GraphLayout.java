package glassbox.tensor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A small layered ("Sugiyama") layout for {@link Graph}, flowing left to right:
 * <ol>
 *   <li>columns: each node's column is the length of its longest path from an input; a leaf then
 *       moves right to just before its first use;</li>
 *   <li>edges spanning several columns get one invisible waypoint per column crossed;</li>
 *   <li>order within a column: sweeps that sort each column by the mean position (barycentre) of
 *       its neighbours in the previous column, keeping the order with the fewest crossings;</li>
 *   <li>vertical position: each node as close as possible to the mean height of its neighbours,
 *       keeping the order and a gap (least squares under ordering constraints, by pooling adjacent
 *       violators).</li>
 * </ol>
 */
final class GraphLayout {
    private GraphLayout() {
    }

    static final double COLUMN_GAP = 36, ROW_GAP = 14, MARGIN = 16, WAYPOINT_H = 8;
    static final int MAX_ROUTED_SPAN = 16;

    static void layout(Graph g) {
        List<Graph.Node> nodes = g.nodes;
        sizeNodes(nodes);
        // 1. Columns by longest path (nodes are in topological order).
        for (Graph.Node n : nodes) {
            n.rank = 0;
            for (Graph.Node p : n.in) n.rank = Math.max(n.rank, p.rank + 1);
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Graph.Node n = nodes.get(i);
            if (n.in.isEmpty() && !n.out.isEmpty()) {
                int first = Integer.MAX_VALUE;
                for (Graph.Node s : n.out) first = Math.min(first, s.rank);
                n.rank = first - 1;
            }
        }
        // 2. Waypoints for long edges; the neighbour lists used below go one column at a time.
        List<Graph.Node> all = new ArrayList<>(nodes);
        List<List<Graph.Node>> pred = new ArrayList<>(), succ = new ArrayList<>();
        int maxRank = 0;
        for (Graph.Node n : nodes) maxRank = Math.max(maxRank, n.rank);
        for (Graph.Node n : all) n.order = -1;
        for (Graph.Edge e : g.edges) {
            Graph.Node prev = e.from;
            // Very long edges (a weight shared by a hundred steps) are drawn directly, not routed.
            int last = e.to.rank - e.from.rank <= MAX_ROUTED_SPAN ? e.to.rank : e.from.rank + 1;
            for (int r = e.from.rank + 1; r < last; r++) {
                Graph.Node d = new Graph.Node(null, false, true);
                d.rank = r;
                d.w = 0;
                d.h = WAYPOINT_H;
                e.waypoints.add(d);
                all.add(d);
                prev.out.add(d);
                d.in.add(prev);
                prev = d;
            }
            if (prev != e.from) {
                prev.out.add(e.to);
                e.to.in.add(prev);
            }
        }
        // Column lists in first-seen order.
        List<List<Graph.Node>> cols = new ArrayList<>();
        for (int r = 0; r <= maxRank; r++) cols.add(new ArrayList<>());
        for (Graph.Node n : all) cols.get(n.rank).add(n);
        // Neighbours one column away (edges into a waypointed edge's target come from its last waypoint).
        for (Graph.Node n : all) {
            List<Graph.Node> p = new ArrayList<>(), s = new ArrayList<>();
            for (Graph.Node q : n.in) if (q.rank == n.rank - 1) p.add(q);
            for (Graph.Node q : n.out) if (q.rank == n.rank + 1) s.add(q);
            pred.add(p);
            succ.add(s);
        }
        java.util.Map<Graph.Node, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) index.put(all.get(i), i);

        // 3. Barycentre ordering.
        numberColumns(cols);
        List<List<Graph.Node>> best = copy(cols);
        long bestCrossings = crossings(cols, succ, index);
        int sweeps = all.size() > 3000 ? 4 : 12;
        for (int it = 0; it < sweeps && bestCrossings > 0; it++) {
            boolean down = it % 2 == 0;
            if (down) {
                for (int r = 1; r <= maxRank; r++) sortByBarycentre(cols.get(r), pred, index);
            } else {
                for (int r = maxRank - 1; r >= 0; r--) sortByBarycentre(cols.get(r), succ, index);
            }
            long c = crossings(cols, succ, index);
            if (c < bestCrossings) {
                bestCrossings = c;
                best = copy(cols);
            }
        }
        cols = best;
        numberColumns(cols);

        // 4. Vertical positions.
        for (List<Graph.Node> col : cols) {
            double y = 0;
            for (Graph.Node n : col) {
                n.y = y + n.h / 2;
                y += n.h + ROW_GAP;
            }
        }
        for (int it = 0; it < 8; it++) {
            if (it % 2 == 0) {
                for (int r = 1; r <= maxRank; r++) place(cols.get(r), pred, succ, index, true, false);
            } else {
                for (int r = maxRank - 1; r >= 0; r--) place(cols.get(r), pred, succ, index, false, true);
            }
        }
        for (int r = 0; r <= maxRank; r++) place(cols.get(r), pred, succ, index, true, true);

        // 5. Columns side by side; shift everything into view.
        double x = MARGIN, minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (List<Graph.Node> col : cols) {
            double cw = 0;
            for (Graph.Node n : col) if (!n.dummy) cw = Math.max(cw, n.w);
            if (cw == 0) cw = 12;
            for (Graph.Node n : col) {
                n.x = x + cw / 2;
                if (n.dummy) n.w = cw;
                minY = Math.min(minY, n.y - n.h / 2);
                maxY = Math.max(maxY, n.y + n.h / 2);
            }
            x += cw + COLUMN_GAP;
        }
        for (Graph.Node n : all) n.y += MARGIN - minY;
        g.width = x - COLUMN_GAP + MARGIN;
        g.height = maxY - minY + 2 * MARGIN;
    }

    private static void sizeNodes(List<Graph.Node> nodes) {
        for (Graph.Node n : nodes) {
            int chars = 0;
            for (String line : n.lines) chars = Math.max(chars, line.length());
            if (n.isOp) {
                n.w = Math.max(34, chars * Graph.CHAR_W + 18);
                n.h = 26;
            } else {
                n.w = Math.max(60, chars * Graph.CHAR_W + 2 * Graph.PAD);
                n.h = n.lines.length * Graph.LINE_H + Graph.PAD + 4;
            }
        }
    }

    private static void numberColumns(List<List<Graph.Node>> cols) {
        for (List<Graph.Node> col : cols) for (int i = 0; i < col.size(); i++) col.get(i).order = i;
    }

    private static List<List<Graph.Node>> copy(List<List<Graph.Node>> cols) {
        List<List<Graph.Node>> c = new ArrayList<>();
        for (List<Graph.Node> col : cols) c.add(new ArrayList<>(col));
        return c;
    }

    private static void sortByBarycentre(List<Graph.Node> col, List<List<Graph.Node>> neighbours, java.util.Map<Graph.Node, Integer> index) {
        double[] key = new double[col.size()];
        for (int i = 0; i < col.size(); i++) {
            List<Graph.Node> nb = neighbours.get(index.get(col.get(i)));
            if (nb.isEmpty()) {
                key[i] = col.get(i).order;
            } else {
                double sum = 0;
                for (Graph.Node q : nb) sum += q.order;
                key[i] = sum / nb.size();
            }
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < col.size(); i++) idx.add(i);
        idx.sort(Comparator.comparingDouble(i -> key[i]));
        List<Graph.Node> sorted = new ArrayList<>();
        for (int i : idx) sorted.add(col.get(i));
        col.clear();
        col.addAll(sorted);
        for (int i = 0; i < col.size(); i++) col.get(i).order = i;
    }

    /** Pairs of edges between adjacent columns that cross. */
    private static long crossings(List<List<Graph.Node>> cols, List<List<Graph.Node>> succ, java.util.Map<Graph.Node, Integer> index) {
        numberColumns(cols);
        long total = 0;
        for (List<Graph.Node> col : cols) {
            List<int[]> segs = new ArrayList<>();
            for (Graph.Node n : col) for (Graph.Node s : succ.get(index.get(n))) segs.add(new int[] {n.order, s.order});
            for (int i = 0; i < segs.size(); i++) {
                for (int j = i + 1; j < segs.size(); j++) {
                    int[] a = segs.get(i), b = segs.get(j);
                    if ((long) (a[0] - b[0]) * (a[1] - b[1]) < 0) total++;
                }
            }
        }
        return total;
    }

    /**
     * Moves each node of a column towards the mean height of its neighbours (on the chosen sides),
     * keeping the column's order and gaps: the least-squares placement under the constraints
     * y[i] - y[i-1] >= gap[i], found by pooling adjacent violators.
     */
    private static void place(List<Graph.Node> col, List<List<Graph.Node>> pred, List<List<Graph.Node>> succ,
                              java.util.Map<Graph.Node, Integer> index, boolean usePred, boolean useSucc) {
        int n = col.size();
        if (n == 0) return;
        double[] target = new double[n], offset = new double[n];
        for (int i = 0; i < n; i++) {
            Graph.Node node = col.get(i);
            double sum = 0;
            int count = 0;
            if (usePred) for (Graph.Node q : pred.get(index.get(node))) { sum += q.y; count++; }
            if (useSucc) for (Graph.Node q : succ.get(index.get(node))) { sum += q.y; count++; }
            target[i] = count == 0 ? node.y : sum / count;
            if (i > 0) offset[i] = offset[i - 1] + (col.get(i - 1).h + node.h) / 2 + ROW_GAP;
        }
        // Isotonic regression of target - offset (non-decreasing), by pooling adjacent violators.
        double[] blockSum = new double[n];
        int[] blockCount = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            blockSum[blocks] = target[i] - offset[i];
            blockCount[blocks] = 1;
            blocks++;
            while (blocks > 1 && blockSum[blocks - 2] / blockCount[blocks - 2] > blockSum[blocks - 1] / blockCount[blocks - 1]) {
                blockSum[blocks - 2] += blockSum[blocks - 1];
                blockCount[blocks - 2] += blockCount[blocks - 1];
                blocks--;
            }
        }
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            double mean = blockSum[b] / blockCount[b];
            for (int k = 0; k < blockCount[b]; k++, i++) col.get(i).y = mean + offset[i];
        }
    }
}
