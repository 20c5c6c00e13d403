package glassbox.data;

import glassbox.tensor.Generator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A toy translation task: a date written the way people write it ("Thursday, March 3rd, 1994",
 * "the third of march, nineteen ninety-four", "3 MAR 1994") translated to its ISO form
 * ("1994-03-03"). The target is fixed-length and each target character depends on a few source
 * words, so a trained attention model's alignment is easy to read.
 *
 * <p>Dates are drawn uniformly from 1950-01-01 to 2049-12-31; each source uses one of
 * {@link #FORMATS} in original, lower or upper case. The same seed gives the same pairs.
 */
public final class DateTranslation {
    private DateTranslation() {}

    /** A source sentence and its translation. */
    public record Pair(String source, String target) {}

    /** The source formats, as templates (for documentation; the code below writes them). */
    public static final List<String> FORMATS = List.of(
            "{Month} {d}, {yyyy}",
            "{d} {Month} {yyyy}",
            "the {ordinal words} of {month}, {year words}",
            "{Weekday}, {Month} {d-th}, {yyyy}",
            "{Mon} {d} {yyyy}",
            "{d-th} of {Month} {yyyy}",
            "{month} the {ordinal words}, {yyyy}",
            "{weekday} the {ordinal words} of {month} {year words}");

    static final LocalDate FIRST = LocalDate.of(1950, 1, 1);
    static final LocalDate LAST = LocalDate.of(2049, 12, 31);

    /** {@code n} pairs drawn with {@code seed}. */
    public static List<Pair> generate(int n, long seed) {
        if (n < 0) throw new IllegalArgumentException("dates: n must be >= 0, got " + n);
        Generator gen = new Generator(seed);
        int days = (int) (LAST.toEpochDay() - FIRST.toEpochDay()) + 1;
        List<Pair> pairs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LocalDate date = FIRST.plusDays(gen.nextInt(days));
            String source = write(date, gen.nextInt(FORMATS.size()));
            int style = gen.nextInt(20);
            if (style < 7) source = source.toLowerCase(Locale.ROOT);
            else if (style < 10) source = source.toUpperCase(Locale.ROOT);
            pairs.add(new Pair(source, date.toString()));
        }
        return pairs;
    }

    /** {@code date} written in format number {@code format} (see {@link #FORMATS}). */
    public static String write(LocalDate date, int format) {
        String month = MONTHS[date.getMonthValue() - 1];
        String mon = month.substring(0, 3);
        String weekday = WEEKDAYS[date.getDayOfWeek().getValue() - 1];
        int d = date.getDayOfMonth();
        int yyyy = date.getYear();
        return switch (format) {
            case 0 -> month + " " + d + ", " + yyyy;
            case 1 -> d + " " + month + " " + yyyy;
            case 2 -> "the " + ordinalWords(d) + " of " + month.toLowerCase(Locale.ROOT) + ", " + yearWords(yyyy);
            case 3 -> weekday + ", " + month + " " + ordinal(d) + ", " + yyyy;
            case 4 -> mon + " " + d + " " + yyyy;
            case 5 -> ordinal(d) + " of " + month + " " + yyyy;
            case 6 -> month.toLowerCase(Locale.ROOT) + " the " + ordinalWords(d) + ", " + yyyy;
            case 7 -> weekday.toLowerCase(Locale.ROOT) + " the " + ordinalWords(d) + " of "
                    + month.toLowerCase(Locale.ROOT) + " " + yearWords(yyyy);
            default -> throw new IllegalArgumentException("format must be 0.." + (FORMATS.size() - 1) + ", got " + format);
        };
    }

    // Spelled out here rather than taken from the JDK's locale data, which changes between versions.
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
        "ninety"};
    private static final String[] ORDINAL_ONES = {"", "first", "second", "third", "fourth", "fifth", "sixth",
        "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
        "sixteenth", "seventeenth", "eighteenth", "nineteenth"};

    /** 0..99 in words: "forty-two". */
    static String words(int n) {
        if (n < 20) return ONES[n];
        return TENS[n / 10] + (n % 10 == 0 ? "" : "-" + ONES[n % 10]);
    }

    /** 1..31 as an ordinal in words: "twenty-first", "thirtieth". */
    static String ordinalWords(int n) {
        if (n < 20) return ORDINAL_ONES[n];
        if (n % 10 == 0) return TENS[n / 10].replaceAll("y$", "ieth");
        return TENS[n / 10] + "-" + ORDINAL_ONES[n % 10];
    }

    /** 1..31 with its suffix: "1st", "2nd", "3rd", "11th", "22nd". */
    static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    /** A year as spoken: "nineteen ninety-four", "two thousand and five", "twenty twenty-three". */
    static String yearWords(int year) {
        int hi = year / 100;
        int lo = year % 100;
        if (year >= 2000 && year < 2010) return lo == 0 ? "two thousand" : "two thousand and " + ONES[lo];
        if (lo == 0) return words(hi) + " hundred";
        return words(hi) + " " + (lo < 10 ? "oh " + ONES[lo] : words(lo));
    }
}
