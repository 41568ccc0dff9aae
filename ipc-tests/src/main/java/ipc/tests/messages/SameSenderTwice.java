package ipc.tests.messages;

import ipc.api.IpcSender;
import ipc.api.OpaqueIpcSender;

/**
 * Three references that a test points at one OS handle: a typed sender twice and an untyped view of it.
 *
 * @param first a sender
 * @param second usually the same sender object as {@code first}
 * @param opaque usually {@code first.toOpaque()}
 */
public record SameSenderTwice(IpcSender<String> first, IpcSender<String> second, OpaqueIpcSender opaque) {}
