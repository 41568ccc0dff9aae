package ipc.serde.testsupport;

import java.util.ArrayDeque;
import java.util.Deque;

/** Closes every handle a test opened, last first; a failure to close fails the test after all are tried. */
public final class Closer implements AutoCloseable {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /** Creates a closer with nothing to close yet. */
    public Closer() {}

    /**
     * Registers {@code resource} to be closed by {@link #close()}.
     *
     * @param <R> the resource type
     * @param resource the resource
     * @return {@code resource}
     */
    public <R extends AutoCloseable> R add(R resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() {
        IllegalStateException failure = null;
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("Closing a test handle failed: " + resource, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
