package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import ipc.api.TypeRef;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Everything one {@code KryoSerializer} shares between its codecs: the application's settings, the type walk's
 * serializers, and the codecs themselves, one per declared type.
 *
 * <p>Each codec owns a pool of Kryo instances configured the same way, deterministically from the declared type:
 * the application's customizer first, then this module's fixed classes ({@link JdkValues}), then the classes the
 * declared type reaches in name order ({@link Schema}). Two processes that declare the same type with the same
 * configuration therefore assign the same registration IDs, and the type fingerprint checks that they did.
 *
 * <h2>Thread safety</h2>
 * Thread-safe. Nothing is computed until the first codec is asked for.
 */
public final class CodecFactory {

    /** Pooled Kryo instances kept per codec; more are created under contention and dropped when freed. */
    private static final int POOLED_PER_CODEC = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final List<Class<?>> allowed;
    private final Consumer<? super Kryo> customizer;
    private final Map<Type, KryoCodec<?>> codecs = new ConcurrentHashMap<>();
    private volatile SerializerCache cache;

    /**
     * @param allowed classes the application allows besides what declared types reach
     * @param customizer the application's changes to each Kryo, run first; may register classes with their own
     *     serializers
     */
    public CodecFactory(List<Class<?>> allowed, Consumer<? super Kryo> customizer) {
        this.allowed = List.copyOf(allowed);
        this.customizer = customizer;
    }

    /**
     * The codec for {@code type}, prepared on the first request and cached.
     *
     * @throws IllegalArgumentException if the type walk cannot represent {@code type} (the message says where), or
     *     the customizer fails
     */
    public <T> KryoCodec<T> codec(TypeRef<T> type) {
        KryoCodec<?> codec = codecs.get(type.type());
        if (codec == null) {
            codec = create(type);
            KryoCodec<?> raced = codecs.putIfAbsent(type.type(), codec);
            codec = raced != null ? raced : codec;
        }
        @SuppressWarnings("unchecked") // Keyed by the type the codec was created for.
        KryoCodec<T> typed = (KryoCodec<T>) codec;
        return typed;
    }

    private <T> KryoCodec<T> create(TypeRef<T> type) {
        SerializerCache serializers = serializers();
        Type root = GenericTypes.normalize(type.type());
        Position rootPosition;
        Schema schema;
        try {
            schema = Schema.walk(root, allowed, serializers);
            rootPosition = serializers.position(root instanceof Class<?> c ? Boxing.box(c) : root);
            for (Class<?> reached : schema.classesToRegister()) {
                Kind kind = serializers.kindOf(reached);
                if (kind == Kind.RECORD || kind == Kind.FIELDS) {
                    serializers.serializer(reached); // an inaccessible class fails now, not on its first message
                }
            }
        } catch (IllegalArgumentException e) {
            throw Failures.unsupported(type, e);
        }
        MessageKryo first = newKryo(schema);
        long fingerprint = Fingerprint.of(GenericTypes.describe(root), schema.descriptions(), first.registrations());
        SlotPool pool = new SlotPool(POOLED_PER_CODEC, () -> new Slot(newKryo(schema)));
        pool.free(new Slot(first));
        return new KryoCodec<>(type, fingerprint, rootPosition, pool);
    }

    /** A Kryo configured for the declared type {@code schema} was walked from. */
    private MessageKryo newKryo(Schema schema) {
        MessageKryo kryo = customized();
        JdkValues.register(kryo, WalkedClass.SERIALIZER);
        for (Class<?> type : schema.classesToRegister()) {
            if (kryo.getClassResolver().getRegistration(type) == null) {
                if (type.isEnum()) {
                    kryo.register(type, new DefaultSerializers.EnumSerializer(type.asSubclass(Enum.class)));
                } else {
                    kryo.register(type, WalkedClass.SERIALIZER);
                }
            }
        }
        return kryo;
    }

    private MessageKryo customized() {
        MessageKryo kryo = new MessageKryo();
        customizer.accept(kryo);
        kryo.enforceSafeSettings();
        return kryo;
    }

    /** The walk's serializers, made on first use: which classes are custom is known once the customizer ran. */
    private SerializerCache serializers() {
        SerializerCache current = cache;
        if (current == null) {
            synchronized (this) {
                current = cache;
                if (current == null) {
                    Set<Class<?>> custom = new HashSet<>();
                    for (Registration registration : customized().registrations()) {
                        custom.add(Boxing.box(registration.getType()));
                    }
                    custom.removeAll(JdkValues.kryoBuiltIn());
                    current = new SerializerCache(Set.copyOf(custom));
                    cache = current;
                }
            }
        }
        return current;
    }
}
