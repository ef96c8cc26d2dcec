package dev.numbers.web.ops.page;

import java.time.Duration;
import java.time.Instant;

/** A duration as people read it at a glance: "850 ms", "42 s", "3 min 5 s", "2 h 10 min", "3 d 4 h". */
final class DurationText {

    private static final String[] UNITS = {"d", "h", "min", "s"};

    private DurationText() {
    }

    static String between(Instant from, Instant to) {
        return ofMillis(Math.max(0, Duration.between(from, to).toMillis()));
    }

    /** Under a second in ms; else the largest unit that is not zero, and the next one unless it is zero. */
    static String ofMillis(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        Duration duration = Duration.ofMillis(millis);
        long[] parts = {duration.toDays(), duration.toHoursPart(), duration.toMinutesPart(), duration.toSecondsPart()};
        int i = 0;
        while (parts[i] == 0) {
            i++;
        }
        return parts[i] + " " + UNITS[i] + (i < 3 && parts[i + 1] != 0 ? " " + parts[i + 1] + " " + UNITS[i + 1] : "");
    }
}
