package ipc.transport.linux.ffi;

import jnr.ffi.LibraryLoader;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;

/**
 * {@code getrlimit(2)} and {@code setrlimit(2)}, for tests that make descriptors run out for a moment. In the
 * exported package because jnr-ffi implements it in an unnamed module, as it does {@link LibC}. The calls return 0, or
 * -1 with {@code errno} set; they throw nothing.
 *
 * <h2>Thread safety</h2>
 * Thread-safe (a stateless binding); the limits it sets are the whole process's.
 */
public interface ResourceLimits {

    /** {@code RLIMIT_NOFILE}: one more than the highest descriptor number this process may open. */
    int RLIMIT_NOFILE = 7;

    /** The binding, loaded from libc. */
    static ResourceLimits load() {
        return LibraryLoader.create(ResourceLimits.class).load("c");
    }

    /** Reads {@code struct rlimit} ({@code rlim_cur}, {@code rlim_max}) into {@code limits}. */
    int getrlimit(int resource, @Out long[] limits);

    /** Sets {@code struct rlimit} ({@code rlim_cur}, {@code rlim_max}) from {@code limits}. */
    int setrlimit(int resource, @In long[] limits);
}
