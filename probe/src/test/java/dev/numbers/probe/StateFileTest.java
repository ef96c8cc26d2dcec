package dev.numbers.probe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where --stop-after counts, and health-tick with it: a private directory per user, never a name in a
 * shared directory followed blindly. Symlinks planted by someone else are refused, their targets untouched.
 */
class StateFileTest {

    private static final String SENTINEL = "not the probe's to write\n";
    private static final Path OLD_STATE = Path.of("/tmp/numbers-probe.state");

    private final TestServers servers = new TestServers();
    private String up;
    private String down;
    private Process main;
    private Map<String, String> env;
    private int uid;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws Exception {
        up = servers.http(200, "application/json", "{\"status\":\"UP\",\"checks\":[]}");
        down = servers.http(503, "text/plain", "down");
        main = new ProcessBuilder("sleep", "60").start();
        Files.createDirectory(tmp.resolve("t"));
        env = Map.of("TMPDIR", tmp.resolve("t").toString());
        uid = (Integer) Files.getAttribute(tmp, "unix:uid");
    }

    @AfterEach
    void stop() throws Exception {
        main.destroyForcibly();
        servers.close();
    }

    private ProbeRun check(String url, String... more) {
        List<String> args = new ArrayList<>(List.of("-u", url, "--stop-after", "2", "--stop-pid", String.valueOf(main.pid())));
        args.addAll(List.of(more));
        return ProbeRun.with(env, new Properties(), args.toArray(new String[0]));
    }

    private Path stateDir() {
        return tmp.resolve("t").resolve("numbers-probe-" + uid);
    }

    private Path target() throws Exception {
        Path target = tmp.resolve("victim");
        Files.writeString(target, SENTINEL);
        return target;
    }

