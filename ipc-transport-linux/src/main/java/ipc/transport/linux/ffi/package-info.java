/**
 * The jnr-ffi binding of libc for the Linux transport. Exported only so that jnr-ffi's generated implementation
 * (which lives in an unnamed module) can implement {@link ipc.transport.linux.ffi.LibC}; not API.
 */
package ipc.transport.linux.ffi;
