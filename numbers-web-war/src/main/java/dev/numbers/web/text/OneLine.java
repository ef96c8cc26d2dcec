package dev.numbers.web.text;

/**
 * Text that came from elsewhere (an exception's message, a peer's bytes quoted in it) made fit for one
 * line of a log, a page or a health answer: line breaks become spaces, other controls, the line and
 * paragraph separators and the invisible format characters a '?', and it is cut at a length.
 */
public final class OneLine {

    private OneLine() {
    }

    public static String of(String text, int max) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length() && line.length() < max; i++) {
            char c = text.charAt(i);
            line.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : printable(c) ? c : '?');
        }
        return line.length() < text.length() ? line + "..." : line.toString();
    }

    /**
     * Not the C0 and C1 controls and DEL, not the line and paragraph separators, not the invisible format
     * characters (a right-to-left override turns the rest of a log line around).
     */
    public static boolean printable(char c) {
        return !Character.isISOControl(c) && c != '\u2028' && c != '\u2029' && Character.getType(c) != Character.FORMAT;
    }
}
