package dev.numbers.probe;

/**
 * What reaches a terminal or Docker's health log is one line, whatever a server sent: every control
 * character (C0, DEL and C1, U+0085 NEL among them), line and paragraph separator (U+2028, U+2029),
 * invisible format character (bidirectional overrides that reorder what a reader sees, zero-width
 * characters) and lone surrogate becomes a space. Cut at about 2000 characters.
 */
final class OneLine {

    private OneLine() {
    }

    static String printable(String text) {
        StringBuilder line = new StringBuilder(Math.min(text.length(), 2048));
        int i = 0;
        while (i < text.length() && line.length() < 2000) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (printable(c)) {
                line.appendCodePoint(c);
            } else {
                line.append(' ');
            }
        }
        return i < text.length() ? line.append("...").toString() : line.toString();
    }

    private static boolean printable(int c) {
        if (c >= ' ' && c < 0x7f) {
            return true;
        }
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                && type != Character.FORMAT && type != Character.SURROGATE && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE;
    }
}
