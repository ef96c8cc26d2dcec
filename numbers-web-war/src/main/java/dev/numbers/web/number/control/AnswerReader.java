package dev.numbers.web.number.control;

import dev.numbers.web.text.OneLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the API's answer: a whole number 0 &lt;= n &lt; 100 in at most a few bytes of plain text.
 * Anything else is a {@link BadAnswerException}, and no more than {@link #LIMIT} bytes are ever read.
 */
public final class AnswerReader {

    static final int LIMIT = 64;

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");
    private static final Pattern ASCII_SPACE = Pattern.compile("^[ \\t\\n\\r\\f\\u000b]+|[ \\t\\n\\r\\f\\u000b]+$");

    private AnswerReader() {
    }

    public static int read(InputStream body) throws IOException {
        // No body at all is an empty answer.
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(LIMIT + 1);
        if (bytes.length > LIMIT) {
            throw new BadAnswerException("answer longer than " + LIMIT + " bytes");
        }
        // Only ASCII white space around the number: String.trim() also takes NULs and other controls away,
        // so "5\0" was 5.
        String text = ASCII_SPACE.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceAll("");
        if (text.isEmpty()) {
            throw new BadAnswerException("empty answer");
        }
        // ASCII digits only, as the API writes them: Integer.parseInt alone also reads '+' and every
        // script's digits, so "\u0664\u0662" was 42.
        if (!DECIMAL.matcher(text).matches()) {
            throw new BadAnswerException("not a number: '" + printable(text) + "'");
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
        String shown = text.chars().limit(32).mapToObj(c -> OneLine.printable((char) c) ? Character.toString(c) : "?")
                .collect(Collectors.joining());
        return text.length() >= 32 ? shown + "..." : shown;
    }
}
