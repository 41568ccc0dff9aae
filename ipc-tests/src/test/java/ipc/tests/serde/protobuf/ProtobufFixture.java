package ipc.tests.serde.protobuf;

import com.google.protobuf.UnsafeByteOperations;
import ipc.api.spi.IpcSerializer;
import ipc.tests.serde.HandleCarrier;
import ipc.tests.serde.Sample;
import ipc.tests.serde.SerializerFixture;
import ipc.tests.serde.protobuf.messages.KitBlob;
import ipc.tests.serde.protobuf.messages.KitCollections;
import ipc.tests.serde.protobuf.messages.KitOptional;
import ipc.tests.serde.protobuf.messages.KitPage;
import ipc.tests.serde.protobuf.messages.KitPerson;
import ipc.tests.serde.protobuf.messages.KitPoint;
import ipc.tests.serde.protobuf.messages.KitStamp;
import java.util.List;

/**
 * The kit's samples as generated protobuf messages ({@code kit.proto}). Protobuf has no generics: {@link #generic()}
 * is a message with a repeated message field, the closest analog; it has no null either: {@link #withNulls()} leaves
 * {@code optional} fields and sub-messages unset, presence being proto3's analog.
 */
final class ProtobufFixture implements SerializerFixture {

    private static final int TEXT_CHARS = 1500;

    private final IpcSerializer serializer;

    ProtobufFixture(IpcSerializer serializer) {
        this.serializer = serializer;
    }

    private static KitPoint point(int x, int y) {
        return KitPoint.newBuilder().setX(x).setY(y).build();
    }

    @Override
    public IpcSerializer serializer() {
        return serializer;
    }

    @Override
    public Sample<?> record() {
        KitPerson person = KitPerson.newBuilder().setBiography("Ada. ".repeat(TEXT_CHARS / 5)).setName("Ada")
                .addTags("math").addTags("engines").setAge(36).build();
        return Sample.of("a person", KitPerson.class, person);
    }

    @Override
    public Sample<?> generic() {
        KitPage page = KitPage.newBuilder().setTitle("corners").addItems(point(0, 0)).addItems(point(-1, 1)).build();
        return Sample.of("a page of points (protobuf's analog of a generic List<Point>)", KitPage.class, page);
    }

    @Override
    public List<Sample<?>> collections() {
        KitPage page = (KitPage) generic().value();
        KitCollections full = KitCollections.newBuilder().addNumbers(Long.MIN_VALUE).addNumbers(0).addNumbers(7)
                .addDistinctWords("a").addDistinctWords("b").putNamesById(-1, "minus one").putNamesById(42, "")
                .putPointsByName("origin", point(0, 0)).putPointsByName("", point(3, 4)).addPages(page)
                .addPages(KitPage.getDefaultInstance()).putPagesByFlag(true, page).putPagesByFlag(false, page)
                .build();
        KitCollections empties = KitCollections.newBuilder().addPages(KitPage.getDefaultInstance()).build();
        return List.of(Sample.of("repeated and map fields, nested, non-string keys", KitCollections.class, full),
                Sample.of("empty repeated and map fields", KitCollections.class, empties));
    }

    @Override
    public Sample<?> withNulls() {
        KitOptional value = KitOptional.newBuilder().setName("no nickname, no place").setLucky(0)
                .setOrigin(KitPoint.getDefaultInstance()).build();
        return Sample.of("unset optional fields and sub-messages", KitOptional.class, value);
    }

    @Override
    public Sample<?> empty() {
        return Sample.of("a message with no field set", KitPerson.class, KitPerson.getDefaultInstance());
    }

    @Override
    public Sample<?> large(int minimumBytes) {
        byte[] data = new byte[minimumBytes];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        KitBlob blob = KitBlob.newBuilder().setName("large").setData(UnsafeByteOperations.unsafeWrap(data)).build();
        return Sample.of(minimumBytes + " bytes in a bytes field", KitBlob.class, blob);
    }

    @Override
    public Sample<?> otherType() {
        KitStamp stamp = KitStamp.newBuilder().setStamp(0x1234_5678_9abcL).setRatio(0.5).build();
        return Sample.of("a stamp", KitStamp.class, stamp);
    }

    @Override
    public HandleCarrier<?> handles() {
        return new ProtobufHandleCarrier();
    }

    @Override
    public List<byte[]> hostilePayloads() {
        return ProtobufHostilePayloads.all();
    }
}
