package ipc.serde.jackson.internal;

import tools.jackson.core.Version;
import tools.jackson.databind.JacksonModule;

/**
 * The Jackson module every mapper of this serializer carries: ipc-channel handles as handle-table indexes (and
 * never as map keys), and {@link Class} values guarded by the polymorphic type validator. Registering it twice is harmless (same
 * registration id).
 *
 * <h2>Thread safety</h2>
 * Stateless; safe to register from any thread.
 */
final class HandleModule extends JacksonModule {

    private static final String NAME = "ipc-channel-handles";

    @Override
    public String getModuleName() {
        return NAME;
    }

    @Override
    public Object getRegistrationId() {
        return NAME;
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addSerializers(new HandleSerializers());
        context.addKeySerializers(new HandleKeySerializers());
        context.addDeserializers(new HandleDeserializers());
    }
}
