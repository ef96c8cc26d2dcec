package dev.numbers.peer.web.number;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.OptionalInt;

/**
 * The page, rendered on the server from the Liberty web's own number-page.html, .css and .js (the build
 * copies them from numbers-web-war): the same bytes, so a benchmark compares the same page.
 */
final class NumberPage {

    static final String UNAVAILABLE = "RNG service unavailable!";
    private static final String PAGE = resource("number-page.html");
    private static final String STYLE = resource("number-page.css");
    private static final String SCRIPT = resource("number-page.js");

    /** Only this page's own inline script and style may run: a hash, not 'unsafe-inline'. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src " + sha256(STYLE) + "; script-src "
            + sha256(SCRIPT) + "; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private NumberPage() {
    }

    static String render(OptionalInt drawn, boolean drew) {
        String result = "";
        String kind = "";
        if (drew) {
            result = drawn.isPresent() ? "Here it is: " + drawn.getAsInt() : UNAVAILABLE;
            kind = drawn.isPresent() ? "number" : "unavailable";
        }
        return PAGE.formatted(STYLE, kind, result, SCRIPT);
    }

    private static String resource(String name) {
        try (InputStream in = NumberPage.class.getResourceAsStream("/dev/numbers/web/number/boundary/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Content-Security-Policy source for one inline script or style: a hash, never 'unsafe-inline'. */
    private static String sha256(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
