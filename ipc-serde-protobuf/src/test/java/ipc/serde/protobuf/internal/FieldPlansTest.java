package ipc.serde.protobuf.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import ipc.serde.protobuf.fixtures.Everywhere;
import ipc.serde.protobuf.fixtures.Person;
import ipc.serde.protobuf.fixtures.Point;
import ipc.serde.protobuf.fixtures.Tree;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which fields the walks visit, worked out from descriptors, recursive types included. */
class FieldPlansTest {

    private static List<String> names(List<FieldDescriptor> fields) {
        return fields.stream().map(FieldDescriptor::getName).toList();
    }

    @Test
    void handleFieldsAreThoseThatLeadToAHandle() {
        assertEquals(List.of("direct", "list", "by_name", "nested", "nested_list", "nested_by_id", "chosen"),
                names(FieldPlans.of(Everywhere.getDescriptor()).handleFields()),
                "every field that reaches a Handle, and not the Point fields");
        assertEquals(List.of("inner", "more", "deeper"),
                names(FieldPlans.of(Everywhere.Nested.getDescriptor()).handleFields()), "recursive Nested");
        assertTrue(FieldPlans.of(Tree.getDescriptor()).handleFields().isEmpty(), "a recursive type without Handles");
        assertTrue(FieldPlans.of(Point.getDescriptor()).handleFields().isEmpty(), "a flat type");
    }

    @Test
    void messageFieldsSkipScalarsAndScalarMaps() {
        assertEquals(List.of("places", "born"), names(FieldPlans.of(Person.getDescriptor()).messageFields()),
                "message-valued map and sub-message; not the map of int32 values nor scalars");
        assertEquals(List.of("children"), names(FieldPlans.of(Tree.getDescriptor()).messageFields()), "recursion");
    }

    @Test
    void anotherCopyOfHandleProtoIsRefused() throws DescriptorValidationException {
        DescriptorProto handle = DescriptorProto.newBuilder().setName("Handle").addField(FieldDescriptorProto
                .newBuilder().setName("index").setNumber(1).setType(FieldDescriptorProto.Type.TYPE_UINT32)).build();
        DescriptorProto carrier = DescriptorProto.newBuilder().setName("Carrier").addField(FieldDescriptorProto
                .newBuilder().setName("handle").setNumber(1).setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
                .setTypeName(".ipc.serde.protobuf.Handle")).build();
        FileDescriptor file = FileDescriptor.buildFrom(FileDescriptorProto.newBuilder().setName("copy/handle.proto")
                .setPackage("ipc.serde.protobuf").setSyntax("proto3").addMessageType(handle).addMessageType(carrier)
                .build(), new FileDescriptor[0]);
        Descriptor copy = file.findMessageTypeByName("Carrier");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FieldPlans.of(copy),
                "a message named ipc.serde.protobuf.Handle from another file");
        assertTrue(e.getMessage().contains("copy/handle.proto"), "names the file: " + e.getMessage());
    }
}
