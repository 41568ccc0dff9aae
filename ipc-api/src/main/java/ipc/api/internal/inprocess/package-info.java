/**
 * The {@code inprocess} transport: channels between threads of one JVM with the same semantics as the platform
 * transports (disconnect, ordering, handles in messages, select, shared memory). It reference-counts channel ends
 * the way the kernel counts file descriptors, so "every sender closed" means the same thing here as across
 * processes. Used only when {@code -Dipc.transport=inprocess} names it. Not exported.
 */
package ipc.api.internal.inprocess;
