package ipc.serde.jackson.internal;

/**
 * The Jackson module every mapper of this serializer carries: ipc-channel handles as handle-table indexes (and
 * never as map keys), and {@link Class} values guarded by the polymorphic type validator. Registering it twice is harmless (same
 * registration id).
 *
 * <h2>Thread safety</h2>
 * Stateless; safe to register from any thread.
 */
final class HandleModule extends NamedModule {

    HandleModule() {
        super("ipc-channel-handles");
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addSerializers(new HandleSerializers());
        context.addKeySerializers(new HandleKeySerializers());
        context.addDeserializers(new HandleDeserializers());
    }
}
