package dev.numbers.web.ops.settings;

import dev.numbers.web.ops.entity.Target;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Reads {@code numbers.ops.targets}: comma-separated {@code name=url} entries, for example
 * {@code numbers-web=http://localhost:9080/health/live,numbers-api=http://numbers-api:9080/health}.
 * An entry that is not right is reported in one log line and left out; the others are still watched, so
 * a typo never takes the operations view down.
 */
public final class WatchedTargets {

    public static final String KEY = "numbers.ops.targets";

    private static final Logger LOG = Logger.getLogger(WatchedTargets.class.getName());
    /** Names go into metric tags and page ids: letters, digits, dot, dash, underscore. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private WatchedTargets() {
    }

    public static List<Target> parse(String text) {
        Map<String, Target> targets = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            String trimmed = entry.trim();
            int equals = trimmed.indexOf('=');
            String name = trimmed.substring(0, Math.max(0, equals)).trim();
            String url = trimmed.substring(equals + 1).trim();
            String problem = equals < 0 ? "expected name=url" : problemOf(name, url, targets.keySet());
            if (problem == null) {
                targets.put(name, new Target(name, URI.create(url)));
            } else if (!trimmed.isEmpty()) {
                LOG.warning(KEY + ": left out '" + trimmed + "': " + problem);
            }
        }
        if (targets.isEmpty()) {
            LOG.warning(KEY + " names no service to watch ('" + text + "'); the operations view stays empty");
        }
        return new ArrayList<>(targets.values());
    }

    private static String problemOf(String name, String url, Set<String> watched) {
        if (!NAME.matcher(name).matches()) {
            return "a name is 1 to 63 letters, digits, '.', '-' or '_'";
        }
        if (watched.contains(name)) {
            return "the name " + name + " is already watched";
        }
        try {
            URI uri = new URI(url);
            String authority = uri.getRawAuthority();
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || authority == null || authority.isEmpty()) {
                return "expected an http:// or https:// URL with a host";
            }
            return uri.getHost() == null ? hostProblem(authority) : null;
        } catch (Exception e) {
            return "not a URL";
        }
    }

    /**
     * java.net.URI reads an authority whose host is not a valid host name as "registry-based" and gives
     * no host; the JDK's HTTP client then refuses the URL. The commonest cause is a '_', which container
     * platforms allow in service names and DNS host names do not: say so, not "no host".
     */
    private static String hostProblem(String authority) {
        String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":[0-9]*$", "");
        return host.indexOf('_') < 0 ? "'" + host + "' is not a valid host name"
                : "the host '" + host + "' has a '_', which a host name may not have (Java's URL parser and HTTP client"
                        + " refuse it): use a name without '_', such as a network alias, or the address";
    }
}
