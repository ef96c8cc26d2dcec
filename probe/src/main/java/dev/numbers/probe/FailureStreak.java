package dev.numbers.probe;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Self-healing without the Docker socket: counts consecutive failed health checks in a small state file
 * and, at the limit, ends the container's main process gracefully (SIGTERM), so the container exits and
 * its restart policy starts a fresh one.
 * <p>
 * Failures count only after the process has passed at least one check (so a slow start never kills it),
 * and only for the process they were seen on: the state names the process by its start time, so a
 * restarted container (whose /tmp survives a restart) starts counting afresh.
 */
final class FailureStreak {

    private final Path stateFile;
    private final long pid;
    private final int limit;

    FailureStreak(Path stateFile, long pid, int limit) {
        this.stateFile = stateFile;
        this.pid = pid;
        this.limit = limit;
    }

    /** Records one check; returns what to add to the check's line, or null when there is nothing to say. */
    String record(boolean healthy, String checkLine) {
        String identity = processIdentity();
        if (identity == null) {
            return "not counted: no process " + pid;
        }
        long successes = 0;
        long failures = 0;
        String[] saved = read();
        if (saved != null && saved[0].equals(identity)) {
            successes = Long.parseLong(saved[1]);
            failures = Long.parseLong(saved[2]);
        }
        if (healthy) {
            successes++;
            failures = 0;
        } else if (successes > 0) {
            failures++;
        }
        try {
            write(identity, successes, failures);
        } catch (IOException e) {
            return "not counted: cannot write " + stateFile + ": " + e.getMessage();
        }
        if (healthy) {
            return null;
        }
        if (successes == 0) {
            return "not counted: no check has passed yet";
        }
        if (failures < limit) {
            return failures + " of " + limit + " failed checks in a row";
        }
        String why = "stopping process " + pid + " after " + failures + " failed health checks in a row, so that"
                + " the restart policy replaces this container; last check: " + checkLine;
        tellTheContainerLog("probe: " + why);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        return why.substring(0, why.indexOf("; last check"));
    }

    /** The process's start time in clock ticks since boot (field 22 of /proc/PID/stat): unique per process. */
    private String processIdentity() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
            // The command name in field 2 may hold spaces and parentheses; the fields after it do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return fields[19];
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private String[] read() {
        try {
            String[] fields = Files.readString(stateFile, StandardCharsets.US_ASCII).trim().split(" ");
            if (fields.length == 3) {
                Long.parseLong(fields[1]);
                Long.parseLong(fields[2]);
                return fields;
            }
        } catch (IOException | NumberFormatException e) {
            // no state yet, or not ours: start counting afresh
        }
        return null;
    }

    private void write(String identity, long successes, long failures) throws IOException {
        Path next = stateFile.resolveSibling(stateFile.getFileName() + ".next");
        Files.writeString(next, identity + " " + successes + " " + failures + "\n", StandardCharsets.US_ASCII);
        Files.move(next, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The health log is seen by few; the container's own log, the main process's stdout, by everyone. */
    private void tellTheContainerLog(String line) {
        try (OutputStream out = Files.newOutputStream(Path.of("/proc/" + pid + "/fd/1"))) {
            out.write((Probe.oneLine(line) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // the check's own output still says it
        }
    }
}
