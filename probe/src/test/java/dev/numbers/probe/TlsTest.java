package dev.numbers.probe;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * https against real TLS servers on loopback with certificates from a test CA, the probe in its own JVM
 * with jvm.options and the trust store given as an operator would: {@code -Djavax.net.ssl.trustStore}.
 */
class TlsTest {

    private static TestTls tls;

    @BeforeAll
    static void makeCertificates() throws Exception {
        tls = TestTls.inTarget();
    }

    @AfterAll
    static void stopServers() throws Exception {
        tls.close();
    }

    /** The probe as a health check runs it: java @jvm.options [trust] -cp classes Probe ARGS. */
    static Run probe(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@jvm.options");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", Path.of("target", "classes").toString(), "dev.numbers.probe.Probe"));
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(new File(".")).redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the probe ends by itself");
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                (System.nanoTime() - start) / 1_000_000);
    }

    record Run(int exit, String out, long millis) {
    }

    @Test
    void aCertificateFromATrustedCaForAnotherHostIsRefused() throws Exception {
        String url = tls.serve(TestTls.OTHER) + "/health";
        Run run = probe(tls.trustOptions(), "-t", "15000", "-u", url);
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.out().matches("DOWN \\Q" + url + "\\E \\d+ ms: TLS failure: certificate is for other\\.example, not 127\\.0\\.0\\.1\n"), run.out());
    }

    @Test
    void theRefusalReadsTheSameOnJdksThatPutTheTlsAlertFirst() {
        // JDK 17.0.19 and later: "(certificate_unknown) certificate is for ..."; 17.0.15: without the alert.
        String reason = "certificate is for other.example, not 127.0.0.1";
        assertEquals(reason, Tls.reason(new javax.net.ssl.SSLHandshakeException("(certificate_unknown) " + reason)));
        assertEquals(reason, Tls.reason(new javax.net.ssl.SSLHandshakeException(reason)));
        assertEquals("(no alert", Tls.reason(new javax.net.ssl.SSLException("(no alert")));
    }

    @Test
    void aCertificateForThisHostFromACaNotTrustedIsRefused() throws Exception {
        String url = tls.serve(TestTls.LOOPBACK) + "/health";
        Run run = probe(List.of(), "-t", "15000", "-u", url);
        assertEquals(1, run.exit(), run.toString());
        assertTrue(run.out().matches("DOWN \\Q" + url + "\\E \\d+ ms: TLS failure: .*\n"), run.out());
    }

    @Test
    void aGoodHttpsCheckPassesWellWithinTheDefaultTimeoutUnderTheDefaultOptions() throws Exception {
        // -Xint made this 2.8-3.3 s, more than the 2 s default timeout: https checks always failed.
        String url = tls.serve(TestTls.LOOPBACK) + "/health";
        Run run = probe(tls.trustOptions(), "-u", url);
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().startsWith("UP 200 " + url + " "), run.out());
        Run byName = probe(tls.trustOptions(), "-u", url.replace("127.0.0.1", "localhost"));
        assertEquals(0, byName.exit(), "the name in the certificate, checked by name: " + byName);
    }
}
