package ipc.tests.support;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
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
 * {@link #output()} reads, so a full pipe can never block the child. {@link #builder(Class)} starts one under another
 * uid, with a lower descriptor limit or with more system properties.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; one test uses one instance.
 */
public final class ChildJvm implements AutoCloseable {

    private static final List<String> TOOL_DIRECTORIES = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin");

    private final Process process;
    private final Path log;
    private final PathCopy pathCopy;

    private ChildJvm(Process process, Path log, PathCopy pathCopy) {
        this.process = process;
        this.log = log;
        this.pathCopy = pathCopy;
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
        addPathsAndMain(command, System.getProperty("jdk.module.path", ""), System.getProperty("java.class.path", ""),
                mainClass, args);
        return launch(command);
    }

    private static void addPathsAndMain(List<String> command, String modulePath, String classPath,
            Class<?> mainClass, String... args) {
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
    }

    /**
     * Options for a child JVM started like {@link #start(Class, String...)} but under another uid, with a lower
     * limit on open files or with more system properties.
     *
     * @param mainClass a class with a {@code main(String[])}
     * @return options to set, then {@link Builder#start(String...)}
     */
    public static Builder builder(Class<?> mainClass) {
        return new Builder(mainClass);
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
        command.add(javaExecutable().toString());
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
        return launch(command, null);
    }

    /** Starts {@code command}; with a path copy, in its directory, which is deleted with the child. */
    private static ChildJvm launch(List<String> command, PathCopy pathCopy) throws IOException {
        Path log = Files.createTempFile("ipc-child-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (pathCopy != null) {
            builder.directory(pathCopy.root().toFile()); // the test's directory may be closed to other users
        }
        try {
            return new ChildJvm(builder.start(), log, pathCopy);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(log);
            throw e;
        }
    }

    /**
     * Why a child JVM cannot run as {@code uid}/{@code gid} here (this JVM is not root, {@code setpriv} is missing,
     * or that user cannot run this JVM's {@code java}); empty if it can. Checked by running {@code setpriv} once.
     *
     * @param uid the user id
     * @param gid the group id
     * @return the reason, or empty
     */
    public static Optional<String> whyCannotRunAs(int uid, int gid) {
        Optional<Path> setpriv = tool("setpriv");
        if (setpriv.isEmpty()) {
            return Optional.of("setpriv (util-linux) is not installed in " + TOOL_DIRECTORIES);
        }
        List<String> probe = new ArrayList<>(switchUser(setpriv.get(), uid, gid));
        probe.addAll(List.of("test", "-x", javaExecutable().toString()));
        try {
            Process process = new ProcessBuilder(probe).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("setpriv did not finish within 30 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.exitValue() == 0 ? Optional.empty()
                    : Optional.of("cannot run " + javaExecutable() + " as uid " + uid + " (needs root and a java "
                            + "that uid may execute): setpriv exited with " + process.exitValue()
                            + (output.isEmpty() ? "" : ": " + output));
        } catch (IOException e) {
            return Optional.of("cannot run setpriv: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking setpriv");
        }
    }

    /**
     * Why a child JVM cannot be started with a lower limit on open files here ({@code prlimit} is missing); empty if
     * it can.
     *
     * @return the reason, or empty
     */
    public static Optional<String> whyCannotLimitOpenFiles() {
        return tool("prlimit").isPresent() ? Optional.empty()
                : Optional.of("prlimit (util-linux) is not installed in " + TOOL_DIRECTORIES);
    }

    private static Optional<Path> tool(String name) {
        return TOOL_DIRECTORIES.stream().map(directory -> Path.of(directory, name)).filter(Files::isExecutable)
                .findFirst();
    }

    private static List<String> switchUser(Path setpriv, int uid, int gid) {
        return List.of(setpriv.toString(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");
    }

    private static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
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

    /** Kills the child if it still runs and deletes its output file (and its copy of the paths, if any). */
    @Override
    public void close() throws InterruptedException, IOException {
        if (process.isAlive()) {
            kill();
        }
        Files.deleteIfExists(log);
        if (pathCopy != null) {
            pathCopy.delete();
        }
    }

    /**
     * How to start a child JVM that {@link ChildJvm#start(Class, String...)} would start, under another uid
     * ({@code setpriv}; the module path and class path are then copied where that uid can read them, and deleted
     * with the child), with a lower {@code RLIMIT_NOFILE} ({@code prlimit}, soft and hard limit alike, so the
     * JVM cannot raise it), and/or with more system properties. Check {@link #whyCannotRunAs} and
     * {@link #whyCannotLimitOpenFiles} first.
     *
     * <h2>Thread safety</h2>
     * Not thread-safe.
     */
    public static final class Builder {

        private final Class<?> mainClass;
        private int uid = -1;
        private int gid = -1;
        private int openFiles = -1;
        private final List<String> properties = new ArrayList<>();

        private Builder(Class<?> mainClass) {
            this.mainClass = mainClass;
        }

        /**
         * Runs the child with these real and effective ids and no supplementary groups.
         *
         * @param uid the user id
         * @param gid the group id
         * @return this
         */
        public Builder runAs(int uid, int gid) {
            if (uid < 0 || gid < 0) {
                throw new IllegalArgumentException("uid and gid must not be negative: " + uid + ", " + gid);
            }
            this.uid = uid;
            this.gid = gid;
            return this;
        }

        /**
         * Runs the child with at most {@code limit} open descriptors.
         *
         * @param limit the soft and hard {@code RLIMIT_NOFILE}
         * @return this
         */
        public Builder openFilesLimit(int limit) {
            if (limit <= 0) {
                throw new IllegalArgumentException("limit must be positive: " + limit);
            }
            this.openFiles = limit;
            return this;
        }

        /**
         * Sets a system property on the child's command line (after the forwarded {@code ipc.*} ones, so it wins).
         *
         * @param key the property
         * @param value its value
         * @return this
         */
        public Builder systemProperty(String key, String value) {
            properties.add("-D" + key + "=" + value);
            return this;
        }

        /**
         * Starts the child.
         *
         * @param args the arguments of its {@code main}
         * @return the running child
         * @throws IOException if a tool is missing, the paths cannot be copied, or the JVM cannot be started
         */
        public ChildJvm start(String... args) throws IOException {
            List<String> command = new ArrayList<>();
            if (openFiles > 0) {
                command.addAll(List.of(required("prlimit").toString(), "--nofile=" + openFiles + ":" + openFiles,
                        "--"));
            }
            if (uid < 0) {
                command.addAll(javaCommand(true));
                command.addAll(properties);
                addPathsAndMain(command, System.getProperty("jdk.module.path", ""),
                        System.getProperty("java.class.path", ""), mainClass, args);
                return launch(command);
            }
            command.addAll(switchUser(required("setpriv"), uid, gid));
            command.addAll(javaCommand(true));
            command.addAll(properties);
            command.add("-XX:-UsePerfData"); // leaves no hsperfdata directory of that user behind
            PathCopy copy = PathCopy.ofCurrentPaths();
            try {
                addPathsAndMain(command, copy.modulePath(), copy.classPath(), mainClass, args);
                return launch(command, copy);
            } catch (IOException | RuntimeException e) {
                copy.delete();
                throw e;
            }
        }

        private static Path required(String name) throws IOException {
            return tool(name).orElseThrow(() -> new IOException(name + " is not installed in " + TOOL_DIRECTORIES));
        }
    }
}
