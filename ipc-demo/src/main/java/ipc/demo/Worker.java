package ipc.demo;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.demo.Messages.Assignment;
import ipc.demo.Messages.Hello;
import ipc.demo.Messages.Job;
import ipc.demo.Messages.Result;
import java.nio.ByteBuffer;

/**
 * The worker process: connects to the parent's one-shot server named on its command line, receives its
 * assignment, then processes jobs until the parent closes the job channel.
 */
public final class Worker {

    private Worker() {}

    /**
     * Runs the worker.
     *
     * @param args the one-shot server's name
     * @throws Exception on any failure; the exit status is then non-zero
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: Worker <one-shot server name>");
            System.exit(2);
        }
        try (IpcChannel<Assignment> inbox = Ipc.channel(Assignment.class);
                IpcSender<Hello> hello = IpcSender.connect(args[0], Hello.class)) {
            hello.send(new Hello(ProcessHandle.current().pid(), Runtime.version().toString(), inbox.sender()));
            Assignment assignment = inbox.receiver().recv();
            try (var jobs = assignment.jobs(); var results = assignment.results()) {
                while (true) {
                    Job job;
                    try {
                        job = jobs.recv();
                    } catch (IpcDisconnectedException finished) {
                        return; // the parent closed the job channel: we are done
                    }
                    results.send(process(job));
                    job.image().close();
                }
            }
        }
    }

    private static Result process(Job job) {
        long start = System.nanoTime();
        ByteBuffer view = job.image().asByteBuffer(); // the parent's pixels, mapped, not copied
        byte[] pixels = new byte[view.remaining()];
        view.get(pixels);
        byte[] out = switch (job.operation()) {
            case "invert" -> Images.invert(pixels);
            case "edges" -> Images.edges(pixels, job.width(), job.height());
            default -> throw new IllegalArgumentException("unknown operation " + job.operation());
        };
        IpcSharedMemory result = IpcSharedMemory.fromBytes(out);
        return new Result(job.id(), job.operation(), result, System.nanoTime() - start);
    }
}
