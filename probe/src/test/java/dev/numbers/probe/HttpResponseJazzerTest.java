package dev.numbers.probe;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.numbers.fuzz.FuzzedRandom;

import java.util.Arrays;
import java.util.List;

/*
 * Coverage-guided fuzzing (Jazzer) of the HTTP response reader, beside the seeded HttpResponseFuzzTest and with its
 * properties. The ordinary build replays the inputs in src/test/resources/dev/numbers/probe/HttpResponseJazzerTestInputs/
 * (regression mode, no JAZZER_FUZZ). To fuzz one target (one per run; maxDuration below, -max_total_time=S overrides):
 *
 *   JAZZER_FUZZ=1 ./mvnw -B -pl probe test -Dtest='HttpResponseJazzerTest#anyBytes'
 *   JAZZER_FUZZ=1 ./mvnw -B -pl probe test -Dtest='HttpResponseJazzerTest#wellFormedAnswers' \
 *       -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=900
 *
 * Generated corpora go to probe/.cifuzz-corpus/ (ignored by git); a finding is written as crash-<sha1> into the
 * Inputs directory of its method, where the ordinary build then replays it.
 */
class HttpResponseJazzerTest {

    /**
     * Any bytes: an answer or an IOException, the same in one piece as in pieces. The first byte chooses the delivery:
     * its lowest bit whether the server keeps the connection open, its next six bits the piece size (0: all at once);
     * the rest is what the server sends.
     */
    @FuzzTest(maxDuration = "90s")
    void anyBytes(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int control = input[0] & 0xff;
        int size = (control >> 1) & 0x3f;
        HttpResponseFuzzTest.sameWhateverThePieces(new HttpResponseFuzzTest.AnyDelivery(Arrays.copyOfRange(input, 1, input.length),
                size == 0 ? List.of() : List.of(size), (control & 1) == 1));
    }

    /** Well-formed answers made by the seeded test's generator from Jazzer's bytes: read exactly, and no further. */
    @FuzzTest(maxDuration = "90s")
    void wellFormedAnswers(FuzzedDataProvider data) {
        HttpResponseFuzzTest.readExactly(HttpResponseFuzzTest.delivered(new FuzzedRandom(data)));
    }
}
