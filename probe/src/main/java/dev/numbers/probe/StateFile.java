package dev.numbers.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where {@code --stop-after} counts, kept where no one else can write: the count decides when PID 1 is
 * stopped, and a file in a shared directory could be swapped for a symlink that makes the probe overwrite
 * another file, or edited to stop a healthy server. So the state lives in a directory that must be a real
 * directory (not a symlink), owned by this user and writable by no one else; the default is a per-user
 * directory {@code ${TMPDIR:-/tmp}/numbers-probe-<uid>}, created with mode 700. The user is the numeric
 * effective uid, read from /proc: the images' user 1001 has no /etc/passwd entry, so it has no name.
 * health-tick computes the same path and makes the same checks in sh.
 */
final class StateFile {

    static final String NAME = "state";

    private StateFile() {
    }

    /** {@code ${TMPDIR:-/tmp}/numbers-probe-<uid>/state}; a TMPDIR that is not an absolute path is ignored. */
    static Path defaultPath(Map<String, String> env, int uid) {
        String tmp = env != null ? env.get("TMPDIR") : System.getenv("TMPDIR");
        return Path.of(tmp != null && tmp.startsWith("/") ? tmp : "/tmp", "numbers-probe-" + uid, NAME);
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
            String[] ids = status.substring(line + 5, status.indexOf('\n', line + 1)).trim().split("\\s+");
            return Integer.parseInt(ids[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
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
            attributes = lstat(dir);
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
            try {
                attributes = lstat(dir);
            } catch (IOException | UnsupportedOperationException cannot) {
                return "cannot check " + dir + ": " + cannot.getMessage();
            }
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
        if ((mode & 0022) != 0) {
            return dir + " can be written by others: chmod 700 it";
        }
        return null;
    }

    private static Map<String, Object> lstat(Path dir) throws IOException {
        return Files.readAttributes(dir, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
    }
}
