package ipc.tests.messages;

import ipc.api.OpaqueIpcSender;

/**
 * A person with an untyped sender beside it: Rust's {@code (Person, OpaqueIpcSender)}.
 *
 * @param person the value
 * @param sender the handle
 */
public record PersonAndOpaqueSender(Person person, OpaqueIpcSender sender) {}
