package ipc.tests.messages;

/**
 * A generic record, to carry handles inside type arguments: {@code Envelope<Map<String, List<IpcSender<String>>>>}.
 *
 * @param label a plain value beside the payload
 * @param payload the payload
 * @param <T> the payload type
 */
public record Envelope<T>(String label, T payload) {}
