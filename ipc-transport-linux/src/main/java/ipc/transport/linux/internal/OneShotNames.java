package ipc.transport.linux.internal;

import ipc.api.IpcException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The names of Linux one-shot servers, and connecting to one.
 *
 * <h2>Name format</h2>
 * A name is the absolute path of the server's socket file: {@code <java.io.tmpdir>/ipc-channel-<random>/socket},
 * for example {@code /tmp/ipc-channel-1234567890/socket}, where the directory is private to the server's user
 * (mode 0700) and exists only while the server waits for its client. It is plain text a child can receive on its
 * command line or in its environment; at most {@value UnixSocketAddress#MAX_PATH_BYTES} bytes in UTF-8, the limit
 * of {@code sockaddr_un}.
 *
 * <h2>Thread safety</h2>
 * Stateless; thread-safe.
 */
final class OneShotNames {

    /** The prefix of a server's private directory. */
    static final String DIRECTORY_PREFIX = "ipc-channel-";
    /** The socket file's name inside that directory. */
    static final String SOCKET_FILE = "socket";

    private OneShotNames() {}

    /**
     * Checks that {@code name} has the shape of a Linux one-shot server name.
     *
     * @param name a name from a server's {@code name()}, possibly in another process
     * @return the socket path
     * @throws IpcException if it is not such a name, or too long for a Unix socket address
     */
    static Path parse(String name) throws IpcException {
        Objects.requireNonNull(name, "name");
        Path path;
        try {
            path = Path.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            throw notOurs(name);
        }
        Path directory = path.getParent();
        if (!path.isAbsolute() || !path.equals(path.normalize()) || directory == null
                || !SOCKET_FILE.equals(path.getFileName().toString())
                || directory.getFileName() == null
                || !directory.getFileName().toString().startsWith(DIRECTORY_PREFIX)) {
            throw notOurs(name);
        }
        int bytes = UnixSocketAddress.pathBytes(path).length;
        if (bytes > UnixSocketAddress.MAX_PATH_BYTES) {
            throw new IpcException("The one-shot server name '" + name + "' is " + bytes + " bytes long; a Unix "
                    + "socket path holds at most " + UnixSocketAddress.MAX_PATH_BYTES + " bytes");
        }
        return path;
    }

    private static IpcException notOurs(String name) {
        return new IpcException("'" + name + "' is not the name of a Linux one-shot server: expected the absolute "
                + "path of its socket file, such as /tmp/" + DIRECTORY_PREFIX + "1234/" + SOCKET_FILE
                + ", as IpcOneShotServer.name() returns it");
    }
}
