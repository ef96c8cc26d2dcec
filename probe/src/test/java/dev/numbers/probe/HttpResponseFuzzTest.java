package dev.numbers.probe;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP response reader, fed generated answers in generated pieces (see {@link Fuzz}). */
class HttpResponseFuzzTest {

    private static final long SECOND = 1_000_000_000L;

    record Delivered(Fuzz.Answer answer, List<Integer> pieces) {
        @Override
        public String toString() {
            return Fuzz.show(answer) + " in pieces " + pieces;
        }
    }

    /** Status and body as sent, in whatever pieces they arrive, and never a read after the answer's end. */
    @Test
    void aWellFormedAnswerIsReadExactlyAndNoFurther() {
        Fuzz.forAll("well-formed answers", Fuzz.tries(400), HttpResponseFuzzTest::delivered, HttpResponseFuzzTest::readExactly);
    }

    static Delivered delivered(java.util.Random random) {
        return new Delivered(Fuzz.wellFormedAnswer(random), Fuzz.deliverySizes(random));
    }

    /** The property of a well-formed answer (also driven by Jazzer: HttpResponseJazzerTest). */
    static void readExactly(Delivered delivered) {
        Fuzz.Answer answer = delivered.answer();
        Fuzz.Delivery in = new Fuzz.Delivery(answer.bytes(), delivered.pieces(), answer.delimited());
        HttpCheck.Response response;
        try {
            response = HttpCheck.Response.read(in, null, System.nanoTime() + SECOND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(answer.status(), response.status());
        if (answer.body() != null) {
            assertEquals(answer.body(), response.body());
        }
        if (answer.delimited()) {
            assertFalse(in.readPastTheEnd, "complete by its framing: no read after its end");
        }
    }

    record AnyDelivery(byte[] bytes, List<Integer> pieces, boolean keptOpen) {
        @Override
        public String toString() {
            return Fuzz.show(bytes) + " in pieces " + pieces + (keptOpen ? ", kept open" : ", closed");
        }
    }

    /** Anything at all: an answer or an IOException (which the check reports), nothing else; the same whatever the pieces. */
    @Test
    void anyBytesGiveAnAnswerOrAnIOExceptionWhateverThePieces() {
        Fuzz.forAll("any answer bytes", Fuzz.tries(600), random -> new AnyDelivery(Fuzz.anyAnswerBytes(random), Fuzz.deliverySizes(random), random.nextBoolean()),
                HttpResponseFuzzTest::sameWhateverThePieces);
    }

    /** The property of any bytes (also driven by Jazzer: HttpResponseJazzerTest). */
    static void sameWhateverThePieces(AnyDelivery delivery) {
        String whole = outcome(new Fuzz.Delivery(delivery.bytes(), List.of(), delivery.keptOpen()));
        String inPieces = outcome(new Fuzz.Delivery(delivery.bytes(), delivery.pieces(), delivery.keptOpen()));
        assertEquals(whole, inPieces);
    }

    private static String outcome(Fuzz.Delivery in) {
        try {
            HttpCheck.Response response = HttpCheck.Response.read(in, null, System.nanoTime() + SECOND);
            assertTrue(response.status() >= 100 && response.status() <= 999, "a three-digit status: " + response.status());
            assertTrue(response.body().length() <= HttpCheck.MAX_BODY);
            return response.status() + " " + response.location() + " " + response.body();
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
