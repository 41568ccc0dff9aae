package ipc.fuzz.messages;

/** Closing the handles a decoded message holds. */
final class Handles {

    private Handles() {}

    /** Closes each non-null handle; {@code close()} of a handle is idempotent and throws nothing checked. */
    static void close(Object... handles) {
        for (Object handle : handles) {
            if (handle instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing " + handle + " failed", e);
                }
            }
        }
    }
}
