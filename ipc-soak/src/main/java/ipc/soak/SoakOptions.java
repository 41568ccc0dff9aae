package ipc.soak;

import java.time.Duration;

/**
 * The settings of one soak run.
 *
 * @param duration how long workers exchange data and get killed, before the bounded shutdown
 * @param workers how many worker JVMs run at once
 * @param seed the seed of every random choice (sizes, handles, kill moments and victims)
 * @param lanes data channels per direction between the coordinator and each worker
 * @param sampleEvery how often the coordinator samples its resources
 * @param killEvery the mean interval between two kills (each interval is drawn from 0.25 to 1.75 times it)
 *
 * <h2>Thread safety</h2>
 * Immutable; thread-safe.
 */
public record SoakOptions(Duration duration, int workers, long seed, int lanes, Duration sampleEvery,
        Duration killEvery) {

    /** Validates the settings. */
    public SoakOptions {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the duration must be positive: " + duration);
        }
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("workers must be 1 to 64: " + workers);
        }
        if (lanes < 1 || lanes > 32) {
            throw new IllegalArgumentException("lanes must be 1 to 32: " + lanes);
        }
        if (sampleEvery.isNegative() || sampleEvery.isZero() || killEvery.isNegative() || killEvery.isZero()) {
            throw new IllegalArgumentException("sampling and kill intervals must be positive");
        }
    }

    /**
     * The defaults of {@code soak.sh}: 4 lanes each way, a kill every 5 s on average, and about 60 resource samples
     * (one every 1 to 5 s).
     */
    public static SoakOptions of(Duration duration, int workers, long seed) {
        Duration sampleEvery = duration.dividedBy(60);
        if (sampleEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            sampleEvery = Duration.ofSeconds(1);
        } else if (sampleEvery.compareTo(Duration.ofSeconds(5)) > 0) {
            sampleEvery = Duration.ofSeconds(5);
        }
        return new SoakOptions(duration, workers, seed, 4, sampleEvery, Duration.ofSeconds(5));
    }
}
