package ipc.transport.linux.internal;

import ipc.api.IpcException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * A {@code struct sockaddr_un} for a socket file, in native memory, for {@code bind} and {@code connect}.
 *
 * <h2>Thread safety</h2>
 * Immutable after construction; thread-safe.
 */
final class UnixSocketAddress {

    /** The longest path {@code sockaddr_un} holds: 108 bytes including the terminating NUL. */
    static final int MAX_PATH_BYTES = Layouts.SOCKADDR_UN_PATH_MAX - 1;

    private final Pointer address;
    private final int length;

    private UnixSocketAddress(byte[] path) {
        this.length = Layouts.SOCKADDR_UN_PATH + path.length + 1;
        this.address = Memory.allocateDirect(Native.runtime(), Layouts.SOCKADDR_UN_SIZE, true);
        address.putShort(Layouts.SOCKADDR_UN_FAMILY, (short) Linux.AF_UNIX);
        address.put(Layouts.SOCKADDR_UN_PATH, path, 0, path.length);
        address.putByte(Layouts.SOCKADDR_UN_PATH + path.length, (byte) 0);
    }

    /**
     * The address of a socket file.
     *
     * @param path the socket file's path
     * @return the address
     * @throws IpcException if the path does not fit {@code sockaddr_un} or contains a NUL byte
     */
    static UnixSocketAddress of(Path path) throws IpcException {
        byte[] bytes = pathBytes(path);
        if (bytes.length > MAX_PATH_BYTES) {
            throw new IpcException("The socket path " + path + " is " + bytes.length + " bytes long; a Unix socket "
                    + "path holds at most " + MAX_PATH_BYTES + " bytes");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new IpcException("A socket path cannot contain a NUL byte: " + path);
            }
        }
        return new UnixSocketAddress(bytes);
    }

    /** The bytes of {@code path} as the kernel sees them (UTF-8). */
    static byte[] pathBytes(Path path) {
        return path.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code sockaddr_un}. */
    Pointer pointer() {
        return address;
    }

    /** Its length for {@code bind}/{@code connect}: family, path and terminating NUL. */
    int length() {
        return length;
    }
}
