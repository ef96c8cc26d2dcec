package dev.numbers.web.ops.poll;

import dev.numbers.web.fuzz.Fuzz;
import dev.numbers.web.fuzz.Gen;
import dev.numbers.web.fuzz.Show;
import dev.numbers.web.ops.entity.HealthReading;
import dev.numbers.web.ops.entity.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole poll over a real loopback connection: a stand-in answers whatever bytes it is given (a good
 * answer, a lying length, broken chunks, more than the body cap, garbage), then closes or hangs. Every
 * poll ends with a reading within its time bound, and a failed one says why in one line.
 */
class HealthReaderFuzzTest {

    private static final long TIMEOUT_MS = 150;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Response current;
    private ServerSocket server;

    /** What the stand-in writes, and whether it then keeps the connection open without a word. */
    private record Response(byte[] bytes, boolean hang) {
        @Override
        public String toString() {
            return (hang ? "then hangs, " : "then closes, ") + Show.of(bytes);
        }
    }

    @AfterEach
    void stop() throws IOException {
        threads.shutdownNow();
        if (server != null) {
            server.close();
        }
        for (Socket socket : open) {
            socket.close();
        }
    }

    private void standIn() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    open.add(socket);
                    threads.execute(() -> answer(socket));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private void answer(Socket socket) {
        try (socket) {
            Response response = current;
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.write(b);
            }
            OutputStream out = socket.getOutputStream();
            out.write(response.bytes());
            out.flush();
            if (response.hang()) {
                in.read(); // until the poll gives up and closes
            }
        } catch (IOException e) {
            // the poll went away first: as it should when it gives up
        }
    }

    private static Response response(SplittableRandom random) {
        byte[] body = switch (random.nextInt(4)) {
            case 0 -> HealthAnswerFuzzTest.goodAnswer(random).json().getBytes(StandardCharsets.UTF_8);
            case 1 -> Gen.bytes(random, 2 * HealthReader.MAX_BODY, HealthReader.MAX_BODY);
            case 2 -> Gen.mutated(random, HealthAnswerFuzzTest.goodAnswer(random).json().getBytes(StandardCharsets.UTF_8), "{}[]\",:");
            default -> new byte[HealthReader.MAX_BODY + random.nextInt(-2, 3)];
        };
        int status = random.nextInt(3) == 0 ? random.nextInt(100, 1000) : random.nextBoolean() ? 200 : 503;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int kind = random.nextInt(5);
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\n";
        if (kind == 0 || kind == 1) {
            int length = kind == 0 ? body.length : Math.max(0, body.length + random.nextInt(-10, 10));
            bytes.writeBytes((head + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            bytes.writeBytes(body);
        } else if (kind == 2) {
            bytes.writeBytes((head + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int at = 0;
            while (at < body.length) {
                int size = Math.min(body.length - at, 1 + random.nextInt(5000));
                String sizeLine = random.nextInt(20) == 0 ? "zz" : Integer.toHexString(size);
                bytes.writeBytes((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                bytes.write(body, at, size);
                bytes.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                at += size;
            }
            bytes.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else if (kind == 3) {
            bytes.writeBytes(Gen.mutated(random, (head + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), ":\r\n "));
            bytes.writeBytes(body);
        } else {
            bytes.writeBytes(Gen.bytes(random, 4096, 16));
        }
        return new Response(bytes.toByteArray(), random.nextInt(4) == 0);
    }

    @Test
    void anyAnswerOverTheWireEndsInAReadingWithinTheBound() throws IOException {
        standIn();
        HealthReader reader = new HealthReader(TIMEOUT_MS, threads);
        Target target = new Target("fuzzed", URI.create("http://127.0.0.1:" + server.getLocalPort() + "/health"));
        Fuzz.forAll("HealthReader over the wire", 20, HealthReaderFuzzTest::response, response -> {
            current = response;
            long start = System.nanoTime();
            HealthReading reading = reader.read(target);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < TIMEOUT_MS + 1000, "a poll took " + millis + " ms");
            if (!reading.answered()) {
                assertEquals(1, reading.problem().lines().count(), reading.problem());
                assertTrue(reading.problem().length() < 200, reading.problem());
            }
            for (Socket socket : open) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closed already
                }
            }
            open.clear();
        });
    }
}
