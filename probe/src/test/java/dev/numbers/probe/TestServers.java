package dev.numbers.probe;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Real servers on loopback for the probe to check: the JDK's HttpServer and raw sockets that misbehave. */
final class TestServers implements AutoCloseable {

    private final List<AutoCloseable> running = new ArrayList<>();

    /** An HTTP server answering every path with this status, body and extra header lines. */
    String http(int status, String contentType, String body, String... headers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException clientLeft) {
                // the probe stops reading after 64 KiB
            }
        });
        server.start();
        running.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An HTTP server that waits before it answers 200. */
    String slow(long delayMillis) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        running.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Accepts connections and never says a word. */
    String silent() throws IOException {
        return raw(socket -> Thread.sleep(60_000));
    }

    /** Sends a valid response head, then one byte of body a second, forever. */
    String trickling() throws IOException {
        return raw(socket -> {
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            for (int i = 0; i < 60; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(1000);
            }
        });
    }

    /** Sends a 200 head without Content-Length, then body bytes as fast as they are taken, for up to 30 s. */
    String endless() throws IOException {
        return raw(socket -> {
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) 'x');
            long end = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < end) {
                out.write(chunk);
            }
        });
    }

    /** Reads the TLS client hello, starts a large handshake record, then sends its body one byte a second. */
    String tlsTrickling() throws IOException {
        return raw(socket -> {
            socket.getInputStream().read(new byte[4096]);
            OutputStream out = socket.getOutputStream();
            // record type handshake, TLS 1.2, 16 KiB long; then a ServerHello's type byte
            out.write(new byte[]{0x16, 0x03, 0x03, 0x40, 0x00, 0x02});
            out.flush();
            for (int i = 0; i < 60; i++) {
                Thread.sleep(1000);
                out.write(0);
                out.flush();
            }
        }).replace("http://", "https://");
    }

    /** Answers whatever arrives, a TLS hello included, with a plain HTTP 400, then hangs up. */
    String plainAnswerToAnything() throws IOException {
        return raw(socket -> {
            socket.getInputStream().read(new byte[512]);
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.close();
        });
    }

    /**
     * Reads the request head, answers these exact bytes, then hangs up or, with {@code keepOpen}, keeps
     * the connection open (as a keep-alive server does) until the probe closes it.
     */
    String answers(byte[] response, boolean keepOpen) throws IOException {
        return raw(socket -> {
            readHead(socket);
            OutputStream out = socket.getOutputStream();
            out.write(response);
            out.flush();
            if (keepOpen) {
                // Wait for the probe to hang up; never send more.
                while (socket.getInputStream().read() >= 0) {
                    // discard
                }
            }
            socket.close();
        });
    }

    String answers(String response, boolean keepOpen) throws IOException {
        return answers(response.getBytes(StandardCharsets.ISO_8859_1), keepOpen);
    }

    private static void readHead(Socket socket) throws IOException {
        java.io.InputStream in = socket.getInputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    interface Conversation {
        void with(Socket socket) throws Exception;
    }

    private String raw(Conversation conversation) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Socket> sockets = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    sockets.add(socket);
                    Thread talk = new Thread(() -> {
                        try {
                            conversation.with(socket);
                        } catch (Exception closed) {
                            // the test is over or the probe hung up
                        }
                    });
                    talk.setDaemon(true);
                    talk.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        running.add(() -> {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        });
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** A port on which nothing listens (bound, then released). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable server : running) {
            server.close();
        }
    }
}
