package dev.numbers.web.number.control;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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

    @Test
    void aRefusalIsOnePrintableLineWhateverTheApiSent() {
        // Found by AnswerReaderFuzzTest: C1 controls (U+0080-U+009F) and the line and paragraph separators
        // went into the log line as they were; a bidirectional override could turn it around.
        assertEquals("not a number: 'a?b?c?d?e'", refusal(body("a\u0091b\u2028c\u2029d\u202ee")));
    }

    @Test
    void onlyAsciiDigitsAreANumber() {
        // Found by AnswerReaderFuzzTest: Integer.parseInt reads any script's digits and a plus sign, so
        // "\u0664\u0662" (Arabic-Indic) and fullwidth digits were taken for 42.
        assertEquals("not a number: '\u0664\u0662'", refusal(body("\u0664\u0662")));
        assertEquals("not a number: '\uff14\uff12'", refusal(body("\uff14\uff12")));
        assertEquals("not a number: '+42'", refusal(body("+42")));
        assertEquals(7, assertDoesNotThrow(() -> AnswerReader.read(body("007"))));
        // and String.trim() took NULs and other controls for white space: "5\0" was 5
        assertEquals("not a number: '5?'", refusal(body("5\u0000")));
        assertEquals("not a number: '??3'", refusal(body("\u0001\u001a3")));
        assertEquals(12, assertDoesNotThrow(() -> AnswerReader.read(body("\t\u000b\f 12\r\n"))));
    }
}
