package dev.numbers.web.ops.settings;

import dev.numbers.web.ops.entity.Polling;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OpsSettingsTest {

    /** Settings read from the given values; a key not given is missing, as MicroProfile Config also reports an empty one. */
    private static OpsSettings read(Map<String, String> values) {
        OpsSettings settings = new OpsSettings();
        settings.config = (Config) Proxy.newProxyInstance(OpsSettingsTest.class.getClassLoader(), new Class<?>[] {Config.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getOptionalValue")) {
                        return Optional.ofNullable(values.get((String) args[0]));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        settings.read();
        return settings;
    }

    @Test
    void anEmptyTargetsSettingIsAnEmptyViewNotAFailedDeployment() {
        // NUMBERS_OPS_TARGETS="": MicroProfile Config treats an empty value as a missing one, and a plain
        // String injection point without a default then failed the web's deployment.
        assertEquals(0, read(Map.of()).targets().size());
    }

    @Test
    void targetsAreReadAsBefore() {
        assertEquals(1, read(Map.of("numbers.ops.targets", "api=http://numbers-api:9080/health")).targets().size());
    }

    @Test
    void defaultsAndABadValueThatFallsBackToItsDefault() {
        assertEquals(new Polling(true, 5000, 1000, 50), read(Map.of()).polling());
        assertEquals(new Polling(true, 5000, 60_000, 1), read(Map.of("numbers.ops.enabled", "yes", "numbers.ops.interval-ms", "5s",
                "numbers.ops.timeout-ms", "60000", "numbers.ops.history-size", "1")).polling());
    }
}
