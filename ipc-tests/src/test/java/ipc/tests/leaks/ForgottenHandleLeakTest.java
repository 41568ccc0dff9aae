package ipc.tests.leaks;

import static ipc.tests.support.LeakCheck.Release.ALL_BY_GC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcOneShotServer;
import ipc.api.IpcReceiverSet;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.api.TypeRef;
import ipc.tests.support.LeakCheck;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Handles dropped without {@code close()}: channels, received handles, mapped shared memory, receiver sets and
 * one-shot servers. Their {@code Cleaner} must release every descriptor and mapping once they are collected;
 * collection is asynchronous, so the check collects and polls until its deadline.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ForgottenHandleLeakTest {

    private static final int ROUNDS = 100;
    private static final int WARM_UPS = 10;

    @Test
    void droppedHandlesAreReleasedByTheirCleaner() throws Exception {
        LeakCheck.assertNoGrowth("handles dropped without close()", WARM_UPS, ROUNDS, ALL_BY_GC, i -> {
            IpcChannel<IpcSender<String>> carrier = Ipc.channel(new TypeRef<IpcSender<String>>() {});
            IpcChannel<String> channel = Ipc.channel(String.class);
            carrier.sender().send(channel.sender());
            IpcSender<String> received = Leaks.recv(carrier.receiver());
            received.send("through a received sender");
            assertEquals("through a received sender", Leaks.recv(channel.receiver()));
            carrier.sender().send(channel.sender()); // left queued in a forgotten channel
            IpcSharedMemory memory = IpcSharedMemory.fromByte((byte) i, 4096);
            assertEquals((byte) i, memory.asByteBuffer().get(0));
            IpcReceiverSet set = IpcReceiverSet.create();
            set.add(Ipc.channel(String.class).receiver());
            IpcOneShotServer.create(String.class);
        });
    }
}
