package dev.numbers.web.number.control;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AnswerReaderTest {

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(InputStream body) {
        return assertThrows(BadAnswerException.class, () -> AnswerReader.read(body)).getMessage();
    }

    @Test
    void readsTheBooksAnswer() throws IOException {
        assertEquals(42, AnswerReader.read(body("42")));
        assertEquals(0, AnswerReader.read(body(" 0\n")));
        assertEquals(99, AnswerReader.read(body("99")));
    }

    @Test
    void refusesWhatIsNotANumberBelowOneHundred() {
        assertEquals("empty answer", refusal(body("")));
        assertEquals("empty answer", refusal(null));
        assertEquals("not a number: 'forty-two'", refusal(body("forty-two")));
        assertEquals("number out of range: 100", refusal(body("100")));
        assertEquals("number out of range: -1", refusal(body("-1")));
        assertEquals("not a number: 'a?b'", refusal(body("a\u0007b")));
    }

    @Test
    void readsNoMoreThanItsLimitOfAHugeAnswer() {
        byte[] huge = new byte[10_000_000];
        ByteArrayInputStream stream = new ByteArrayInputStream(huge);
        assertEquals("answer longer than 64 bytes", refusal(stream));
        assertEquals(huge.length - AnswerReader.LIMIT - 1, stream.available(), "the rest stays unread");
    }
}
