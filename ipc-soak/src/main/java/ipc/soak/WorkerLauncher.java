package ipc.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@link WorkerMain} in a new JVM with this JVM's module path, class path, native-access flags and
 * {@code ipc.*} system properties. Output goes to a log file (appended to by every incarnation of a worker slot), so
 * no pipe can fill up and block a worker.
 *
 * <h2>Thread safety</h2>
 * Stateless; thread-safe.
 */
final class WorkerLauncher {

    /** A small heap and a quick start: workers are restarted often. */
    private static final List<String> WORKER_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private WorkerLauncher() {}

    static Process start(String serverName, int worker, int incarnation, long seed, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(WORKER_FLAGS);
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--enable-native-access")) {
                command.add(flag);
            }
        }
        // Also those set inside the JVM (as Surefire does), not only on its command line.
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith("ipc.")) {
                command.add("-D" + key + "=" + System.getProperty(key));
            }
        }
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.isEmpty()) {
            command.add("-cp");
            command.add(classPath);
        }
        String modulePath = System.getProperty("jdk.module.path", "");
        if (!modulePath.isEmpty() && WorkerMain.class.getModule().isNamed()) {
            command.addAll(List.of("-p", modulePath, "--add-modules", "ALL-MODULE-PATH",
                    "-m", WorkerMain.class.getModule().getName() + "/" + WorkerMain.class.getName()));
        } else {
            command.add(WorkerMain.class.getName());
        }
        command.addAll(List.of(serverName, Integer.toString(worker), Integer.toString(incarnation),
                Long.toString(seed)));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
    }
}
