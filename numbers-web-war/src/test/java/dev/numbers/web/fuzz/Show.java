package dev.numbers.web.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** An input as a short printable line for a failure message: escaped, and cut when long. */
public final class Show {

    private static final int MAX = 300;

    private Show() {
    }

    public static String of(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.length + " bytes: " + escaped(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        if (value instanceof Object[] array) {
            StringBuilder all = new StringBuilder();
            for (Object element : array) {
                all.append(all.length() == 0 ? "" : "; ").append(of(element));
            }
            return all.toString();
        }
        if (value instanceof List<?> list) {
            return list.size() + " items: " + escaped(list.toString());
        }
        return escaped(String.valueOf(value));
    }

    public static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return text.length() > MAX ? out + "... (" + text.length() + " chars)" : out.toString();
    }
}
