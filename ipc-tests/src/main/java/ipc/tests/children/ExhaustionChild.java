package ipc.tests.children;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDescriptorLimitException;
import ipc.api.IpcException;
import ipc.api.IpcLimitExceededException;
import ipc.api.IpcLimits;
import ipc.api.IpcOneShotServer;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The child of the descriptor-exhaustion tests, started with a low {@code RLIMIT_NOFILE}:
 * {@code ExhaustionChild <scenario> <server>}. It connects to the parent's one-shot server, sends a {@link Report}
 * {@code hello} with its limit, its count of open descriptors and an inbox for {@link Parcel}s, then reports every
 * step as a {@link Report}, ending with {@code done}. Scenarios:
 * <ul>
 *   <li>{@code channels}: creates channels until that fails, then shared memory until that fails, then tries a
 *       one-shot server and one more channel; closes everything and creates each kind again.</li>
 *   <li>{@code full-by-library}: fills its descriptor table with channels and shared memory (so the library saw it
 *       run out), reports {@code full}, then receives {@value #PARCELS} parcels: a refused receive is retried once
 *       while still full, then the fillers are closed.</li>
 *   <li>{@code full-by-application}: fills its descriptor table by opening files until that fails (the library
 *       sees nothing), reports {@code full}, then receives the parcels; the files are closed at the first
 *       refused receive.</li>
 *   <li>{@code limits}: reports its {@link IpcLimits} (set with system properties by the parent), then receives
 *       the parcels, reporting each one dropped over a limit as {@code over-limit}.</li>
 * </ul>
 * For each parcel received it reports {@link #describe(Parcel)}, sends {@code "s<sequence>-<index>"} through each
 * sender in it, and closes its handles. Every wait is bounded; a watchdog ends the JVM after two minutes.
 */
public final class ExhaustionChild {

    /** How many parcels the parent sends in the receiving scenarios. */
    public static final int PARCELS = 6;
    /** The size of the shared memory in a parcel; its content is {@link Wire#pattern(int)}. */
    public static final int MEMORY_BYTES = 4096;

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Bounds the filling loops in case the limit never bites (then the parent's assertions say so). */
    private static final int MAX_FILLERS = 100_000;
    private static final int MAX_RECEIVES = 3 * PARCELS;

    /**
     * A step the child reports to the parent.
     *
     * @param event what happened: {@code hello}, {@code full}, {@code received}, {@code refused}, ...
     * @param detail the particulars
     * @param inbox in {@code hello} only: where the parent sends parcels
     */
    public record Report(String event, String detail, IpcSender<Parcel> inbox) {}

    /**
     * What the parent sends: senders and shared memory the child must get whole, or nothing but the number.
     *
     * @param sequence its number, from 0
     * @param senders senders of the parent's channels, possibly none
     * @param memory a region holding {@link Wire#pattern(int) pattern(MEMORY_BYTES)}, or null
     * @param bulk {@link Wire#pattern(int)} of some length, or null
     */
    public record Parcel(int sequence, List<IpcSender<String>> senders, IpcSharedMemory memory, byte[] bulk) {}

    private final IpcSender<Report> parent;
    private final IpcChannel<Parcel> inbox;

    private ExhaustionChild(IpcSender<Report> parent, IpcChannel<Parcel> inbox) {
        this.parent = parent;
        this.inbox = inbox;
    }

    /**
     * Runs one scenario.
     *
     * @param args the scenario name and the server's name
     */
    public static void main(String[] args) {
        Watchdog.start();
        try {
            warmUp();
            try (IpcSender<Report> parent = IpcSender.connect(args[1], Report.class);
                    IpcChannel<Parcel> inbox = Ipc.channel(Parcel.class)) {
                ExhaustionChild child = new ExhaustionChild(parent, inbox);
                parent.send(new Report("hello", "limit=" + softLimit() + " open=" + openDescriptors(),
                        inbox.sender()));
                switch (args[0]) {
                    case "channels" -> child.channels();
                    case "full-by-library" -> child.fullByLibrary();
                    case "full-by-application" -> child.fullByApplication();
                    case "limits" -> child.limits();
                    default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
                }
                child.report("done", "");
            }
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void channels() throws IOException {
        List<AutoCloseable> held = new ArrayList<>();
        try {
            report("channels", fillWithChannels(held));
            report("memory", fillWithMemory(held));
            try (IpcOneShotServer<String> server = IpcOneShotServer.create(String.class)) {
                report("server", "created " + server.name());
            } catch (IpcException e) {
                report("server", "failed: " + describe(e));
            }
            try (IpcChannel<String> channel = Ipc.channel(String.class)) {
                report("channel", "created");
            } catch (IpcException e) {
                report("channel", "failed: " + describe(e));
            }
        } finally {
            closeAll(held);
        }
        report("after", roundTrip());
    }

    private void limits() throws Exception {
        report("limits", IpcLimits.current().toString());
        receiveParcels(new ArrayList<>(), false);
    }

    private void fullByLibrary() throws Exception {
        List<AutoCloseable> held = new ArrayList<>();
        try {
            report("full", fillWithChannels(held) + "; " + fillWithMemory(held));
            receiveParcels(held, true);
        } finally {
            closeAll(held);
        }
    }

    private void fullByApplication() throws Exception {
        List<AutoCloseable> held = new ArrayList<>();
        try {
            IOException failure = null;
            for (int i = 0; i < MAX_FILLERS && failure == null; i++) {
                try {
                    held.add(FileChannel.open(Path.of("/dev/null")));
                } catch (IOException e) {
                    failure = e;
                }
            }
            report("full", held.size() + " files opened, then " + (failure == null ? "no failure" : failure));
            receiveParcels(held, false);
        } finally {
            closeAll(held);
        }
    }

    /**
     * Receives {@value #PARCELS} parcels (or learns they were dropped). At the first refusal the fillers are closed,
     * or, with {@code retryFirst}, at the second (the retry must be refused too: nothing was freed in between).
     */
    private void receiveParcels(List<AutoCloseable> fillers, boolean retryFirst) throws Exception {
        int settled = 0; // received, or reported dropped
        int refusals = 0;
        for (int attempt = 0; attempt < MAX_RECEIVES && settled < PARCELS; attempt++) {
            Optional<Parcel> parcel;
            try {
                parcel = inbox.receiver().tryRecv(WAIT);
            } catch (IpcLimitExceededException e) {
                settled++; // dropped
                report("over-limit", describe(e));
                continue;
            } catch (IpcDescriptorLimitException e) {
                refusals++;
                if (e.messageDropped()) {
                    settled++;
                }
                report("refused", describe(e));
                if (refusals == (retryFirst ? 2 : 1)) {
                    closeAll(fillers);
                    report("freed", "closed " + fillers.size() + " fillers; open=" + openDescriptors());
                    fillers.clear();
                }
                continue;
            }
            if (parcel.isEmpty()) {
                report("silence", "no parcel within " + WAIT);
                return;
            }
            settled++;
            report("received", describe(parcel.get()));
            use(parcel.get());
        }
    }

    /** What the parent asserts on: the number, how many senders, whether the memory arrived intact. */
    public static String describe(Parcel parcel) {
        String memory;
        if (parcel.memory() == null) {
            memory = "none";
        } else {
            ByteBuffer content = parcel.memory().asByteBuffer();
            memory = content.equals(ByteBuffer.wrap(Wire.pattern(MEMORY_BYTES))) ? "intact" : "CORRUPT";
        }
        int senders = parcel.senders() == null ? -1 : parcel.senders().size();
        long nulls = parcel.senders() == null ? 0 : parcel.senders().stream().filter(s -> s == null).count();
        String bulk = parcel.bulk() == null ? ""
                : " bulk=" + parcel.bulk().length + (Arrays.equals(parcel.bulk(), Wire.pattern(parcel.bulk().length))
                        ? " intact" : " CORRUPT");
        return "sequence=" + parcel.sequence() + " senders=" + senders + (nulls > 0 ? " (" + nulls + " null)" : "")
                + " memory=" + memory + bulk;
    }

    private static void use(Parcel parcel) throws IpcException {
        List<IpcSender<String>> senders = parcel.senders() == null ? List.of() : parcel.senders();
        for (int i = 0; i < senders.size(); i++) {
            try (IpcSender<String> sender = senders.get(i)) {
                sender.send("s" + parcel.sequence() + "-" + i);
            }
        }
        if (parcel.memory() != null) {
            parcel.memory().close();
        }
    }

    private static String fillWithChannels(List<AutoCloseable> held) {
        int before = held.size();
        for (int i = 0; i < MAX_FILLERS; i++) {
            try {
                held.add(Ipc.channel(String.class));
            } catch (IpcException e) {
                return (held.size() - before) + " channels created, then " + describe(e);
            }
        }
        return "no failure after " + MAX_FILLERS + " channels";
    }

    private static String fillWithMemory(List<AutoCloseable> held) {
        int before = held.size();
        for (int i = 0; i < MAX_FILLERS / 100; i++) {
            try {
                held.add(IpcSharedMemory.fromByte((byte) 7, MEMORY_BYTES));
            } catch (UncheckedIOException e) {
                return (held.size() - before) + " regions created, then " + describe(e.getCause());
            }
        }
        return "no failure after " + MAX_FILLERS / 100 + " regions";
    }

    /** A channel, a region and a server again, once descriptors are free. */
    private static String roundTrip() throws IOException {
        try (IpcChannel<String> channel = Ipc.channel(String.class);
                IpcSharedMemory memory = IpcSharedMemory.fromBytes(Wire.pattern(MEMORY_BYTES));
                IpcOneShotServer<String> server = IpcOneShotServer.create(String.class)) {
            channel.sender().send("again");
            String back = channel.receiver().tryRecv(WAIT).orElse("(nothing)");
            boolean intact = memory.asByteBuffer().equals(ByteBuffer.wrap(Wire.pattern(MEMORY_BYTES)));
            return "channel " + back + ", memory " + (intact ? "intact" : "CORRUPT") + ", server "
                    + (server.name().isEmpty() ? "unnamed" : "ok");
        }
    }

    /**
     * Runs every path the scenarios take once before the table fills up: classes that load later, from a class
     * directory, would need a descriptor each.
     */
    private static void warmUp() throws Exception {
        Class.forName(IpcDescriptorLimitException.class.getName(), true, ExhaustionChild.class.getClassLoader());
        try (IpcChannel<Parcel> channel = Ipc.channel(Parcel.class);
                IpcChannel<String> first = Ipc.channel(String.class);
                IpcChannel<String> second = Ipc.channel(String.class);
                IpcSharedMemory memory = IpcSharedMemory.fromBytes(Wire.pattern(MEMORY_BYTES))) {
            channel.sender().send(new Parcel(-1, List.of(first.sender(), second.sender()), memory, Wire.pattern(8)));
            Parcel parcel = channel.receiver().tryRecv(WAIT)
                    .orElseThrow(() -> new IllegalStateException("the warm-up parcel did not arrive"));
            describe(parcel);
            use(parcel);
            first.receiver().tryRecv(WAIT);
            describe(new Parcel(-1, List.of(), null, null));
        }
        roundTrip();
        closeAll(List.of(FileChannel.open(Path.of("/dev/null"))));
        openDescriptors();
    }

    private void report(String event, String detail) throws IpcException {
        parent.send(new Report(event, detail, null));
    }

    private static String describe(Throwable e) {
        String dropped = e instanceof IpcDescriptorLimitException limit
                ? " [messageDropped=" + limit.messageDropped() + "]" : "";
        return e.getClass().getName() + ": " + e.getMessage() + dropped;
    }

    private static void closeAll(List<? extends AutoCloseable> handles) {
        for (AutoCloseable handle : handles) {
            try {
                handle.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + handle, e);
            }
        }
    }

    /** The soft {@code RLIMIT_NOFILE}, from {@code /proc/self/limits}. */
    private static String softLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                return line.substring("Max open files".length()).trim().split("\\s+")[0];
            }
        }
        return "unknown";
    }

    private static int openDescriptors() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            return (int) entries.count();
        }
    }
}
