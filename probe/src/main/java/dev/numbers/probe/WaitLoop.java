package dev.numbers.probe;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The dependency gate: runs every check until all pass in one attempt, or the deadline runs out. The
 * pause between attempts doubles up to a cap, with up to a quarter of jitter, so that many containers
 * waiting on one dependency do not knock in step. A deadline of 0 is the book's single check.
 */
final class WaitLoop {

    /**
     * The least time the last attempt gets before the deadline: an attempt started right at the
     * deadline could only report timeouts, even for a port that is open.
     */
    static final long LAST_ATTEMPT_MS = 100;

    private final List<Check> checks;
    private final long timeoutMs;
    private final long deadlineMs;
    private final long firstIntervalMs;
    private final long maxIntervalMs;
    /** null when --quiet */
    private final PrintStream out;

    WaitLoop(List<Check> checks, long timeoutMs, long deadlineMs, long firstIntervalMs, long maxIntervalMs, PrintStream out) {
        this.checks = checks;
        this.timeoutMs = timeoutMs;
        this.deadlineMs = deadlineMs;
        this.firstIntervalMs = firstIntervalMs;
        this.maxIntervalMs = maxIntervalMs;
        this.out = out;
    }

    /** @return true when every check passed in one attempt before the deadline */
    boolean run() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + deadlineMs * 1_000_000;
        long interval = firstIntervalMs;
        for (int attempt = 1; ; attempt++) {
            StringBuilder line = new StringBuilder("wait: attempt ").append(attempt).append(", ")
                    .append((System.nanoTime() - start) / 1_000_000).append(" ms:");
            boolean all = true;
            for (Check check : checks) {
                long checkDeadline = System.nanoTime() + timeoutMs * 1_000_000;
                if (deadlineMs > 0 && checkDeadline - deadline > 0) {
                    checkDeadline = Math.max(deadline, System.nanoTime() + 1_000_000);
                }
                Result result = check.run(checkDeadline);
                all &= result.healthy;
                line.append(' ').append(result.line).append(';');
            }
            line.setLength(line.length() - 1);
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (all) {
                print(line.append(" -> all UP"));
                return true;
            }
            long reserve = Math.min(timeoutMs, LAST_ATTEMPT_MS);
            if (left <= reserve) {
                print(line.append(" -> giving up after ").append(deadlineMs).append(" ms"));
                return false;
            }
            long pause = Math.min(left - reserve, interval + ThreadLocalRandom.current().nextLong(interval / 4 + 1));
            print(line.append(" -> again in ").append(pause).append(" ms"));
            Thread.sleep(pause);
            interval = Math.min(interval * 2, maxIntervalMs);
        }
    }

    private void print(StringBuilder line) {
        if (out != null) {
            out.println(Probe.oneLine(line.toString()));
        }
    }
}
