package dev.numbers.probe;

/**
 * An http or https URL, parsed by hand. Not {@code java.net.URI}: it costs next to nothing at start (the
 * class is in the JDK's CDS archive), but its grammar is not the probe's. It refuses paths that servers
 * take and health URLs contain ({@code {}, {@code |}, {@code "}, a {@code %} without two hex digits), and
 * reads a host with an underscore (a Docker Compose service name such as {@code numbers_api}) as having no
 * host at all.
 */
record Target(boolean tls, String host, int port, String path, String text) {

    static Target parse(String url) throws UsageException {
        boolean tls = url.startsWith("https://");
        if (!tls && !url.startsWith("http://")) {
            throw malformed(url, ": it must start with http:// or https://");
        }
        String rest = url.substring(tls ? 8 : 7);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        int hash = path.indexOf('#');
        path = hash < 0 ? path : path.substring(0, hash);
        if (authority.indexOf('@') >= 0) {
            throw malformed(url, ": user information is not supported");
        }
        int close = authority.startsWith("[") ? authority.indexOf(']') : 0;
        if (close < 0) {
            throw malformed(url, ": unclosed [ in the host");
        }
        int colon = close > 0 ? close + 1 : authority.lastIndexOf(':');
        if (close > 0 && colon < authority.length() && authority.charAt(colon) != ':') {
            throw malformed(url, ": unexpected text after the host");
        }
        String host = close > 0 ? authority.substring(1, close) : colon < 0 ? authority : authority.substring(0, colon);
        if (host.isEmpty()) {
            throw malformed(url, ": no host");
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c <= ' ' || c == '/' || c == '?' || c == '#' || c == '%' || c >= 0x7f) {
                throw malformed(url, ": bad character in the host");
            }
        }
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) <= ' ' || path.charAt(i) == 0x7f) {
                throw malformed(url, ": spaces and control characters must be percent-encoded");
            }
        }
        int port = colon < 0 || colon >= authority.length() ? (tls ? 443 : 80)
                : Numbers.parsePort(authority.substring(colon + 1), "malformed URL '" + url + "'");
        return new Target(tls, host, port, path, url);
    }

    private static UsageException malformed(String url, String why) {
        return new UsageException("malformed URL '" + url + "'" + why);
    }

    /** The URL with a path appended, as {@code --path} asks: no doubled or missing slash. */
    static String join(String base, String path) {
        if (path == null || path.isEmpty()) {
            return base;
        }
        boolean baseSlash = base.endsWith("/");
        boolean pathSlash = path.startsWith("/");
        return baseSlash && pathSlash ? base + path.substring(1) : baseSlash || pathSlash ? base + path : base + "/" + path;
    }

    String hostHeader() {
        String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return port == (tls ? 443 : 80) ? name : name + ":" + port;
    }
}
