package dev.numbers.api.rng.control;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The book's deliberate bug: the service answers {@code failAfter} calls, then is broken for good.
 * <p>
 * One atomic counter decides, so the budget is exact under any concurrency: with fail-after 3, fifty
 * parallel first calls get exactly three numbers.
 */
public class CallBudget {

    /** The bug is on only while this is above 0. */
    private final long failAfter;
    private final boolean refusesAll;
    private final AtomicLong calls = new AtomicLong();

    private CallBudget(long failAfter, boolean refusesAll) {
        this.failAfter = failAfter;
        this.refusesAll = refusesAll;
    }

    /** A fail-after of 0 or less means the bug never strikes. */
    public static CallBudget failingAfter(long failAfter) {
        return new CallBudget(failAfter, false);
    }

    /**
     * For a service that must not serve at all, such as one whose configuration is wrong. It is not
     * {@link #broken()}: that is the bug, which a restart mends; a restart reads the same setting again.
     */
    public static CallBudget spent() {
        return new CallBudget(0, true);
    }

    /** What a call gets. Exactly one call ever gets {@link #BREAKS_NOW}, so the break is logged once. */
    public enum Outcome { SERVED, BREAKS_NOW, REFUSED }

    /** Counts one call and says whether it may still be served. */
    public Outcome spend() {
        long call = calls.incrementAndGet();
        if (refusesAll) {
            return Outcome.REFUSED;
        }
        if (failAfter <= 0 || call <= failAfter) {
            return Outcome.SERVED;
        }
        return call == failAfter + 1 ? Outcome.BREAKS_NOW : Outcome.REFUSED;
    }

    /** The bug has struck: only a restart brings the service back. */
    public boolean broken() {
        return failAfter > 0 && calls.get() > failAfter;
    }

    /** Whether {@code /rng} still serves: neither the bug nor a wrong setting stops it. */
    public boolean serving() {
        return !refusesAll && !broken();
    }

    public long calls() {
        return calls.get();
    }

    public long failAfter() {
        return failAfter;
    }
}
