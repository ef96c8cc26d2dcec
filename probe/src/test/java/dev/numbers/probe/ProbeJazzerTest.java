package dev.numbers.probe;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/*
 * Coverage-guided fuzzing (Jazzer) of the whole probe against a loopback server that answers Jazzer's bytes, with
 * ProbeFuzzTest's server and property: exit 0, 1 or 2, one printable line, no stack trace, within the timeout plus
 * 200 ms. The ordinary build replays src/test/resources/dev/numbers/probe/ProbeJazzerTestInputs/. To fuzz:
 *
 *   JAZZER_FUZZ=1 ./mvnw -B -pl probe test -Dtest='ProbeJazzerTest#anyAnswer'
 *
 * (longer: -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=SECONDS; see HttpResponseJazzerTest).
 * One connection per input, so some hundreds of inputs a second rather than the parsers' many thousands.
 */
class ProbeJazzerTest {

    private static final String[] EXPECTS = {"2xx", "200,503", "100-599", "3xx", "200-2000", "x", ""};

    @BeforeAll
    static void startServer() throws IOException {
        ProbeFuzzTest.startServer();
    }

    @AfterAll
    static void stopServer() throws IOException {
        ProbeFuzzTest.stopServer();
    }

    private static boolean warm;

    /**
     * The first runs load the probe's classes and, when fuzzing, instrument them: a second or more that is not the
     * probe's own time (a fuzzing run's first input took 1224 ms, the probe itself 228 ms). So, before the first input,
     * a few runs down the usual paths whose time is not judged. (Not in @BeforeAll: Jazzer is set up only after it.)
     */
    private static void warmUp() {
        if (warm) {
            return;
        }
        warm = true;
        for (String answer : new String[]{"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}",
                "HTTP/1.1 503 X\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", "garbage\r\n\r\n"}) {
            ProbeFuzzTest.run(new ProbeFuzzTest.Reply(answer.getBytes(StandardCharsets.ISO_8859_1), false, "2xx"));
        }
    }

    /**
     * The first byte chooses: its lowest bit whether the server keeps the connection open after answering, the rest
     * (modulo 7) the --expect; the rest of the input is the server's answer.
     */
    @FuzzTest(maxDuration = "90s")
    void anyAnswer(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int control = input[0] & 0xff;
        // Jazzer's SSRF detector reports every connection it did not expect; this one goes to our own loopback server.
        try (SilentCloseable ignored = BugDetectors.allowNetworkConnections()) {
            warmUp();
            ProbeFuzzTest.check(new ProbeFuzzTest.Reply(Arrays.copyOfRange(input, 1, input.length), (control & 1) == 1,
                    EXPECTS[(control >> 1) % EXPECTS.length]));
        }
    }
}
