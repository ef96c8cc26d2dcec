package dev.numbers.web.ops.entity;

import jakarta.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * One check of a watched service, for {@code /ops/status} and the page.
 *
 * @param since when the check took its current status (as first seen by this poller)
 * @param transitionCount every change since the web started; {@code transitions} keeps the latest, newest first
 */
public record CheckView(String name, Status status, Instant since, JsonObject data, long transitionCount, List<Transition> transitions) {
}
