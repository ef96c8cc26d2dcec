package dev.numbers.probe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The packaged jar in its own JVM with jvm.options, as a container's HEALTHCHECK runs it. */
class ProbeJarIT {

    private static final Path JAR = Path.of("target", "probe.jar");
    private final TestServers servers = new TestServers();

    @AfterEach
    void stopServers() throws Exception {
        servers.close();
    }

    private static Process start(String... args) throws Exception {
        return start(List.of(), args);
    }

    private static Process start(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@jvm.options");
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(new File(".")).redirectErrorStream(true).start();
    }

    private static String finish(Process process, int expectedExit) throws Exception {
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the probe ends by itself");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(expectedExit, process.exitValue(), output);
        return output;
    }

    @Test
    void exitCodesOfThePackagedJar() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the jar exists from the package phase on");
        String up = servers.http(200, "application/json", "{\"status\":\"UP\",\"checks\":[]}");
        assertTrue(finish(start("-u", up + "/health"), 0).startsWith("UP 200 "));

        String down = servers.http(503, "application/json",
                "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"numbers-api\",\"status\":\"DOWN\",\"data\":{\"calls\":4,\"failAfter\":3}}]}");
        String line = finish(start("-u", down + "/health/live"), 1);
        assertTrue(line.trim().endsWith("ms: numbers-api DOWN {calls=4, failAfter=3}"), line);

        String usage = finish(start("--no-such-option"), 2);
        assertEquals("probe: unknown option '--no-such-option' (probe --help lists the options)\n", usage);
    }

    @Test
    void anHttpsCheckOfThePackagedJarRunsWithACompilerAndPassesInTime() throws Exception {
        assumeTrue(Files.isRegularFile(JAR), "the jar exists from the package phase on");
        try (TestTls tls = TestTls.inTarget()) {
            String url = tls.serve(TestTls.LOOPBACK) + "/health";
            String line = finish(start(tls.trustOptions(), "-u", url), 0);
            assertTrue(line.startsWith("UP 200 " + url + " "), line);
            assertEquals(1, line.lines().count(), "one line: the relaunched JVM's, none from the first: " + line);
            String refused = finish(start(tls.trustOptions(), "-u", tls.serve(TestTls.OTHER) + "/health", "-t", "15000"), 1);
            assertTrue(refused.trim().endsWith("TLS failure: certificate is for other.example, not 127.0.0.1"), refused);
        }
    }
}
