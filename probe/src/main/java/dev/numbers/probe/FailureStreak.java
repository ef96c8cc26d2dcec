package dev.numbers.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Self-healing without the Docker socket: counts consecutive failed health checks in a small state file
 * and, at the limit, ends the container's main process gracefully (SIGTERM), so the container exits and
 * its restart policy starts a fresh one.
 * <p>
 * Failures count only after the process has passed at least one check (so a slow start never kills it),
 * and only for the process they were seen on: the state names the process by its start time, so a
 * restarted container (whose /tmp survives a restart) starts counting afresh.
 * <p>
 * The state file is only ever read and written inside a directory {@link StateFile} has checked, through
 * no symlink, and replaced whole by renaming a temporary file beside it.
 */
final class FailureStreak {

    private final Path stateFile;
    private final long pid;
    private final int limit;
    /** The effective uid, which must own the state's directory. */
    private final int uid;
    /** The default state directory is made on first use; a directory the operator named must exist. */
    private final boolean createDirectory;
    /** Where the main process writes its output: its stdout, or a file in tests. */
    private final Path containerLog;

    FailureStreak(Path stateFile, long pid, int limit, int uid, boolean createDirectory) {
        this(stateFile, pid, limit, uid, createDirectory, Path.of("/proc/" + pid + "/fd/1"));
    }

    FailureStreak(Path stateFile, long pid, int limit, int uid, boolean createDirectory, Path containerLog) {
        this.stateFile = stateFile.toAbsolutePath();
        this.pid = pid;
        this.limit = limit;
        this.uid = uid;
        this.createDirectory = createDirectory;
        this.containerLog = containerLog;
    }

    /** Records one check; returns what to add to the check's line, or null when there is nothing to say. */
    String record(boolean healthy, String checkLine) {
        String identity = processIdentity();
        if (identity == null) {
            return "not counted: no process " + pid;
        }
        String unsafe = StateFile.unsafeDirectory(stateFile.getParent(), uid, createDirectory);
        if (unsafe != null) {
            return "not counted: " + unsafe;
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
        // NOFOLLOW_LINKS: no one else can put a link in the checked directory; this is in depth.
        try (InputStream in = Files.newInputStream(stateFile, LinkOption.NOFOLLOW_LINKS)) {
            String[] fields = new String(in.readNBytes(256), StandardCharsets.US_ASCII).trim().split(" ");
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

    /** A temporary file beside the state, named for this process, then renamed over it: never half written. */
    private void write(String identity, long successes, long failures) throws IOException {
        Path next = stateFile.resolveSibling(stateFile.getFileName() + "." + ProcessHandle.current().pid() + ".next");
        byte[] line = (identity + " " + successes + " " + failures + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            try (OutputStream out = Files.newOutputStream(next, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                out.write(line);
            }
            Files.move(next, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(next);
        }
    }

    /**
     * The health log is seen by few; the container's own log, the main process's stdout, by everyone.
     * Appended to, never created or truncated: that stdout may be a regular file holding the whole log.
     */
    private void tellTheContainerLog(String line) {
        try (OutputStream out = Files.newOutputStream(containerLog, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write((OneLine.printable(line) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // the check's own output still says it
        }
    }
}
