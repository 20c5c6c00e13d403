package glassbox.bench;

/**
 * One named part of the benchmark ({@code ./bench NAME}): it measures something and prints its table.
 * To add one, implement this and register it in {@link Bench#WORKLOADS}.
 */
interface Workload {
    /** The name typed on the command line, e.g. "matmul". */
    String name();

    /** One line saying what is measured. */
    String description();

    /** Measures and prints the results. */
    void run(Options options) throws Exception;
}
