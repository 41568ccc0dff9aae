/**
 * The JMH benchmarks: each class measures one operation of the Rust {@code ipc-channel} benches, with the same
 * semantics as the row of {@code bench/floor.c} it is compared with. Every benchmark closes what it creates and
 * hands what it receives to a {@link org.openjdk.jmh.infra.Blackhole}. Times are nanoseconds per operation (JMH's
 * average-time mode); where an invocation moves several messages, {@code @OperationsPerInvocation} makes it per
 * message.
 */
package ipc.benchmarks;
