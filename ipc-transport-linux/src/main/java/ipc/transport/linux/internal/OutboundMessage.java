package ipc.transport.linux.internal;

import ipc.api.IpcException;
import ipc.api.spi.TransportHandle;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Sends one message as one datagram (see {@link WireHeader} for the format): the payload in a slot of the sender's ring
 * ({@link SendRing}) if the message has no handles, a payload of {@link SendRing#MIN_PAYLOAD} to
 * {@link SendRing#SLOT_BYTES} bytes, and a slot is free; otherwise inline when it fits,
 * otherwise on a stream whose end rides in the datagram ({@link PayloadStream}); up to {@link Linux#SCM_MAX_FD} descriptors in the datagram
 * and the rest through a {@link HandleOverflow}. Either way the message is a single {@code sendmsg} on the
 * channel, so it arrives whole and is never interleaved with other senders' messages.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one instance sends one message on one thread. The handles it sends are pinned
 * ({@link FdHandle#tryAcquire()}) for the duration, so a concurrent {@code close()} cannot recycle a descriptor
 * number under the {@code sendmsg}.
 */
final class OutboundMessage {

    private static final FdHandle[] NO_HANDLES = new FdHandle[0];
    private static final int[] NO_FDS = new int[0];

    private final int socket;
    private final FdHandle owner;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /** The payload: these buffers' remaining bytes, one after the other (positions never move). */
    private final ByteBuffer[] parts;
    /**
     * Whether the first part is a prefix the recipient takes apart from the rest (the bytes channel's header), so
     * that, small enough, it rides in the datagram when the rest is streamed. Otherwise the recipient wants the whole
     * payload in one buffer, and a streamed payload is streamed whole.
     */
    private final boolean prefixed;
    /** The payload's length: all the parts' remaining bytes. */
    private final long payloadLength;
    private final FdHandle[] handles;
    private final int[] fds;
    private final NativeMessage block = NativeMessage.take();
    private int overflow = -1;
    /** Whether the first part of a streamed payload travels in the datagram. */
    private boolean inlinePrefix;
    /** Descriptors a streamed payload adds to the datagram: the stream's receiving end and the memfd. */
    private static final int STREAM_FDS = 2;
    /** The largest first part that stays in the datagram when the payload is streamed. */
    static final int INLINE_PREFIX_MAX = 4096;

    private OutboundMessage(int socket, FdHandle owner, ByteBuffer[] parts, boolean prefixed, FdHandle[] handles) {
        this.socket = socket;
        this.owner = owner;
        this.parts = parts;
        this.prefixed = prefixed;
        this.payloadLength = length(parts);
        this.handles = handles;
        this.fds = handles.length == 0 ? NO_FDS : new int[handles.length];
        for (int i = 0; i < handles.length; i++) {
            fds[i] = handles[i].fd();
        }
    }

    /**
     * Sends {@code frame}'s remaining bytes and {@code handles} on {@code socket}. The frame's position is unchanged.
     * While the socket's buffer is full the send waits, until {@code owner} is closed.
     *
     * @param owner the sender that owns {@code socket}, or null
     * @throws IpcException if the OS refuses; {@link ipc.api.IpcDisconnectedException} if the receiver is gone
     * @throws IllegalArgumentException if a handle is closed, of another transport, or there are too many
     */
    static void send(int socket, FdHandle owner, ByteBuffer frame, List<? extends TransportHandle> handles)
            throws IpcException {
        if (handles.isEmpty()) {
            send(socket, owner, EMPTY, frame, null);
            return;
        }
        send(socket, owner, new ByteBuffer[] {frame}, handles);
    }

    /**
     * Sends the remaining bytes of {@code parts}, one after the other, as one frame, and {@code handles}, as
     * {@link #send(int, FdHandle, ByteBuffer, List)}: each part is copied once, into the datagram or the payload
     * stream, from where it is. No part's position moves.
     */
    static void send(int socket, FdHandle owner, ByteBuffer[] parts, List<? extends TransportHandle> handles)
            throws IpcException {
        if (handles.size() > HandleOverflow.MAX_HANDLES) {
            throw new IllegalArgumentException("A message carries at most " + HandleOverflow.MAX_HANDLES
                    + " handles, got " + handles.size());
        }
        if (handles.isEmpty() && sendThroughRing(socket, owner, EMPTY, parts, null, null, length(parts))) {
            return;
        }
        FdHandle[] pinned = handles.isEmpty() ? NO_HANDLES : new FdHandle[handles.size()];
        int count = 0;
        try {
            for (TransportHandle handle : handles) {
                pinned[count] = pin(handle);
                count++;
            }
            new OutboundMessage(socket, owner, parts, false, pinned).send();
        } finally {
            for (int i = 0; i < count; i++) {
                pinned[i].release();
            }
        }
    }

    /**
     * Sends one message without handles whose payload is {@code prefix} followed by the payload, {@code buffer}'s
     * remaining bytes or, if {@code buffer} is null, all of {@code array} (read without a buffer made for it): each
     * copied once into the datagram or the payload stream (a direct buffer not at all: the kernel reads it where it
     * is). No buffer's position moves.
     *
     * @param socket the sending socket
     * @param owner the sender, checked while waiting for room
     * @throws IpcException if the OS refuses, or the receiver is gone ({@link ipc.api.IpcDisconnectedException})
     */
    static void send(int socket, FdHandle owner, ByteBuffer prefix, ByteBuffer buffer, byte[] array)
            throws IpcException {
        int payloadLength = buffer != null ? buffer.remaining() : array.length;
        if (sendThroughRing(socket, owner, prefix, null, buffer, array, payloadLength)) {
            return;
        }
        long length = (long) prefix.remaining() + payloadLength;
        if (length > maxInlinePayload(0) || !sendInline(socket, owner, prefix, buffer, array)) {
            ByteBuffer payload = buffer != null ? buffer : ByteBuffer.wrap(array);
            new OutboundMessage(socket, owner, new ByteBuffer[] {prefix, payload}, true, NO_HANDLES).send();
        }
    }

    /**
     * The common case, without an instance: header, prefix and payload ({@code buffer}'s remaining bytes, or all of
     * {@code array}) in one datagram, one {@code sendmsg}. Allocates nothing. A direct buffer is not copied: the
     * kernel reads it from the caller's memory.
     *
     * @return false if the kernel refused the datagram as too long (EMSGSIZE: {@code SO_SNDBUF} was lowered below
     *     its size), for the general path to stream it
     */
    private static boolean sendInline(int socket, FdHandle owner, ByteBuffer prefix, ByteBuffer buffer, byte[] array)
            throws IpcException {
        int prefixLength = prefix.remaining();
        int payloadLength = buffer != null ? buffer.remaining() : array.length;
        int head = WireHeader.SIZE + prefixLength;
        NativeMessage block = NativeMessage.take();
        try {
            ByteBuffer data = block.dataBuffer();
            WireHeader.write(data, WireHeader.TYPE_MESSAGE, (short) 0, 0, 0, (long) prefixLength + payloadLength);
            copy(prefix, data, WireHeader.SIZE);
            if (buffer == null) {
                data.put(head, array, 0, payloadLength);
                block.prepareSend(head + payloadLength, 0);
            } else if (buffer.isDirect()) {
                block.prepareGatherSend(head, buffer);
            } else {
                copy(buffer, data, head);
                block.prepareSend(head + payloadLength, 0);
            }
            boolean sent = block.sendTo(socket, Linux.MSG_NOSIGNAL, owner);
            Reference.reachabilityFence(buffer);
            return sent;
        } finally {
            block.give();
        }
    }

    /**
     * Sends a message without handles through the ring of {@code owner} ({@link SendRing}), if it qualifies: its
     * prefix in the datagram, its payload ({@code parts}, else {@code buffer}'s remaining bytes, else all of
     * {@code array}) copied into a free slot. No buffer's position moves.
     *
     * @param ringLength the payload's length (without the prefix)
     * @return false, having sent nothing, if the message does not qualify (the owner is not a sender, the payload is
     *     not of {@link SendRing#MIN_PAYLOAD} to {@link SendRing#SLOT_BYTES} bytes, the prefix is longer than
     *     {@link #INLINE_PREFIX_MAX}), the sender has no ring, or no slot is free
     */
    private static boolean sendThroughRing(int socket, FdHandle owner, ByteBuffer prefix, ByteBuffer[] parts,
            ByteBuffer buffer, byte[] array, long ringLength) throws IpcException {
        if (ringLength < SendRing.MIN_PAYLOAD || ringLength > SendRing.SLOT_BYTES
                || prefix.remaining() > INLINE_PREFIX_MAX || !(owner instanceof LinuxSender sender)) {
            return false;
        }
        SendRing ring = sender.ring();
        if (ring == null) {
            return false;
        }
        boolean sent = false;
        int slot = -1;
        NativeMessage block = NativeMessage.take();
        try {
            // The block's data area is free until the datagram is written into it.
            slot = ring.acquire((int) ringLength, SendRing.WAIT_NANOS, block.data());
            if (slot < 0) {
                return false;
            }
            if (parts != null) {
                ring.write(slot, parts);
            } else if (buffer != null) {
                ring.write(slot, buffer);
            } else {
                ring.write(slot, array);
            }
            int prefixLength = prefix.remaining();
            ByteBuffer data = block.dataBuffer();
            WireHeader.write(data, WireHeader.TYPE_MESSAGE, WireHeader.FLAG_PAYLOAD_RING, 0, 1,
                    prefixLength + ringLength);
            copy(prefix, data, WireHeader.SIZE);
            data.putInt(WireHeader.SIZE + prefixLength, slot);
            block.prepareSend(WireHeader.SIZE + prefixLength + SendRing.REF_BYTES, 1);
            block.setFd(0, ring.fd());
            sent = block.sendTo(socket, Linux.MSG_NOSIGNAL, owner);
            return sent;
        } finally {
            if (!sent && slot >= 0) {
                ring.release(slot);
            }
            block.give();
        }
    }

    private static long length(ByteBuffer[] parts) {
        long length = 0;
        for (ByteBuffer part : parts) {
            length += part.remaining();
        }
        return length;
    }

    private static FdHandle pin(TransportHandle handle) {
        if (!(handle instanceof FdHandle fdHandle)) {
            throw new IllegalArgumentException("Cannot send a handle of another transport on a Linux channel: "
                    + (handle == null ? "null" : handle.getClass().getName()));
        }
        if (!fdHandle.tryAcquire()) {
            throw new IllegalArgumentException("Cannot send a closed handle: " + handle);
        }
        return fdHandle;
    }

    private void send() throws IpcException {
        PayloadStream.Writer stream = null;
        try {
            if (payloadLength > WireHeader.MAX_PAYLOAD) {
                throw new IpcException("A message of " + payloadLength + " bytes is larger than the largest a "
                        + "receiver accepts (" + WireHeader.MAX_PAYLOAD + " bytes)");
            }
            boolean fits = payloadLength <= maxInlinePayload(handles.length);
            if (!fits) {
                stream = openStream();
            }
            int inlineHandles = handles.length;
            if (handles.length + (fits ? 0 : STREAM_FDS) > Linux.SCM_MAX_FD) {
                inlineHandles = Linux.SCM_MAX_FD - (fits ? 0 : STREAM_FDS) - 1;
                overflow = HandleOverflow.write(block, fds, inlineHandles);
            }
            if (!sendDatagram(inlineHandles, stream)) {
                // EMSGSIZE: SO_SNDBUF was lowered below the usual datagram size; stream the payload.
                if (stream != null || inlineHandles + STREAM_FDS + (overflow >= 0 ? 1 : 0) > Linux.SCM_MAX_FD) {
                    throw Native.error("sendmsg", Errors.EMSGSIZE);
                }
                stream = openStream();
                if (!sendDatagram(inlineHandles, stream)) {
                    throw Native.error("sendmsg", Errors.EMSGSIZE);
                }
            }
            if (stream != null) {
                stream.finish(block);
            }
        } finally {
            if (stream != null) {
                stream.close();
            }
            Descriptors.closeQuietly(overflow);
            block.give();
        }
    }

    /**
     * Opens the stream of a payload too large for the datagram and writes what it takes at once. A small prefix
     * (the bytes channel's header) still travels in the datagram, so that the receiver can read the rest straight
     * into a buffer of its own.
     */
    private PayloadStream.Writer openStream() throws IpcException {
        inlinePrefix = prefixed && parts[0].remaining() <= INLINE_PREFIX_MAX;
        // The block's data area is free until the datagram is written into it.
        PayloadStream.Writer stream = PayloadStream.Writer.open(block.data(), parts, inlinePrefix ? 1 : 0);
        try {
            stream.fill();
        } catch (IpcException | RuntimeException | Error e) {
            stream.close();
            throw e;
        }
        return stream;
    }

    /** The largest payload that travels inside the datagram of a message with {@code handles} handles. */
    static int maxInlinePayload(int handles) {
        return NativeMessage.DATA_CAPACITY - WireHeader.SIZE - handles;
    }

    /** Sends the datagram; false if the kernel refused it as too long. */
    private boolean sendDatagram(int inlineHandles, PayloadStream.Writer stream) throws IpcException {
        ByteBuffer data = block.dataBuffer();
        short flags = (short) ((stream != null ? WireHeader.FLAG_PAYLOAD_STREAMED : 0)
                | (overflow >= 0 ? WireHeader.FLAG_HANDLE_OVERFLOW : 0));
        int fdCount = inlineHandles + (stream != null ? STREAM_FDS : 0) + (overflow >= 0 ? 1 : 0);
        WireHeader.write(data, WireHeader.TYPE_MESSAGE, flags, handles.length, fdCount, payloadLength);
        int at = WireHeader.SIZE;
        for (FdHandle handle : handles) {
            data.put(at++, WireHeader.kindCode(handle.kind()));
        }
        // Inline: the whole payload, or of a streamed one its prefix if that rides along, or nothing.
        int inlineParts = stream == null ? parts.length : inlinePrefix ? 1 : 0;
        for (int i = 0; i < inlineParts; i++) {
            copy(parts[i], data, at);
            at += parts[i].remaining();
        }
        block.prepareSend(at, fdCount);
        int fd = 0;
        for (; fd < inlineHandles; fd++) {
            block.setFd(fd, fds[fd]);
        }
        if (stream != null) {
            block.setFd(fd++, stream.peerEnd());
            block.setFd(fd++, stream.remainder());
        }
        if (overflow >= 0) {
            block.setFd(fd, overflow);
        }
        return block.sendTo(socket, Linux.MSG_NOSIGNAL, owner);
    }

    private static void copy(ByteBuffer frame, ByteBuffer data, int offset) {
        if (frame.hasArray()) {
            data.put(offset, frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
        } else {
            data.put(offset, frame, frame.position(), frame.remaining());
        }
    }
}
