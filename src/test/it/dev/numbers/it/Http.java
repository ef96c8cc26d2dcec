package dev.numbers.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * HTTP from outside, as a browser, a script or a platform sees the web and the API: the integration tests of
 * both WARs (the top-level src/test/it).
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The test servers' monitor user (src/test/liberty): what an operator gives in NUMBERS_MONITOR_PASSWORD. */
    public static final String MONITOR_PASSWORD = "integration-tests-only";
    public static final int HTTPS_PORT = Integer.getInteger("it.https.port", 9290);

    /*
     * The management side (/metrics, /ops) speaks HTTPS with the key pair the test server made at its
     * first start, which no client can verify: this client alone trusts it, and only for those paths.
     */
    private static final HttpClient MANAGEMENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .sslContext(trustingTheTestServer())
            .sslParameters(withoutHostnameCheck())
            .build();

    private Http() {
    }

    /** GET over HTTPS on the server of {@code base}, as the monitor user. */
    public static HttpResponse<String> asMonitor(URL base, String path) {
        return management(base, path, "monitor:" + MONITOR_PASSWORD);
    }

    /** GET over HTTPS on the server of {@code base}, with these credentials ("user:password") or none (null). */
    public static HttpResponse<String> management(URL base, String path, String credentials) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("https://" + base.getHost() + ":" + HTTPS_PORT).resolve(path))
                .timeout(Duration.ofSeconds(10));
        if (credentials != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return send(MANAGEMENT, builder.build());
    }

    public static HttpResponse<String> get(URL base, String path) {
        return send(base, path, "GET");
    }

    /** @param headers name, value, name, value... */
    public static HttpResponse<String> send(URL base, String path, String method, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(CLIENT, builder.build());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static SSLContext trustingTheTestServer() {
        TrustManager anyCertificate = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {anyCertificate}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLParameters withoutHostnameCheck() {
        SSLParameters parameters = new SSLParameters();
        parameters.setEndpointIdentificationAlgorithm(null);
        return parameters;
    }
}
