package dev.numbers.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarises a MicroProfile Health answer in one line: the DOWN checks with their data, for example
 * {@code numbers-api DOWN {calls=4, failAfter=3}}. A small hand-written JSON reader: no library, no
 * regular expressions, and anything that is not such JSON gives {@code null}, never an exception.
 */
final class HealthJson {

    private static final String[] WORDS = {"true", "false", "null"};

    private final String text;
    private int at;

    private HealthJson(String text) {
        this.text = text;
    }

    /** The DOWN checks of a health answer, or null when the body is not MicroProfile Health JSON. */
    static String downChecks(String body) {
        if (!(parse(body) instanceof Map<?, ?> health) || !(health.get("checks") instanceof List<?> checks)) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        for (Object check : checks) {
            if (!(check instanceof Map<?, ?> fields) || "UP".equals(fields.get("status"))) {
                continue;
            }
            line.append(line.length() > 0 ? "; " : "").append(fields.get("name")).append(' ').append(fields.get("status"));
            if (fields.get("data") instanceof Map<?, ?> data && !data.isEmpty()) {
                // A map's own text: {calls=4, failAfter=3}
                line.append(' ').append(data);
            }
        }
        return line.toString();
    }

    /** The whole text as JSON (objects as maps, arrays as lists, any other value as its text), or null when it is not JSON. */
    static Object parse(String text) {
        try {
            HealthJson reader = new HealthJson(text);
            Object parsed = reader.value(0);
            reader.skipSpace();
            return reader.at == text.length() ? parsed : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private Object value(int depth) {
        if (depth > 32) {
            throw new IllegalArgumentException("too deep");
        }
        skipSpace();
        char c = text.charAt(at);
        if (c == '{' || c == '[') {
            return container(c == '{', depth);
        }
        if (c == '"') {
            return string();
        }
        for (String word : WORDS) {
            if (text.startsWith(word, at)) {
                at += word.length();
                return word;
            }
        }
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        if (start == at) {
            throw new IllegalArgumentException("unexpected character");
        }
        return text.substring(start, at);
    }

    /** An object (a map keeping the order of its fields) or an array (a list). */
    private Object container(boolean object, int depth) {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<Object> items = new ArrayList<>();
        char close = object ? '}' : ']';
        at++;
        skipSpace();
        boolean empty = text.charAt(at) == close;
        while (!empty) {
            if (object) {
                skipSpace();
                String name = string();
                skipSpace();
                expect(':');
                fields.put(name, value(depth + 1));
            } else {
                items.add(value(depth + 1));
            }
            skipSpace();
            if (text.charAt(at) != ',') {
                break;
            }
            at++;
        }
        expect(close);
        return object ? fields : items;
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            int simple = "ntrbf".indexOf(escaped);
            if (escaped == 'u') {
                out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                at += 4;
            } else {
                out.append(simple >= 0 ? "\n\t\r\b\f".charAt(simple) : escaped);
            }
        }
    }

    private void expect(char c) {
        if (text.charAt(at) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length() && text.charAt(at) <= ' ') {
            at++;
        }
    }
}
