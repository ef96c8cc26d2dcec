package dev.numbers.web.html;

import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** What the server-rendered pages share: their HTML, style and script files, escaping of text that came from elsewhere, and CSP hashes. */
public final class Html {

    private Html() {
    }

    /** A page's file (HTML, style or script) beside the class that renders it, read once as the class loads. */
    public static String resource(Class<?> page, String name) {
        try (InputStream in = page.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text for an element or a quoted attribute; health data comes from other services and is never trusted. */
    public static String escape(Object text) {
        // '&' first, so that the entities put in after it are not escaped again.
        return String.valueOf(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** A page as the server sends it: only its own inline code may run, never cached, never sniffed. */
    public static Response response(String page, String contentSecurityPolicy) {
        return Response.ok(page)
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** A Content-Security-Policy source for one inline script or style: a hash, never 'unsafe-inline'. */
    public static String sha256(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
