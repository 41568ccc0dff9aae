/**
 * ipc-channel's contract suites, after Netty's {@code testsuite}: one abstract JUnit 5 class per concern, each
 * subclassed (usually with an empty body) once per transport, for example {@code InProcessChannelTest extends
 * ChannelContract}. The transport is the one the JVM runs with ({@code -Dipc.transport}); a contract assumes
 * nothing about it beyond the API. Messages use the default serializer unless a test says otherwise.
 *
 * <p>Every call that can block is bounded: by {@code tryRecv(Duration)}, {@code trySelect(Duration)},
 * {@code tryAccept(Duration)} or {@code assertTimeoutPreemptively}. No test sleeps to make correctness work; the
 * only polling is in {@link ipc.tests.contract.CleanerContract}, where waiting for the garbage collector is the
 * point.
 */
package ipc.tests.contract;
