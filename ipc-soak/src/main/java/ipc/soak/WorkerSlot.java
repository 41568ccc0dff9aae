package ipc.soak;

import ipc.api.IpcOneShotServer;
import ipc.soak.Wire.Hello;
import java.nio.file.Path;
import java.util.List;

/**
 * One of the K worker positions of the coordinator, and the incarnation currently in it.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; the coordinator's loop owns it.
 */
final class WorkerSlot {

    /** Where the current incarnation is in its life. */
    enum State {
        /** Started, not yet connected through the one-shot server. */
        STARTING,
        /** Connected and exchanging data. */
        RUNNING,
        /** The run is over: its lanes are closed, waiting for its goodbye and its exit. */
        FINISHING,
        /** Exited after the run (or was stopped). */
        DONE
    }

    final int worker;
    final Traffic traffic;
    final Path log;
    int incarnation = -1;
    State state;
    Process process;
    IpcOneShotServer<Hello> server;
    long startedNanos;
    Link link;
    List<Long> goodbye;

    WorkerSlot(int worker, Traffic traffic, Path log) {
        this.worker = worker;
        this.traffic = traffic;
        this.log = log;
    }

    @Override
    public String toString() {
        return "worker " + worker + "/" + incarnation + (process == null ? "" : " (pid " + process.pid() + ")");
    }
}
