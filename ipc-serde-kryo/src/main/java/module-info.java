/**
 * The Kryo 5 serializer of ipc-channel, named {@code kryo}: messages are encoded with Kryo, driven by the channel's
 * declared type, with registration required. See {@link ipc.serde.kryo.KryoSerializer} for what is written, what a
 * peer can make the receiver instantiate, and how to allow more.
 *
 * <h2>Module path</h2>
 * Message classes are read and written reflectively by this module, so the package holding them must be open to it:
 * {@code opens com.example.messages to ipc.serde.kryo;} (exporting the package is enough for public records, whose
 * accessors and canonical constructor are public). Kryo itself never reflects on message classes, so they need not
 * be open to {@code com.esotericsoftware.kryo}, unless the application registers one of Kryo's reflective
 * serializers (such as {@code FieldSerializer}) for them. Kryo, objenesis and minlog are automatic modules
 * ({@code com.esotericsoftware.kryo}, {@code org.objenesis}, {@code com.esotericsoftware.minlog}); nothing of
 * ReflectASM is used, so no bytecode is generated into the application's packages. {@code jdk.unsupported} is
 * required for objenesis, which creates instances of classes without a no-argument constructor.
 *
 * <h2>JDK 24 and later</h2>
 * Kryo probes {@code sun.misc.Unsafe} when its first instance is created, which makes JDK 24+ print a warning once;
 * run with {@code --sun-misc-unsafe-memory-access=allow} to silence it, or with {@code -Dkryo.unsafe=false}, which
 * keeps Kryo from touching {@code Unsafe} at all (this module never uses Kryo's {@code Unsafe} features).
 *
 * @provides ipc.api.spi.IpcSerializer the {@code kryo} serializer, {@link ipc.serde.kryo.KryoSerializer} with its
 *     default configuration
 */
module ipc.serde.kryo {
    requires transitive ipc.api;
    requires transitive com.esotericsoftware.kryo;
    requires org.objenesis;
    requires jdk.unsupported;

    exports ipc.serde.kryo;

    provides ipc.api.spi.IpcSerializer with ipc.serde.kryo.KryoSerializer;
}
