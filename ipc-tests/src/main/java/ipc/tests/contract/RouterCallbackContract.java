package ipc.tests.contract;

import static ipc.tests.contract.Contracts.TIMEOUT;
import static ipc.tests.contract.Contracts.assertDisconnected;
import static ipc.tests.contract.Contracts.receive;
import static ipc.tests.contract.Contracts.take;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcRouter;
import ipc.api.IpcSender;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.tests.messages.Person;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callbacks on a private router: Rust's {@code router_once_handler}, {@code router_big_data} and
 * {@code router_flood}. The router owns a routed receiver, so the tests close only the senders.
 */
public abstract class RouterCallbackContract {

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
    public void onceHandler() throws Exception {
        IpcChannel<Person> channel = Ipc.channel(Person.class);
        try (IpcSender<Person> routed = channel.sender();
                IpcChannel<Boolean> ack = Ipc.channel(Boolean.class)) {
            AtomicReference<IpcSender<Boolean>> once = new AtomicReference<>(ack.sender());
            BlockingQueue<Person> calls = new LinkedBlockingQueue<>();
            router.addRoute(channel.receiver().toOpaque(), message -> {
                try (IpcSender<Boolean> sender = once.getAndSet(null)) {
                    calls.add(message.to(Person.class));
                    if (sender != null) {
                        sender.send(true);
                    }
                } catch (IpcException e) {
                    throw new UncheckedIOException(e);
                }
            });
            routed.send(Person.PATRICK);
            assertEquals(true, receive(ack.receiver(), "the acknowledgement"), "the handler ran for message one");
            routed.send(Person.PATRICK);
            take(calls, "call one");
            assertEquals(Person.PATRICK, take(calls, "call two"), "the route goes on after the first message");
            assertDisconnected(ack.receiver(), "the handler closed its one-shot sender; nothing else was sent");
        }
    }

    @Test
    public void bigData() throws Exception {
        List<Person> people = Collections.nCopies(64 * 1024, Person.PATRICK);
        TypeRef<List<Person>> type = new TypeRef<>() {};
        IpcChannel<List<Person>> channel = Ipc.channel(type);
        try (IpcSender<List<Person>> routed = channel.sender()) {
            Thread sender = new Thread(() -> {
                try {
                    routed.send(people);
                } catch (IpcException e) {
                    throw new UncheckedIOException(e);
                }
            }, "router-big-data-sender");
            sender.start();
            BlockingQueue<List<Person>> queue = new LinkedBlockingQueue<>();
            router.addRoute(channel.receiver().toOpaque(), message -> {
                try {
                    queue.add(message.to(type));
                } catch (IpcSerializationException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertEquals(people, take(queue, "64 Ki people"), "Rust's router_big_data");
            sender.join(TIMEOUT.toMillis());
        }
    }

    @Test
    public void flood() throws Exception {
        for (int i = 0; i < 1_000; i++) {
            IpcChannel<Person> in = Ipc.channel(Person.class);
            try (IpcSender<Person> routed = in.sender();
                    IpcChannel<Person> out = Ipc.channel(Person.class)) {
                routed.send(Person.PATRICK);
                IpcSender<Person> forward = out.sender();
                router.addRoute(in.receiver().toOpaque(), message -> {
                    try {
                        forward.send(message.to(Person.class));
                    } catch (IpcException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                assertEquals(Person.PATRICK, receive(out.receiver(), "round " + i), "forwarded in round " + i);
            }
        }
    }
}
