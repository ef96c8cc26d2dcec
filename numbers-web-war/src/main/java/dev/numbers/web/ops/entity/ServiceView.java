package dev.numbers.web.ops.entity;

import java.time.Instant;
import java.util.List;

/**
 * One watched service, for {@code /ops/status} and the page.
 *
 * @param lastPoll null until the first poll has ended
 * @param transitions the latest changes of the overall status, newest first
 */
public record ServiceView(String name, String url, Status status, Instant since, LastPoll lastPoll, long polls, long failedPolls,
                          long transitionCount, List<CheckView> checks, List<Transition> transitions) {
}
