package ipc.tests.messages;

import ipc.api.IpcReceiver;

/**
 * One receiver in a record field named {@code handle}: the same shape as {@link SenderHolder}.
 *
 * @param handle the receiver
 */
public record ReceiverHolder(IpcReceiver<String> handle) {}
