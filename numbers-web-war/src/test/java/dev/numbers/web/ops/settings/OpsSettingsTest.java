package dev.numbers.web.ops.settings;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpsSettingsTest {

    private static OpsSettings read(Object targets) throws ReflectiveOperationException {
        OpsSettings settings = new OpsSettings();
        settings.enabledText = "true";
        settings.intervalText = "5000";
        settings.timeoutText = "1000";
        settings.historyText = "50";
        Field field = OpsSettings.class.getDeclaredField("targetsText");
        field.setAccessible(true);
        field.set(settings, targets);
        settings.read();
        return settings;
    }

    @Test
    void anEmptyTargetsSettingIsAnEmptyViewNotAFailedDeployment() throws ReflectiveOperationException {
        // NUMBERS_OPS_TARGETS="": MicroProfile Config treats an empty value as a missing one, and a plain
        // String injection point without a default then fails the web's deployment.
        Field field = OpsSettings.class.getDeclaredField("targetsText");
        ConfigProperty property = field.getAnnotation(ConfigProperty.class);
        assertTrue(field.getType() == Optional.class || !ConfigProperty.UNCONFIGURED_VALUE.equals(property.defaultValue()),
                "an empty " + property.name() + " must be injectable");

        assertEquals(0, read(Optional.empty()).targets().size());
    }

    @Test
    void targetsAreReadAsBefore() throws ReflectiveOperationException {
        assertEquals(1, read(Optional.of("api=http://numbers-api:9080/health")).targets().size());
    }
}
