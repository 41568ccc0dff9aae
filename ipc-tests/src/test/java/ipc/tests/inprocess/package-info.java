/**
 * The contract suites of {@code ipc.tests.contract} run on the {@code inprocess} transport (threads of one JVM).
 * Surefire's default execution selects it with {@code -Dipc.transport=inprocess}.
 */
package ipc.tests.inprocess;
