package glassbox.kernel.exec;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The {@code input("prompt")} helper preloaded in every session: asks the notebook user for a line. */
public final class Stdin {
    private Stdin() { }

    /** Shows {@code prompt}, waits for the user to type a line, returns it (without the newline). */
    public static String input(String prompt) {
        try {
            return Streams.readLine(prompt == null ? "" : prompt, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** Like {@link #input} but the front end hides what is typed. */
    public static String password(String prompt) {
        try {
            return Streams.readLine(prompt == null ? "" : prompt, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
