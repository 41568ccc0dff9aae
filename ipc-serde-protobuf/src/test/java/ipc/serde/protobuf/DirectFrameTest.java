package ipc.serde.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.protobuf.fixtures.Blob;
import ipc.serde.testsupport.FakeContexts;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A message outside the Java heap (a transport's receive buffer) is copied into an array the decoding thread keeps
 * for the next one: what was decoded from one message never changes when the next is decoded, whichever is larger.
 */
class DirectFrameTest {

    @Test
    void messagesDecodedFromDirectBuffersStayIntactAfterLaterMessages() throws Exception {
        MessageCodec<Blob> codec = new ProtobufSerializer().codec(TypeRef.of(Blob.class));
        int[] sizes = {100_000, 50_000, 400_000, 3, 200_000, 0};
        List<Blob> sent = new ArrayList<>();
        List<Blob> decoded = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = new byte[sizes[i]];
            for (int at = 0; at < data.length; at++) {
                data[at] = (byte) (at * 11 + i);
            }
            Blob blob = Blob.newBuilder().setName("blob " + i).setData(ByteString.copyFrom(data)).build();
            byte[] payload = FakeContexts.encode(codec, blob);
            ByteBuffer direct = ByteBuffer.allocateDirect(payload.length + 8).position(8);
            direct.put(payload).position(8);
            sent.add(blob);
            decoded.add(codec.decode(direct, FakeContexts.Decoding.empty()));
            assertEquals(8, direct.position(), "the buffer's position does not move");
        }
        assertEquals(sent, decoded, "every message as sent, after all were decoded");
    }
}
