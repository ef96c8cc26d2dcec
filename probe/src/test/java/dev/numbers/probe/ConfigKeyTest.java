package dev.numbers.probe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** -c KEY finds the URL as MicroProfile Config would, in each source and in their order. */
class ConfigKeyTest {

    private final TestServers servers = new TestServers();
    private String healthy;
    private String broken;

    @TempDir
    Path serverDir;

    @BeforeEach
    void startServers() throws Exception {
        healthy = servers.http(200, "application/json", "{\"status\":\"UP\",\"checks\":[]}");
        broken = servers.http(503, "application/json", "{\"status\":\"DOWN\",\"checks\":[]}");
    }

    @AfterEach
    void stopServers() throws Exception {
        servers.close();
    }

    private ProbeRun check(Map<String, String> env, Properties properties, String... more) {
        String[] base = {"-c", "numbers.api.url", "--path", "/health/ready", "--server-dir", serverDir.toString(), "-v"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return ProbeRun.with(env, properties, args);
    }

    @Test
    void aSystemPropertyComesFirst() {
        Properties properties = new Properties();
        properties.setProperty("numbers.api.url", healthy);
        ProbeRun run = check(Map.of("NUMBERS_API_URL", broken), properties);
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.out.startsWith("UP 200 " + healthy + "/health/ready"), run.out);
        assertTrue(run.err.contains("(from system property numbers.api.url)"), run.err);
    }

    @Test
    void theEnvironmentIsFoundUnderMicroProfileConfigsNames() {
        ProbeRun run = check(Map.of("NUMBERS_API_URL", healthy), new Properties());
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.err.contains("(from environment variable NUMBERS_API_URL)"), run.err);
        assertEquals(List.of("numbers.api.url", "numbers_api_url", "NUMBERS_API_URL"), ConfigLookup.environmentNames("numbers.api.url"));
        assertEquals(0, check(Map.of("numbers_api_url", healthy), new Properties()).exit);
    }

    @Test
    void thenTheServersServerEnv() throws Exception {
        Files.writeString(serverDir.resolve("server.env"), "# the web's server.env\nkeystore_password=x\nNUMBERS_API_URL=\"" + healthy + "\"\n");
        ProbeRun run = check(Map.of(), new Properties());
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.err.contains("server.env NUMBERS_API_URL"), run.err);
    }

    @Test
    void thenItsBootstrapProperties() throws Exception {
        Files.writeString(serverDir.resolve("bootstrap.properties"), "numbers.api.url=" + healthy + "\n");
        Files.writeString(serverDir.resolve("server.env"), "OTHER=1\n");
        ProbeRun run = check(Map.of(), new Properties());
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.err.contains("bootstrap.properties"), run.err);
    }

    @Test
    void thenAConfigFileAndEarlierSourcesWin() throws Exception {
        Path file = serverDir.resolve("numbers.properties");
        Files.writeString(file, "numbers.api.url=" + broken + "\n");
        ProbeRun fromFile = check(Map.of(), new Properties(), "--config-file", file.toString());
        assertEquals(1, fromFile.exit, fromFile.toString());
        assertTrue(fromFile.out.startsWith("DOWN 503 " + broken), fromFile.out);

        ProbeRun fromEnvironment = check(Map.of("NUMBERS_API_URL", healthy), new Properties(), "--config-file", file.toString());
        assertEquals(0, fromEnvironment.exit, "the environment comes before the file");
    }

    @Test
    void theWaitGateReadsTheSameConfiguration() {
        ProbeRun run = ProbeRun.with(Map.of("NUMBERS_API_URL", healthy), new Properties(),
                "wait", "-c", "numbers.api.url", "--path", "/health/ready", "--server-dir", serverDir.toString(), "--deadline", "0");
        assertEquals(0, run.exit, run.toString());
        assertTrue(run.out.startsWith("wait: attempt 1, ") && run.out.contains("UP 200 " + healthy + "/health/ready"), run.out);
    }

    @Test
    void aMissingKeyIsAConfigurationError() {
        ProbeRun run = check(Map.of(), new Properties());
        assertEquals(2, run.exit);
        assertTrue(run.err.startsWith("probe: config key numbers.api.url not found in system properties, environment (numbers.api.url, numbers_api_url, NUMBERS_API_URL)"), run.err);
    }

    @Test
    void aMissingConfigFileIsAConfigurationError() {
        ProbeRun run = check(Map.of(), new Properties(), "--config-file", serverDir.resolve("nope.properties").toString());
        assertEquals(2, run.exit);
        assertTrue(run.err.contains("does not exist"), run.err);
    }

    @Test
    void theServerDirDefaultsToLibertysContainerLayout() {
        assertEquals(Path.of("/config"), ConfigLookup.serverDir(null, Map.of()));
        assertEquals(Path.of("/opt/x"), ConfigLookup.serverDir(null, Map.of("SERVER_CONFIG_DIR", "/opt/x")));
        assertEquals(Path.of("/y"), ConfigLookup.serverDir("/y", Map.of("SERVER_CONFIG_DIR", "/opt/x")));
    }
}
