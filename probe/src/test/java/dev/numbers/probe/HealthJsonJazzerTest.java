package dev.numbers.probe;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.numbers.fuzz.FuzzedRandom;

import java.nio.charset.StandardCharsets;

/*
 * Coverage-guided fuzzing (Jazzer) of HealthJson, beside the seeded HealthJsonFuzzTest and with its properties. The
 * ordinary build replays src/test/resources/dev/numbers/probe/HealthJsonJazzerTestInputs/. To fuzz one target:
 *
 *   JAZZER_FUZZ=1 ./mvnw -B -pl probe test -Dtest='HealthJsonJazzerTest#anyText'
 *   JAZZER_FUZZ=1 ./mvnw -B -pl probe test -Dtest='HealthJsonJazzerTest#healthAnswers'
 *
 * (longer: -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=SECONDS; see HttpResponseJazzerTest).
 */
class HealthJsonJazzerTest {

    /** Any body, as the probe decodes it (UTF-8): a summary or null, never an exception. */
    @FuzzTest(maxDuration = "90s")
    void anyText(byte[] input) {
        HealthJsonFuzzTest.noException(new String(input, StandardCharsets.UTF_8));
    }

    /** Health answers made by the seeded test's generator from Jazzer's bytes: summarised by their DOWN checks in order. */
    @FuzzTest(maxDuration = "90s")
    void healthAnswers(FuzzedDataProvider data) {
        HealthJsonFuzzTest.summarised(HealthJsonFuzzTest.health(new FuzzedRandom(data)));
    }
}
