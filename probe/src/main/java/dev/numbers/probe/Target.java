package dev.numbers.probe;

/**
 * An http or https URL, parsed by hand: {@code java.net.URI} costs milliseconds of class loading and
 * regular expressions at every start, and a health check starts every few seconds.
 */
final class Target {

    final boolean tls;
    final String host;
    final int port;
    final String path;
    final String text;

    private Target(boolean tls, String host, int port, String path, String text) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.path = path;
        this.text = text;
    }

    static Target parse(String url) throws UsageException {
        String rest;
        boolean tls;
        if (url.startsWith("http://")) {
            tls = false;
            rest = url.substring(7);
        } else if (url.startsWith("https://")) {
            tls = true;
            rest = url.substring(8);
        } else {
            throw new UsageException("malformed URL '" + url + "': it must start with http:// or https://");
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        if (authority.indexOf('@') >= 0) {
            throw new UsageException("malformed URL '" + url + "': user information is not supported");
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new UsageException("malformed URL '" + url + "': unclosed [ in the host");
            }
            host = authority.substring(1, close);
            if (close + 1 < authority.length()) {
                if (authority.charAt(close + 1) != ':') {
                    throw new UsageException("malformed URL '" + url + "': unexpected text after the host");
                }
                portText = authority.substring(close + 2);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new UsageException("malformed URL '" + url + "': no host");
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c <= ' ' || c == '/' || c == '?' || c == '#' || c == '%' || c >= 0x7f) {
                throw new UsageException("malformed URL '" + url + "': bad character in the host");
            }
        }
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) <= ' ' || path.charAt(i) == 0x7f) {
                throw new UsageException("malformed URL '" + url + "': spaces and control characters must be percent-encoded");
            }
        }
        int port = tls ? 443 : 80;
        if (portText != null) {
            port = Numbers.parsePort(portText, "malformed URL '" + url + "'");
        }
        return new Target(tls, host, port, path, url);
    }

    /** The URL with a path appended, as {@code --path} asks: no doubled or missing slash. */
    static String join(String base, String path) {
        if (path == null || path.isEmpty()) {
            return base;
        }
        boolean baseSlash = base.endsWith("/");
        boolean pathSlash = path.startsWith("/");
        if (baseSlash && pathSlash) {
            return base + path.substring(1);
        }
        return baseSlash || pathSlash ? base + path : base + "/" + path;
    }

    String hostHeader() {
        String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return (tls && port == 443) || (!tls && port == 80) ? name : name + ":" + port;
    }
}
