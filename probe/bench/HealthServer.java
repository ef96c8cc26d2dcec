import com.sun.net.httpserver.HttpServer;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's target: answers every GET on loopback with a small MicroProfile Health JSON 200, like
 * a healthy Liberty server's /health. Writes its port to the file given, so the script never guesses a
 * free port; stops by itself after the seconds given, in case nobody kills it.
 */
public class HealthServer {

    public static void main(String[] args) throws Exception {
        byte[] body = ("{\"status\":\"UP\",\"checks\":[{\"name\":\"numbers-api\",\"status\":\"UP\","
                + "\"data\":{\"calls\":0,\"failAfter\":3}}]}").getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Path portFile = Path.of(args[0]);
        Path written = portFile.resolveSibling(portFile.getFileName() + ".next");
        Files.writeString(written, Integer.toString(server.getAddress().getPort()));
        // Renamed into place so the script never reads a half-written port.
        Files.move(written, portFile);
        Thread.sleep(Long.parseLong(args[1]) * 1000);
        server.stop(0);
    }
}
