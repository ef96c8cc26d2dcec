package dev.numbers.web.ops.state;

import dev.numbers.web.ops.entity.CheckReading;
import dev.numbers.web.ops.entity.HealthReading;
import dev.numbers.web.ops.entity.OpsStatus.CheckView;
import dev.numbers.web.ops.entity.OpsStatus.ServiceView;
import dev.numbers.web.ops.entity.OpsStatus.Transition;
import dev.numbers.web.ops.entity.Status;
import dev.numbers.web.ops.entity.Target;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceRecordTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private final ServiceRecord api = new ServiceRecord(new Target("numbers-api", URI.create("http://numbers-api:9080/health")), 3, START);

    private static HealthReading answered(int second, Status status, Status check) {
        return new HealthReading(START.plusSeconds(second), 5, status == Status.UP ? 200 : 503, status,
                List.of(new CheckReading("numbers-api", check, Json.createObjectBuilder().add("calls", second).build())), null);
    }

    @Test
    void aChangeIsRecordedWithItsTimeAndNothingElseIs() {
        api.record(answered(1, Status.UP, Status.UP));
        assertTrue(api.record(answered(2, Status.UP, Status.UP)).isEmpty(), "no change, no transition");
        List<Transition> broke = api.record(answered(3, Status.DOWN, Status.DOWN));

        assertEquals(2, broke.size());
        assertNull(broke.get(0).check(), "the service's own transition comes first");
        assertEquals(Status.UP, broke.get(0).from());
        assertEquals(Status.DOWN, broke.get(0).to());
        assertEquals(START.plusSeconds(3), broke.get(0).at());
        assertEquals("{calls=3}", broke.get(1).detail());

        ServiceView view = api.view();
        assertEquals(Status.DOWN, view.status());
        assertEquals(START.plusSeconds(3), view.since());
        assertEquals(3, view.polls());
        assertEquals(3, view.checks().get(0).data().getInt("calls"), "data is the latest, even without a change");
    }

    @Test
    void historyKeepsTheLatestTransitionsButCountsThemAll() {
        for (int second = 0; second < 10; second++) {
            Status status = second % 2 == 0 ? Status.UP : Status.DOWN;
            api.record(answered(second, status, status));
        }
        CheckView check = api.view().checks().get(0);

        assertEquals(10, check.transitionCount());
        assertEquals(3, check.transitions().size());
        assertEquals(START.plusSeconds(9), check.transitions().get(0).at(), "newest first");
        assertEquals(3, api.view().transitions().size());
    }

    @Test
    void aFailedPollMakesTheServiceDownAndItsChecksUnknown() {
        api.record(answered(1, Status.UP, Status.UP));
        List<Transition> lost = api.record(HealthReading.failed(START.plusSeconds(2), 1000, 0, "no answer within 1000 ms"));

        assertEquals(List.of(Status.DOWN, Status.UNKNOWN), lost.stream().map(Transition::to).toList());
        assertEquals("no answer within 1000 ms", lost.get(0).detail());
        assertEquals("no answer within 1000 ms", lost.get(1).detail());
        ServiceView view = api.view();
        assertEquals(1, view.failedPolls());
        assertEquals("no answer within 1000 ms", view.lastPoll().problem());
    }

    @Test
    void aCheckNoLongerReportedTurnsUnknown() {
        api.record(answered(1, Status.UP, Status.UP));
        List<Transition> gone = api.record(new HealthReading(START.plusSeconds(2), 5, 200, Status.UP, List.of(), null));

        assertEquals(1, gone.size());
        assertEquals("no longer reported", gone.get(0).detail());
        assertEquals(Status.UNKNOWN, api.view().checks().get(0).status());
    }

    @Test
    void twoChecksOfOneNameInOneAnswerAreOneCheckAndDownWins() {
        // Reproduced: the same answer, polled again and again, made two transitions per poll.
        HealthReading twins = new HealthReading(START.plusSeconds(1), 5, 503, Status.DOWN, List.of(
                new CheckReading("db", Status.UP, Json.createObjectBuilder().add("pool", "a").build()),
                new CheckReading("db", Status.DOWN, Json.createObjectBuilder().add("pool", "b").build()),
                new CheckReading("db", Status.UP, Json.createObjectBuilder().add("pool", "c").build())), null);

        List<Transition> first = api.record(twins);
        assertEquals(List.of(Status.DOWN, Status.DOWN), first.stream().map(Transition::to).toList(),
                "one transition for the service, one for the check, straight to DOWN");
        assertEquals("{pool=b}", first.get(1).detail(), "the data of the check that decided");
        for (int poll = 2; poll < 6; poll++) {
            HealthReading again = new HealthReading(START.plusSeconds(poll), 5, 503, Status.DOWN, twins.checks(), null);
            assertTrue(api.record(again).isEmpty(), "an identical answer changes nothing");
        }
        CheckView db = api.view().checks().get(0);
        assertEquals(1, api.view().checks().size());
        assertEquals(Status.DOWN, db.status());
        assertEquals(1, db.transitionCount());
        assertEquals("b", db.data().getString("pool"));
    }

    @Test
    void twinsThatAreAllUpAreUpWithTheFirstOnesData() {
        HealthReading twins = new HealthReading(START, 5, 200, Status.UP, List.of(
                new CheckReading("db", Status.UP, Json.createObjectBuilder().add("pool", "a").build()),
                new CheckReading("db", Status.UP, Json.createObjectBuilder().add("pool", "b").build())), null);

        assertEquals(2, api.record(twins).size());
        assertTrue(api.record(twins).isEmpty());
        assertEquals("a", api.view().checks().get(0).data().getString("pool"));
    }
}
