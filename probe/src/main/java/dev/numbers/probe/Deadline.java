package dev.numbers.probe;

import java.io.IOException;

/** The time a check has left, from its deadline (a {@link System#nanoTime()} value). */
final class Deadline {

    private Deadline() {
    }

    /** The milliseconds left, at least 1, for a socket timeout; {@link Passed} when none are. */
    static int remainingMillis(long deadlineNanos) throws Passed {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new Passed();
        }
        return (int) Math.min(left, Integer.MAX_VALUE);
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** The time for the whole exchange ran out between reads. */
    static final class Passed extends IOException {
        Passed() {
            super("deadline", null);
        }
    }
}
