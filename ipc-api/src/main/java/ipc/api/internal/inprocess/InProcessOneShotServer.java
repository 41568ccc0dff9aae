package ipc.api.internal.inprocess;

import ipc.api.IpcException;
import ipc.api.spi.OneShotServerEndpoint;
import ipc.api.spi.ReceiverEndpoint;
import ipc.api.spi.SenderEndpoint;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A one-shot server whose name is a key in a JVM-wide table, removed once a client connects or it closes. */
final class InProcessOneShotServer implements OneShotServerEndpoint {

    private static final Map<String, InProcessOneShotServer> SERVERS = new ConcurrentHashMap<>();

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private InProcessReceiver client;
    private boolean taken;
    private boolean closed;

    private InProcessOneShotServer(String name) {
        this.name = name;
    }

    static InProcessOneShotServer open() {
        InProcessOneShotServer server = new InProcessOneShotServer("inprocess:" + UUID.randomUUID());
        SERVERS.put(server.name, server);
        return server;
    }

    static SenderEndpoint connect(String name) throws IpcException {
        InProcessOneShotServer server = SERVERS.remove(name);
        if (server == null) {
            throw new IpcException("No in-process one-shot server is listening under '" + name
                    + "' (it accepted a client already, was closed, or lives in another JVM)");
        }
        Pipe pipe = new Pipe();
        InProcessSender sender = new InProcessSender(pipe);
        InProcessReceiver receiver = new InProcessReceiver(pipe);
        if (!server.deliver(receiver)) {
            receiver.close();
            sender.close();
            throw new IpcException("The in-process one-shot server '" + name + "' was closed");
        }
        return sender;
    }

    private boolean deliver(InProcessReceiver receiver) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            client = receiver;
            arrived.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ReceiverEndpoint accept(long timeoutNanos) throws IpcException {
        long remaining = timeoutNanos;
        lock.lock();
        try {
            while (client == null || taken) {
                if (closed) {
                    throw new IpcException("The one-shot server is closed");
                }
                if (taken) {
                    throw new IpcException("The one-shot server already accepted its one client");
                }
                if (timeoutNanos == 0) {
                    return null;
                }
                if (timeoutNanos < 0) {
                    arrived.await();
                } else {
                    if (remaining <= 0) {
                        return null;
                    }
                    remaining = arrived.awaitNanos(remaining);
                }
            }
            taken = true;
            return client;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpcException("Interrupted while waiting for a client");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        SERVERS.remove(name, this);
        InProcessReceiver unclaimed = null;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (client != null && !taken) {
                unclaimed = client;
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        if (unclaimed != null) {
            unclaimed.close();
        }
    }
}
