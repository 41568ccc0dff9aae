package ipc.serde.protobuf.internal;

import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Arrays;

/**
 * Where a walk over a message is, such as {@code request.reply_to} or {@code points[2].label}: a stack of fields and
 * element indexes that the walk pushes and pops, turned into text only for an error message, so that walking costs
 * no allocation per value.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one trail per walk.
 */
final class FieldTrail {

    private static final int INITIAL_DEPTH = 8;

    private FieldDescriptor[] fields = new FieldDescriptor[INITIAL_DEPTH];
    private int[] indexes = new int[INITIAL_DEPTH];
    private int depth;

    /** Steps into {@code field}, element {@code index} of a repeated field (a map entry for a map), or -1. */
    void enter(FieldDescriptor field, int index) {
        if (depth == fields.length) {
            fields = Arrays.copyOf(fields, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
        }
        fields[depth] = field;
        indexes[depth] = index;
        depth++;
    }

    /** Steps back out of the field last entered. */
    void leave() {
        fields[--depth] = null;
    }

    /** Whether the walk is at the top-level message. */
    boolean atTop() {
        return depth == 0;
    }

    @Override
    public String toString() {
        if (depth == 0) {
            return "(the message itself)";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            text.append(i == 0 ? "" : ".").append(fields[i].getName());
            if (indexes[i] >= 0) {
                text.append('[').append(indexes[i]).append(']');
            }
        }
        return text.toString();
    }
}
