package dev.numbers.probe;

/** One thing to check. Checks compose: the wait loop runs a list of them until all pass. */
interface Check {

    /** Runs the check; it must give its answer by {@code deadlineNanos} (a {@link System#nanoTime()} value). */
    Result run(long deadlineNanos);
}
