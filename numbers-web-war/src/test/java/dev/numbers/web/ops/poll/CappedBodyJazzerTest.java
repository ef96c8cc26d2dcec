package dev.numbers.web.ops.poll;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.numbers.fuzz.FuzzedRandom;

/*
 * Coverage-guided fuzzing (Jazzer) of CappedBody, beside the seeded CappedBodyFuzzTest and with its property: scripts of
 * what the HTTP client does (buffers, errors, aborts, completion, in any order), made by the seeded test's generator
 * from Jazzer's bytes. The ordinary build replays src/test/resources/dev/numbers/web/ops/poll/CappedBodyJazzerTestInputs/.
 * To fuzz:
 *
 *   JAZZER_FUZZ=1 ./mvnw -B -pl numbers-web-war test -Dtest='CappedBodyJazzerTest#anyScript'
 *
 * (longer: -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=SECONDS; see AnswerReaderJazzerTest).
 */
class CappedBodyJazzerTest {

    /** Nothing throws; the body is what came when it fits the cap; past the cap, TooLarge and the exchange cancelled. */
    @FuzzTest(maxDuration = "90s")
    void anyScript(FuzzedDataProvider data) {
        CappedBodyFuzzTest.play(CappedBodyFuzzTest.script(new FuzzedRandom(data)));
    }
}
