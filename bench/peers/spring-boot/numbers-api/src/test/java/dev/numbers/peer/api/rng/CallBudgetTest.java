package dev.numbers.peer.api.rng;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class CallBudgetTest {

    @Test
    void fiftyParallelFirstCallsGetExactlyThreeNumbers() throws Exception {
        CallBudget budget = CallBudget.failingAfter(3);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<CallBudget.Outcome>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(budget::spend);
            }
            List<CallBudget.Outcome> outcomes = new ArrayList<>();
            for (Future<CallBudget.Outcome> outcome : pool.invokeAll(calls)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).filteredOn(o -> o == CallBudget.Outcome.SERVED).hasSize(3);
            assertThat(outcomes).filteredOn(o -> o == CallBudget.Outcome.BREAKS_NOW).hasSize(1);
            assertThat(budget.broken()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void zeroNeverBreaks() {
        CallBudget budget = CallBudget.failingAfter(0);
        for (int i = 0; i < 1000; i++) {
            assertThat(budget.spend()).isEqualTo(CallBudget.Outcome.SERVED);
        }
        assertThat(budget.broken()).isFalse();
    }

    @Test
    void aTypoServesNothing() {
        RngSettings settings = new RngSettings("three");
        assertThat(settings.budget().spend()).isEqualTo(CallBudget.Outcome.REFUSED);
        assertThat(settings.problem()).hasValueSatisfying(p -> assertThat(p).contains("three"));
    }
}
