package dev.numbers.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Self-healing without the Docker socket: counts consecutive failed health checks in a small state file
 * and, at the limit, ends the container's main process gracefully (SIGTERM), so the container exits and
 * its restart policy starts a fresh one.
 * <p>
 * Failures count only after the process has passed at least one check (so a slow start never kills it),
 * and only for the process they were seen on: the state names the process by its start time, so a
 * restarted container (whose /tmp survives a restart) starts counting afresh.
 * <p>
 * The state is kept where no one else can write: the count decides when PID 1 is stopped, and a file in a
 * shared directory could be swapped for a symlink that makes the probe overwrite another file, or edited
 * to stop a healthy server. So it lives in a directory that must be a real directory (not a symlink), owned
 * by this user and writable by no one else; the default is a per-user directory
 * {@code ${TMPDIR:-/tmp}/numbers-probe-<uid>}, created with mode 700. The user is the numeric effective
 * uid, read from /proc: the images' user 1001 has no /etc/passwd entry, so it has no name. health-tick
 * computes the same path and makes the same checks in sh. The state file is read and written through no
 * symlink, and replaced whole by renaming a temporary file beside it.
 *
 * @param stateFile        an absolute path (its directory is checked)
 * @param uid              the effective uid, which must own the state's directory
 * @param createDirectory  the default state directory is made on first use; a directory the operator named must exist
 * @param containerLog     where the main process writes its output: its stdout ({@code /proc/PID/fd/1}), or a file in tests
 */
record FailureStreak(Path stateFile, long pid, int limit, int uid, boolean createDirectory, Path containerLog) {

    /** {@code ${TMPDIR:-/tmp}/numbers-probe-<uid>/state}; a TMPDIR that is not an absolute path is ignored. */
    static Path defaultPath(Map<String, String> env, int uid) {
        String tmp = env != null ? env.get("TMPDIR") : System.getenv("TMPDIR");
        return Path.of(tmp != null && tmp.startsWith("/") ? tmp : "/tmp", "numbers-probe-" + uid, "state");
    }

    /** The effective uid of this process (the owner of the files it creates), or -1 when /proc does not say. */
    static int effectiveUid() {
        try {
            String status = Files.readString(Path.of("/proc/self/status"), StandardCharsets.US_ASCII);
            int line = status.indexOf("\nUid:");
            if (line < 0) {
                return -1;
            }
            // Uid:	real	effective	saved	filesystem
            return Integer.parseInt(status.substring(line + 5, status.indexOf('\n', line + 1)).trim().split("\t")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Records one check; returns what to add to the check's line, or null when there is nothing to say. */
    String record(boolean healthy, String checkLine) {
        // The process's start time in clock ticks since boot (field 22 of /proc/PID/stat): unique per process.
        String identity;
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
            // The command name in field 2 may hold spaces and parentheses; the fields after it do not.
            identity = stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19];
        } catch (IOException | RuntimeException e) {
            return "not counted: no process " + pid;
        }
        String unsafe = unsafeDirectory(stateFile.getParent(), uid, createDirectory);
        if (unsafe != null) {
            return "not counted: " + unsafe;
        }
        // The successes and failures saved for this process; none when there is no state, or another process's.
        long[] saved = new long[2];
        // NOFOLLOW_LINKS: no one else can put a link in the checked directory; this is in depth.
        try (InputStream in = Files.newInputStream(stateFile, LinkOption.NOFOLLOW_LINKS)) {
            String[] fields = new String(in.readNBytes(256), StandardCharsets.US_ASCII).trim().split(" ");
            if (fields.length == 3 && fields[0].equals(identity)) {
                saved = new long[]{Long.parseLong(fields[1]), Long.parseLong(fields[2])};
            }
        } catch (IOException | NumberFormatException e) {
            // no state yet, or not ours: start counting afresh
        }
        long successes = healthy ? saved[0] + 1 : saved[0];
        long failures = healthy ? 0 : successes > 0 ? saved[1] + 1 : saved[1];
        // A temporary file beside the state, named for this process, then renamed over it: never half written.
        Path next = stateFile.resolveSibling(stateFile.getFileName() + "." + ProcessHandle.current().pid() + ".next");
        try {
            try {
                try (OutputStream out = Files.newOutputStream(next, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                    out.write((identity + " " + successes + " " + failures + "\n").getBytes(StandardCharsets.US_ASCII));
                }
                Files.move(next, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(next);
            }
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
                + " the restart policy replaces this container";
        // The health log is seen by few; the container's own log, the main process's stdout, by everyone.
        // Appended to, never created or truncated: that stdout may be a regular file holding the whole log.
        try (OutputStream out = Files.newOutputStream(containerLog, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write((OneLine.printable("probe: " + why + "; last check: " + checkLine) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // the check's own output still says it
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        return why;
    }

    /**
     * Checks (and, when {@code create}, first makes) the directory the state file is in.
     *
     * @return null when it is safe to use, else why not, in a few words
     */
    static String unsafeDirectory(Path dir, int uid, boolean create) {
        if (uid < 0) {
            return "cannot tell this process's user id from /proc/self/status";
        }
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(dir, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            if (!create) {
                return dir + " does not exist";
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // made by a check running at the same time: checked below like any other
            } catch (IOException | UnsupportedOperationException cannot) {
                return "cannot create " + dir + ": " + cannot.getMessage();
            }
            return unsafeDirectory(dir, uid, false);
        } catch (IOException | UnsupportedOperationException e) {
            return "cannot check " + dir + ": " + e.getMessage();
        }
        int mode = (Integer) attributes.get("mode");
        int owner = (Integer) attributes.get("uid");
        if ((mode & 0170000) == 0120000) {
            return dir + " is a symbolic link, not a private directory";
        }
        if ((mode & 0170000) != 0040000) {
            return dir + " is not a directory";
        }
        if (owner != uid) {
            return dir + " belongs to user " + owner + ", not to this user " + uid;
        }
        return (mode & 0022) != 0 ? dir + " can be written by others: chmod 700 it" : null;
    }
}
