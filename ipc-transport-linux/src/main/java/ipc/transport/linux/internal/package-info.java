/** The Linux transport's implementation. Not exported; not API. */
package ipc.transport.linux.internal;
