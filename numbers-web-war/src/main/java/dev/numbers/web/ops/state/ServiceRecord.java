package dev.numbers.web.ops.state;

import dev.numbers.web.ops.entity.CheckReading;
import dev.numbers.web.ops.entity.CheckView;
import dev.numbers.web.ops.entity.HealthReading;
import dev.numbers.web.ops.entity.LastPoll;
import dev.numbers.web.ops.entity.ServiceView;
import dev.numbers.web.ops.entity.Status;
import dev.numbers.web.ops.entity.Target;
import dev.numbers.web.ops.entity.Transition;
import dev.numbers.web.ops.poll.HealthAnswer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the poller knows of one watched service: its overall status and each check's, with their
 * histories, and the latest poll. A check the service stops reporting, or that a failed poll cannot
 * tell, turns UNKNOWN rather than keep a status nobody has seen lately.
 */
public final class ServiceRecord {

    /** A service that keeps inventing check names must not grow this record without end. */
    public static final int MAX_TRACKED_CHECKS = 2 * HealthAnswer.MAX_CHECKS;

    private final Target target;
    private final int keep;
    private final StatusHistory overall;
    private final Map<String, StatusHistory> checks = new LinkedHashMap<>();
    private final Map<String, JsonObject> data = new LinkedHashMap<>();
    private LastPoll lastPoll;
    private long polls;
    private long failedPolls;

    public ServiceRecord(Target target, int keep, Instant watchedSince) {
        this.target = target;
        this.keep = keep;
        this.overall = new StatusHistory(target.name(), null, keep, watchedSince);
    }

    /** @return the transitions this reading caused, the service's own first */
    public synchronized List<Transition> record(HealthReading reading) {
        polls++;
        if (!reading.answered()) {
            failedPolls++;
        }
        lastPoll = new LastPoll(reading.at(), reading.latencyMs(), reading.httpStatus(), reading.problem());
        List<Transition> transitions = new ArrayList<>();
        overall.move(reading.status(), reading.at(), reading.answered() ? "HTTP " + reading.httpStatus() : reading.problem(), transitions);
        Set<String> reported = new HashSet<>();
        for (CheckReading check : oneOfEachName(reading.checks())) {
            if (!checks.containsKey(check.name()) && checks.size() >= MAX_TRACKED_CHECKS) {
                continue;
            }
            reported.add(check.name());
            data.put(check.name(), check.data());
            StatusHistory history = checks.computeIfAbsent(check.name(),
                    name -> new StatusHistory(target.name(), name, keep, reading.at()));
            history.move(check.status(), reading.at(), DataText.of(check.data()), transitions);
        }
        String why = reading.answered() ? "no longer reported" : reading.problem();
        checks.forEach((name, history) -> {
            if (!reported.contains(name)) {
                history.move(Status.UNKNOWN, reading.at(), why, transitions);
            }
        });
        return transitions;
    }

    /**
     * Two checks of one name in one answer are one check here (a name is how a check is followed over
     * time): DOWN if any of them is DOWN, else UP, with the data of the first that has that status.
     * Taken one by one, an identical answer made the check flap twice per poll. Order of first sight is kept.
     */
    static List<CheckReading> oneOfEachName(List<CheckReading> checks) {
        Map<String, CheckReading> merged = new LinkedHashMap<>();
        for (CheckReading check : checks) {
            merged.merge(check.name(), check, (first, next) -> first.status() != Status.DOWN && next.status() == Status.DOWN ? next : first);
        }
        return merged.size() == checks.size() ? checks : List.copyOf(merged.values());
    }

    synchronized Status status() {
        return overall.status();
    }

    synchronized LastPoll lastPoll() {
        return lastPoll;
    }

    public synchronized ServiceView view() {
        List<CheckView> checkViews = checks.entrySet().stream().map(check -> new CheckView(check.getKey(), check.getValue().status(),
                check.getValue().since(), data.getOrDefault(check.getKey(), JsonValue.EMPTY_JSON_OBJECT),
                check.getValue().transitionCount(), check.getValue().latest())).toList();
        return new ServiceView(target.name(), target.url().toString(), overall.status(), overall.since(), lastPoll, polls,
                failedPolls, overall.transitionCount(), checkViews, overall.latest());
    }
}
