package ipc.tests.contract;

import static ipc.tests.contract.Contracts.TIMEOUT;
import static ipc.tests.contract.Contracts.take;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcRouter;
import ipc.api.IpcSender;
import ipc.tests.messages.Person;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing receivers into queues on a private router: Rust's {@code router_routing_to_new_crossbeam_receiver} and
 * {@code router_*multiplexing}. The router owns a routed receiver, so the tests close only the senders.
 */
public abstract class RouterContract {

    private IpcRouter router;

    @BeforeEach
    public void startRouter() {
        router = IpcRouter.create();
    }

    @AfterEach
    public void stopRouter() {
        router.shutdown();
    }

    @Test
    public void routingToNewQueue() throws Exception {
        IpcChannel<Person> channel = Ipc.channel(Person.class);
        try (IpcSender<Person> sender = channel.sender()) {
            sender.send(Person.PATRICK);
            BlockingQueue<Person> queue = router.routeToNewQueue(channel.receiver());
            assertEquals(Person.PATRICK, take(queue, "routed person"), "a message queued before routing arrives");
        }
    }

    @Test
    public void routingToAnExistingQueueKeepsOrder() throws Exception {
        IpcChannel<Integer> channel = Ipc.channel(Integer.class);
        try (IpcSender<Integer> sender = channel.sender()) {
            BlockingQueue<Integer> queue = new LinkedBlockingQueue<>(4); // bounded: the router waits for space
            router.routeToQueue(channel.receiver(), queue);
            CompletableFuture<Void> sent = Contracts.inBackground("routed-sender", () -> {
                for (int i = 0; i < 100; i++) {
                    sender.send(i);
                }
            });
            for (int i = 0; i < 100; i++) {
                assertEquals(i, take(queue, "message " + i), "routed messages keep their order");
            }
            Contracts.awaitDone(sent, "sending 100 messages");
        }
    }

    @Test
    public void multiplexing() throws Exception {
        IpcChannel<Person> c0 = Ipc.channel(Person.class);
        IpcChannel<Person> c1 = Ipc.channel(Person.class);
        try (IpcSender<Person> s0 = c0.sender(); IpcSender<Person> s1 = c1.sender()) {
            s0.send(Person.PATRICK);
            s1.send(Person.PATRICK);
            BlockingQueue<Person> q0 = router.routeToNewQueue(c0.receiver());
            BlockingQueue<Person> q1 = router.routeToNewQueue(c1.receiver());
            assertEquals(Person.PATRICK, take(q0, "queue 0"), "routed from channel 0");
            assertEquals(Person.PATRICK, take(q1, "queue 1"), "routed from channel 1");
        }
    }

    @Test
    public void multithreadedMultiplexing() throws Exception {
        IpcChannel<Person> c0 = Ipc.channel(Person.class);
        IpcChannel<Person> c1 = Ipc.channel(Person.class);
        try (IpcSender<Person> s0 = c0.sender(); IpcSender<Person> s1 = c1.sender()) {
            List<Thread> senders = new ArrayList<>();
            for (IpcSender<Person> sender : List.of(s0, s1)) {
                Thread thread = new Thread(() -> {
                    try {
                        sender.send(Person.PATRICK);
                    } catch (IpcException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "router-test-sender");
                thread.start();
                senders.add(thread);
            }
            BlockingQueue<Person> q0 = router.routeToNewQueue(c0.receiver());
            BlockingQueue<Person> q1 = router.routeToNewQueue(c1.receiver());
            assertEquals(Person.PATRICK, take(q0, "queue 0"), "routed from the thread sending on channel 0");
            assertEquals(Person.PATRICK, take(q1, "queue 1"), "routed from the thread sending on channel 1");
            for (Thread thread : senders) {
                thread.join(TIMEOUT.toMillis());
            }
        }
    }
}
