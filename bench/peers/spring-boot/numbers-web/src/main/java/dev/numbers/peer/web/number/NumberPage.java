package dev.numbers.peer.web.number;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.OptionalInt;

/**
 * The page, rendered on the server: a form post works without JavaScript; the small script only saves
 * the reload. Everything is inline, so the page needs nothing from anywhere else. A copy of the Liberty
 * web's page, byte for byte.
 */
final class NumberPage {

    static final String UNAVAILABLE = "RNG service unavailable!";

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; color: #1d2430; }
            h1 { font-size: 1.6rem; margin-bottom: 1.5rem; }
            button { font: inherit; padding: .6rem 1.2rem; border: 0; border-radius: .4rem; background: #1f5fbf; color: #fff; cursor: pointer; }
            button:hover, button:focus { background: #174a96; }
            #result { margin-top: 1.5rem; font-size: 1.3rem; min-height: 1.6em; }
            #result.number { color: #1b6e2b; }
            #result.unavailable { color: #a4161a; }
            """;

    private static final String SCRIPT = """
            document.getElementById('draw').addEventListener('submit', async (event) => {
              event.preventDefault();
              const result = document.getElementById('result');
              try {
                const response = await fetch('api/number', { headers: { 'Accept': 'application/json' } });
                const body = await response.json();
                if (!response.ok || typeof body.number !== 'number') { throw new Error(); }
                result.textContent = 'Here it is: ' + body.number;
                result.className = 'number';
              } catch (e) {
                result.textContent = 'RNG service unavailable!';
                result.className = 'unavailable';
              }
            });
            """;

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
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Random numbers</title>
                <style>%s</style>
                </head>
                <body>
                <h1>Random number generator</h1>
                <form id="draw" method="post" action="">
                <button type="submit">Get a random number</button>
                </form>
                <p id="result" class="%s" role="status" aria-live="polite">%s</p>
                <script>%s</script>
                </body>
                </html>
                """.formatted(STYLE, kind, result, SCRIPT);
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
