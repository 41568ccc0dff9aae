/**
 * Leak tests on the {@code linux} transport: thousands of channels, handles passed through several hops, failed
 * decodes, large messages, shared memory, one-shot servers, receiver sets, routers and peers killed mid-message,
 * each checked to leave exactly the descriptors ({@code /proc/self/fd}) and memfd mappings ({@code /proc/self/maps})
 * it found. They measure the whole process, so the Linux profile runs them alone, in a JVM of their own.
 */
package ipc.tests.leaks;
