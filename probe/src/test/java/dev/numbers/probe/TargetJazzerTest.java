package dev.numbers.probe;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.numbers.fuzz.FuzzedRandom;

import java.nio.charset.StandardCharsets;

/*
 * Coverage-guided fuzzing (Jazzer) of Target, the URL parser, beside the seeded TargetFuzzTest and with its
 * properties. The ordinary build replays src/test/resources/dev/numbers/probe/TargetJazzerTestInputs/. To fuzz:
 *
 *   JAZZER_FUZZ=1 ./mvnw -B -pl probe test -Dtest='TargetJazzerTest#anyText'
 *   JAZZER_FUZZ=1 ./mvnw -B -pl probe test -Dtest='TargetJazzerTest#validUrls'
 *
 * (longer: -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=SECONDS; see HttpResponseJazzerTest).
 */
class TargetJazzerTest {

    /** Any text (UTF-8): a URL that cannot break the request, or a usage error. */
    @FuzzTest(maxDuration = "90s")
    void anyText(byte[] input) {
        TargetFuzzTest.urlOrUsageError(new String(input, StandardCharsets.UTF_8));
    }

    /** Valid URLs made by the seeded test's generator from Jazzer's bytes: read as written. */
    @FuzzTest(maxDuration = "90s")
    void validUrls(FuzzedDataProvider data) {
        TargetFuzzTest.readAsWritten(TargetFuzzTest.valid(new FuzzedRandom(data)));
    }
}
