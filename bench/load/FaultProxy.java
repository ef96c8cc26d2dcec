import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stand-in of bench/load.sh for a slow or hung numbers-api: a TCP relay on loopback in front of the
 * real API, whose behaviour is switched while load runs through it.
 *
 * <pre>
 *   java bench/load/FaultProxy.java LISTEN_PORT UPSTREAM_PORT CONTROL_FILE
 * </pre>
 *
 * The control file holds one word, re-read every 20 ms (write a new file and rename it over the old one):
 * <ul>
 *   <li>{@code pass}: bytes go through untouched;</li>
 *   <li>{@code delay MS}: every chunk the client sends (a request: HTTP clients do not pipeline) is held
 *       MS milliseconds from its arrival before it goes to the API, so each answer comes MS later;</li>
 *   <li>{@code hang}: connections are still accepted, but what clients send is swallowed: nothing is ever
 *       answered (not even later, when the mode changes back). Answers of requests sent before the
 *       switch still come through.</li>
 * </ul>
 * Only loopback: it listens on 127.0.0.1 and connects to 127.0.0.1. One relay thread per direction and
 * connection, from a cached pool (JDK 17: no virtual threads); hundreds of connections are fine.
 */
public class FaultProxy {

    private static volatile String mode = "pass";
    private static volatile long delayMillis;
    private static final AtomicInteger OPEN = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java FaultProxy.java LISTEN_PORT UPSTREAM_PORT CONTROL_FILE");
            System.exit(2);
        }
        int listenPort = Integer.parseInt(args[0]);
        int upstreamPort = Integer.parseInt(args[1]);
        Path control = Path.of(args[2]);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        Thread watcher = new Thread(() -> watch(control), "control");
        watcher.setDaemon(true);
        readControl(control);
        watcher.start();

        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(loopback, listenPort), 1024);
            log("listening on 127.0.0.1:" + listenPort + ", upstream 127.0.0.1:" + upstreamPort + ", mode " + describe());
            while (true) {
                Socket client = server.accept();
                pool.execute(() -> open(client, loopback, upstreamPort, pool));
            }
        }
    }

    private static void open(Socket client, InetAddress loopback, int upstreamPort, ExecutorService pool) {
        Socket upstream = new Socket();
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(new InetSocketAddress(loopback, upstreamPort), 2000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        OPEN.incrementAndGet();
        pool.execute(() -> relay(upstream, client, false));
        relay(client, upstream, true);
    }

    /** Copies from one socket to the other; the request direction obeys the mode. */
    private static void relay(Socket from, Socket to, boolean requests) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (!requests) {
                    out.write(buffer, 0, n);
                    continue;
                }
                long arrived = System.nanoTime();
                String now = mode;
                if (now.equals("hang")) {
                    continue; // swallowed: never answered
                }
                if (now.equals("delay")) {
                    long due = arrived + delayMillis * 1_000_000L;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        Thread.sleep(Math.max(1, wait / 1_000_000L));
                    }
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | InterruptedException e) {
            // the other side went away: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            if (requests) {
                OPEN.decrementAndGet();
            }
        }
    }

    private static void watch(Path control) {
        while (true) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
            readControl(control);
        }
    }

    private static void readControl(Path control) {
        String text;
        try {
            text = Files.readString(control, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return; // keep the current mode while the file is being replaced
        }
        String[] words = text.split("\\s+");
        String newMode = words[0];
        long newDelay = 0;
        if (newMode.equals("delay") && words.length > 1) {
            newDelay = Long.parseLong(words[1]);
        } else if (!newMode.equals("pass") && !newMode.equals("hang")) {
            return;
        }
        if (!newMode.equals(mode) || newDelay != delayMillis) {
            delayMillis = newDelay;
            mode = newMode;
            log("mode " + describe() + " (" + OPEN.get() + " connections open)");
        }
    }

    private static String describe() {
        return mode.equals("delay") ? "delay " + delayMillis + " ms" : mode;
    }

    private static void log(String message) {
        System.err.println(System.currentTimeMillis() + " fault-proxy: " + message);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
