package glassbox.kernel.grade;

/**
 * The result of one assignment test: its name ("PerceptronTest > step moves towards the target"), points
 * earned and possible, whether it passed, the failure message a student reads, what it printed, and
 * whether it is a hidden test.
 */
public record TestOutcome(String className, String method, String name, double score, double maxScore,
                          boolean passed, String message, String output, boolean hidden, String tags) {
}
