package ipc.tests.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A copy of this JVM's module path and class path in a fresh directory under {@code java.io.tmpdir} that every user
 * may read, for a child JVM that runs under another uid and may not read the build's directories or the local
 * Maven repository. Each entry keeps its file name (automatic module names derive from it) in its own numbered
 * subdirectory. {@link #delete()} removes it all.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; owned by one {@link ChildJvm}.
 */
final class PathCopy {

    private static final Set<PosixFilePermission> READABLE_DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private final Path root;
    private final String modulePath;
    private final String classPath;

    private PathCopy(Path root, String modulePath, String classPath) {
        this.root = root;
        this.modulePath = modulePath;
        this.classPath = classPath;
    }

    /**
     * Copies the entries of {@code jdk.module.path} and {@code java.class.path} (an entry on both is copied once).
     *
     * @return the copy
     * @throws IOException if an entry cannot be copied; what was copied so far is deleted
     */
    static PathCopy ofCurrentPaths() throws IOException {
        Path root = Files.createTempDirectory("ipc-child-path-");
        try {
            Files.setPosixFilePermissions(root, READABLE_DIRECTORY);
            Map<String, String> copies = new LinkedHashMap<>();
            String modulePath = copyEntries(root, System.getProperty("jdk.module.path", ""), copies);
            String classPath = copyEntries(root, System.getProperty("java.class.path", ""), copies);
            return new PathCopy(root, modulePath, classPath);
        } catch (IOException | RuntimeException e) {
            deleteTree(root);
            throw e;
        }
    }

    private static String copyEntries(Path root, String path, Map<String, String> copies) throws IOException {
        List<String> copied = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            String copy = copies.get(entry);
            if (copy == null) {
                Path source = Path.of(entry).toAbsolutePath();
                if (!Files.exists(source)) {
                    continue; // the JVM ignores a missing entry; so does the copy
                }
                Path directory = root.resolve(Integer.toString(copies.size()));
                Files.createDirectory(directory);
                Files.setPosixFilePermissions(directory, READABLE_DIRECTORY);
                Path target = directory.resolve(source.getFileName().toString());
                copyTree(source, target);
                copy = target.toString();
                copies.put(entry, copy);
            }
            copied.add(copy);
        }
        return String.join(File.pathSeparator, copied);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            paths.forEach(path -> {
                Path destination = target.resolve(source.relativize(path).toString());
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(destination);
                        Files.setPosixFilePermissions(destination, READABLE_DIRECTORY);
                    } else {
                        Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(destination, READABLE_FILE);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The copied module path, in the original order. */
    String modulePath() {
        return modulePath;
    }

    /** The copied class path, in the original order. */
    String classPath() {
        return classPath;
    }

    /** The directory that holds the copy; readable by every user. */
    Path root() {
        return root;
    }

    /** Deletes the copy. */
    void delete() throws IOException {
        deleteTree(root);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
