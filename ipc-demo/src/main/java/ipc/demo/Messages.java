package ipc.demo;

import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;

/** The demo's message types: plain records whose fields include channels and shared memory. */
final class Messages {

    private Messages() {}

    /** The worker's first message, through the one-shot server: who it is and where to send its assignment. */
    record Hello(long pid, String jvm, IpcSender<Assignment> inbox) {}

    /** The parent's answer: the channel of jobs to do and the channel for results. */
    record Assignment(IpcReceiver<Job> jobs, IpcSender<Result> results) {}

    /** One image operation; the pixels travel as shared memory, not in the message. */
    record Job(int id, String operation, int width, int height, IpcSharedMemory image) {}

    /** The worker's answer, with a new image in shared memory. */
    record Result(int id, String operation, IpcSharedMemory image, long computeNanos) {}
}
