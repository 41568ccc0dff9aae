package ipc.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcException;
import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.MessageCodec;
import ipc.api.spi.Transport;
import ipc.api.spi.TransportProvider;
import java.util.List;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private static final String LINUX = "linux/amd64";

    private record FakeTransport(String name, boolean isSupported, boolean explicitOnly, String why)
            implements TransportProvider {
        @Override
        public Throwable unsupportedCause() {
            return isSupported ? null : new UnsupportedOperationException(why);
        }

        @Override
        public Transport create() {
            throw new AssertionError("discovery must not create transports");
        }
    }

    private record FakeSerializer(String name) implements IpcSerializer {
        @Override
        public <T> MessageCodec<T> codec(TypeRef<T> type) {
            throw new AssertionError("not used");
        }
    }

    private static final FakeTransport LINUX_OK = new FakeTransport("linux", true, false, null);
    private static final FakeTransport MACOS = new FakeTransport("macos", false, false, "requires Darwin");
    private static final FakeTransport INPROCESS = new FakeTransport("inprocess", true, true, null);

    private static <S> Discovery.Found<S> found(List<S> providers) {
        return new Discovery.Found<>(providers, List.of());
    }

    @Test
    void picksTheOnlySupportedTransportAndNeverTheExplicitOnlyOne() throws IpcException {
        assertSame(LINUX_OK, Discovery.chooseTransport(null, found(List.of(INPROCESS, MACOS, LINUX_OK)), LINUX),
                "linux is the only supported, non-explicit transport");
    }

    @Test
    void noUsableTransportNamesPlatformCandidatesAndModuleToAdd() {
        IpcException e = assertThrows(IpcException.class,
                () -> Discovery.chooseTransport(null, found(List.of(MACOS, INPROCESS)), LINUX));
        assertEquals("No supported IPC transport on linux/amd64. Found: macos (unsupported: requires Darwin), "
                + "inprocess (used only when -Dipc.transport=inprocess). "
                + "Add ipc-transport-linux to the module path or class path.", e.getMessage());
        assertEquals(1, e.getSuppressed().length, "the unsupported provider's cause is attached");
    }

    @Test
    void propertyForcesTransportEvenExplicitOnly() throws IpcException {
        assertSame(INPROCESS, Discovery.chooseTransport("inprocess", found(List.of(LINUX_OK, INPROCESS)), LINUX),
                "-Dipc.transport=inprocess picks the in-process transport");
    }

    @Test
    void propertyNamingUnknownOrUnsupportedTransportFails() {
        IpcException unknown = assertThrows(IpcException.class,
                () -> Discovery.chooseTransport("windows", found(List.of(LINUX_OK)), LINUX));
        assertTrue(unknown.getMessage().contains("-Dipc.transport=windows names no transport"), unknown.getMessage());
        IpcException unsupported = assertThrows(IpcException.class,
                () -> Discovery.chooseTransport("macos", found(List.of(MACOS)), LINUX));
        assertTrue(unsupported.getMessage().contains("not supported on linux/amd64: requires Darwin"),
                unsupported.getMessage());
    }

    @Test
    void twoSupportedTransportsAreNeverPickedByOrder() {
        FakeTransport other = new FakeTransport("other", true, false, null);
        IpcException e = assertThrows(IpcException.class,
                () -> Discovery.chooseTransport(null, found(List.of(LINUX_OK, other)), LINUX));
        assertTrue(e.getMessage().contains("linux, other") && e.getMessage().contains("-Dipc.transport"),
                e.getMessage());
    }

    @Test
    void loadFailuresAreAttachedAsSuppressed() {
        Discovery.Found<TransportProvider> broken =
                new Discovery.Found<>(List.of(), List.of(new ServiceConfigurationError("broken provider")));
        IpcException e = assertThrows(IpcException.class, () -> Discovery.chooseTransport(null, broken, LINUX));
        assertEquals("broken provider", e.getSuppressed()[0].getMessage(), "the loader's error is kept");
    }

    @Test
    void serializerChoice() throws IpcException {
        FakeSerializer jackson = new FakeSerializer("jackson");
        FakeSerializer kryo = new FakeSerializer("kryo");
        assertSame(jackson, Discovery.chooseSerializer(null, found(List.of(jackson))), "the only one is default");
        assertSame(kryo, Discovery.chooseSerializer("kryo", found(List.of(jackson, kryo))), "the property picks");

        IpcException several = assertThrows(IpcException.class,
                () -> Discovery.chooseSerializer(null, found(List.of(jackson, kryo))));
        assertEquals("Several IPC serializers found: jackson, kryo. Choose one with -Dipc.serializer=<name>, "
                + "or pass one to Ipc.channel(type, serializer).", several.getMessage());

        IpcException none = assertThrows(IpcException.class,
                () -> Discovery.chooseSerializer(null, found(List.of())));
        assertTrue(none.getMessage().contains("Add one of ipc-serde-jackson, ipc-serde-kryo or ipc-serde-protobuf"),
                none.getMessage());

        IpcException unknown = assertThrows(IpcException.class,
                () -> Discovery.chooseSerializer("protobuf", found(List.of(jackson))));
        assertTrue(unknown.getMessage().contains("Add ipc-serde-protobuf"), unknown.getMessage());
    }

    @Test
    void serviceLoaderFindsTheInProcessTransport() {
        Discovery.Found<TransportProvider> loaded = Discovery.load(TransportProvider.class);
        assertTrue(loaded.providers().stream().anyMatch(p -> p.name().equals("inprocess")),
                "ipc.api provides the in-process transport: " + loaded.providers());
    }
}
