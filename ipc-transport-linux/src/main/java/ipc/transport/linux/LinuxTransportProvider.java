package ipc.transport.linux;

import ipc.api.IpcException;
import ipc.api.spi.Transport;
import ipc.api.spi.TransportProvider;
import ipc.transport.linux.internal.LinuxTransport;
import ipc.transport.linux.internal.Native;
import java.util.Locale;

/**
 * Provides the {@code linux} transport. Constructing it is cheap and loads no native code; {@link #isSupported()}
 * loads libc through jnr-ffi the first time it is asked on Linux.
 *
 * <h2>Thread safety</h2>
 * Thread-safe.
 */
public final class LinuxTransportProvider implements TransportProvider {

    /** Creates the provider; cheap. */
    public LinuxTransportProvider() {}

    @Override
    public String name() {
        return "linux";
    }

    @Override
    public boolean isSupported() {
        return unsupportedCause() == null;
    }

    @Override
    public Throwable unsupportedCause() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.startsWith("linux")) {
            return new UnsupportedOperationException("requires Linux, this is " + System.getProperty("os.name"));
        }
        Throwable failure = Native.loadFailure();
        if (failure != null) {
            return new UnsupportedOperationException("libc could not be loaded through jnr-ffi: " + failure, failure);
        }
        return null;
    }

    @Override
    public Transport create() throws IpcException {
        Throwable cause = unsupportedCause();
        if (cause != null) {
            throw new IpcException("The linux transport is not supported here: " + cause.getMessage(), cause);
        }
        return new LinuxTransport();
    }
}
