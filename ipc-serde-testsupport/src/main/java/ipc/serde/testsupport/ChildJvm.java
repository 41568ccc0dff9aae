package ipc.serde.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compiling a small consumer module and running it in a child JVM on the module path: the serializer modules' proof
 * that they work as named modules while their unit tests run on the class path.
 */
public final class ChildJvm {

    private ChildJvm() {}

    /**
     * What a finished child JVM left behind.
     *
     * @param exitValue its exit status
     * @param printed everything it printed, standard error included
     */
    public record Finished(int exitValue, String printed) {}

    /**
     * Where a class was loaded from: a jar, or a classes directory of the reactor.
     *
     * @param type a class on this JVM's class path
     * @return the jar or directory
     */
    public static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate " + type, e);
        }
    }

    /**
     * A module path of {@code extra} followed by the locations of {@code modules}, without repeats.
     *
     * @param modules one class from each module the consumer needs
     * @param extra further entries, first (such as the consumer's classes)
     * @return the module path
     */
    public static String modulePath(List<Class<?>> modules, Path... extra) {
        Stream<String> ours = modules.stream().map(ChildJvm::locationOf);
        return Stream.concat(Stream.of(extra).map(Path::toString), ours).distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * The {@code java} launcher of this JVM.
     *
     * @return its path
     */
    public static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs javac on {@code options} followed by {@code sources}, and asserts that it succeeds.
     *
     * @param options javac's options
     * @param sources the files to compile
     * @param failureMessage the assertion message, followed by javac's diagnostics
     */
    public static void compile(List<String> options, List<Path> sources, String failureMessage) {
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new AssertionError("this test needs a JDK with javac"));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<String> arguments = Stream.concat(options.stream(), sources.stream().map(Path::toString))
                .collect(Collectors.toList());
        try (PrintStream out = new PrintStream(diagnostics, true, StandardCharsets.UTF_8)) {
            int status = javac.run(out, out, arguments.toArray(String[]::new));
            assertEquals(0, status, failureMessage + diagnostics.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Runs {@code command}, its output (standard error included) going to {@code output}, and asserts that it
     * finishes within {@code timeoutSeconds}; it is killed in any case.
     *
     * @param command the command line
     * @param output where the child's output goes
     * @param timeoutSeconds how long the child may run
     * @return its exit status and output
     * @throws IOException if the child cannot be started or its output read
     * @throws InterruptedException if interrupted while waiting
     */
    public static Finished run(List<String> command, Path output, long timeoutSeconds)
            throws IOException, InterruptedException {
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertTrue(child.waitFor(timeoutSeconds, TimeUnit.SECONDS), "the child JVM finished in time");
        } finally {
            child.destroyForcibly();
        }
        return new Finished(child.exitValue(), Files.readString(output));
    }
}
