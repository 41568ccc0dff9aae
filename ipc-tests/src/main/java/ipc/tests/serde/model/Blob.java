package ipc.tests.serde.model;

/**
 * A record holding raw bytes: the large value of the kit. Records compare arrays by identity, so the kit compares
 * blobs by content.
 *
 * @param name a name
 * @param data the bytes
 */
public record Blob(String name, byte[] data) {}
