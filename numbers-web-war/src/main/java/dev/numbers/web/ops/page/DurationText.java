package dev.numbers.web.ops.page;

import java.time.Duration;
import java.time.Instant;

/** A duration as people read it at a glance: "850 ms", "42 s", "3 min 5 s", "2 h 10 min", "3 d 4 h". */
public final class DurationText {

    private DurationText() {
    }

    public static String between(Instant from, Instant to) {
        return ofMillis(Math.max(0, Duration.between(from, to).toMillis()));
    }

    public static String ofMillis(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
        }
        return seconds / 86_400 + " d" + (seconds % 86_400 / 3600 == 0 ? "" : " " + seconds % 86_400 / 3600 + " h");
    }
}
