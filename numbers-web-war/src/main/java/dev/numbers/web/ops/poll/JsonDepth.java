package dev.numbers.web.ops.poll;

/**
 * How deep a JSON text nests its arrays and objects, found in one pass over its bytes without parsing it:
 * brackets inside strings do not count. The text need not be valid JSON; the parser decides that later.
 */
final class JsonDepth {

    private JsonDepth() {
    }

    static boolean exceeds(byte[] json, int max) {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (byte b : json) {
            if (escaped) {
                escaped = false;
            } else if (inString) {
                escaped = b == '\\';
                inString = b != '"';
            } else if (b == '"') {
                inString = true;
            } else if ((b == '[' || b == '{') && ++depth > max) {
                return true;
            } else if (b == ']' || b == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        return false;
    }
}
