package ipc.api.spi;

import ipc.api.IpcException;

/**
 * A platform transport, found with {@link java.util.ServiceLoader}.
 *
 * <p>The constructor must be cheap and must not load native code: discovery instantiates every provider on
 * the module path or class path, including those for other platforms. Heavy set-up belongs in
 * {@link #create()}, which is called at most once, on the provider that discovery picked.
 *
 * <p>Discovery order: the system property {@code ipc.transport} names a provider; otherwise the
 * supported providers that are not {@linkplain #explicitOnly() explicit-only} are candidates, and exactly
 * one must remain.
 *
 * <h2>Thread safety</h2>
 * Implementations must be thread-safe.
 */
public interface TransportProvider {

    /** The short name used by {@code -Dipc.transport}, such as {@code linux}, {@code macos} or {@code inprocess}. */
    String name();

    /** Whether this transport can run on this platform and JVM. Must not throw. */
    boolean isSupported();

    /**
     * Why this transport is not supported, for error messages; {@code null} when it is supported.
     *
     * @return a throwable whose message a user can act on, or {@code null}
     */
    Throwable unsupportedCause();

    /**
     * Whether this transport is only used when named by {@code -Dipc.transport}. The in-process transport is:
     * it would silently break every cross-process use.
     */
    default boolean explicitOnly() {
        return false;
    }

    /**
     * Creates the transport. Called at most once per JVM by discovery.
     *
     * @return the transport
     * @throws IpcException if the native layer cannot be initialised
     */
    Transport create() throws IpcException;
}
