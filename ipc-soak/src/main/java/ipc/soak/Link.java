package ipc.soak;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.soak.Wire.Ack;
import ipc.soak.Wire.Data;
import ipc.soak.Wire.Token;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One side of the connection between the coordinator and one worker incarnation: the same class on both sides.
 * It sends data on its outgoing lanes within a window, verifies and acknowledges the peer's data, and checks the
 * peer's acknowledgements of its own data.
 *
 * <h2>What it checks</h2>
 * <ul>
 *   <li>Incoming data: addressed to this link and lane, sequence number exactly one more than the last on that lane
 *       (no duplicate, no gap, in order), inline bytes and shared memory intact (CRC-32C), a carried token channel
 *       holding the expected token and then reporting its sender gone.</li>
 *   <li>Acknowledgements: of a message sent and not yet acknowledged (a second acknowledgement means the message
 *       was delivered twice), the receiver's previous sequence number on that lane one less (it saw them in order),
 *       and the digest of the contents as received equal to the digest of the contents sent.</li>
 * </ul>
 *
 * <h2>Flow control</h2>
 * At most {@link #WINDOW} unacknowledged messages per lane, and a new inline payload only while the unacknowledged
 * inline bytes stay under {@link #WINDOW_BYTES} (or nothing is unacknowledged). A channel holds about 208 KiB, so a
 * send never waits for the peer: neither side can block the other, and the single-threaded loops cannot deadlock.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; used by its owner's loop only.
 */
final class Link {

    static final int WINDOW = 16;
    static final int WINDOW_BYTES = 96 << 10;
    private static final Duration TOKEN_PATIENCE = Duration.ofSeconds(10);

    private record Sent(long digest, int bufferedBytes) {}

    final int worker;
    final int incarnation;
    private final List<IpcSender<Data>> out;
    private final IpcSender<Ack> acks;
    private final Switchboard board;
    private final Traffic traffic;
    private final Consumer<String> violations;
    private final Stats stats;
    private final long[] nextSeq;
    private final List<Map<Long, Sent>> unacked = new ArrayList<>();
    private final int[] bufferedBytes;
    private final long[] lastReceived;
    private boolean peerGone;
    private boolean lanesClosed;

    Link(int worker, int incarnation, List<IpcSender<Data>> out, int inLanes, IpcSender<Ack> acks,
            Switchboard board, Traffic traffic, Consumer<String> violations, Stats stats) {
        this.worker = worker;
        this.incarnation = incarnation;
        this.out = out;
        this.acks = acks;
        this.board = board;
        this.traffic = traffic;
        this.violations = violations;
        this.stats = stats;
        this.nextSeq = new long[out.size()];
        this.bufferedBytes = new int[out.size()];
        this.lastReceived = new long[inLanes];
        for (int i = 0; i < out.size(); i++) {
            unacked.add(new HashMap<>());
        }
    }

    @Override
    public String toString() {
        return "worker " + worker + "/" + incarnation;
    }

    /**
     * Sends one new message on every lane whose window allows it.
     *
     * @return how many were sent
     * @throws IpcDisconnectedException if the peer is gone
     * @throws IpcException if a send fails otherwise
     */
    int sendSome() throws IpcException {
        int sent = 0;
        for (int lane = 0; lane < out.size(); lane++) {
            Map<Long, Sent> pending = unacked.get(lane);
            if (pending.isEmpty() || (pending.size() < WINDOW && bufferedBytes[lane] < WINDOW_BYTES)) {
                send(lane);
                sent++;
            }
        }
        return sent;
    }

    private void send(int lane) throws IpcException {
        long seq = ++nextSeq[lane];
        int size = traffic.inlineSize(seq);
        byte[] inline = traffic.contents(size, Traffic.stamp(worker, incarnation, lane), seq);
        long inlineCrc = Traffic.crc(inline);
        IpcSharedMemory region = null;
        IpcReceiver<Token> token = null;
        IpcSender<Ack> replyTo = null;
        try {
            long regionCrc = 0;
            if (traffic.withRegion(seq)) {
                byte[] contents = traffic.contents(traffic.regionSize(), ~seq, seq);
                regionCrc = Traffic.crc(contents);
                region = IpcSharedMemory.fromBytes(contents);
            }
            long tokenValue = 0;
            if (traffic.withToken(seq)) {
                tokenValue = Traffic.tokenValue(worker, incarnation, lane, seq);
                IpcChannel<Token> channel = Ipc.channel(Token.class);
                token = channel.receiver();
                try (IpcSender<Token> sender = channel.sender()) {
                    sender.send(new Token(tokenValue));
                }
                stats.tokens++;
            }
            if (traffic.withReplyTo(seq)) {
                IpcChannel<Ack> channel = Ipc.channel(Ack.class);
                replyTo = channel.sender();
                board.add(channel.receiver(), new Switchboard.Reply(this, lane, seq));
                stats.replies++;
            }
            // A payload in a memfd takes one small datagram of the channel's buffer.
            int buffered = size > Traffic.DATAGRAM_LIMIT ? 0 : size;
            unacked.get(lane).put(seq, new Sent(Traffic.digest(inlineCrc, regionCrc, tokenValue), buffered));
            bufferedBytes[lane] += buffered;
            out.get(lane).send(new Data(worker, incarnation, lane, seq, inline, inlineCrc, region, regionCrc, token,
                    replyTo));
            stats.sent(size, region == null ? 0 : region.length());
        } catch (IpcException | RuntimeException e) {
            Sent never = unacked.get(lane).remove(seq);
            if (never != null) {
                bufferedBytes[lane] -= never.bufferedBytes();
            }
            throw e;
        } finally {
            // Sending a handle does not close it: the peer has its own copy now.
            closeQuietly(region);
            closeQuietly(token);
            closeQuietly(replyTo);
        }
    }

    /**
     * Verifies one message of the peer and acknowledges it (unless the peer is known to be gone).
     *
     * @throws IpcException if the acknowledgement cannot be sent
     */
    void onData(int lane, Data data) throws IpcException {
        IpcSharedMemory region = data.region();
        IpcReceiver<Token> token = data.token();
        IpcSender<Ack> replyTo = data.replyTo();
        try {
            if (data.worker() != worker || data.incarnation() != incarnation || data.lane() != lane) {
                violations.accept(this + " lane " + lane + ": received a message addressed to worker "
                        + data.worker() + "/" + data.incarnation() + " lane " + data.lane());
            }
            long previous = lastReceived[lane];
            if (data.seq() != previous + 1) {
                violations.accept(this + " lane " + lane + ": received seq " + data.seq() + " after " + previous
                        + (data.seq() <= previous ? " (duplicate or reordered)" : " (gap)"));
            }
            lastReceived[lane] = Math.max(previous, data.seq());
            long inlineCrc = Traffic.crc(data.inline());
            if (inlineCrc != data.inlineCrc()) {
                violations.accept(this + " lane " + lane + " seq " + data.seq() + ": inline payload of "
                        + data.inline().length + " bytes corrupted");
            }
            long regionCrc = 0;
            if (region != null) {
                regionCrc = Traffic.crc(region.asByteBuffer());
                if (regionCrc != data.regionCrc()) {
                    violations.accept(this + " lane " + lane + " seq " + data.seq() + ": shared memory of "
                            + region.length() + " bytes corrupted");
                }
            }
            long tokenValue = token == null ? 0 : checkToken(token, lane, data.seq());
            stats.received(data.inline().length, region == null ? 0 : region.length());
            if (peerGone) {
                return;
            }
            Ack ack = new Ack(worker, incarnation, lane, data.seq(), previous,
                    Traffic.digest(inlineCrc, regionCrc, tokenValue));
            (replyTo != null ? replyTo : acks).send(ack);
        } finally {
            closeQuietly(region);
            closeQuietly(token);
            closeQuietly(replyTo);
        }
    }

    private long checkToken(IpcReceiver<Token> token, int lane, long seq) throws IpcException {
        long expected = Traffic.tokenValue(worker, incarnation, lane, seq);
        Optional<Token> first = token.tryRecv(TOKEN_PATIENCE);
        if (first.isEmpty() || first.get().value() != expected) {
            violations.accept(this + " lane " + lane + " seq " + seq + ": token channel held " + first
                    + ", expected " + expected);
            return 0;
        }
        try {
            Optional<Token> second = token.tryRecv(TOKEN_PATIENCE);
            violations.accept(this + " lane " + lane + " seq " + seq + ": token channel not disconnected after its "
                    + "token: " + second);
        } catch (IpcDisconnectedException expectedHangUp) {
            // its only sender was closed before the message left: this is the expected end
        }
        return first.get().value();
    }

    /** Checks the peer's acknowledgement of one of this side's messages. */
    void onAck(Ack ack, Switchboard.Reply reply) {
        String where = this + " lane " + ack.lane() + " seq " + ack.seq();
        if (ack.worker() != worker || ack.incarnation() != incarnation || ack.lane() < 0 || ack.lane() >= out.size()
                || (reply != null && (reply.lane() != ack.lane() || reply.seq() != ack.seq()))) {
            violations.accept(where + ": misaddressed acknowledgement " + ack + (reply == null ? "" : " on " + reply));
            return;
        }
        Sent sent = unacked.get(ack.lane()).remove(ack.seq());
        if (sent == null) {
            violations.accept(where + ": " + (ack.seq() <= nextSeq[ack.lane()] ? "acknowledged twice (delivered twice)"
                    : "acknowledged but never sent"));
            return;
        }
        bufferedBytes[ack.lane()] -= sent.bufferedBytes();
        if (ack.previous() != ack.seq() - 1) {
            violations.accept(where + ": the receiver had seen seq " + ack.previous() + " before it on that lane");
        }
        if (ack.digest() != sent.digest()) {
            violations.accept(where + ": contents differ on arrival (digest " + Long.toHexString(ack.digest())
                    + ", sent " + Long.toHexString(sent.digest()) + ")");
        }
        stats.acknowledged++;
    }

    /** Whether every message this side sent was acknowledged. */
    boolean allAcknowledged() {
        return unacknowledged() == 0;
    }

    /** How many messages this side sent that are not acknowledged (yet). */
    int unacknowledged() {
        int n = 0;
        for (Map<Long, Sent> pending : unacked) {
            n += pending.size();
        }
        return n;
    }

    /** How many messages this side sent on each lane. */
    List<Long> sentPerLane() {
        List<Long> counts = new ArrayList<>();
        for (long n : nextSeq) {
            counts.add(n);
        }
        return counts;
    }

    /** How many messages this side received on each lane (the last sequence number seen). */
    List<Long> receivedPerLane() {
        List<Long> counts = new ArrayList<>();
        for (long n : lastReceived) {
            counts.add(n);
        }
        return counts;
    }

    /** Closes the outgoing lanes: the peer sees them hang up after their last message. */
    void closeLanes() {
        out.forEach(Link::closeQuietly);
        lanesClosed = true;
    }

    /** The peer is gone (killed): stop acknowledging and close every sending end. */
    void peerGone() {
        peerGone = true;
        closeLanes();
        closeQuietly(acks);
    }

    /** How many sending ends (each one descriptor) this side still holds: its lanes and its acknowledgements. */
    int openSenders() {
        return (lanesClosed ? 0 : out.size()) + (peerGone ? 0 : 1);
    }

    static void closeQuietly(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + handle + " failed", e);
        }
    }
}
