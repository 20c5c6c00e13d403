package glassbox.kernel;

/** Jupyter counts cursor positions in Unicode code points; Java strings count UTF-16 units. */
final class Unicode {
    private Unicode() { }

    /** Code point offset -> Java char index. */
    static int toJava(String s, int codePoints) {
        try {
            return s.offsetByCodePoints(0, Math.min(codePoints, s.codePointCount(0, s.length())));
        } catch (IndexOutOfBoundsException e) {
            return s.length();
        }
    }

    /** Java char index -> code point offset. */
    static int toCodePoints(String s, int index) {
        return s.codePointCount(0, Math.max(0, Math.min(index, s.length())));
    }
}
