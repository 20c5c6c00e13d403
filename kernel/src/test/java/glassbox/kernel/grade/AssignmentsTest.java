package glassbox.kernel.grade;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Every assignment in notebooks/assignments: the solution passes every test, the released stubs fail every test. */
class AssignmentsTest {

    @TestFactory
    Stream<DynamicTest> everyAssignmentVerifies() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).resolve("../notebooks/assignments").normalize();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(p -> Files.isDirectory(p.resolve("tests/visible"))).sorted().toList();
        }
        assertFalse(dirs.isEmpty(), "no assignments under " + root);
        return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> {
            Verify.Report r = Verify.verify(Assignment.open(d));
            assertTrue(r.ok(), String.join("\n", r.problems()));
            assertEquals(r.solution().maxScore(), r.solution().score());
            assertEquals(0, r.released().score());
        }));
    }
}
