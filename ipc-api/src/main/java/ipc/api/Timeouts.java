package ipc.api;

import java.time.Duration;
import java.util.Objects;

/** Converts API durations to the transport SPI's nanosecond timeouts (negative = forever, 0 = poll). */
final class Timeouts {

    private Timeouts() {}

    static long toNanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
