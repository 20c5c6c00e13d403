package glassbox.kernel.exec;

import java.io.IOException;

/**
 * Where a cell's output goes and where its input comes from. The kernel's implementation sends stream
 * messages and asks the front end for input; the grader's captures output in memory.
 */
public interface CellIO {
    /** Bytes (UTF-8) written by the cell to System.out ({@code err == false}) or System.err. */
    void write(boolean err, byte[] bytes, int off, int len);

    /** Pushes buffered output to its destination. */
    default void flush() { }

    /** Asks the user for one line of input; null means end of input. */
    default String readLine(String prompt, boolean password) throws IOException {
        throw new IOException("No input is available here: input() and System.in work in a notebook kernel "
                + "whose front end allows stdin.");
    }

    /** Discards output; reading input fails. */
    CellIO NULL = (err, bytes, off, len) -> { };
}
