package ipc.tests.support;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts a child JVM that runs a class of this module with the same module path and class path as the current JVM
 * (both: Surefire puts jffi's native jar on the class path even in module-path runs), the same {@code ipc.*} system
 * properties and the JVM flags the build passes (native access on JDK 24+). Its output goes to a file that
 * {@link #output()} reads, so a full pipe can never block the child.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; one test uses one instance.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} (in module {@code ipc.tests} on the module path, or by class name on the class path)
     * with {@code args}.
     *
     * @param mainClass a class with a {@code main(String[])}
     * @param args its arguments
     * @return the running child
     * @throws IOException if the JVM cannot be started
     */
    public static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
        List<String> command = javaCommand(true);
        String modulePath = System.getProperty("jdk.module.path", "");
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.isEmpty()) {
            command.add("-cp");
            command.add(classPath);
        }
        if (!modulePath.isEmpty() && mainClass.getModule().isNamed()) {
            command.add("-p");
            command.add(modulePath);
            command.add("--add-modules");
            command.add("ALL-MODULE-PATH");
            command.add("-m");
            command.add(mainClass.getModule().getName() + "/" + mainClass.getName());
        } else {
            command.add(mainClass.getName());
        }
        command.addAll(List.of(args));
        return launch(command);
    }

    /**
     * Starts {@code mainClass} on a class path of the caller's choosing, with no module path and no {@code ipc.*}
     * system properties: for tests of what discovery does with a given set of jars.
     *
     * @param classPath the class path entries
     * @param mainClass a class with a {@code main(String[])}, which must be on {@code classPath}
     * @param args its arguments
     * @return the running child
     * @throws IOException if the JVM cannot be started
     */
    public static ChildJvm startOnClassPath(List<String> classPath, Class<?> mainClass, String... args)
            throws IOException {
        List<String> command = javaCommand(false);
        // On the class path jffi is unnamed: grant native access to ALL-UNNAMED instead of the module.
        command.replaceAll(flag -> flag.startsWith("--enable-native-access") ? "--enable-native-access=ALL-UNNAMED"
                : flag);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return launch(command);
    }

    /** Every entry of this JVM's module path and class path. */
    public static List<String> currentPathEntries() {
        List<String> entries = new ArrayList<>();
        for (String key : List.of("jdk.module.path", "java.class.path")) {
            for (String entry : System.getProperty(key, "").split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    private static List<String> javaCommand(boolean forwardIpcProperties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(ChildJvm::isForwardedFlag).toList());
        if (forwardIpcProperties) {
            // Surefire sets systemPropertyVariables inside the JVM, not on its command line: forward ipc.* here.
            for (String key : System.getProperties().stringPropertyNames()) {
                if (key.startsWith("ipc.")) {
                    command.add("-D" + key + "=" + System.getProperty(key));
                }
            }
        }
        return command;
    }

    private static ChildJvm launch(List<String> command) throws IOException {
        Path log = Files.createTempFile("ipc-child-", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        return new ChildJvm(process, log);
    }

    private static boolean isForwardedFlag(String flag) {
        return flag.startsWith("--enable-native-access")
                || flag.startsWith("--sun-misc-unsafe-memory-access") || flag.startsWith("-Xmx");
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits at most {@code seconds} for the child to exit.
     *
     * @param seconds the bound
     * @return the exit status, or empty if it is still running
     * @throws InterruptedException if interrupted
     */
    public Optional<Integer> waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
    }

    /** Kills the child with SIGKILL and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** What the child printed so far (stdout and stderr), for assertion messages. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    /** Kills the child if it still runs and deletes its output file. */
    @Override
    public void close() throws InterruptedException, IOException {
        if (process.isAlive()) {
            kill();
        }
        Files.deleteIfExists(log);
    }
}
