package dev.numbers.probe;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Target, the URL parser: any text is a URL or a usage error, and what it accepts cannot inject into the request. */
class TargetFuzzTest {

    private static final String[] PIECES = {"http://", "https://", "http:/", "HTTP://", "localhost", "127.0.0.1", "[", "]", "[::1]", "::1",
            ":", "@", "/", "?", "#", "%", "%0d%0a", "\r\n", " ", "\t", "\u0000", "\u007f", "\u0085", "\u2028", "\u00e9", "65535", "65536",
            "0", "99999999999999999999", "-1", "health", "a.b"};

    static String urlish(Random random) {
        return Fuzz.pieces(random, 12, r -> switch (r.nextInt(4)) {
            case 0 -> Fuzz.anyString(r, 5);
            case 1 -> String.valueOf(r.nextInt(100000));
            default -> Fuzz.oneOf(r, PIECES);
        });
    }

    @Test
    void anyTextIsAUrlOrAUsageErrorAndNothingItAcceptsBreaksTheRequest() {
        Fuzz.forAll("any URL-ish text", Fuzz.tries(1000), TargetFuzzTest::urlish, TargetFuzzTest::urlOrUsageError);
    }

    /** The property of any text (also driven by Jazzer: TargetJazzerTest). */
    static void urlOrUsageError(String text) {
        Target target;
        try {
            target = Target.parse(text);
        } catch (UsageException e) {
            assertTrue(e.getMessage().startsWith("malformed URL '"), e.getMessage());
            return;
        }
        assertTrue(!target.host().isEmpty());
        assertTrue(target.port() >= 1 && target.port() <= 65535);
        assertTrue(target.path().startsWith("/"), target.path());
        String requestParts = target.path() + target.hostHeader();
        for (int i = 0; i < requestParts.length(); i++) {
            char c = requestParts.charAt(i);
            assertTrue(c > ' ' && c != 0x7f, "no space or control character reaches the request");
        }
    }

    record Url(String text, boolean tls, String host, int port, String path) {
        @Override
        public String toString() {
            return Fuzz.show(text);
        }
    }

    static Url valid(Random random) {
        boolean tls = random.nextBoolean();
        String host = switch (random.nextInt(3)) {
            case 0 -> {
                StringBuilder name = new StringBuilder();
                for (int i = 1 + random.nextInt(20); i > 0; i--) {
                    name.append(random.nextInt(6) == 0 ? (char) Fuzz.oneOf(random, '-', '.', '_') : (char) ('a' + random.nextInt(26)));
                }
                yield name.toString();
            }
            case 1 -> random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            default -> Fuzz.oneOf(random, "::1", "fe80::1", "2001:db8::8a2e:370:7334");
        };
        int port = random.nextBoolean() ? 0 : 1 + random.nextInt(65535);
        String path = random.nextInt(4) == 0 ? "" : "/" + Fuzz.printable(random, 30).replace(" ", "").replace("#", "");
        String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + (port == 0 ? "" : ":" + port);
        return new Url((tls ? "https://" : "http://") + authority + path, tls, host, port == 0 ? (tls ? 443 : 80) : port,
                path.isEmpty() ? "/" : path);
    }

    @Test
    void aValidUrlIsReadAsWritten() {
        Fuzz.forAll("valid URLs", Fuzz.tries(500), TargetFuzzTest::valid, TargetFuzzTest::readAsWritten);
    }

    /** The property of a valid URL (also driven by Jazzer: TargetJazzerTest). */
    static void readAsWritten(Url url) {
        Target target;
        try {
            target = Target.parse(url.text());
        } catch (UsageException e) {
            throw new AssertionError(e.getMessage());
        }
        assertEquals(url.tls(), target.tls());
        assertEquals(url.host(), target.host());
        assertEquals(url.port(), target.port());
        assertEquals(url.path(), target.path());
    }
}
