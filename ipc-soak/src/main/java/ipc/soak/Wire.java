package ipc.soak;

import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import java.util.List;

/** The messages between the coordinator and a worker: plain records, some of whose fields are handles. */
final class Wire {

    private Wire() {}

    /**
     * A worker's first message, through the coordinator's one-shot server: who it is and where to send its setup.
     *
     * @param worker the worker slot, 0 to K - 1
     * @param incarnation which start of that slot (0 first, then one more per restart)
     * @param pid the worker's process id
     * @param setup where the coordinator sends the worker its channels
     */
    record Hello(int worker, int incarnation, long pid, IpcSender<Setup> setup) {}

    /**
     * The coordinator's answer: the worker's ends of every channel between the two.
     *
     * @param down the lanes the coordinator sends data on
     * @param downAcks where the worker acknowledges data it received
     * @param up the lanes the worker sends data on
     * @param upAcks where the coordinator acknowledges the worker's data
     * @param reports where the worker reports a violation it saw, and says goodbye
     */
    record Setup(List<IpcReceiver<Data>> down, IpcSender<Ack> downAcks, List<IpcSender<Data>> up,
            IpcReceiver<Ack> upAcks, IpcSender<Report> reports) {}

    /**
     * One data message. Which handles it carries varies; absent ones are null.
     *
     * @param worker the worker slot of the link
     * @param incarnation the worker incarnation of the link
     * @param lane the lane (channel) it was sent on
     * @param seq its sequence number on that lane, from 1
     * @param inline bytes carried in the message itself (tens of bytes to a few MiB)
     * @param inlineCrc the CRC-32C of {@code inline}
     * @param region a shared memory region, or null
     * @param regionCrc the CRC-32C of the region's contents (0 without a region)
     * @param token a channel with one {@link Token} queued and its sender closed, or null
     * @param replyTo where to send the acknowledgement instead of the link's acknowledgement channel, or null
     */
    record Data(int worker, int incarnation, int lane, long seq, byte[] inline, long inlineCrc,
            IpcSharedMemory region, long regionCrc, IpcReceiver<Token> token, IpcSender<Ack> replyTo) {}

    /**
     * A receiver's acknowledgement of one data message.
     *
     * @param worker the worker slot of the link
     * @param incarnation the worker incarnation of the link
     * @param lane the lane the message came on
     * @param seq the message's sequence number
     * @param previous the sequence number the receiver had seen last on that lane (so {@code seq - 1} when in order)
     * @param digest the digest of the contents as received (see {@link Traffic#digest})
     */
    record Ack(int worker, int incarnation, int lane, long seq, long previous, long digest) {}

    /**
     * The single message of a token channel.
     *
     * @param value what the receiver expects (see {@link Traffic#tokenValue})
     */
    record Token(long value) {}

    /**
     * A worker's report to the coordinator.
     *
     * @param violation what the worker found wrong, or null in a goodbye
     * @param sentPerLane in a goodbye, how many messages the worker sent on each of its lanes (all acknowledged)
     */
    record Report(String violation, List<Long> sentPerLane) {}
}
