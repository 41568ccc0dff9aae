package ipc.serde.jackson;

import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.MessageCodec;
import ipc.serde.jackson.internal.JacksonCodec;
import ipc.serde.jackson.internal.MapperFactory;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * The {@code jackson} serializer: encodes messages with Jackson 3 databind in the CBOR binary format.
 *
 * <p>The no-argument constructor, which {@link java.util.ServiceLoader} uses, gives the default configuration. To
 * change it, start from the defaults with {@link #configured(Consumer)}, or bring a mapper of your own with
 * {@link #withMapper(CBORMapper)}:
 * <pre>{@code
 * IpcSerializer serializer = JacksonSerializer.configured(builder -> builder
 *         .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
 *         .addModule(new MyModule()));
 * IpcChannel<Order> channel = Ipc.channel(Order.class, serializer);
 * }</pre>
 * Both peers of a channel must use compatible configurations.
 *
 * <h2>Default configuration</h2>
 * Jackson's defaults, except that:
 * <ul>
 *   <li>Polymorphic type ids that name a class ({@code @JsonTypeInfo(use = Id.CLASS)} or {@code MINIMAL_CLASS})
 *       are refused, and so are {@link Class} values: the polymorphic type validator denies every class name
 *       before the class is even loaded. Type ids by name ({@code Id.NAME} with {@code @JsonSubTypes}) are not
 *       affected.</li>
 *   <li>{@code DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES} is enabled, so a message of another type is
 *       rejected instead of silently read as a half-empty object.</li>
 *   <li>Nesting is limited to 256 levels, so a hostile message cannot exhaust the receiving thread's stack.
 *       Strings are not limited beyond the size of the message.</li>
 * </ul>
 * Trailing bytes after the value are always an error, whatever the configuration.
 *
 * <h2>What a peer can make the receiver instantiate</h2>
 * Only the declared message type and the types its declaration reaches: field, record component, element and
 * value types, Jackson's standard implementations of abstract JDK types ({@code ArrayList} for {@code List},
 * {@code LinkedHashMap} for {@code Map} or {@code Object}, and so on), subtypes registered by name with
 * {@code @JsonSubTypes}, and the ipc-channel handles the message carries. Never a class the message names,
 * unless the application installs a {@link tools.jackson.databind.jsontype.PolymorphicTypeValidator} that allows
 * it, for instance {@code builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
 * .allowIfSubType("com.example.shapes.").build())}; that validator then also decides which {@link Class} values
 * a message may name. Java serialization is never used.
 *
 * <h2>Handles</h2>
 * {@code IpcSender}, {@code IpcReceiver}, their bytes and opaque variants and {@code IpcSharedMemory} may appear
 * anywhere in a message: they are written as indexes into the message's handle table and come back as working
 * handles of the declared type (for example {@code IpcSender<Point>}). A handle must be declared with its own
 * type; in a field declared as {@code Object} it would arrive as its bare index. The mapper of a serializer (see
 * {@link #mapper()}) refuses to write or read handles when called directly, outside a message.
 *
 * <h2>Large byte arrays</h2>
 * A {@code byte[]} travels as a CBOR byte string. It is read straight into an array of its length: one allocation
 * and one copy, however large (Jackson's own deserializer gathers strings over about 250 KB in a segmented buffer
 * first, which doubles the allocation). A payload outside the heap (a transport's receive buffer) of up to 256 KiB
 * is parsed from a copy in an array the decoding thread keeps, so that this holds for it too. A {@code byte[]}
 * deserializer the application registers is used instead.
 *
 * <p>Writing, a {@code byte[]} of 64 KiB or more is not copied into the message: the transport sends it from the
 * array itself ({@link ipc.api.spi.EncodeContext#writeValueBytes}), so, as for every part of a value, do not change
 * it while {@code send} runs. The bytes are those Jackson's CBOR generator writes. This holds for the mappers this
 * class builds ({@link #JacksonSerializer()}, {@link #configured}); one given to {@link #withMapper} keeps its own
 * factory, which copies the array through the generator's buffer.
 *
 * <h2>Failures</h2>
 * Encoding and decoding failures surface from {@code send} and {@code recv} as
 * {@link ipc.api.IpcSerializationException}, whose message names the declared type, this serializer, and what
 * Jackson found (an unknown property, a truncated value, a refused class name...). A failed decode consumes
 * only that message: its handles are closed and the channel stays usable.
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe; so are its codecs and its mapper. One instance may serve any number of channels.
 */
public final class JacksonSerializer implements IpcSerializer {

    /** The name recorded in every message this serializer writes. */
    public static final String NAME = "jackson";

    private final CBORMapper configuredMapper;
    private final Map<Type, JacksonCodec<?>> codecs = new ConcurrentHashMap<>();

    /**
     * The serializer with the default configuration, as {@link java.util.ServiceLoader} creates it. Cheap: the
     * shared default mapper is built on first use.
     */
    public JacksonSerializer() {
        this(null);
    }

    private JacksonSerializer(CBORMapper configuredMapper) {
        this.configuredMapper = configuredMapper;
    }

    /**
     * A serializer that starts from the {@linkplain JacksonSerializer default configuration} and lets
     * {@code customizer} change it: enable or disable features, add modules and mix-ins, or install another
     * polymorphic type validator. The handle module is added after the customizer runs, so handles keep working.
     * The token stream limits (nesting depth) stay those of the defaults.
     *
     * @param customizer changes the builder; it must not keep the builder
     * @return the serializer
     * @throws NullPointerException if {@code customizer} is null
     * @throws RuntimeException whatever the customizer or Jackson's {@code build()} throws
     */
    public static JacksonSerializer configured(Consumer<? super CBORMapper.Builder> customizer) {
        Objects.requireNonNull(customizer, "customizer");
        return new JacksonSerializer(MapperFactory.configured(customizer));
    }

    /**
     * A serializer that uses a copy of {@code mapper}, rebuilt with the handle module added. {@code mapper}
     * itself is not changed. Everything else is the mapper's own configuration, including its token stream
     * limits, with one safeguard: if the mapper still has Jackson's default polymorphic type validator (the
     * application never chose one), the copy gets this module's deny-all validator instead, as in the default
     * configuration. A validator the application did set is kept.
     *
     * @param mapper the application's mapper
     * @return the serializer
     * @throws NullPointerException if {@code mapper} is null
     */
    public static JacksonSerializer withMapper(CBORMapper mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new JacksonSerializer(MapperFactory.withHandles(mapper));
    }

    /**
     * The mapper this serializer uses, handle module included. Jackson mappers are immutable; use
     * {@code rebuild()} for a variant. Writing or reading a handle with it directly fails: handles only travel
     * inside ipc-channel messages.
     *
     * @return the mapper
     */
    public CBORMapper mapper() {
        return configuredMapper != null ? configuredMapper : MapperFactory.defaultMapper();
    }

    /** Returns {@value #NAME}. */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * The codec for {@code type}, prepared on the first request and cached: Jackson resolves the type once, and
     * the codec keeps the reader and writer for it.
     *
     * @throws IllegalArgumentException if Jackson cannot represent {@code type}
     */
    @Override
    public <T> MessageCodec<T> codec(TypeRef<T> type) {
        Objects.requireNonNull(type, "type");
        JacksonCodec<?> codec = codecs.computeIfAbsent(type.type(), key -> JacksonCodec.create(mapper(), type));
        return codec.as(type);
    }

    @Override
    public String toString() {
        return "JacksonSerializer[" + (configuredMapper == null ? "defaults" : "custom mapper") + "]";
    }
}
