package glassbox.kernel.exec;

/** The few ANSI styles error reports use; all readable on light and dark backgrounds (no blue, no dim). */
final class Ansi {
    static final String RESET = "\u001b[0m";
    static final String BOLD = "\u001b[1m";
    static final String RED = "\u001b[1;31m";
    static final String GREEN = "\u001b[32m";
    static final String YELLOW = "\u001b[33m";
    static final String CYAN = "\u001b[36m";

    private Ansi() { }

    static String red(String s) { return RED + s + RESET; }
    static String bold(String s) { return BOLD + s + RESET; }
    static String green(String s) { return GREEN + s + RESET; }
    static String cyan(String s) { return CYAN + s + RESET; }
    static String yellow(String s) { return YELLOW + s + RESET; }

    static String strip(String s) {
        return s.replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
