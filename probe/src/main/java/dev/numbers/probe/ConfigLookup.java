package dev.numbers.probe;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Finds a configuration value the way MicroProfile Config would find it for the app in the same
 * container, so a check reads the very URL the app uses. Sources, first match wins:
 * <ol>
 * <li>system properties (exact name)</li>
 * <li>environment variables: the exact name, then non-alphanumerics as {@code _}, then that upper-cased
 * ({@code numbers.api.url} is also {@code numbers_api_url} and {@code NUMBERS_API_URL})</li>
 * <li>the Liberty server's {@code server.env}, with the same name mapping</li>
 * <li>the Liberty server's {@code bootstrap.properties} (exact name)</li>
 * <li>the {@code --config-file} given, a properties file (exact name)</li>
 * </ol>
 */
record ConfigLookup(Properties systemProperties, Map<String, String> environment, Path serverDir, Path configFile) {

    /** Where one value came from, for {@code --verbose}. */
    record Found(String value, String source) {
    }

    /** The server directory: the option, else {@code SERVER_CONFIG_DIR}, else {@code /config} as Liberty images lay it out. */
    static Path serverDir(String option, Map<String, String> environment) {
        if (option != null) {
            return Path.of(option);
        }
        String fromEnvironment = environment.get("SERVER_CONFIG_DIR");
        return Path.of(fromEnvironment != null && !fromEnvironment.isEmpty() ? fromEnvironment : "/config");
    }

    /** The first source that has the key; a file is read only when the sources before it do not have it. */
    Found find(String key) throws UsageException {
        List<String> names = environmentNames(key);
        Path serverEnv = serverDir.resolve("server.env");
        Path bootstrap = serverDir.resolve("bootstrap.properties");
        Found found = first(systemProperties, List.of(key), "system property ", true);
        found = found != null ? found : first(environment, names, "environment variable ", true);
        found = found != null ? found : first(readServerEnv(serverEnv), names, serverEnv + " ", true);
        found = found != null ? found : first(readProperties(bootstrap, false), List.of(key), bootstrap.toString(), false);
        found = found != null || configFile == null ? found : first(readProperties(configFile, true), List.of(key), configFile.toString(), false);
        if (found == null) {
            throw new UsageException("config key " + key + " not found in system properties, environment ("
                    + String.join(", ", names) + "), " + serverEnv + ", " + bootstrap + (configFile != null ? ", " + configFile : ""));
        }
        return found;
    }

    /** The value of the first of the names that the source has, said as from the source (and the name, when {@code named}). */
    private static Found first(Map<?, ?> source, List<String> names, String from, boolean named) {
        for (String name : names) {
            if (source.get(name) instanceof String value) {
                return new Found(value, named ? from + name : from);
            }
        }
        return null;
    }

    /** MicroProfile Config's mapping of a property name to environment variable names, in its order. */
    static List<String> environmentNames(String key) {
        char[] sanitized = key.toCharArray();
        for (int i = 0; i < sanitized.length; i++) {
            char c = sanitized[i];
            sanitized[i] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_';
        }
        String underscored = new String(sanitized);
        List<String> names = new ArrayList<>(3);
        for (String name : new String[]{key, underscored, underscored.toUpperCase(Locale.ROOT)}) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Liberty's server.env: KEY=value lines; # starts a comment; surrounding quotes are dropped. */
    static Map<String, String> readServerEnv(Path file) throws UsageException {
        Map<String, String> values = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        for (String line : lines) {
            line = line.trim();
            int equals = line.indexOf('=');
            if (line.isEmpty() || line.charAt(0) == '#' || equals <= 0) {
                continue;
            }
            String value = line.substring(equals + 1).trim();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(line.substring(0, equals).trim(), value);
        }
        return values;
    }

    static Properties readProperties(Path file, boolean required) throws UsageException {
        Properties properties = new Properties();
        if (!Files.isRegularFile(file)) {
            if (required) {
                throw new UsageException("config file " + file + " does not exist");
            }
            return properties;
        }
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        return properties;
    }
}
