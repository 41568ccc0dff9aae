package ipc.benchmarks;

/**
 * The benchmarks jar's entry point: JMH's command line ({@code java -jar ipc-benchmarks.jar -h} lists its options).
 *
 * <h2>Thread safety</h2>
 * A program entry point.
 */
public final class Main {

    private Main() {}

    /**
     * Runs JMH with {@code args}.
     *
     * @param args JMH's options and benchmark patterns
     * @throws Exception if JMH fails
     */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
