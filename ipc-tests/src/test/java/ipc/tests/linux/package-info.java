/**
 * The contract suites of {@code ipc.tests.contract} run on the {@code linux} transport, within one JVM (the
 * cross-process tests are in {@code ipc.tests.crossprocess}). The Linux profile's executions run them twice: on the
 * module path and on the class path.
 */
package ipc.tests.linux;
