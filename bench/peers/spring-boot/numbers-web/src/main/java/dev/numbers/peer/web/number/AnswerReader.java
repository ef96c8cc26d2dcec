package dev.numbers.peer.web.number;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the API's answer: a whole number 0 &lt;= n &lt; 100 in at most a few bytes of plain text.
 * Anything else is a {@link BadAnswerException}, and no more than {@link #LIMIT} bytes are ever read,
 * so a broken API that sends megabytes cannot fill the web's heap. Same rules as the Liberty web's.
 */
final class AnswerReader {

    static final int LIMIT = 64;

    private AnswerReader() {
    }

    static int read(InputStream body) throws IOException {
        if (body == null) {
            throw new BadAnswerException("empty answer");
        }
        byte[] bytes = body.readNBytes(LIMIT + 1);
        if (bytes.length > LIMIT) {
            throw new BadAnswerException("answer longer than " + LIMIT + " bytes");
        }
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            throw new BadAnswerException("empty answer");
        }
        int number;
        try {
            number = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadAnswerException("not a number: '" + printable(text) + "'");
        }
        if (number < 0 || number >= 100) {
            throw new BadAnswerException("number out of range: " + number);
        }
        return number;
    }

    /** Keeps a log line one line and short, whatever the API sent. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
            if (out.length() == 32) {
                return out + "...";
            }
        }
        return out.toString();
    }
}
