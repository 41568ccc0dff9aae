package ipc.tests.contract;

import static ipc.tests.contract.Contracts.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcRouter;
import ipc.api.IpcSender;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/** How a route ends: disconnection, a throwing handler, shutdown (also from a callback). */
public abstract class RouterLifecycleContract {

    @Test
    public void onDisconnectedRunsOnceAfterTheLastMessageWhenEverySenderCloses() throws Exception {
        try (IpcRouter router = IpcRouter.create()) {
            IpcChannel<Integer> channel = Ipc.channel(Integer.class);
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            router.addRoute(channel.receiver().toOpaque(),
                    message -> events.add("message " + Contracts.decodeOrFail(message, Integer.class)),
                    () -> events.add("disconnected"));
            List<IpcSender<Integer>> copies = List.of(channel.sender().duplicate(), channel.sender().duplicate());
            channel.sender().send(1);
            channel.sender().close();
            copies.get(0).send(2);
            copies.get(0).close();
            assertEquals("message 1", take(events, "first"), "first message");
            assertEquals("message 2", take(events, "second"), "second message");
            copies.get(1).close();
            assertEquals("disconnected", take(events, "disconnect"), "onDisconnected after the last sender closed");
            IpcChannel<Integer> marker = Ipc.channel(Integer.class);
            router.addRoute(marker.receiver().toOpaque(), message -> events.add("marker"));
            try (IpcSender<Integer> markerSender = marker.sender()) {
                markerSender.send(0);
                assertEquals("marker", take(events, "marker"), "onDisconnected ran once: nothing else was queued");
            }
        }
    }

    @Test
    public void throwingHandlerDoesNotKillTheRoute() throws Exception {
        try (IpcRouter router = IpcRouter.create()) {
            IpcChannel<String> channel = Ipc.channel(String.class);
            BlockingQueue<String> seen = new LinkedBlockingQueue<>();
            router.addRoute(channel.receiver().toOpaque(), message -> {
                String text = Contracts.decodeOrFail(message, String.class);
                seen.add(text);
                if (text.equals("boom")) {
                    throw new IllegalStateException("deliberately thrown by a route's handler");
                }
            });
            try (IpcSender<String> sender = channel.sender()) {
                sender.send("boom");
                sender.send("after");
                assertEquals("boom", take(seen, "boom"), "the throwing call happened");
                assertEquals("after", take(seen, "after"), "the route goes on after its handler threw");
            }
        }
    }

    @Test
    public void shutdownStopsCallbacksAndClosesRoutedReceivers() throws Exception {
        IpcRouter router = IpcRouter.create();
        IpcChannel<String> channel = Ipc.channel(String.class);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        router.addRoute(channel.receiver().toOpaque(),
                message -> events.add(Contracts.decodeOrFail(message, String.class)),
                () -> events.add("disconnected"));
        try (IpcSender<String> sender = channel.sender()) {
            sender.send("before");
            assertEquals("before", take(events, "before"), "routed before shutdown");
            router.shutdown();
            assertThrows(IpcDisconnectedException.class, () -> sender.send("after"),
                    "shutdown closed the routed receiver");
        }
        assertEquals(List.of(), List.copyOf(events), "no callback, not even onDisconnected, after shutdown");
    }

    @Test
    public void routesCanBeAddedAndTheRouterShutDownFromACallback() throws Exception {
        IpcRouter router = IpcRouter.create();
        IpcChannel<String> first = Ipc.channel(String.class);
        IpcChannel<String> second = Ipc.channel(String.class);
        BlockingQueue<String> seen = new LinkedBlockingQueue<>();
        router.addRoute(first.receiver().toOpaque(), message -> {
            seen.add("first");
            router.addRoute(second.receiver().toOpaque(), inner -> {
                router.shutdown();
                seen.add(Contracts.decodeOrFail(inner, String.class));
            });
        });
        try (IpcSender<String> a = first.sender(); IpcSender<String> b = second.sender()) {
            a.send("go");
            assertEquals("first", take(seen, "first"), "the first route ran");
            b.send("from the route added in a callback");
            assertEquals("from the route added in a callback", take(seen, "second"), "the added route ran");
            try (IpcChannel<String> third = Ipc.channel(String.class)) {
                assertThrows(IllegalStateException.class, () -> router.addRoute(third.receiver().toOpaque(),
                        message -> { }), "shutdown() called from a callback took effect");
            }
            Contracts.within("shutdown() waiting for the router thread", () -> {
                router.shutdown();
                return null;
            });
            assertThrows(IpcDisconnectedException.class, () -> b.send("after"),
                    "the router thread ended and closed its receivers: the callback's shutdown() did not deadlock");
        }
    }
}
