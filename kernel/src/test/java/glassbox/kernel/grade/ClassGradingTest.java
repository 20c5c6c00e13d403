package glassbox.kernel.grade;

import glassbox.kernel.install.Cli;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** `glassbox grade` on a class of 30 (one folder per student), two at a time. */
class ClassGradingTest {

    @Test
    void aClassOf30GetsOneResultsFileEachAndACsv() throws Exception {
        Path dir = Files.createTempDirectory("glassbox-class");
        try {
            Path subs = dir.resolve("submissions");
            for (int i = 1; i <= 30; i++) {
                Path s = subs.resolve(String.format("student%02d", i));
                Files.createDirectories(s);
                Files.copy(GraderTest.ASSIGNMENT.resolve("01-perceptron.ipynb"), s.resolve("01-perceptron.ipynb"));
            }
            Path out = dir.resolve("out");
            long t0 = System.nanoTime();
            int code = Cli.commandLine().execute("grade", GraderTest.ASSIGNMENT.toString(), subs.toString(), "--out", out.toString(), "--jobs", "2");
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("graded a class of 30 in %.1f s (2 jobs)%n", seconds);
            assertEquals(0, code);
            try (Stream<Path> s = Files.list(out)) {
                List<Path> students = s.filter(Files::isDirectory).toList();
                assertEquals(30, students.size());
                for (Path p : students) {
                    assertTrue(Files.isRegularFile(p.resolve("results.json")), p.toString());
                    assertTrue(Files.isRegularFile(p.resolve("junit.xml")), p.toString());
                    assertTrue(Files.readString(p.resolve("results.json")).contains("\"score\": 15.0"), p.toString());
                }
            }
            List<String> csv = Files.readAllLines(out.resolve("grades.csv"));
            assertEquals(31, csv.size());
            assertTrue(csv.get(30).startsWith("student30,15,15,"), csv.get(30));
        } finally {
            Assignment.deleteTree(dir);
        }
    }
}
