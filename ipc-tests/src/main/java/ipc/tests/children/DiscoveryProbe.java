package ipc.tests.children;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcException;

/**
 * A child that creates one channel and prints what happened, for tests of discovery with a chosen set of jars:
 * {@code CHANNEL OK <transport> <serializer>} or {@code CHANNEL FAILED <message>}. Exits 0 either way.
 */
public final class DiscoveryProbe {

    private DiscoveryProbe() {}

    /**
     * Runs the probe.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (IpcChannel<String> channel = Ipc.channel(String.class)) {
            System.out.println("CHANNEL OK " + Ipc.transportName() + " " + Ipc.defaultSerializer().name());
        } catch (IpcException e) {
            System.out.println("CHANNEL FAILED " + e.getMessage());
        }
    }
}
