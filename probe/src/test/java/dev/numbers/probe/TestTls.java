package dev.numbers.probe;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test CA, leaf certificates it issued, a trust store holding only the CA, and https servers on
 * loopback that present one of the leaves: all made with the JDK's keytool, as an operator would, once
 * per build (kept in target/test-tls). RSA 2048, as Liberty's own generated certificate.
 *
 * <p>{@code java -cp target/test-classes dev.numbers.probe.TestTls serve [DIR]} prints the trust store
 * and an https URL (a leaf for 127.0.0.1) and serves until killed: for timing runs of the packaged jar.
 */
final class TestTls implements AutoCloseable {

    static final String PASSWORD = "changeit";
    /** A leaf for 127.0.0.1 and localhost. */
    static final String LOOPBACK = "loopback";
    /** A leaf from the same CA for another name. */
    static final String OTHER = "other";

    final Path dir;
    private final List<AutoCloseable> running = new ArrayList<>();

    private TestTls(Path dir) {
        this.dir = dir;
    }

    /** The CA, the leaves and the trust store, made once in {@code dir} (reused when complete). */
    static synchronized TestTls in(Path dir) throws Exception {
        TestTls tls = new TestTls(dir);
        Path done = dir.resolve("done");
        // The certificates are valid for 30 days: a build directory older than a week makes them anew.
        if (Files.isRegularFile(done) && Files.getLastModifiedTime(done).toMillis() > System.currentTimeMillis() - 7L * 24 * 3600 * 1000) {
            return tls;
        }
        Files.createDirectories(dir);
        for (String old : new String[]{"ca.p12", "trust.p12", "loopback.p12", "other.p12"}) {
            Files.deleteIfExists(dir.resolve(old));
        }
        tls.keytool("-genkeypair", "-keystore", "ca.p12", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=numbers probe test CA", "-ext", "bc:c", "-validity", "30");
        tls.keytool("-exportcert", "-keystore", "ca.p12", "-alias", "ca", "-rfc", "-file", "ca.pem");
        // The trust store an operator would hand the probe: the CA's certificate and nothing else.
        tls.keytool("-importcert", "-noprompt", "-keystore", "trust.p12", "-alias", "ca", "-file", "ca.pem");
        tls.leaf(LOOPBACK, "CN=127.0.0.1", "SAN=ip:127.0.0.1,dns:localhost");
        tls.leaf(OTHER, "CN=other.example", "SAN=dns:other.example");
        Files.writeString(dir.resolve("done"), "");
        return tls;
    }

    static TestTls inTarget() throws Exception {
        return in(Path.of("target", "test-tls").toAbsolutePath());
    }

    private void leaf(String name, String subject, String names) throws Exception {
        String store = name + ".p12";
        keytool("-genkeypair", "-keystore", store, "-alias", "leaf", "-keyalg", "RSA", "-keysize", "2048", "-dname", subject, "-validity", "30");
        keytool("-certreq", "-keystore", store, "-alias", "leaf", "-file", name + ".csr");
        keytool("-gencert", "-keystore", "ca.p12", "-alias", "ca", "-infile", name + ".csr", "-outfile", name + ".pem", "-rfc",
                "-ext", names, "-validity", "30");
        keytool("-importcert", "-noprompt", "-keystore", store, "-alias", "ca", "-file", "ca.pem");
        keytool("-importcert", "-keystore", store, "-alias", "leaf", "-file", name + ".pem");
    }

    private void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.add("-J-XX:TieredStopAtLevel=1");
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process keytool = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + output);
        }
    }

    Path trustStore() {
        return dir.resolve("trust.p12");
    }

    /** The JVM options that point a probe at the test CA, as an operator would. */
    List<String> trustOptions() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore(), "-Djavax.net.ssl.trustStorePassword=" + PASSWORD);
    }

    /** An https server on 127.0.0.1 presenting the named leaf; answers every request 200 with health JSON. */
    String serve(String leaf) throws Exception {
        KeyStore keys = KeyStore.getInstance(dir.resolve(leaf + ".p12").toFile(), PASSWORD.toCharArray());
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread talk = new Thread(() -> answer((SSLSocket) socket));
                    talk.setDaemon(true);
                    talk.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        running.add(server);
        return "https://127.0.0.1:" + server.getLocalPort();
    }

    private static void answer(SSLSocket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.write(b);
            }
            byte[] body = "{\"status\":\"UP\",\"checks\":[]}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // the probe refused the handshake or hung up
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable server : running) {
            server.close();
        }
    }

    public static void main(String[] args) throws Exception {
        TestTls tls = args.length > 1 ? in(Path.of(args[1]).toAbsolutePath()) : inTarget();
        String leaf = args.length > 2 ? args[2] : LOOPBACK;
        System.out.println(tls.trustStore() + " " + tls.serve(leaf) + "/health");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
