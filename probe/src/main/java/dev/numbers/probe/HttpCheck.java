package dev.numbers.probe;

import java.io.ByteArrayOutputStream;
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

    /** Status line, one header we care about, and up to {@link #MAX_BODY} bytes of body (chunked or not). */
    static final class Response {
        final int status;
        final String location;
        final String body;

        private Response(int status, String location, String body) {
            this.status = status;
            this.location = location;
            this.body = body;
        }

        static Response read(InputStream in, Socket socket, long deadlineNanos) throws IOException {
            ByteArrayOutputStream raw = new ByteArrayOutputStream(1024);
            byte[] buffer = new byte[4096];
            int headEnd = -1;
            long contentLength = -1;
            boolean chunked = false;
            int status = 0;
            String location = null;
            while (true) {
                socket.setSoTimeout(remainingMillis(deadlineNanos));
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                raw.write(buffer, 0, n);
                byte[] bytes = raw.toByteArray();
                if (headEnd < 0) {
                    headEnd = indexOfBlankLine(bytes);
                    if (headEnd < 0) {
                        if (bytes.length > MAX_HEAD) {
                            throw new IOException("response head larger than " + MAX_HEAD + " bytes");
                        }
                        continue;
                    }
                    String head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1);
                    status = statusOf(head);
                    location = header(head, "location");
                    String length = header(head, "content-length");
                    chunked = "chunked".equalsIgnoreCase(header(head, "transfer-encoding"));
                    if (length != null) {
                        try {
                            contentLength = Long.parseLong(length.trim());
                        } catch (NumberFormatException e) {
                            contentLength = -1;
                        }
                    }
                }
                int bodyBytes = bytes.length - headEnd - 4;
                if ((contentLength >= 0 && bodyBytes >= contentLength) || bodyBytes >= MAX_BODY
                        || (chunked && endsWithLastChunk(bytes))) {
                    break;
                }
            }
            byte[] bytes = raw.toByteArray();
            if (headEnd < 0) {
                throw new IOException(bytes.length == 0 ? "empty response" : "incomplete response head");
            }
            int from = headEnd + 4;
            int length = Math.min(bytes.length - from, MAX_BODY);
            byte[] body = new byte[length];
            System.arraycopy(bytes, from, body, 0, length);
            if (chunked) {
                body = dechunk(body);
            }
            return new Response(status, location, new String(body, StandardCharsets.UTF_8));
        }

        private static int indexOfBlankLine(byte[] bytes) {
            for (int i = 0; i + 3 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private static boolean endsWithLastChunk(byte[] bytes) {
            int n = bytes.length;
            return n >= 5 && bytes[n - 5] == '0' && bytes[n - 4] == '\r' && bytes[n - 3] == '\n'
                    && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
        }

        private static int statusOf(String head) throws IOException {
            // HTTP/1.1 200 OK
            int space = head.indexOf(' ');
            if (!head.startsWith("HTTP/") || space < 0 || head.length() < space + 4) {
                throw new IOException("not an HTTP response");
            }
            int status = 0;
            for (int i = space + 1; i < space + 4; i++) {
                char c = head.charAt(i);
                if (c < '0' || c > '9') {
                    throw new IOException("not an HTTP status line");
                }
                status = status * 10 + (c - '0');
            }
            return status;
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

        /** Joins the chunks that arrived; a cut-off last chunk keeps what came. */
        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(chunked.length);
            int at = 0;
            while (at < chunked.length) {
                int lineEnd = at;
                while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                    lineEnd++;
                }
                int size = 0;
                for (int i = at; i < lineEnd; i++) {
                    int digit = Character.digit(chunked[i], 16);
                    if (digit < 0) {
                        break;
                    }
                    size = size * 16 + digit;
                    if (size > MAX_BODY) {
                        break;
                    }
                }
                int from = lineEnd + 2;
                if (size == 0 || from >= chunked.length) {
                    break;
                }
                int take = Math.min(size, chunked.length - from);
                out.write(chunked, from, take);
                at = from + take + 2;
            }
            return out.toByteArray();
        }
    }
}
