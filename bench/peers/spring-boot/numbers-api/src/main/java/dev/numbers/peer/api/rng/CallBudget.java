package dev.numbers.peer.api.rng;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The book's deliberate bug: the service answers {@code failAfter} calls, then is broken for good.
 * <p>
 * One atomic counter decides, so the budget is exact under any concurrency: with fail-after 3, fifty
 * parallel first calls get exactly three numbers. The same logic as the Liberty API's CallBudget.
 */
public final class CallBudget {

    /** What a call gets. Exactly one call ever gets {@link #BREAKS_NOW}, so the break is logged once. */
    public enum Outcome { SERVED, BREAKS_NOW, REFUSED }

    private final long failAfter;
    private final boolean bugEnabled;
    private final boolean brokenFromStart;
    private final AtomicLong calls = new AtomicLong();

    private CallBudget(long failAfter, boolean bugEnabled, boolean brokenFromStart) {
        this.failAfter = failAfter;
        this.bugEnabled = bugEnabled;
        this.brokenFromStart = brokenFromStart;
    }

    /** A fail-after of 0 or less means the bug never strikes. */
    public static CallBudget failingAfter(long failAfter) {
        return new CallBudget(failAfter, failAfter > 0, false);
    }

    /** For a service that must not serve at all, such as one whose configuration is wrong. */
    public static CallBudget spent() {
        return new CallBudget(0, true, true);
    }

    /** Counts one call and says whether it may still be served. */
    public Outcome spend() {
        long call = calls.incrementAndGet();
        if (!bugEnabled || call <= failAfter) {
            return Outcome.SERVED;
        }
        return call == failAfter + 1 && !brokenFromStart ? Outcome.BREAKS_NOW : Outcome.REFUSED;
    }

    public boolean broken() {
        return brokenFromStart || (bugEnabled && calls.get() > failAfter);
    }

    public long calls() {
        return calls.get();
    }

    public long failAfter() {
        return failAfter;
    }
}
