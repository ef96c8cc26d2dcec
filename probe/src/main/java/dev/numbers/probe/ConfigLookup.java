package dev.numbers.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
final class ConfigLookup {

    /** Where one value came from, for {@code --verbose}. */
    record Found(String value, String source) {
    }

    private final Properties systemProperties;
    private final Map<String, String> environment;
    private final Path serverDir;
    private final Path configFile;

    ConfigLookup(Properties systemProperties, Map<String, String> environment, Path serverDir, Path configFile) {
        this.systemProperties = systemProperties;
        this.environment = environment;
        this.serverDir = serverDir;
        this.configFile = configFile;
    }

    /** The server directory: the option, else {@code SERVER_CONFIG_DIR}, else {@code /config} as Liberty images lay it out. */
    static Path serverDir(String option, Map<String, String> environment) {
        if (option != null) {
            return Path.of(option);
        }
        String fromEnvironment = environment.get("SERVER_CONFIG_DIR");
        return Path.of(fromEnvironment != null && !fromEnvironment.isEmpty() ? fromEnvironment : "/config");
    }

    Found find(String key) throws UsageException {
        String value = systemProperties.getProperty(key);
        if (value != null) {
            return new Found(value, "system property " + key);
        }
        for (String name : environmentNames(key)) {
            value = environment.get(name);
            if (value != null) {
                return new Found(value, "environment variable " + name);
            }
        }
        Path serverEnv = serverDir.resolve("server.env");
        Map<String, String> fromServerEnv = readServerEnv(serverEnv);
        for (String name : environmentNames(key)) {
            value = fromServerEnv.get(name);
            if (value != null) {
                return new Found(value, serverEnv + " " + name);
            }
        }
        Path bootstrap = serverDir.resolve("bootstrap.properties");
        value = readProperties(bootstrap, false).getProperty(key);
        if (value != null) {
            return new Found(value, bootstrap.toString());
        }
        if (configFile != null) {
            value = readProperties(configFile, true).getProperty(key);
            if (value != null) {
                return new Found(value, configFile.toString());
            }
        }
        throw new UsageException("config key " + key + " not found in system properties, environment ("
                + String.join(", ", environmentNames(key)) + "), " + serverEnv + ", " + bootstrap
                + (configFile != null ? ", " + configFile : ""));
    }

    /** MicroProfile Config's mapping of a property name to environment variable names, in its order. */
    static List<String> environmentNames(String key) {
        StringBuilder sanitized = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            sanitized.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
        }
        String underscored = sanitized.toString();
        String upper = underscored.toUpperCase(Locale.ROOT);
        List<String> names = new ArrayList<>(List.of(key));
        if (!underscored.equals(key)) {
            names.add(underscored);
        }
        if (!names.contains(upper)) {
            names.add(upper);
        }
        return names;
    }

    /** Liberty's server.env: KEY=value lines; # starts a comment; surrounding quotes are dropped. */
    static Map<String, String> readServerEnv(Path file) throws UsageException {
        Map<String, String> values = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
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
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
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
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        return properties;
    }
}
