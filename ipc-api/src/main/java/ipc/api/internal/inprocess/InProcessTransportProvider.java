package ipc.api.internal.inprocess;

import ipc.api.spi.Transport;
import ipc.api.spi.TransportProvider;

/** Provides the {@code inprocess} transport; supported everywhere, used only when asked for by name. */
public final class InProcessTransportProvider implements TransportProvider {

    /** Creates the provider; cheap. */
    public InProcessTransportProvider() {}

    @Override
    public String name() {
        return "inprocess";
    }

    @Override
    public boolean isSupported() {
        return true;
    }

    @Override
    public Throwable unsupportedCause() {
        return null;
    }

    @Override
    public boolean explicitOnly() {
        return true;
    }

    @Override
    public Transport create() {
        return new InProcessTransport();
    }
}
