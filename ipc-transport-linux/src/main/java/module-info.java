/**
 * The Linux transport of ipc-channel: channels are {@code socketpair(AF_UNIX, SOCK_SEQPACKET)} with handles passed as
 * {@code SCM_RIGHTS}, receiver sets run on {@code epoll}, shared memory is a sealed {@code memfd}, and one-shot
 * servers listen on a socket in a private directory. Native calls go through jnr-ffi.
 *
 * <p>Found at run time through {@link ipc.api.spi.TransportProvider}; supported on Linux only.
 *
 * @provides ipc.api.spi.TransportProvider the {@code linux} transport
 */
module ipc.transport.linux {
    requires ipc.api;
    // Transitive: the exported binding (LibC) exposes jnr.ffi.Pointer in its signatures.
    requires transitive org.jnrproject.ffi;
    requires org.jnrproject.constants;
    // jffi's MemoryIO wraps a native mapping in a direct ByteBuffer (filling shared memory before it is sealed).
    requires org.jnrproject.jffi;
    // jnr-ffi declares no requires of its own; its generated bindings need ASM on the module path.
    requires org.objectweb.asm;
    requires org.objectweb.asm.commons;
    requires org.objectweb.asm.util;

    // Unqualified on purpose: jnr-ffi implements LibC in an unnamed module, which must see the interface.
    exports ipc.transport.linux.ffi;

    provides ipc.api.spi.TransportProvider with ipc.transport.linux.LinuxTransportProvider;
}
