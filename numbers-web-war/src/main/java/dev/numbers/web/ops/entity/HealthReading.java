package dev.numbers.web.ops.entity;

import java.time.Instant;
import java.util.List;

/**
 * One poll of a target. When the target gave a MicroProfile Health answer, {@code status} is its overall
 * status and {@code checks} its checks, and {@code problem} is null; otherwise status is DOWN and
 * {@code problem} says why in one line ("no answer within 1000 ms", "connection refused", ...).
 *
 * @param httpStatus 0 when no HTTP answer came
 */
public record HealthReading(Instant at, long latencyMs, int httpStatus, Status status, List<CheckReading> checks, String problem) {

    public static HealthReading failed(Instant at, long latencyMs, int httpStatus, String problem) {
        return new HealthReading(at, latencyMs, httpStatus, Status.DOWN, List.of(), problem);
    }

    public boolean answered() {
        return problem == null;
    }
}
