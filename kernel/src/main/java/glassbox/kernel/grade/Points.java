package glassbox.kernel.grade;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many points a test of an assignment is worth (default 1): {@code @Test @Points(2) void step(Submission sub)}.
 * On a class it sets the default for the class's tests.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Points {
    double value();
}
