package dev.numbers.probe;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.numbers.fuzz.FuzzedRandom;

import java.nio.charset.StandardCharsets;

/*
 * Coverage-guided fuzzing (Jazzer) of Options and Numbers, the command line, beside the seeded OptionsFuzzTest and
 * with its properties. The ordinary build replays src/test/resources/dev/numbers/probe/OptionsJazzerTestInputs/.
 * To fuzz:
 *
 *   JAZZER_FUZZ=1 ./mvnw -B -pl probe test -Dtest='OptionsJazzerTest#anyCommandLine'
 *   JAZZER_FUZZ=1 ./mvnw -B -pl probe test -Dtest='OptionsJazzerTest#numbers'
 *
 * (longer: -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=SECONDS; see HttpResponseJazzerTest).
 */
class OptionsJazzerTest {

    /** Any arguments: the input (UTF-8) split at NUL bytes, as argv is. Options in range, or a one-line usage error. */
    @FuzzTest(maxDuration = "90s")
    void anyCommandLine(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        OptionsFuzzTest.inRangeOrUsageError(text.isEmpty() ? new String[0] : text.split("\u0000", -1));
    }

    /** Numbers made by the seeded test's generator from Jazzer's bytes, for every numeric option: taken exactly when in range. */
    @FuzzTest(maxDuration = "90s")
    void numbers(FuzzedDataProvider data) {
        OptionsFuzzTest.takenExactlyInRange(OptionsFuzzTest.number(new FuzzedRandom(data)));
    }
}
