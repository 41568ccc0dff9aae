package ipc.soak;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A short soak run (15 s, 2 worker JVMs, a kill every 4 s on average), so that the soak test keeps working; the
 * long run is {@code soak.sh}.
 */
@EnabledOnOs(OS.LINUX)
class SoakSmokeTest {

    @Test
    void aShortRunWithKillsPassesEveryCheck() {
        SoakOptions options = new SoakOptions(Duration.ofSeconds(15), 2, 20_260_101L, 3, Duration.ofSeconds(1),
                Duration.ofSeconds(4));
        // The run bounds itself (15 s, then at most about 75 s of shutdown); this bounds the test if it did not.
        SoakReport report = assertTimeoutPreemptively(Duration.ofMinutes(3), () -> Coordinator.run(options));
        String summary = report.summary();
        System.out.print(summary);
        assertAll(
                () -> assertTrue(report.passed(), summary),
                () -> assertTrue(report.kills() >= 1, "no worker was killed:\n" + summary),
                () -> assertTrue(report.finishedCleanly() == options.workers(),
                        "not every worker finished cleanly:\n" + summary),
                () -> assertTrue(report.messages() >= 30, "too little traffic:\n" + summary),
                () -> assertTrue(report.large() >= 1, "no message took the memfd path:\n" + summary),
                () -> assertTrue(report.regions() >= 1, "no message carried shared memory:\n" + summary),
                () -> assertTrue(report.samples() >= 10, "too few resource samples:\n" + summary));
    }
}
