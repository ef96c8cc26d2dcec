package dev.numbers.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * GET one URL over a plain socket, within one deadline for the whole exchange: the socket's read
 * timeout is set again before every read from the time that is left, so a server that accepts and
 * never answers, or trickles a byte a second, cannot stretch it. Redirects are not followed, and at
 * most {@link #MAX_BODY} bytes of body are read.
 */
record HttpCheck(Target target, Expect expect) implements Check {

    static final int MAX_BODY = 64 * 1024;
    private static final int MAX_HEAD = 16 * 1024;

    @Override
    public Result run(long deadlineNanos) {
        long start = System.nanoTime();
        // NO_PROXY: a health check goes straight to its target, and skips loading the proxy machinery.
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            socket.connect(HostLookup.resolve(target.host(), target.port(), deadlineNanos), Deadline.remainingMillis(deadlineNanos));
            Socket channel = target.tls() ? Tls.wrap(socket, target, deadlineNanos) : socket;
            // Unbuffered, for plain and TLS sockets alike: the request is sent as written.
            channel.getOutputStream().write(request().getBytes(StandardCharsets.ISO_8859_1));
            return verdict(Response.read(channel.getInputStream(), socket, deadlineNanos), Deadline.millisSince(start));
        } catch (IOException e) {
            return Result.down(target.text(), start, why(e, deadlineNanos));
        }
    }

    private String why(IOException e, long deadlineNanos) {
        // A malformed response is said as it is, never as an "I/O error".
        String why = e instanceof NoRouteToHostException ? "no route to host"
                : e instanceof MalformedResponse ? e.getMessage() : Result.why(e, target.host());
        if (!target.tls() || !why.startsWith("I/O error")) {
            return why;
        }
        // The TLS deadline guard closed the socket under a read.
        return deadlineNanos - System.nanoTime() <= 0 ? "timeout" : Tls.isTlsFailure(e) ? "TLS failure: " + Tls.reason(e) : why;
    }

    private String request() {
        return "GET " + target.path() + " HTTP/1.1\r\n"
                + "Host: " + target.hostHeader() + "\r\n"
                + "User-Agent: numbers-probe\r\n"
                + "Accept: application/json, */*;q=0.5\r\n"
                + "Connection: close\r\n\r\n";
    }

    private Result verdict(Response response, long millis) {
        boolean healthy = expect.accepts(response.status);
        StringBuilder line = new StringBuilder()
                .append(healthy ? "UP " : "DOWN ").append(response.status).append(' ')
                .append(target.text()).append(' ').append(millis).append(" ms");
        // The usual answer, healthy and naming nothing DOWN, has nothing to add: skip loading the reader.
        String details = healthy && response.body.indexOf("DOWN") < 0 ? null : HealthJson.downChecks(response.body);
        if (details != null && !details.isEmpty()) {
            line.append(": ").append(details);
        } else if (response.status >= 300 && response.status < 400 && response.location != null) {
            line.append(": redirect to ").append(response.location).append(" not followed");
        }
        return new Result(healthy, line.toString());
    }

    /** The answer is not HTTP, or not well-formed HTTP: said as it is, without "I/O error". */
    static final class MalformedResponse extends IOException {
        MalformedResponse(String message) {
            super(message, null);
        }
    }

    /**
     * Status line, one header we care about, and up to {@link #MAX_BODY} bytes of body (chunked or not).
     * Reading stops as soon as the answer is complete by its own framing (Content-Length, the last chunk
     * with its trailers, or a status that has no body), so a server that keeps the connection open after a
     * complete answer does not cost the check its timeout.
     */
    record Response(int status, String location, String body) {

        /** @param socket whose read timeout is set from the deadline before every read; null for a stream that cannot block */
        static Response read(InputStream in, Socket socket, long deadlineNanos) throws IOException {
            byte[] bytes = new byte[4096];
            int length = 0;
            // Where the head being read starts; once it is read, where the body starts.
            int start = 0;
            int searchFrom = 0;
            Head head = null;
            while (true) {
                int left = Deadline.remainingMillis(deadlineNanos);
                if (socket != null) {
                    socket.setSoTimeout(left);
                }
                if (length == bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
                int n = in.read(bytes, length, bytes.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
                while (head == null) {
                    int blank = indexOfBlankLine(bytes, searchFrom, length);
                    if (blank < 0) {
                        if (length - start > MAX_HEAD) {
                            throw new MalformedResponse("response head larger than " + MAX_HEAD + " bytes");
                        }
                        searchFrom = Math.max(start, length - 3);
                        break;
                    }
                    Head read = Head.parse(new String(bytes, start, blank - start, StandardCharsets.ISO_8859_1));
                    start = blank + 4;
                    searchFrom = start;
                    if (read.status >= 100 && read.status < 200 && read.status != 101) {
                        // An interim answer (100 Continue, 103 Early Hints): the real one follows.
                        if (start > MAX_HEAD) {
                            throw new MalformedResponse("more than " + MAX_HEAD + " bytes of interim answers");
                        }
                        continue;
                    }
                    head = read;
                }
                if (head != null && (head.noBody() || length - start >= MAX_BODY || (head.chunked
                        ? Chunks.decode(bytes, start, length, null) : head.contentLength >= 0 && length - start >= head.contentLength))) {
                    break;
                }
            }
            if (head == null) {
                throw new IOException(length == 0 ? "empty response" : "incomplete response head");
            }
            int bodyLength = head.noBody() ? 0 : Math.min(length - start, MAX_BODY);
            if (!head.chunked && head.contentLength >= 0) {
                bodyLength = (int) Math.min(bodyLength, head.contentLength);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(bodyLength);
            if (head.chunked) {
                Chunks.decode(bytes, start, start + bodyLength, body);
            } else {
                body.write(bytes, start, bodyLength);
            }
            return new Response(head.status, head.location, body.toString(StandardCharsets.UTF_8));
        }

        /** The index of the CRLF CRLF that ends a head, searching {@code from} on, or -1. */
        private static int indexOfBlankLine(byte[] bytes, int from, int to) {
            for (int i = Math.max(from, 0); i + 3 < to; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The status line and the headers the check reads. */
    record Head(int status, String location, long contentLength, boolean chunked) {

        /** RFC 9112: no body after a 1xx, 204 or 304, whatever the headers say. */
        boolean noBody() {
            return status < 200 || status == 204 || status == 304;
        }

        static Head parse(String head) throws MalformedResponse {
            int lineEnd = head.indexOf("\r\n");
            String coding = header(head, "transfer-encoding");
            coding = coding == null ? "" : coding.substring(coding.lastIndexOf(',') + 1).trim();
            return new Head(statusOf(lineEnd < 0 ? head : head.substring(0, lineEnd)), header(head, "location"),
                    contentLength(header(head, "content-length")), coding.equalsIgnoreCase("chunked"));
        }

        /**
         * {@code HTTP/1.1 200 OK}: the version, one space, exactly three digits, the first not 0, then a space
         * and any reason or nothing. {@code HTTP/1.1 2000} is not a 200, nor is {@code HTTP/1.1 20} or
         * {@code HTTP/1.1 020} (a status is 100 to 999).
         */
        static int statusOf(String line) throws MalformedResponse {
            String quoted = line.length() > 100 ? line.substring(0, 100) + "..." : line;
            if (!line.startsWith("HTTP/")) {
                throw new MalformedResponse("not an HTTP response: '" + quoted + "'");
            }
            boolean well = line.length() >= 12 && digit(line, 5) && line.charAt(6) == '.' && digit(line, 7)
                    && line.charAt(8) == ' ' && digit(line, 9) && line.charAt(9) != '0' && digit(line, 10) && digit(line, 11)
                    && (line.length() == 12 || line.charAt(12) == ' ');
            if (!well) {
                throw new MalformedResponse("malformed status line '" + quoted + "'");
            }
            return Integer.parseInt(line.substring(9, 12));
        }

        private static boolean digit(String text, int at) {
            return text.charAt(at) >= '0' && text.charAt(at) <= '9';
        }

        /** Digits only; anything else (a sign, a list, garbage) means no usable length: read to the end. */
        private static long contentLength(String text) {
            if (text == null || text.isEmpty() || text.length() > 15) {
                return -1;
            }
            for (int i = 0; i < text.length(); i++) {
                if (!digit(text, i)) {
                    return -1;
                }
            }
            return Long.parseLong(text);
        }

        private static String header(String head, String name) {
            for (int lineStart = head.indexOf("\r\n"); lineStart >= 0; ) {
                int next = head.indexOf("\r\n", lineStart + 2);
                String line = head.substring(lineStart + 2, next < 0 ? head.length() : next);
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
                lineStart = next;
            }
            return null;
        }
    }

    /**
     * Chunked framing (RFC 9112 section 7.1): size line, data, CRLF, ..., the last chunk {@code 0}, trailer
     * lines, an empty line. Read one whole chunk at a time, so that the end is recognised where it is, not
     * guessed from the last bytes read (chunk data may itself end in {@code 0\r\n\r\n}). Malformed framing
     * ends the reading: what came is all there is.
     */
    static final class Chunks {
        private static final int MAX_LINE = 4096;

        private Chunks() {
        }

        /**
         * Reads the chunks in {@code bytes[at, to)}, writing their data to {@code data} unless it is null (a
         * cut-off last chunk gives what came).
         *
         * @return true once the last chunk, its trailers and the empty line are there, or the framing is broken
         */
        static boolean decode(byte[] bytes, int at, int to, ByteArrayOutputStream data) {
            boolean trailers = false;
            while (true) {
                int lineEnd = lineEnd(bytes, at, to);
                if (lineEnd < 0) {
                    return lineEnd == -2;
                }
                long size = trailers ? 0 : size(bytes, at, lineEnd);
                if (trailers && lineEnd == at || size < 0) {
                    return true;
                }
                trailers = size == 0;
                if (trailers) {
                    at = lineEnd + 2;
                    continue;
                }
                int start = lineEnd + 2;
                long next = start + size + 2;
                if (data != null) {
                    data.write(bytes, start, (int) Math.max(Math.min(size, to - start), 0));
                }
                if (next > to) {
                    return false;
                }
                if (bytes[(int) next - 2] != '\r' || bytes[(int) next - 1] != '\n') {
                    return true;
                }
                at = (int) next;
            }
        }

        /** The CR of the CRLF ending the line that starts at {@code from}: -1 not yet there, -2 too long to be a line. */
        private static int lineEnd(byte[] bytes, int from, int length) {
            for (int i = from; i + 1 < length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
                if (i - from > MAX_LINE) {
                    return -2;
                }
            }
            return length - from > MAX_LINE ? -2 : -1;
        }

        /** The hexadecimal size before any {@code ;extension}, or -1 when it is not one. */
        private static long size(byte[] bytes, int from, int to) {
            long size = 0;
            int i = from;
            for (; i < to && Character.digit(bytes[i], 16) >= 0; i++) {
                if (i - from >= 12) {
                    return -1;
                }
                size = size * 16 + Character.digit(bytes[i], 16);
            }
            int digits = i - from;
            while (i < to && (bytes[i] == ' ' || bytes[i] == '\t')) {
                i++;
            }
            return digits == 0 || (i < to && bytes[i] != ';') ? -1 : size;
        }
    }
}
