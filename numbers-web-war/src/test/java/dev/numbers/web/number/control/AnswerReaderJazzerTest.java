package dev.numbers.web.number.control;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.SplittableRandom;

/*
 * Coverage-guided fuzzing (Jazzer) of AnswerReader, beside the seeded AnswerReaderFuzzTest and with its property.
 * The ordinary build replays src/test/resources/dev/numbers/web/number/control/AnswerReaderJazzerTestInputs/
 * (regression mode, no JAZZER_FUZZ). To fuzz (one @FuzzTest per run; maxDuration below, -max_total_time=S overrides):
 *
 *   JAZZER_FUZZ=1 ./mvnw -B -pl numbers-web-war test -Dtest='AnswerReaderJazzerTest#anyAnswer'
 *   JAZZER_FUZZ=1 ./mvnw -B -pl numbers-web-war test -Dtest='AnswerReaderJazzerTest#anyAnswer' \
 *       -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=900
 *
 * Generated corpora go to numbers-web-war/.cifuzz-corpus/ (ignored by git); a finding is written as crash-<sha1> into
 * the Inputs directory of its method, where the ordinary build then replays it.
 */
class AnswerReaderJazzerTest {

    /** Any answer: a number 0..99 only from plain ASCII digits, or a one-line refusal; at most LIMIT + 1 bytes read. */
    @FuzzTest(maxDuration = "90s")
    void anyAnswer(byte[] answer) {
        AnswerReaderFuzzTest.anyAnswer(answer, new SplittableRandom(answer.length));
    }
}
