package dev.numbers.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * GET one URL over a plain socket, within one deadline for the whole exchange: the socket's read
 * timeout is set again before every read from the time that is left, so a server that accepts and
 * never answers, or trickles a byte a second, cannot stretch it. Redirects are not followed, and at
 * most {@link #MAX_BODY} bytes of body are read.
 */
final class HttpCheck implements Check {

    static final int MAX_BODY = 64 * 1024;
    private static final int MAX_HEAD = 16 * 1024;

    private final Target target;
    private final Expect expect;

    HttpCheck(Target target, Expect expect) {
        this.target = target;
        this.expect = expect;
    }

    boolean tls() {
        return target.tls;
    }

    @Override
    public Result run(long deadlineNanos) {
        long start = System.nanoTime();
        // NO_PROXY: a health check goes straight to its target, and skips loading the proxy machinery.
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            socket.connect(HostLookup.resolve(target.host, target.port, deadlineNanos), remainingMillis(deadlineNanos));
            Socket channel = target.tls ? Tls.wrap(socket, target, deadlineNanos) : socket;
            OutputStream out = channel.getOutputStream();
            out.write(request().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Response response = Response.read(channel.getInputStream(), socket, deadlineNanos);
            return verdict(response, millisSince(start));
        } catch (UnknownHostException e) {
            return failure("unknown host " + target.host, start);
        } catch (ConnectException e) {
            return failure("connection refused", start);
        } catch (NoRouteToHostException e) {
            return failure("no route to host", start);
        } catch (SocketTimeoutException | DeadlineException e) {
            return failure("timeout", start);
        } catch (MalformedResponse e) {
            return failure(e.getMessage(), start);
        } catch (IOException e) {
            if (target.tls && deadlineNanos - System.nanoTime() <= 0) {
                // The TLS deadline guard closed the socket under a read.
                return failure("timeout", start);
            }
            return failure(Tls.isTlsFailure(e) ? "TLS failure: " + e.getMessage() : "I/O error: " + e.getMessage(), start);
        }
    }

    private String request() {
        return "GET " + target.path + " HTTP/1.1\r\n"
                + "Host: " + target.hostHeader() + "\r\n"
                + "User-Agent: numbers-probe\r\n"
                + "Accept: application/json, */*;q=0.5\r\n"
                + "Connection: close\r\n\r\n";
    }

    private Result verdict(Response response, long millis) {
        boolean healthy = expect.accepts(response.status);
        StringBuilder line = new StringBuilder()
                .append(healthy ? "UP " : "DOWN ").append(response.status).append(' ')
                .append(target.text).append(' ').append(millis).append(" ms");
        // The usual answer, healthy and naming nothing DOWN, has nothing to add: skip loading the reader.
        String details = healthy && response.body.indexOf("DOWN") < 0 ? null : HealthJson.downChecks(response.body);
        if (details != null && !details.isEmpty()) {
            line.append(": ").append(details);
        } else if (response.status >= 300 && response.status < 400 && response.location != null) {
            line.append(": redirect to ").append(response.location).append(" not followed");
        }
        return new Result(healthy, line.toString());
    }

    private Result failure(String why, long start) {
        return new Result(false, "DOWN " + target.text + " " + millisSince(start) + " ms: " + why);
    }

    static int remainingMillis(long deadlineNanos) throws DeadlineException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new DeadlineException();
        }
        return (int) Math.min(left, Integer.MAX_VALUE);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The time for the whole exchange ran out between reads. */
    static final class DeadlineException extends IOException {
        DeadlineException() {
            super("deadline", null);
        }
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
    static final class Response {
        final int status;
        final String location;
        final String body;

        private Response(int status, String location, String body) {
            this.status = status;
            this.location = location;
            this.body = body;
        }

        /** @param socket whose read timeout is set from the deadline before every read; null for a stream that cannot block */
        static Response read(InputStream in, Socket socket, long deadlineNanos) throws IOException {
            byte[] bytes = new byte[4096];
            int length = 0;
            int headStart = 0;
            int searchFrom = 0;
            int bodyStart = -1;
            Head head = null;
            Chunks chunks = null;
            while (true) {
                int left = remainingMillis(deadlineNanos);
                if (socket != null) {
                    socket.setSoTimeout(left);
                }
                if (length == bytes.length) {
                    bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
                }
                int n = in.read(bytes, length, bytes.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
                while (head == null) {
                    int blank = indexOfBlankLine(bytes, searchFrom, length);
                    if (blank < 0) {
                        if (length - headStart > MAX_HEAD) {
                            throw new MalformedResponse("response head larger than " + MAX_HEAD + " bytes");
                        }
                        searchFrom = Math.max(headStart, length - 3);
                        break;
                    }
                    Head read = Head.parse(new String(bytes, headStart, blank - headStart, StandardCharsets.ISO_8859_1));
                    if (read.status >= 100 && read.status < 200 && read.status != 101) {
                        // An interim answer (100 Continue, 103 Early Hints): the real one follows.
                        headStart = blank + 4;
                        searchFrom = headStart;
                        if (headStart > MAX_HEAD) {
                            throw new MalformedResponse("more than " + MAX_HEAD + " bytes of interim answers");
                        }
                        continue;
                    }
                    head = read;
                    bodyStart = blank + 4;
                    chunks = head.chunked ? new Chunks(bodyStart) : null;
                }
                if (head == null) {
                    continue;
                }
                int bodyBytes = length - bodyStart;
                if (head.noBody() || bodyBytes >= MAX_BODY
                        || (chunks != null ? chunks.complete(bytes, length) : head.contentLength >= 0 && bodyBytes >= head.contentLength)) {
                    break;
                }
            }
            if (head == null) {
                throw length == 0 ? new IOException("empty response") : new IOException("incomplete response head");
            }
            int bodyLength = head.noBody() ? 0 : Math.min(length - bodyStart, MAX_BODY);
            if (chunks == null && head.contentLength >= 0) {
                bodyLength = (int) Math.min(bodyLength, head.contentLength);
            }
            byte[] body = chunks != null ? Chunks.join(bytes, bodyStart, bodyStart + bodyLength)
                    : java.util.Arrays.copyOfRange(bytes, bodyStart, bodyStart + bodyLength);
            return new Response(head.status, head.location, new String(body, StandardCharsets.UTF_8));
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
    static final class Head {
        final int status;
        final String location;
        final long contentLength;
        final boolean chunked;

        private Head(int status, String location, long contentLength, boolean chunked) {
            this.status = status;
            this.location = location;
            this.contentLength = contentLength;
            this.chunked = chunked;
        }

        /** RFC 9112: no body after a 1xx, 204 or 304, whatever the headers say. */
        boolean noBody() {
            return status < 200 || status == 204 || status == 304;
        }

        static Head parse(String head) throws MalformedResponse {
            int lineEnd = head.indexOf("\r\n");
            String statusLine = lineEnd < 0 ? head : head.substring(0, lineEnd);
            int status = statusOf(statusLine);
            String length = header(head, "content-length");
            String coding = header(head, "transfer-encoding");
            boolean chunked = coding != null && lastToken(coding).equalsIgnoreCase("chunked");
            return new Head(status, header(head, "location"), contentLength(length), chunked);
        }

        /**
         * {@code HTTP/1.1 200 OK}: the version, one space, exactly three digits, the first not 0, then a space
         * and any reason or nothing. {@code HTTP/1.1 2000} is not a 200, nor is {@code HTTP/1.1 20} or
         * {@code HTTP/1.1 020} (a status is 100 to 999).
         */
        static int statusOf(String line) throws MalformedResponse {
            if (!line.startsWith("HTTP/")) {
                throw new MalformedResponse("not an HTTP response: '" + quote(line) + "'");
            }
            boolean well = line.length() >= 12 && digit(line, 5) && line.charAt(6) == '.' && digit(line, 7)
                    && line.charAt(8) == ' ' && digit(line, 9) && line.charAt(9) != '0' && digit(line, 10) && digit(line, 11)
                    && (line.length() == 12 || line.charAt(12) == ' ');
            if (!well) {
                throw new MalformedResponse("malformed status line '" + quote(line) + "'");
            }
            return (line.charAt(9) - '0') * 100 + (line.charAt(10) - '0') * 10 + (line.charAt(11) - '0');
        }

        private static boolean digit(String text, int at) {
            return text.charAt(at) >= '0' && text.charAt(at) <= '9';
        }

        private static String quote(String line) {
            return line.length() > 100 ? line.substring(0, 100) + "..." : line;
        }

        /** Digits only; anything else (a sign, a list, garbage) means no usable length: read to the end. */
        private static long contentLength(String text) {
            if (text == null || text.isEmpty() || text.length() > 15) {
                return -1;
            }
            long value = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }

        private static String lastToken(String list) {
            int comma = list.lastIndexOf(',');
            return (comma < 0 ? list : list.substring(comma + 1)).trim();
        }

        private static String header(String head, String lowerName) {
            int lineStart = head.indexOf("\r\n");
            while (lineStart >= 0 && lineStart < head.length()) {
                int next = head.indexOf("\r\n", lineStart + 2);
                String line = head.substring(lineStart + 2, next < 0 ? head.length() : next);
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(lowerName)) {
                    return line.substring(colon + 1).trim();
                }
                lineStart = next;
            }
            return null;
        }
    }

    /**
     * Chunked framing (RFC 9112 section 7.1): size line, data, CRLF, ..., the last chunk {@code 0}, trailer
     * lines, an empty line. Tracked as bytes arrive, one whole chunk at a time, so that the end is
     * recognised where it is, not guessed from the last bytes read (chunk data may itself end in
     * {@code 0\r\n\r\n}). Malformed framing ends the reading: what came is all there is.
     */
    static final class Chunks {
        private static final int MAX_LINE = 4096;
        /** Where the next size line (or trailer line) starts. */
        private int at;
        private boolean trailers;

        Chunks(int bodyStart) {
            this.at = bodyStart;
        }

        /** True once the last chunk, its trailers and the empty line have arrived, or the framing is broken. */
        boolean complete(byte[] bytes, int length) {
            while (true) {
                int lineEnd = lineEnd(bytes, at, length);
                if (lineEnd == -2) {
                    return true;
                }
                if (lineEnd < 0) {
                    return false;
                }
                if (trailers) {
                    if (lineEnd == at) {
                        return true;
                    }
                    at = lineEnd + 2;
                    continue;
                }
                long size = size(bytes, at, lineEnd);
                if (size < 0) {
                    return true;
                }
                if (size == 0) {
                    trailers = true;
                    at = lineEnd + 2;
                    continue;
                }
                long next = lineEnd + 2 + size + 2;
                if (next > length) {
                    return false;
                }
                if (bytes[(int) next - 2] != '\r' || bytes[(int) next - 1] != '\n') {
                    return true;
                }
                at = (int) next;
            }
        }

        /** The data of the chunks in {@code bytes[from, to)}; a cut-off last chunk keeps what came. */
        static byte[] join(byte[] bytes, int from, int to) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(to - from);
            int at = from;
            while (at < to) {
                int lineEnd = lineEnd(bytes, at, to);
                if (lineEnd < 0) {
                    break;
                }
                long size = size(bytes, at, lineEnd);
                if (size <= 0) {
                    break;
                }
                int data = lineEnd + 2;
                int take = (int) Math.min(size, to - data);
                out.write(bytes, data, Math.max(take, 0));
                if (take < size || data + take + 2 > to || bytes[data + take] != '\r' || bytes[data + take + 1] != '\n') {
                    break;
                }
                at = data + take + 2;
            }
            return out.toByteArray();
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
            int digits = 0;
            int i = from;
            for (; i < to; i++) {
                int digit = Character.digit(bytes[i], 16);
                if (digit < 0) {
                    break;
                }
                if (++digits > 12) {
                    return -1;
                }
                size = size * 16 + digit;
            }
            while (i < to && (bytes[i] == ' ' || bytes[i] == '\t')) {
                i++;
            }
            return digits == 0 || (i < to && bytes[i] != ';') ? -1 : size;
        }
    }
}
