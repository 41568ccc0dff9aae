package ipc.serde.kryo.internal;

import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a declared message type reaches: every type met walking its record components, fields, type arguments,
 * array components and the permitted subclasses of sealed types. The concrete classes among them are the classes
 * a channel of that type registers (and so allows a peer to name); the descriptions of all of them (component names
 * and types, enum constants...) go into the type fingerprint, so two peers that declare different types, or
 * different versions of one type, never decode each other's messages.
 *
 * <h2>Thread safety</h2>
 * Immutable once built.
 */
final class Schema {

    private final SerializerCache classifier;
    private final Set<Type> seen = new HashSet<>();
    private final Set<Class<?>> concrete = new HashSet<>();
    private final SortedSet<String> descriptions = new TreeSet<>();

    private Schema(SerializerCache classifier) {
        this.classifier = classifier;
    }

    /**
     * Walks {@code root} and the {@code allowed} classes.
     *
     * @param root the resolved declared type
     * @throws IllegalArgumentException if the walk meets a type it cannot represent; the message says where
     */
    static Schema walk(Type root, Collection<Class<?>> allowed, SerializerCache classifier) {
        Schema schema = new Schema(classifier);
        schema.visit(root, GenericTypes.describe(root));
        for (Class<?> type : allowed) {
            Type resolved = GenericTypes.normalize(type);
            schema.visit(resolved, "allowed " + GenericTypes.describe(resolved));
        }
        return schema;
    }

    /** The concrete classes reached, sorted by name: their registration order. */
    List<Class<?>> classesToRegister() {
        List<Class<?>> sorted = new ArrayList<>(concrete);
        sorted.sort(Comparator.comparing(Class::getName));
        return sorted;
    }

    /** One line per type reached, sorted. */
    SortedSet<String> descriptions() {
        return descriptions;
    }

    private void visit(Type type, String path) {
        if (!seen.add(type)) {
            return;
        }
        Class<?> raw = GenericTypes.raw(type);
        Kind kind = classifier.kindOf(raw);
        String reason = Kind.unsupportedReason(raw, kind);
        if (reason != null) {
            throw new IllegalArgumentException(path + " is a " + raw.getName() + ", which cannot be written: "
                    + reason);
        }
        if (kind != Kind.PRIMITIVE && kind != Kind.OPEN && !raw.isInterface()
                && !Modifier.isAbstract(raw.getModifiers())) {
            concrete.add(raw);
        }
        String name = GenericTypes.describe(type);
        switch (kind) {
            case RECORD -> visitMembers("record " + name, Member.ofRecord(type), path);
            case FIELDS -> visitMembers("class " + name, Member.ofFields(type), path);
            case ENUM -> descriptions.add("enum " + name + Arrays.stream(raw.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).collect(Collectors.joining(",", "{", "}")));
            case COLLECTION -> visit(TypeArguments.of(type, Collection.class, 0), path + "[]");
            case MAP -> {
                visit(TypeArguments.of(type, Map.class, 0), path + "{key}");
                visit(TypeArguments.of(type, Map.class, 1), path + "{value}");
            }
            case OPTIONAL -> visit(TypeArguments.of(type, Optional.class, 0), path + ".get()");
            case ARRAY -> visit(TypeArguments.component(type), path + "[]");
            default -> descriptions.add(kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name);
        }
        if (kind != Kind.ENUM && raw.isSealed()) {
            for (Class<?> permitted : raw.getPermittedSubclasses()) {
                visit(Subtypes.of(permitted, type), path + " as " + permitted.getSimpleName());
            }
        }
    }

    private void visitMembers(String owner, List<Member> members, String path) {
        descriptions.add(owner + members.stream().map(m -> m.name() + ":" + GenericTypes.describe(m.type()))
                .collect(Collectors.joining(",", "(", ")")));
        for (Member member : members) {
            visit(member.type(), path + "." + member.name());
        }
    }
}
