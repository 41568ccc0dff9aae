package ipc.tests.contract;

import static ipc.tests.contract.Contracts.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcRouter;
import ipc.api.IpcSender;
import ipc.tests.messages.Person;
import org.junit.jupiter.api.Test;

/** The JVM-wide router and shutdown: Rust's {@code router_simple_global} and {@code router_shutdown}. */
public abstract class GlobalRouterContract {

    @Test
    public void simpleGlobal() throws Exception {
        IpcRouter global = IpcRouter.global();
        assertSame(global, IpcRouter.global(), "one global router");
        IpcChannel<Person> people = Ipc.channel(Person.class);
        IpcChannel<Integer> numbers = Ipc.channel(Integer.class);
        try (IpcSender<Person> personSender = people.sender(); IpcSender<Integer> numberSender = numbers.sender()) {
            personSender.send(Person.PATRICK);
            assertEquals(Person.PATRICK, take(global.routeToNewQueue(people.receiver()), "person"), "routed person");
            numberSender.send(42);
            assertEquals(42, take(global.routeToNewQueue(numbers.receiver()), "number"), "routed number");

            global.shutdown();
            assertThrows(IpcDisconnectedException.class, () -> personSender.send(Person.PATRICK),
                    "shutdown closed the routed receivers");
            try (IpcChannel<Person> rejected = Ipc.channel(Person.class)) {
                assertThrows(IllegalStateException.class, () -> global.routeToNewQueue(rejected.receiver()),
                        "a shut-down router takes no routes");
            }
            global.shutdown();
        }
        IpcRouter restarted = IpcRouter.global();
        assertNotSame(global, restarted, "global() after shutdown starts a new router");
        IpcChannel<Person> again = Ipc.channel(Person.class);
        try (IpcSender<Person> sender = again.sender()) {
            sender.send(Person.PATRICK);
            assertEquals(Person.PATRICK, take(restarted.routeToNewQueue(again.receiver()), "person"),
                    "the new global router routes");
        }
    }

    @Test
    public void shutdownIsIdempotent() throws Exception {
        IpcRouter router = IpcRouter.create();
        router.shutdown();
        router.shutdown();
        router.close();
        try (IpcChannel<Person> rejected = Ipc.channel(Person.class)) {
            assertThrows(IllegalStateException.class, () -> router.routeToNewQueue(rejected.receiver()),
                    "Rust's router_shutdown; then no more routes");
        }
    }
}
