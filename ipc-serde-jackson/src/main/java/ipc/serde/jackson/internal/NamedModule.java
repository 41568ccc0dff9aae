package ipc.serde.jackson.internal;

import tools.jackson.core.Version;
import tools.jackson.databind.JacksonModule;

/**
 * A module of this serializer, known to Jackson by its name: the name is also its registration id, so registering
 * it twice is harmless.
 *
 * <h2>Thread safety</h2>
 * Immutable.
 */
abstract class NamedModule extends JacksonModule {

    private final String name;

    NamedModule(String name) {
        this.name = name;
    }

    @Override
    public final String getModuleName() {
        return name;
    }

    @Override
    public final Object getRegistrationId() {
        return name;
    }

    @Override
    public final Version version() {
        return Version.unknownVersion();
    }
}
