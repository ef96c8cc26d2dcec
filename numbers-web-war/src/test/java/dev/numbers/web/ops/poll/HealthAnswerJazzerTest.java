package dev.numbers.web.ops.poll;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.numbers.fuzz.FuzzedRandom;

import java.util.Arrays;

/*
 * Coverage-guided fuzzing (Jazzer) of HealthAnswer, the health body parser, beside the seeded HealthAnswerFuzzTest and
 * with its properties. The ordinary build replays src/test/resources/dev/numbers/web/ops/poll/HealthAnswerJazzerTestInputs/.
 * To fuzz one target:
 *
 *   JAZZER_FUZZ=1 ./mvnw -B -pl numbers-web-war test -Dtest='HealthAnswerJazzerTest#anyAnswer'
 *   JAZZER_FUZZ=1 ./mvnw -B -pl numbers-web-war test -Dtest='HealthAnswerJazzerTest#goodAnswers'
 *
 * (longer: -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=SECONDS; see AnswerReaderJazzerTest).
 * Only this project's classes are instrumented for coverage, not Parsson's.
 */
class HealthAnswerJazzerTest {

    /**
     * Any answer: a reading, or a failed poll with a one-line reason; never a throw; recording it twice changes nothing.
     * The first byte is the HTTP status: '2' 200, '5' 503, any other byte b the status 4b - 1 (-1 to 1019); the rest is
     * the body.
     */
    @FuzzTest(maxDuration = "90s")
    void anyAnswer(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int first = input[0] & 0xff;
        int status = first == '2' ? 200 : first == '5' ? 503 : 4 * first - 1;
        HealthAnswerFuzzTest.holds(status, Arrays.copyOfRange(input, 1, input.length));
    }

    /** Good answers made by the seeded test's generator from Jazzer's bytes: read as sent. */
    @FuzzTest(maxDuration = "90s")
    void goodAnswers(FuzzedDataProvider data) {
        HealthAnswerFuzzTest.readAsSent(HealthAnswerFuzzTest.goodAnswer(new FuzzedRandom(data)));
    }
}
