package ipc.tests.messages;

import ipc.api.IpcSender;

/**
 * One sender in a record field named {@code handle}; {@link ReceiverHolder} has the same shape with a receiver, so
 * reading one as the other is a handle-kind mismatch.
 *
 * @param handle the sender
 */
public record SenderHolder(IpcSender<String> handle) {}
