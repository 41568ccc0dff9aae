package ipc.serde.protobuf.internal;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import ipc.api.IpcSerializationException;
import ipc.serde.protobuf.proto.Handle;
import java.util.List;

/**
 * Rebuilds a message with every {@link Handle} replaced, at any depth: singular and repeated fields, map values,
 * oneof members. Only the fields of {@link FieldPlans.Plan#handleFields()} are visited; sub-messages without
 * Handles are kept as they are (the same objects), and a message without any is returned itself.
 *
 * <h2>Thread safety</h2>
 * Stateless; the mapping decides.
 */
final class HandleRewriter {

    /** Replaces one Handle. */
    interface Mapping {
        /**
         * The Handle to put where {@code handle} is.
         *
         * @param handle a Handle found in the message
         * @param path where it was found, for error messages
         * @return its replacement
         * @throws IpcSerializationException if {@code handle} cannot be replaced
         */
        Handle replace(Handle handle, FieldTrail path) throws IpcSerializationException;
    }

    private HandleRewriter() {}

    /**
     * {@code message} with every Handle replaced by {@code mapping}.
     *
     * @throws IpcSerializationException what the mapping throws
     */
    static <M extends Message> M rewrite(M message, Mapping mapping) throws IpcSerializationException {
        @SuppressWarnings("unchecked") // A builder of M's own toBuilder() builds an M.
        M rewritten = (M) visit(message, mapping, new FieldTrail());
        return rewritten;
    }

    private static Message visit(Message message, Mapping mapping, FieldTrail trail)
            throws IpcSerializationException {
        Message.Builder builder = null;
        for (FieldDescriptor field : FieldPlans.of(message.getDescriptorForType()).handleFields()) {
            if (field.isRepeated()) {
                List<?> values = (List<?>) message.getField(field);
                for (int i = 0; i < values.size(); i++) {
                    Message value = (Message) values.get(i);
                    trail.enter(field, i);
                    Message replaced = replace(value, mapping, trail);
                    trail.leave();
                    if (replaced != value) {
                        builder = builder != null ? builder : message.toBuilder();
                        builder.setRepeatedField(field, i, replaced);
                    }
                }
            } else if (message.hasField(field)) {
                Message value = (Message) message.getField(field);
                trail.enter(field, -1);
                Message replaced = replace(value, mapping, trail);
                trail.leave();
                if (replaced != value) {
                    builder = builder != null ? builder : message.toBuilder();
                    builder.setField(field, replaced);
                }
            }
        }
        return builder == null ? message : builder.build();
    }

    private static Message replace(Message value, Mapping mapping, FieldTrail trail) throws IpcSerializationException {
        if (value instanceof Handle handle) {
            return mapping.replace(handle, trail);
        }
        return visit(value, mapping, trail);
    }
}
