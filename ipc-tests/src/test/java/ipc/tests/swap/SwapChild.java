package ipc.tests.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipc.tests.children.SwapApp;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link SwapApp} in a child JVM on the module path or on the class path, with a chosen set of serializer
 * modules and chosen {@code -D} properties (none of this JVM's {@code ipc.*} properties are forwarded), and returns
 * its one {@code SWAP} line. The child gets this JVM's native-access and {@code sun.misc.Unsafe} flags (those the
 * README documents) and must print no JVM warning.
 */
final class SwapChild {

    /** The three serializer artifacts; an entry of the module or class path belongs to one if it contains its name. */
    static final List<String> SERIALIZERS = List.of("jackson", "kryo", "protobuf");

    private static final long WAIT_SECONDS = 60;

    private SwapChild() {}

    /** Where the child's jars go. */
    enum Placement {
        MODULE_PATH, CLASS_PATH
    }

    /**
     * Runs the application and returns its {@code SWAP ...} line.
     *
     * @param where module path (ours as named modules) or class path
     * @param present the serializers whose module is present
     * @param properties {@code -D} flags, such as {@code -Dipc.serializer=kryo}
     * @param args the application's arguments
     */
    static String run(Placement where, Set<String> present, List<String> properties, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--enable-native-access")) {
                command.add(where == Placement.MODULE_PATH ? flag : "--enable-native-access=ALL-UNNAMED");
            } else if (flag.startsWith("--sun-misc-unsafe-memory-access") || flag.startsWith("-Xmx")) {
                command.add(flag);
            }
        }
        command.addAll(properties);
        List<String> modulePath = entries("jdk.module.path", present);
        List<String> classPath = entries("java.class.path", present);
        if (where == Placement.MODULE_PATH) {
            command.addAll(List.of("-p", String.join(File.pathSeparator, modulePath)));
            if (!classPath.isEmpty()) {
                command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath)));
            }
            // No --add-modules: the transport and serializer modules present are resolved by service binding
            // (ipc.api uses both SPIs), as in an application that requires only ipc.api.
            command.addAll(List.of("-m", SwapApp.class.getModule().getName() + "/" + SwapApp.class.getName()));
        } else {
            List<String> all = new ArrayList<>(modulePath);
            all.addAll(classPath);
            command.addAll(List.of("-cp", String.join(File.pathSeparator, all), SwapApp.class.getName()));
        }
        command.addAll(Arrays.asList(args));
        return launch(command);
    }

    private static List<String> entries(String property, Set<String> present) {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty(property, "").split(File.pathSeparator)) {
            boolean absentSerializer = SERIALIZERS.stream()
                    .anyMatch(name -> !present.contains(name) && entry.contains("ipc-serde-" + name));
            if (!entry.isEmpty() && !absentSerializer) {
                kept.add(entry);
            }
        }
        return kept;
    }

    /** The options of a command, without the (long) paths that follow -p and -cp. */
    private static List<String> flags(List<String> command) {
        return command.stream().filter(part -> part.startsWith("-") && !part.equals("-p") && !part.equals("-cp"))
                .toList();
    }

    private static String launch(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("ipc-swap-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
                throw new AssertionError("the child did not exit within " + WAIT_SECONDS + " s: "
                        + Files.readString(log));
            }
            String output = Files.readString(log);
            assertEquals(0, process.exitValue(), () -> "the child failed:\n" + output + "\nflags: " + flags(command));
            // The flags the README documents (forwarded from this JVM: native access, and on JDK 24+ Kryo's
            // sun.misc.Unsafe access) leave the JVM nothing to warn about, with any serializer on either path.
            assertEquals(List.of(), output.lines().filter(line -> line.startsWith("WARNING")).toList(),
                    () -> "the JVM warned; its flags: " + flags(command));
            return output.lines().filter(line -> line.startsWith("SWAP ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no SWAP line in:\n" + output));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
