package ipc.serde.protobuf.internal;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;

/**
 * Finds unknown fields anywhere in a parsed message: the mark of bytes written for another message type (or by a
 * newer schema). Only fields of {@link FieldPlans.Plan#messageFields()} are visited, so a message without
 * message-typed fields costs one check.
 *
 * <h2>Thread safety</h2>
 * Stateless and thread-safe.
 */
final class UnknownFields {

    private UnknownFields() {}

    /**
     * Where {@code message} first has unknown fields.
     *
     * @return a description such as {@code "field numbers [7] of example.Point at points[2]"}, or null if none
     */
    static String find(Message message) {
        return find(message, new FieldTrail());
    }

    private static String find(Message message, FieldTrail trail) {
        if (!message.getUnknownFields().isEmpty()) {
            return "field numbers " + message.getUnknownFields().asMap().keySet() + " of "
                    + message.getDescriptorForType().getFullName() + (trail.atTop() ? "" : " at " + trail);
        }
        for (FieldDescriptor field : FieldPlans.of(message.getDescriptorForType()).messageFields()) {
            String found = null;
            if (field.isRepeated()) {
                List<?> values = (List<?>) message.getField(field);
                for (int i = 0; i < values.size() && found == null; i++) {
                    trail.enter(field, i);
                    found = find((Message) values.get(i), trail);
                    trail.leave();
                }
            } else if (message.hasField(field)) {
                trail.enter(field, -1);
                found = find((Message) message.getField(field), trail);
                trail.leave();
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
