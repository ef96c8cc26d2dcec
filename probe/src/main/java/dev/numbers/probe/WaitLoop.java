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

    private WaitLoop() {
    }

    /**
     * @param out null when --quiet
     * @return true when every check passed in one attempt before the deadline
     */
    static boolean run(List<Check> checks, Options options, PrintStream out) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + options.deadlineMs * 1_000_000;
        long interval = options.intervalMs;
        for (int attempt = 1; ; attempt++) {
            StringBuilder line = new StringBuilder("wait: attempt ").append(attempt).append(", ")
                    .append(Deadline.millisSince(start)).append(" ms:");
            boolean all = true;
            for (Check check : checks) {
                long checkDeadline = System.nanoTime() + options.timeoutMs * 1_000_000;
                if (options.deadlineMs > 0 && checkDeadline - deadline > 0) {
                    checkDeadline = Math.max(deadline, System.nanoTime() + 1_000_000);
                }
                Result result = check.run(checkDeadline);
                all &= result.healthy();
                line.append(' ').append(result.line()).append(';');
            }
            line.setLength(line.length() - 1);
            long left = (deadline - System.nanoTime()) / 1_000_000;
            long reserve = Math.min(options.timeoutMs, LAST_ATTEMPT_MS);
            boolean last = all || left <= reserve;
            long pause = last ? 0 : Math.min(left - reserve, interval + ThreadLocalRandom.current().nextLong(interval / 4 + 1));
            line.append(all ? " -> all UP" : last ? " -> giving up after " + options.deadlineMs + " ms" : " -> again in " + pause + " ms");
            if (out != null) {
                out.println(OneLine.printable(line.toString()));
            }
            if (last) {
                return all;
            }
            Thread.sleep(pause);
            interval = Math.min(interval * 2, options.maxIntervalMs);
        }
    }
}
