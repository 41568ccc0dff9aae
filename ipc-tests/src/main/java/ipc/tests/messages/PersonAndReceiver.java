package ipc.tests.messages;

import ipc.api.IpcReceiver;

/**
 * A person with a typed receiver beside it: Rust's {@code (Person, IpcReceiver<Person>)}.
 *
 * @param person the value
 * @param receiver the handle
 */
public record PersonAndReceiver(Person person, IpcReceiver<Person> receiver) {}
