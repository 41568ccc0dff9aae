package ipc.tests.leaks;

import static ipc.tests.support.LeakCheck.Release.AT_ONCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcRouter;
import ipc.api.IpcSender;
import ipc.api.OpaqueIpcMessage;
import ipc.api.TypeRef;
import ipc.tests.support.LeakCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Routers that route messages carrying handles (to callbacks that close them undecoded, and into queues) and whose
 * routes end by disconnection or by shutdown; and routes of the global router that end by disconnection.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RouterLeakTest {

    private static final int ROUNDS = 60;
    private static final int WARM_UPS = 10;
    private static final int ROUTES = 8;

    @Test
    void routersRoutingAndShuttingDown() throws Exception {
        LeakCheck.assertNoGrowth("private routers with " + ROUTES + " routes, shut down", WARM_UPS, ROUNDS, AT_ONCE,
                i -> {
                    try (IpcChannel<String> target = Ipc.channel(String.class)) {
                        IpcRouter router = IpcRouter.create();
                        CountDownLatch messages = new CountDownLatch(ROUTES);
                        CountDownLatch disconnected = new CountDownLatch(ROUTES / 2);
                        List<IpcChannel<IpcSender<String>>> routes = route(router, ROUTES, messages, disconnected);
                        IpcChannel<IpcSender<String>> queued = Ipc.channel(new TypeRef<IpcSender<String>>() {});
                        BlockingQueue<IpcSender<String>> queue = router.routeToNewQueue(queued.receiver());
                        queued.sender().send(target.sender());
                        for (int r = 0; r < ROUTES; r++) {
                            routes.get(r).sender().send(target.sender());
                            if (r % 2 == 0) {
                                routes.get(r).sender().close(); // the route ends by disconnection
                            }
                        }
                        try (IpcSender<String> fromQueue = queue.poll(Leaks.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                            fromQueue.send("via the queue");
                            assertEquals("via the queue", Leaks.recv(target.receiver()));
                        }
                        assertTrue(messages.await(Leaks.WAIT.toMillis(), TimeUnit.MILLISECONDS),
                                "every message routed");
                        assertTrue(disconnected.await(Leaks.WAIT.toMillis(), TimeUnit.MILLISECONDS),
                                "every closed route reported");
                        for (int r = 1; r < ROUTES; r += 2) {
                            routes.get(r).sender().send(target.sender()); // routed or not when the shutdown comes
                        }
                        router.shutdown(); // closes the routes still open and the queue's receiver
                        queued.sender().close();
                        for (IpcChannel<IpcSender<String>> route : routes) {
                            route.sender().close();
                        }
                    }
                });
    }

    @Test
    void globalRouterRoutesThatDisconnect() throws Exception {
        IpcRouter global = IpcRouter.global();
        LeakCheck.assertNoGrowth("routes of the global router ended by disconnection", WARM_UPS, ROUNDS, AT_ONCE,
                i -> {
                    try (IpcChannel<String> target = Ipc.channel(String.class)) {
                        CountDownLatch messages = new CountDownLatch(ROUTES);
                        CountDownLatch disconnected = new CountDownLatch(ROUTES);
                        List<IpcChannel<IpcSender<String>>> routes = route(global, ROUTES, messages, disconnected);
                        for (IpcChannel<IpcSender<String>> route : routes) {
                            route.sender().send(target.sender());
                            route.sender().close();
                        }
                        assertTrue(messages.await(Leaks.WAIT.toMillis(), TimeUnit.MILLISECONDS),
                                "every message routed");
                        assertTrue(disconnected.await(Leaks.WAIT.toMillis(), TimeUnit.MILLISECONDS),
                                "every route reported disconnected (and its receiver closed)");
                    }
                });
    }

    /** Adds {@code count} routes whose callback closes each message undecoded. */
    private static List<IpcChannel<IpcSender<String>>> route(IpcRouter router, int count, CountDownLatch messages,
            CountDownLatch disconnected) throws Exception {
        List<IpcChannel<IpcSender<String>>> routes = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            IpcChannel<IpcSender<String>> route = Ipc.channel(new TypeRef<IpcSender<String>>() {});
            routes.add(route);
            router.addRoute(route.receiver().toOpaque(), (OpaqueIpcMessage message) -> {
                message.close();
                messages.countDown();
            }, disconnected::countDown);
        }
        return routes;
    }
}
