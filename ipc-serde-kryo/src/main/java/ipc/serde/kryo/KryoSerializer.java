package ipc.serde.kryo;

import com.esotericsoftware.kryo.Kryo;
import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.MessageCodec;
import ipc.serde.kryo.internal.CodecFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@code kryo} serializer: encodes messages with Kryo 5, driven by the channel's declared type.
 *
 * <p>The no-argument constructor, which {@link java.util.ServiceLoader} uses, gives the default configuration. To
 * allow more classes or change Kryo, use the {@linkplain #builder() builder}:
 * <pre>{@code
 * IpcSerializer serializer = KryoSerializer.builder()
 *         .allow(Circle.class, Square.class)                         // may appear where Shape or Object is declared
 *         .configure(kryo -> kryo.register(Money.class, new MoneySerializer()))
 *         .build();
 * IpcChannel<Drawing> channel = Ipc.channel(Drawing.class, serializer);
 * }</pre>
 * Both peers of a channel must build their serializers the same way; a message carries a fingerprint of the
 * configuration, so a mismatch is a clear error.
 *
 * <h2>What is written</h2>
 * The declared type drives the encoding, much as a Rust type drives bincode: records are written component by
 * component, through their canonical constructor; other classes of the application field by field (instance fields,
 * not {@code transient} ones), created through their no-argument constructor if they have one, otherwise without
 * running a constructor, as Kryo does; enums as their ordinal; {@code Optional}, arrays, and these collections
 * element by element, reading back as the implementation in parentheses whatever the sender used:
 * {@code Collection}, {@code List} ({@code ArrayList}); {@code Set} ({@code LinkedHashSet}); {@code SortedSet},
 * {@code NavigableSet} ({@code TreeSet}, natural order); {@code Queue}, {@code Deque} ({@code ArrayDeque});
 * {@code Map} ({@code LinkedHashMap}); {@code SortedMap}, {@code NavigableMap} ({@code TreeMap}, natural order);
 * {@code ConcurrentMap} ({@code ConcurrentHashMap}); and the concrete classes {@code ArrayList}, {@code LinkedList},
 * {@code ArrayDeque}, {@code HashSet}, {@code LinkedHashSet}, {@code TreeSet}, {@code HashMap},
 * {@code LinkedHashMap}, {@code TreeMap} and {@code ConcurrentHashMap}. Generic type arguments are followed to the
 * end: a {@code Box<List<Point>>} reads back with {@code Point}s inside. Nulls may appear anywhere a reference type
 * is declared (except inside an {@code Optional}). A value reachable twice is written twice (Kryo references are
 * off), except handles, which travel once.
 *
 * <p>Where the declared type does not fix the class ({@code Object}, an interface, an abstract or non-final class),
 * the value's registration ID is written first, and the receiver checks that the ID is registered and names a
 * subtype of the declared type. A list, set or map of a class that is not registered (such as {@code List.of(..)})
 * travels there as an {@code ArrayList}, {@code LinkedHashSet} or {@code LinkedHashMap}.
 *
 * <h2>What a peer can make the receiver instantiate</h2>
 * Kryo's registration is required, and a message can name a class only by its registration ID: never by name
 * (Kryo's class-name tag is refused before any class is loaded). The registered classes of a channel are exactly:
 * <ul>
 *   <li>every concrete class its declared type reaches: through record components, fields, type arguments, array
 *       components, and the permitted subclasses of sealed interfaces and classes;</li>
 *   <li>the JDK value types, allowed everywhere: the primitives and their wrappers, {@code String},
 *       {@code BigInteger}, {@code BigDecimal}, {@code UUID}, {@code URI}, {@code Instant}, {@code Duration},
 *       {@code Period}, {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime}, {@code OffsetDateTime},
 *       {@code ZonedDateTime}, the eight primitive array types, and {@code ArrayList}, {@code LinkedHashSet} and
 *       {@code LinkedHashMap};</li>
 *   <li>the ipc-channel handle classes;</li>
 *   <li>the classes given to {@link Builder#allow}, and what they reach;</li>
 *   <li>the classes the {@linkplain Builder#configure customizer} registers with Kryo itself.</li>
 * </ul>
 * Other JDK classes are refused when the channel is created (register a Kryo serializer for one to use it). Java
 * serialization is never used.
 *
 * <h2>Handles</h2>
 * {@code IpcSender}, {@code IpcReceiver}, their bytes and opaque variants and {@code IpcSharedMemory} may appear
 * anywhere in a message: they are written as indexes into the message's handle table and come back as working
 * handles of the full declared type (for example {@code IpcSender<List<Point>>}); the same handle reachable twice
 * arrives as one. Where {@code Object} is declared, a handle comes back as {@code OpaqueIpcSender},
 * {@code OpaqueIpcReceiver} or {@code IpcSharedMemory}, after its kind. Classes written by an application's own Kryo
 * serializer cannot hold handles.
 *
 * <h2>Limits and failures</h2>
 * Every length a message declares (of arrays, strings, collections, maps) is checked against the bytes that remain
 * before anything is allocated for it, and nesting is limited to 256 levels (change it with
 * {@code configure(kryo -> kryo.setMaxDepth(n))}). Decoding failures, including a message written for another type
 * (the 8-byte type fingerprint every message starts with differs), surface from {@code recv} as
 * {@link ipc.api.IpcSerializationException} naming the declared type, this serializer and what was found; the
 * channel stays usable. A type this serializer cannot write fails channel creation with an
 * {@link IllegalArgumentException} that says where in the type it is.
 *
 * <h2>Module path</h2>
 * This module reads and writes message classes reflectively: {@code opens com.example.messages to ipc.serde.kryo;}
 * (exporting the package suffices for public records).
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe, and so are its codecs: each codec keeps a pool of Kryo instances, one per concurrent
 * call. One instance may serve any number of channels.
 */
public final class KryoSerializer implements IpcSerializer {

    /** The name recorded in every message this serializer writes. */
    public static final String NAME = "kryo";

    private final CodecFactory codecs;
    private final String description;

    /** The serializer with the default configuration, as {@link java.util.ServiceLoader} creates it. Cheap. */
    public KryoSerializer() {
        this(new CodecFactory(List.of(), kryo -> { }), "defaults");
    }

    private KryoSerializer(CodecFactory codecs, String description) {
        this.codecs = codecs;
        this.description = description;
    }

    /**
     * A builder starting from the default configuration.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A serializer whose Kryo instances {@code customizer} changes; short for
     * {@code builder().configure(customizer).build()}.
     *
     * @param customizer see {@link Builder#configure}
     * @return the serializer
     * @throws NullPointerException if {@code customizer} is null
     */
    public static KryoSerializer configured(Consumer<? super Kryo> customizer) {
        return builder().configure(customizer).build();
    }

    /** Returns {@value #NAME}. */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * The codec for {@code type}, prepared on the first request and cached: the type is walked once, and the codec
     * keeps its pool of configured Kryo instances.
     *
     * @throws IllegalArgumentException if this serializer cannot write {@code type}; the message says where in the
     *     type the problem is
     */
    @Override
    public <T> MessageCodec<T> codec(TypeRef<T> type) {
        Objects.requireNonNull(type, "type");
        return codecs.codec(type).as(type);
    }

    @Override
    public String toString() {
        return "KryoSerializer[" + description + "]";
    }

    /**
     * Configures a {@link KryoSerializer}.
     *
     * <h2>Thread safety</h2>
     * Not thread-safe; the serializers it builds are.
     */
    public static final class Builder {

        private final List<Class<?>> allowed = new ArrayList<>();
        private Consumer<? super Kryo> customizer = kryo -> { };
        private boolean customized;

        private Builder() {}

        /**
         * Allows these classes wherever a supertype of theirs is declared (an interface, an abstract class,
         * {@code Object}), together with every class they reach, as if a declared type reached them. They are
         * written by this module's type walk, so they may hold handles and generic values.
         *
         * @param classes concrete classes, records or enums of the application
         * @return this builder
         * @throws NullPointerException if a class is null
         */
        public Builder allow(Class<?>... classes) {
            for (Class<?> type : classes) {
                allowed.add(Objects.requireNonNull(type, "class"));
            }
            return this;
        }

        /**
         * Changes every Kryo instance the serializer creates, before this module registers its classes: register
         * a class with a serializer of your own ({@code kryo.register(Money.class, new MoneySerializer())}), which
         * then writes that class wherever it appears; change the maximum depth ({@code kryo.setMaxDepth(n)}); or
         * add a default serializer. It runs once per pooled instance and must register the same classes in the
         * same order every time, in every process. Registration stays required and references stay off whatever
         * it does.
         *
         * <p>A {@code byte[]} your serializer writes as an object ({@code kryo.writeObject(output, bytes)}) is taken
         * for part of the value, as every {@code byte[]} is: from 64 KiB on it is sent from the array itself, so it
         * must not change until {@code send} returns. Write a buffer you reuse with {@code output.writeBytes}, which
         * copies it.
         *
         * @param customizer the changes; it must not keep the Kryo instance
         * @return this builder
         * @throws NullPointerException if {@code customizer} is null
         * @throws IllegalStateException if a customizer was already set
         */
        public Builder configure(Consumer<? super Kryo> customizer) {
            Objects.requireNonNull(customizer, "customizer");
            if (customized) {
                throw new IllegalStateException("configure was already called; do everything in one customizer");
            }
            this.customizer = customizer;
            customized = true;
            return this;
        }

        /**
         * The serializer. Cheap: nothing is checked until a codec is asked for.
         *
         * @return the serializer
         */
        public KryoSerializer build() {
            String description = (allowed.isEmpty() ? "" : "allowing " + allowed.size() + " classes")
                    + (customized ? (allowed.isEmpty() ? "" : ", ") + "customized" : "");
            return new KryoSerializer(new CodecFactory(allowed, customizer),
                    description.isEmpty() ? "defaults" : description);
        }
    }
}
