package dev.numbers.web.ops.state;

import dev.numbers.web.ops.entity.CheckReading;
import dev.numbers.web.ops.entity.HealthReading;
import dev.numbers.web.ops.entity.OpsStatus.CheckView;
import dev.numbers.web.ops.entity.OpsStatus.LastPoll;
import dev.numbers.web.ops.entity.OpsStatus.ServiceView;
import dev.numbers.web.ops.entity.OpsStatus.Transition;
import dev.numbers.web.ops.entity.Status;
import dev.numbers.web.ops.entity.Target;
import dev.numbers.web.ops.poll.HealthAnswer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
    private final History overall;
    private final Map<String, History> checks = new LinkedHashMap<>();
    private LastPoll lastPoll;
    private long polls;
    private long failedPolls;

    public ServiceRecord(Target target, int keep, Instant watchedSince) {
        this.target = target;
        this.keep = keep;
        this.overall = new History(null, watchedSince);
    }

    /** @return the transitions this reading caused, the service's own first */
    public synchronized List<Transition> record(HealthReading reading) {
        polls++;
        failedPolls += reading.answered() ? 0 : 1;
        lastPoll = new LastPoll(reading.at(), reading.latencyMs(), reading.httpStatus(), reading.problem());
        List<Transition> transitions = new ArrayList<>();
        overall.move(reading.status(), reading.at(), reading.answered() ? "HTTP " + reading.httpStatus() : reading.problem(), transitions);
        Map<String, CheckReading> reported = oneOfEachName(reading.checks());
        for (CheckReading check : reported.values()) {
            if (checks.containsKey(check.name()) || checks.size() < MAX_TRACKED_CHECKS) {
                History history = checks.computeIfAbsent(check.name(), name -> new History(name, reading.at()));
                history.data = check.data();
                history.move(check.status(), reading.at(), DataText.of(check.data()), transitions);
            }
        }
        String why = reading.answered() ? "no longer reported" : reading.problem();
        checks.forEach((name, history) -> {
            if (!reported.containsKey(name)) {
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
    private static Map<String, CheckReading> oneOfEachName(List<CheckReading> checks) {
        return checks.stream().collect(Collectors.toMap(CheckReading::name, check -> check,
                (first, next) -> first.status() != Status.DOWN && next.status() == Status.DOWN ? next : first, LinkedHashMap::new));
    }

    public synchronized Status status() {
        return overall.status;
    }

    public synchronized LastPoll lastPoll() {
        return lastPoll;
    }

    public synchronized ServiceView view() {
        return new ServiceView(target.name(), target.url().toString(), overall.status, overall.since, lastPoll, polls, failedPolls,
                overall.transitionCount, checks.values().stream().map(History::view).toList(), List.copyOf(overall.latest));
    }

    /**
     * The status of the service or of one check over time: what it is, since when, how often it changed,
     * and the latest changes, at most {@code keep} of them, so memory stays bounded however long it flaps.
     */
    private final class History {

        /** null for the service's overall status */
        private final String check;
        /** Newest first. */
        private final Deque<Transition> latest = new ArrayDeque<>();
        private Status status = Status.UNKNOWN;
        private Instant since;
        private long transitionCount;
        private JsonObject data = JsonValue.EMPTY_JSON_OBJECT;

        History(String check, Instant since) {
            this.check = check;
            this.since = since;
        }

        /** Adds the transition to {@code changes}, if the status changes. */
        void move(Status to, Instant at, String detail, List<Transition> changes) {
            if (to == status) {
                return;
            }
            Transition transition = new Transition(at, target.name(), check, status, to, detail);
            status = to;
            since = at;
            transitionCount++;
            latest.addFirst(transition);
            if (latest.size() > keep) {
                latest.removeLast();
            }
            changes.add(transition);
        }

        CheckView view() {
            return new CheckView(check, status, since, data, transitionCount, List.copyOf(latest));
        }
    }
}
