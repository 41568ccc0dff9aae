package ipc.serde.protobuf.internal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import ipc.serde.protobuf.proto.Handle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which fields of a message type the serializer must visit, worked out once per type from its descriptor: the
 * fields that can lead to a {@link Handle} (directly, through repeated fields and map values, or deeper), and the
 * fields that can hold a message with unknown fields. Types that reach neither cost nothing per message.
 *
 * <h2>Thread safety</h2>
 * Thread-safe; plans are immutable and cached for the life of the class loader.
 */
final class FieldPlans {

    /**
     * The plan of one message type.
     *
     * @param handleFields message-typed fields whose values are Handles or can contain one
     * @param messageFields message-typed fields whose values can carry unknown fields (map entries themselves
     *     never keep unknown fields, so a map is visited only when its values are messages)
     */
    record Plan(List<FieldDescriptor> handleFields, List<FieldDescriptor> messageFields) {}

    private static final Map<Descriptor, Plan> PLANS = new ConcurrentHashMap<>();

    private FieldPlans() {}

    /**
     * The plan of {@code type}.
     *
     * @throws IllegalArgumentException if {@code type} reaches a message named like {@link Handle} that is not this
     *     module's (generated from another copy of {@code handle.proto})
     */
    static Plan of(Descriptor type) {
        Plan known = PLANS.get(type);
        return known != null ? known : planGraph(type);
    }

    /** Plans every message type reachable from {@code root} at once: recursive types need the whole graph. */
    private static Plan planGraph(Descriptor root) {
        Set<Descriptor> reachable = reachableFrom(root);
        Set<Descriptor> reachingHandles = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Descriptor type : reachable) {
                if (!reachingHandles.contains(type) && type.getFields().stream()
                        .anyMatch(field -> leadsToHandle(field, reachingHandles))) {
                    reachingHandles.add(type);
                    changed = true;
                }
            }
        }
        for (Descriptor type : reachable) {
            List<FieldDescriptor> handleFields = new ArrayList<>();
            List<FieldDescriptor> messageFields = new ArrayList<>();
            for (FieldDescriptor field : type.getFields()) {
                if (leadsToHandle(field, reachingHandles)) {
                    handleFields.add(field);
                }
                if (canHoldUnknownFields(field)) {
                    messageFields.add(field);
                }
            }
            PLANS.putIfAbsent(type, new Plan(List.copyOf(handleFields), List.copyOf(messageFields)));
        }
        return PLANS.get(root);
    }

    private static Set<Descriptor> reachableFrom(Descriptor root) {
        Set<Descriptor> seen = new LinkedHashSet<>();
        Deque<Descriptor> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Descriptor type = pending.pop();
            if (!seen.add(type)) {
                continue;
            }
            for (FieldDescriptor field : type.getFields()) {
                if (field.getJavaType() == JavaType.MESSAGE) {
                    pending.push(checked(field.getMessageType()));
                }
            }
        }
        return seen;
    }

    private static Descriptor checked(Descriptor type) {
        if (type != Handle.getDescriptor() && type.getFullName().equals(Handle.getDescriptor().getFullName())) {
            throw new IllegalArgumentException("The message type " + type.getFullName() + " in "
                    + type.getFile().getName() + " is not ipc-serde-protobuf's own: import"
                    + " \"ipc/serde/protobuf/handle.proto\" from the ipc-serde-protobuf jar instead of a copy");
        }
        return type;
    }

    private static boolean leadsToHandle(FieldDescriptor field, Set<Descriptor> reachingHandles) {
        if (field.getJavaType() != JavaType.MESSAGE) {
            return false;
        }
        Descriptor type = field.getMessageType();
        return type == Handle.getDescriptor() || reachingHandles.contains(type);
    }

    private static boolean canHoldUnknownFields(FieldDescriptor field) {
        if (field.getJavaType() != JavaType.MESSAGE) {
            return false;
        }
        if (field.isMapField()) {
            return field.getMessageType().findFieldByNumber(2).getJavaType() == JavaType.MESSAGE;
        }
        return true;
    }
}
