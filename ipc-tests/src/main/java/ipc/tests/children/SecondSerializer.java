package ipc.tests.children;

import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.MessageCodec;

/**
 * A serializer that is registered only where a discovery test puts a {@code META-INF/services} file naming it,
 * so that two serializers are present. It cannot encode anything: discovery must fail before any message.
 */
public final class SecondSerializer implements IpcSerializer {

    /** Creates it; for ServiceLoader. */
    public SecondSerializer() {}

    @Override
    public String name() {
        return "second";
    }

    @Override
    public <T> MessageCodec<T> codec(TypeRef<T> type) {
        throw new UnsupportedOperationException("the second serializer exists only to be discovered");
    }
}
