package dev.numbers.api.rng.control;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.numbers.api.rng.control.CallBudget.Outcome.BREAKS_NOW;
import static dev.numbers.api.rng.control.CallBudget.Outcome.REFUSED;
import static dev.numbers.api.rng.control.CallBudget.Outcome.SERVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallBudgetTest {

    @Test
    void servesThreeCallsThenBreaksForGood() {
        CallBudget budget = CallBudget.failingAfter(3);

        assertEquals(SERVED, budget.spend());
        assertEquals(SERVED, budget.spend());
        assertEquals(SERVED, budget.spend());
        assertFalse(budget.broken(), "three calls are within the budget");

        assertEquals(BREAKS_NOW, budget.spend());
        assertTrue(budget.broken());
        assertEquals(REFUSED, budget.spend());
        assertEquals(REFUSED, budget.spend());
        assertEquals(6, budget.calls());
        assertTrue(budget.broken(), "broken for good");
    }

    @Test
    void zeroOrLessNeverBreaks() {
        for (long failAfter : new long[]{0, -1}) {
            CallBudget budget = CallBudget.failingAfter(failAfter);
            for (int call = 0; call < 1000; call++) {
                assertEquals(SERVED, budget.spend());
            }
            assertFalse(budget.broken());
        }
    }

    @Test
    void aSpentBudgetServesNothingFromTheFirstCallWithoutCountingAsTheBug() {
        CallBudget budget = CallBudget.spent();
        assertFalse(budget.serving());
        assertEquals(REFUSED, budget.spend());
        assertFalse(budget.broken(), "not the bug: a restart would not mend it");
    }

    @Test
    void theBugStopsTheServing() {
        CallBudget budget = CallBudget.failingAfter(1);
        budget.spend();
        assertTrue(budget.serving());
        budget.spend();
        assertFalse(budget.serving());
        assertTrue(budget.broken());
    }

    @Test
    void fiftyParallelFirstCallsGetExactlyThreeNumbers() throws Exception {
        CallBudget budget = CallBudget.failingAfter(3);
        int callers = 50;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<CallBudget.Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            calls.add(() -> {
                start.await();
                return budget.spend();
            });
        }
        List<Future<CallBudget.Outcome>> futures = new ArrayList<>();
        for (Callable<CallBudget.Outcome> call : calls) {
            futures.add(pool.submit(call));
        }
        start.countDown();
        int served = 0, breaks = 0, refused = 0;
        for (Future<CallBudget.Outcome> future : futures) {
            switch (future.get(10, TimeUnit.SECONDS)) {
                case SERVED -> served++;
                case BREAKS_NOW -> breaks++;
                case REFUSED -> refused++;
            }
        }
        pool.shutdownNow();

        assertEquals(3, served);
        assertEquals(1, breaks, "exactly one call sees the break, so it is logged once");
        assertEquals(46, refused);
    }
}