    @Test
    void theDefaultStateIsInAPrivateDirectoryPerUser() throws Exception {
        assertEquals(0, check(up).exit);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir(), LinkOption.NOFOLLOW_LINKS)));
        String state = Files.readString(stateDir().resolve("state"));
        assertTrue(state.matches("\\d+ 1 0\n"), state);
        assertTrue(check(down).out.trim().endsWith("(1 of 2 failed checks in a row)"));
        try (var files = Files.list(stateDir())) {
            assertEquals(List.of(stateDir().resolve("state")), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aSymlinkAtTheOldPredictablePathIsNotFollowed() throws Exception {
        Path next = Path.of(OLD_STATE + ".next");
        assumeTrue(Files.notExists(OLD_STATE, LinkOption.NOFOLLOW_LINKS) && Files.notExists(next, LinkOption.NOFOLLOW_LINKS),
                "the old default path is free on this machine");
        Path target = target();
        try {
            Files.createSymbolicLink(OLD_STATE, target);
            Files.createSymbolicLink(next, target);
            ProbeRun run = check(up);
            assertEquals(0, run.exit, run.toString());
            assertEquals(SENTINEL, Files.readString(target), "the symlinks' target is unchanged");
            assertTrue(Files.isSymbolicLink(OLD_STATE) && Files.isSymbolicLink(next));
        } finally {
            Files.deleteIfExists(OLD_STATE);
            Files.deleteIfExists(next);
        }
    }

    @Test
    void aSymlinkAtTheStateDirectoryIsRefusedAndTheCheckStillReports() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("state"), SENTINEL);
        Files.createSymbolicLink(stateDir(), elsewhere);

        ProbeRun run = check(up);
        assertEquals(0, run.exit, "the check itself still counts: " + run);
        assertTrue(run.out.startsWith("UP 200 " + up + " "), run.out);
        assertTrue(run.out.trim().endsWith("(not counted: " + stateDir() + " is a symbolic link, not a private directory)"), run.out);
        assertEquals(1, run.out.lines().count());
        assertEquals(SENTINEL, Files.readString(elsewhere.resolve("state")));
        try (var files = Files.list(elsewhere)) {
            assertEquals(1, files.count(), "nothing written through the link");
        }
        ProbeRun failing = check(down);
        assertEquals(1, failing.exit);
        assertTrue(failing.out.trim().endsWith("(not counted: " + stateDir() + " is a symbolic link, not a private directory)"), failing.out);
        assertTrue(main.isAlive());
    }

    @Test
    void aStateDirectoryOthersCanWriteOrAnotherUserOwnsIsRefused() throws Exception {
        Files.createDirectory(stateDir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(stateDir(), PosixFilePermissions.fromString("rwxrwxrwx"));
        ProbeRun run = check(up);
        assertEquals(0, run.exit);
        assertTrue(run.out.trim().endsWith("(not counted: " + stateDir() + " can be written by others: chmod 700 it)"), run.out);
        assertFalse(Files.exists(stateDir().resolve("state")));

        Files.setPosixFilePermissions(stateDir(), PosixFilePermissions.fromString("rwx------"));
        assertTrue(check(up).out.trim().matches("UP 200 .* ms"), "a private directory again: counted");

        assumeTrue(uid == 0, "only root can give a directory away");
        Files.setAttribute(stateDir(), "unix:uid", 4242);
        run = check(up);
        assertTrue(run.out.trim().endsWith("(not counted: " + stateDir() + " belongs to user 4242, not to this user 0)"), run.out);
    }

    @Test
    void anExplicitStateFileMustBeInAPrivateDirectoryToo() throws Exception {
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        ProbeRun run = check(up, "--state", shared.resolve("probe.state").toString());
        assertEquals(0, run.exit);
        assertTrue(run.out.trim().endsWith("(not counted: " + shared + " can be written by others: chmod 700 it)"), run.out);
    }

    // health-tick, the shell's pass path, must agree with the probe on the path and the format.

    private String healthTick(String shell, String... probeOptions) throws Exception {
        Path health = tmp.resolve("wlp").resolve("s").resolve("health");
        Files.createDirectories(health);
        for (String name : new String[]{"started", "live"}) {
            Files.writeString(health.resolve(name), "");
            Files.setLastModifiedTime(health.resolve(name), FileTime.fromMillis(System.currentTimeMillis()));
        }
        List<String> command = new ArrayList<>(List.of(shell, Path.of("src/main/sh/health-tick").toAbsolutePath().toString(), "live"));
        command.addAll(List.of(probeOptions));
        ProcessBuilder builder = new ProcessBuilder(command).directory(new File(".")).redirectErrorStream(true);
        builder.environment().put("TMPDIR", tmp.resolve("t").toString());
        builder.environment().put("WLP_OUTPUT_DIR", tmp.resolve("wlp").toString());
        builder.environment().put("SERVER_NAME", "s");
        builder.environment().put("MP_HEALTH_CHECK_INTERVAL", "10s");
        Process tick = builder.start();
        assertTrue(tick.waitFor(10, TimeUnit.SECONDS));
        String out = new String(tick.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, tick.exitValue(), out);
        assertEquals(1, out.lines().count(), out);
        return out;
    }

    private static List<String> shells() {
        List<String> shells = new ArrayList<>();
        for (String shell : new String[]{"/bin/sh", "/usr/bin/dash", "/bin/bash", "/bin/busybox"}) {
            if (Files.isExecutable(Path.of(shell))) {
                shells.add(shell.endsWith("busybox") ? shell + " sh" : shell);
            }
        }
        return shells;
    }

    private String tick(String shell, String... probeOptions) throws Exception {
        List<String> parts = new ArrayList<>(List.of(shell.split(" ")));
        String[] args = new String[parts.size() - 1 + probeOptions.length];
        for (int i = 1; i < parts.size(); i++) {
            args[i - 1] = parts.get(i);
        }
        System.arraycopy(probeOptions, 0, args, parts.size() - 1, probeOptions.length);
        return healthTick(parts.get(0), args);
    }

    @Test
    void healthTickRecordsItsPassWhereTheProbeCountsAndInItsFormat() throws Exception {
        for (String shell : shells()) {
            Files.deleteIfExists(stateDir().resolve("state"));
            Files.deleteIfExists(stateDir());
            String out = tick(shell, "-u", down, "--stop-after", "1000");
            assertTrue(out.startsWith("UP live fresh"), shell + ": " + out);
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir(), LinkOption.NOFOLLOW_LINKS)), shell);
            String pid1 = Files.readString(Path.of("/proc/1/stat"));
            String identity = pid1.substring(pid1.lastIndexOf(')') + 2).split(" ")[19];
            assertEquals(identity + " 1 0\n", Files.readString(stateDir().resolve("state")), shell);
            // The probe reads that pass: its first failure is counted (PID 1 is named, never stopped: 1 of 1000).
            ProbeRun run = ProbeRun.with(env, new Properties(), "-u", down, "--stop-after", "1000", "--stop-pid", "1");
            assertTrue(run.out.trim().endsWith("(1 of 1000 failed checks in a row)"), shell + ": " + run.out);
            tick(shell, "-u", down, "--stop-after", "1000");
            assertEquals(identity + " 1 0\n", Files.readString(stateDir().resolve("state")), shell + ": a pass resets the streak");
            try (var files = Files.list(stateDir())) {
                assertEquals(1, files.count(), shell + ": no temporary file left behind");
            }
        }
    }

    @Test
    void healthTickFollowsAnExplicitStateOption() throws Exception {
        Path mine = Files.createDirectory(tmp.resolve("mine"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        for (String shell : shells()) {
            Files.deleteIfExists(mine.resolve("s"));
            tick(shell, "-u", down, "--stop-after", "1000", "--state", mine.resolve("s").toString());
            assertTrue(Files.readString(mine.resolve("s")).matches("\\d+ 1 0\n"), shell);
            Files.delete(mine.resolve("s"));
            tick(shell, "-u", down, "--stop-after=1000", "--state=" + mine.resolve("s"));
            assertTrue(Files.isRegularFile(mine.resolve("s")), shell);
        }
    }

    @Test
    void healthTickRefusesASymlinkedOrSharedStateDirectoryAndStillPasses() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("state"), SENTINEL);
        Files.createSymbolicLink(stateDir(), elsewhere);
        for (String shell : shells()) {
            String out = tick(shell, "-u", down, "--stop-after", "1000");
            assertTrue(out.startsWith("UP live fresh"), shell + ": " + out);
            assertTrue(out.trim().endsWith("(not counted: " + stateDir() + " is a symbolic link, not a private directory)"), shell + ": " + out);
            assertEquals(SENTINEL, Files.readString(elsewhere.resolve("state")), shell);
            try (var files = Files.list(elsewhere)) {
                assertEquals(1, files.count(), shell + ": nothing written through the link");
            }
        }
        Files.delete(stateDir());
        Files.createDirectory(stateDir());
        Files.setPosixFilePermissions(stateDir(), PosixFilePermissions.fromString("rwxrwxrwx"));
        for (String shell : shells()) {
            String out = tick(shell, "-u", down, "--stop-after", "1000");
            assertTrue(out.trim().endsWith("(not counted: " + stateDir() + " can be written by others: chmod 700 it)"), shell + ": " + out);
            assertFalse(Files.exists(stateDir().resolve("state")), shell);
        }
        if (uid == 0) {
            Files.setPosixFilePermissions(stateDir(), PosixFilePermissions.fromString("rwx------"));
            Files.setAttribute(stateDir(), "unix:uid", 4242);
            for (String shell : shells()) {
                String out = tick(shell, "-u", down, "--stop-after", "1000");
                assertTrue(out.trim().endsWith("(not counted: " + stateDir() + " belongs to another user)"), shell + ": " + out);
                assertFalse(Files.exists(stateDir().resolve("state")), shell);
            }
        }
    }
}
