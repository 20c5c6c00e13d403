package glassbox.kernel.grade;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The time limit of a test in seconds (default {@value SubmissionExtension#DEFAULT_LIMIT_SECONDS}).
 * A test that runs longer is stopped (the student's loops check for it) and fails with a message saying so.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface TimeLimit {
    double value();
}
