package ipc.tests.serde.protobuf;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.serde.protobuf.IpcHandles;
import ipc.tests.serde.HandleCarrier;
import ipc.tests.serde.HandleSet;
import ipc.tests.serde.protobuf.messages.KitHandleCarrier;
import ipc.tests.serde.protobuf.messages.KitHandles;
import ipc.tests.serde.protobuf.messages.KitNested;
import java.io.UncheckedIOException;

/**
 * The seven handles in Handle fields below the top level (a repeated field, map values, a nested message), with the
 * typed sender a second time in the nested message, through {@link IpcHandles}.
 */
final class ProtobufHandleCarrier implements HandleCarrier<KitHandleCarrier> {

    @Override
    public TypeRef<KitHandleCarrier> type() {
        return TypeRef.of(KitHandleCarrier.class);
    }

    @Override
    public KitHandleCarrier embed(HandleSet handles) {
        KitHandles inside = KitHandles.newBuilder()
                .addSenders(IpcHandles.of(handles.sender()))
                .addSenders(IpcHandles.of(handles.bytesSender()))
                .addSenders(IpcHandles.of(handles.opaqueSender()))
                .putReceivers("typed", IpcHandles.of(handles.receiver()))
                .putReceivers("bytes", IpcHandles.of(handles.bytesReceiver()))
                .putReceivers("opaque", IpcHandles.of(handles.opaqueReceiver()))
                .setNested(KitNested.newBuilder().setMemory(IpcHandles.of(handles.memory()))
                        .setSenderAgain(IpcHandles.of(handles.senderAgain())))
                .build();
        return KitHandleCarrier.newBuilder().setHandles(inside).build();
    }

    @Override
    public HandleSet extract(KitHandleCarrier message) {
        KitHandles inside = message.getHandles();
        try {
            return new HandleSet(IpcHandles.sender(inside.getSenders(0), String.class),
                    IpcHandles.sender(inside.getNested().getSenderAgain(), String.class),
                    IpcHandles.receiver(inside.getReceiversOrThrow("typed"), String.class),
                    IpcHandles.bytesSender(inside.getSenders(1)),
                    IpcHandles.bytesReceiver(inside.getReceiversOrThrow("bytes")),
                    IpcHandles.opaqueSender(inside.getSenders(2)),
                    IpcHandles.opaqueReceiver(inside.getReceiversOrThrow("opaque")),
                    IpcHandles.sharedMemory(inside.getNested().getMemory()));
        } catch (IpcSerializationException e) {
            throw new UncheckedIOException("A handle of the carrier cannot be taken out", e);
        }
    }
}
