package glassbox.kernel.exec;

import glassbox.display.Display;
import glassbox.display.DisplayHandle;

/**
 * The functions every session has without imports ({@code import static glassbox.kernel.exec.Helpers.*}):
 * {@code display(x)} shows a value, {@code input("prompt")} / {@code readLine("prompt")} ask for a line.
 */
public final class Helpers {
    private Helpers() { }

    /** Shows {@code value} in the notebook (rendered as a table, chart, image...); returns a handle to update it. */
    public static DisplayHandle display(Object value) {
        return Display.show(value);
    }

    /** Asks the notebook user for a line of text after showing {@code prompt}. */
    public static String input(String prompt) {
        return Stdin.input(prompt);
    }

    /** Asks the notebook user for a line of text. */
    public static String input() {
        return Stdin.input("");
    }

    /** Same as {@link #input(String)}. */
    public static String readLine(String prompt) {
        return Stdin.input(prompt);
    }
}
