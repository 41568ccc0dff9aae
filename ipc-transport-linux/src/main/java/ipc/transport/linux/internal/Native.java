package ipc.transport.linux.internal;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.transport.linux.ffi.LibC;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Loads libc through jnr-ffi on first use (never in a provider's constructor) and turns errno into exceptions that
 * read like {@code "sendmsg(..) failed with error(32): Broken pipe"}.
 */
public final class Native {

    private Native() {}

    /** Loaded on first access of {@link #libc()}; a failure is kept and reported by {@link #loadFailure()}. */
    private static final class Holder {
        static final LibC LIBC;
        static final Runtime RUNTIME;
        static final Throwable FAILURE;

        static {
            LibC libc = null;
            Runtime runtime = null;
            Throwable failure = null;
            try {
                libc = LibraryLoader.create(LibC.class).load("c");
                runtime = Runtime.getRuntime(libc);
            } catch (Throwable e) { // LinkageError from jffi's stub library, or UnsatisfiedLinkError
                failure = e;
            }
            LIBC = libc;
            RUNTIME = runtime;
            FAILURE = failure;
        }
    }

    /** The binding; throws if libc could not be loaded (check {@link #loadFailure()} first). */
    public static LibC libc() {
        LibC libc = Holder.LIBC;
        if (libc == null) {
            throw new IllegalStateException("libc could not be loaded through jnr-ffi", Holder.FAILURE);
        }
        return libc;
    }

    /** The jnr-ffi runtime of the binding, for allocating native memory. */
    public static Runtime runtime() {
        libc();
        return Holder.RUNTIME;
    }

    /** Why libc could not be loaded, or null if it was. */
    public static Throwable loadFailure() {
        return Holder.FAILURE;
    }

    /** errno of the last call on this thread. */
    public static int errno() {
        return Holder.RUNTIME.getLastError();
    }

    /** The text of an errno value. */
    public static String describe(int errno) {
        return libc().strerror(errno);
    }

    /**
     * An exception for a failed call: {@link IpcDisconnectedException} for a peer that is gone (EPIPE, ECONNRESET),
     * {@link ipc.api.IpcDescriptorLimitException} naming the limit when out of descriptors (EMFILE, ENFILE),
     * otherwise {@link IpcException}.
     *
     * @param call the call, such as {@code "sendmsg"}
     * @param errno the error number
     * @return the exception, to throw
     */
    public static IpcException error(String call, int errno) {
        String text = call + "(..) failed with error(" + errno + "): " + describe(errno);
        if (errno == Errors.EPIPE || errno == Errors.ECONNRESET) {
            return new IpcDisconnectedException(text);
        }
        if (errno == Errors.EMFILE || errno == Errors.ENFILE) {
            return FdPressure.exhausted(call, errno);
        }
        return new IpcException(text);
    }

    /** {@link #error(String, int)} with the current errno. */
    public static IpcException lastError(String call) {
        return error(call, errno());
    }
}
