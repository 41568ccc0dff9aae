package ipc.demo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@link Worker} in a new JVM with this JVM's module path, class path and native-access flags. */
final class WorkerLauncher {

    private WorkerLauncher() {}

    static Process start(String serverName) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--enable-native-access") || flag.startsWith("-Dipc.")) {
                command.add(flag);
            }
        }
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.isEmpty()) {
            command.add("-cp");
            command.add(classPath);
        }
        String modulePath = System.getProperty("jdk.module.path", "");
        if (!modulePath.isEmpty()) {
            command.addAll(List.of("-p", modulePath, "--add-modules", "ALL-MODULE-PATH",
                    "-m", "ipc.demo/" + Worker.class.getName()));
        } else {
            command.add(Worker.class.getName());
        }
        command.add(serverName);
        return new ProcessBuilder(command).inheritIO().start();
    }
}
