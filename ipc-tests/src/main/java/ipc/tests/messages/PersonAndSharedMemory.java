package ipc.tests.messages;

import ipc.api.IpcSharedMemory;

/**
 * A person with a shared-memory region beside it; equal when both parts are (the region by content).
 *
 * @param person the value
 * @param memory the region
 */
public record PersonAndSharedMemory(Person person, IpcSharedMemory memory) {}
