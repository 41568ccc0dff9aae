package ipc.api;

import ipc.api.internal.Discovery;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.Transport;
import ipc.api.spi.TransportProvider;

/**
 * The JVM-wide transport and default serializer, discovered on first use and kept. A failed discovery is not
 * kept, so a later call (after the class path or a system property changed) tries again.
 */
final class IpcRuntime {

    private static volatile Transport transport;
    private static volatile IpcSerializer defaultSerializer;
    private static volatile Discovery.Found<IpcSerializer> serializers;

    private IpcRuntime() {}

    static Transport transport() throws IpcException {
        Transport current = transport;
        if (current == null) {
            synchronized (IpcRuntime.class) {
                current = transport;
                if (current == null) {
                    TransportProvider provider = Discovery.chooseTransport(
                            System.getProperty(Discovery.TRANSPORT_PROPERTY),
                            Discovery.load(TransportProvider.class), Discovery.platform());
                    current = provider.create();
                    transport = current;
                }
            }
        }
        return current;
    }

    static IpcSerializer defaultSerializer() throws IpcException {
        IpcSerializer current = defaultSerializer;
        if (current == null) {
            current = Discovery.chooseSerializer(System.getProperty(Discovery.SERIALIZER_PROPERTY), serializers());
            defaultSerializer = current;
        }
        return current;
    }

    static IpcSerializer serializerNamed(String name) throws IpcException {
        return Discovery.serializerNamed(name, serializers());
    }

    private static Discovery.Found<IpcSerializer> serializers() {
        Discovery.Found<IpcSerializer> current = serializers;
        if (current == null) {
            current = Discovery.load(IpcSerializer.class);
            serializers = current;
        }
        return current;
    }

    /** Transport calls for operations whose API signature has no checked exception. */
    static Transport transportUnchecked() {
        try {
            return transport();
        } catch (IpcException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
