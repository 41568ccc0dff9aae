package ipc.api.internal;

import ipc.api.IpcException;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.TransportProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Picks the transport and the default serializer: the system property first, then {@link ServiceLoader}, keeping
 * only providers that say they are supported. Never picks "the first" of several: class-path order is not
 * deterministic. Every failure is one sentence a user can act on, with each candidate's cause attached as
 * suppressed.
 */
public final class Discovery {

    /** The system property that forces a transport. */
    public static final String TRANSPORT_PROPERTY = "ipc.transport";
    /** The system property that picks the serializer when several are present. */
    public static final String SERIALIZER_PROPERTY = "ipc.serializer";
    private static final int MAX_PROVIDERS = 64;

    private Discovery() {}

    /**
     * What a {@link ServiceLoader} found: the providers it could instantiate, and the errors of those it could not.
     *
     * @param providers the instantiated providers
     * @param failures the {@link ServiceConfigurationError}s met
     * @param <S> the service type
     */
    public record Found<S>(List<S> providers, List<Throwable> failures) {
        /** Copies both lists. */
        public Found {
            providers = List.copyOf(providers);
            failures = List.copyOf(failures);
        }
    }

    /** Loads every provider of {@code service} visible to ipc.api, surviving providers that fail to load. */
    public static <S> Found<S> load(Class<S> service) {
        List<S> providers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        Iterator<S> iterator = ServiceLoader.load(service, Discovery.class.getClassLoader()).iterator();
        for (int attempts = 0; attempts < MAX_PROVIDERS; attempts++) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                providers.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                failures.add(e);
            }
        }
        return new Found<>(providers, failures);
    }

    /** The platform as error messages name it, such as {@code linux/amd64}. */
    public static String platform() {
        return System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).replace(' ', '-') + "/"
                + System.getProperty("os.arch", "unknown");
    }

    /**
     * Chooses the transport.
     *
     * @param requested the value of {@code -Dipc.transport}, or null
     * @param found what discovery found
     * @param platform the platform, for messages
     * @return the chosen provider
     * @throws IpcException if none, or more than one, fits
     */
    public static TransportProvider chooseTransport(String requested, Found<TransportProvider> found,
            String platform) throws IpcException {
        Map<String, TransportProvider> byName = new LinkedHashMap<>();
        for (TransportProvider provider : found.providers()) {
            byName.putIfAbsent(provider.name(), provider);
        }
        if (requested != null && !requested.isBlank()) {
            TransportProvider provider = byName.get(requested.trim());
            if (provider == null) {
                throw withFailures(new IpcException("-D" + TRANSPORT_PROPERTY + "=" + requested
                        + " names no transport found on the module path or class path. Found: "
                        + describeTransports(byName) + "."), found);
            }
            if (!provider.isSupported()) {
                IpcException e = new IpcException("The IPC transport '" + provider.name()
                        + "' chosen with -D" + TRANSPORT_PROPERTY + " is not supported on " + platform + ": "
                        + causeText(provider), provider.unsupportedCause());
                throw withFailures(e, found);
            }
            return provider;
        }
        List<TransportProvider> usable = byName.values().stream()
                .filter(p -> p.isSupported() && !p.explicitOnly())
                .collect(Collectors.toList());
        if (usable.size() == 1) {
            return usable.get(0);
        }
        if (usable.isEmpty()) {
            IpcException e = new IpcException("No supported IPC transport on " + platform + ". Found: "
                    + describeTransports(byName) + ". " + transportHint(platform));
            for (TransportProvider provider : byName.values()) {
                if (!provider.isSupported() && provider.unsupportedCause() != null) {
                    e.addSuppressed(provider.unsupportedCause());
                }
            }
            throw withFailures(e, found);
        }
        throw withFailures(new IpcException("Several IPC transports are supported on " + platform + ": "
                + usable.stream().map(TransportProvider::name).collect(Collectors.joining(", "))
                + ". Choose one with -D" + TRANSPORT_PROPERTY + "=<name>."), found);
    }

    /**
     * Chooses the default serializer.
     *
     * @param requested the value of {@code -Dipc.serializer}, or null
     * @param found what discovery found
     * @return the chosen serializer
     * @throws IpcException if none, or more than one without the property, is present
     */
    public static IpcSerializer chooseSerializer(String requested, Found<IpcSerializer> found) throws IpcException {
        Map<String, IpcSerializer> byName = new LinkedHashMap<>();
        for (IpcSerializer serializer : found.providers()) {
            byName.putIfAbsent(serializer.name(), serializer);
        }
        if (requested != null && !requested.isBlank()) {
            IpcSerializer serializer = byName.get(requested.trim());
            if (serializer == null) {
                throw withFailures(new IpcException("-D" + SERIALIZER_PROPERTY + "=" + requested
                        + " names no serializer found on the module path or class path. Found: "
                        + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet()))
                        + ". Add ipc-serde-" + requested.trim() + " or choose one of those found."), found);
            }
            return serializer;
        }
        if (byName.size() == 1) {
            return byName.values().iterator().next();
        }
        if (byName.isEmpty()) {
            throw withFailures(new IpcException("No IPC serializer found on the module path or class path. "
                    + "Add one of ipc-serde-jackson, ipc-serde-kryo or ipc-serde-protobuf."), found);
        }
        throw withFailures(new IpcException("Several IPC serializers found: " + String.join(", ", byName.keySet())
                + ". Choose one with -D" + SERIALIZER_PROPERTY + "=<name>, or pass one to "
                + "Ipc.channel(type, serializer)."), found);
    }

    /**
     * Finds an installed serializer by name.
     *
     * @param name the serializer's name
     * @param found what discovery found
     * @return the serializer
     * @throws IpcException if none has that name
     */
    public static IpcSerializer serializerNamed(String name, Found<IpcSerializer> found) throws IpcException {
        for (IpcSerializer serializer : found.providers()) {
            if (serializer.name().equals(name)) {
                return serializer;
            }
        }
        throw withFailures(new IpcException("No IPC serializer named '" + name + "' on the module path or class "
                + "path. Found: " + (found.providers().isEmpty() ? "none" : found.providers().stream()
                        .map(IpcSerializer::name).collect(Collectors.joining(", ")))
                + ". Add ipc-serde-" + name + "."), found);
    }

    private static String describeTransports(Map<String, TransportProvider> byName) {
        if (byName.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (TransportProvider provider : byName.values()) {
            if (!provider.isSupported()) {
                parts.add(provider.name() + " (unsupported: " + causeText(provider) + ")");
            } else if (provider.explicitOnly()) {
                parts.add(provider.name() + " (used only when -D" + TRANSPORT_PROPERTY + "=" + provider.name() + ")");
            } else {
                parts.add(provider.name());
            }
        }
        return String.join(", ", parts);
    }

    private static String causeText(TransportProvider provider) {
        Throwable cause = provider.unsupportedCause();
        return cause == null || cause.getMessage() == null ? "no reason given" : cause.getMessage();
    }

    private static String transportHint(String platform) {
        if (platform.startsWith("linux")) {
            return "Add ipc-transport-linux to the module path or class path.";
        }
        if (platform.startsWith("mac") || platform.startsWith("darwin")) {
            return "Add ipc-transport-macos to the module path or class path.";
        }
        return "No transport module supports this platform yet; -D" + TRANSPORT_PROPERTY
                + "=inprocess works between threads of one JVM.";
    }

    private static IpcException withFailures(IpcException e, Found<?> found) {
        for (Throwable failure : found.failures()) {
            e.addSuppressed(failure);
        }
        return e;
    }
}
