package glassbox.plot;

/**
 * Where a {@link LiveChart} goes when it redraws. Without a notebook: one status line per redraw
 * on standard output.
 */
interface LiveOutput {
    void show(LiveChart chart);

    static LiveOutput create() {
        return chart -> System.out.println(chart.status());
    }
}
