package ipc.tests.messages;

import ipc.api.IpcSender;

/**
 * A person with a typed sender beside it: Rust's {@code (Person, IpcSender<Person>)}.
 *
 * @param person the value
 * @param sender the handle
 */
public record PersonAndSender(Person person, IpcSender<Person> sender) {}
