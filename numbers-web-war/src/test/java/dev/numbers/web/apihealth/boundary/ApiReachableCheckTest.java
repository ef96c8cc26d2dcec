package dev.numbers.web.apihealth.boundary;

import dev.numbers.web.apihealth.control.ApiReadiness;
import dev.numbers.web.apihealth.control.Verdict;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ApiReachableCheckTest {

    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    private static final String URL = "http://numbers-api.internal.example:9080/health/ready";
    private static final String PKIX = "TLS failed: PKIX path building failed: unable to find valid certification path to requested target";

    /** The health API's builder, as Liberty's would build it: name, status and data. */
    @BeforeAll
    static void plainResponses() {
        HealthCheckResponse.setResponseProvider(() -> new HealthCheckResponseBuilder() {
            private String name;
            private boolean up;
            private final Map<String, Object> data = new LinkedHashMap<>();

            @Override
            public HealthCheckResponseBuilder name(String name) {
                this.name = name;
                return this;
            }

            @Override
            public HealthCheckResponseBuilder withData(String key, String value) {
                data.put(key, value);
                return this;
            }

            @Override
            public HealthCheckResponseBuilder withData(String key, long value) {
                data.put(key, value);
                return this;
            }

            @Override
            public HealthCheckResponseBuilder withData(String key, boolean value) {
                data.put(key, value);
                return this;
            }

            @Override
            public HealthCheckResponseBuilder up() {
                return status(true);
            }

            @Override
            public HealthCheckResponseBuilder down() {
                return status(false);
            }

            @Override
            public HealthCheckResponseBuilder status(boolean up) {
                this.up = up;
                return this;
            }

            @Override
            public HealthCheckResponse build() {
                return new HealthCheckResponse(name, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
                        Optional.of(Map.copyOf(data)));
            }
        });
    }

    private static Map<String, Object> dataOf(Verdict verdict) {
        return dataOf(verdict, new ApiReachableCheck());
    }

    private static Map<String, Object> dataOf(Verdict verdict, ApiReachableCheck check) {
        check.readiness = new ApiReadiness() {
            @Override
            public Verdict current() {
                return verdict;
            }
        };
        HealthCheckResponse response = check.call();
        assertEquals(verdict.up() ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN, response.getStatus());
        return response.getData().orElseThrow();
    }

    @Test
    void byDefaultTheDataNamesNoInternalUrlAndNoExceptionText() {
        Map<String, Object> data = dataOf(new Verdict(false, URL, 0, 12, "TLS failed", PKIX, AT));

        assertFalse(data.containsKey("url"), data.toString());
        assertFalse(data.toString().contains("internal.example"), data.toString());
        assertFalse(data.toString().contains("PKIX"), data.toString());
        assertEquals("TLS failed", data.get("detail"));
        assertEquals(0L, data.get("status"));
        assertEquals(AT.toString(), data.get("checkedAt"));
    }

    @Test
    void aReadyApiReadsAsBefore() {
        Map<String, Object> data = dataOf(new Verdict(true, URL, 200, 3, "ready", "ready", AT));

        assertEquals(Map.of("status", 200L, "latencyMs", 3L, "detail", "ready", "checkedAt", AT.toString()), data);
    }

    @Test
    void theSettingAddsTheUrlAndTheFullReason() {
        ApiReachableCheck check = new ApiReachableCheck();
        check.detailsText = " TRUE ";
        check.configure();
        Map<String, Object> data = dataOf(new Verdict(false, URL, 0, 12, "TLS failed", PKIX, AT), check);

        assertEquals(URL, data.get("url"));
        assertEquals(PKIX, data.get("detail"));
    }

    @Test
    void aTypoInTheSettingKeepsTheDetailsOut() {
        ApiReachableCheck check = new ApiReachableCheck();
        check.detailsText = "yes";
        check.configure();

        assertFalse(dataOf(new Verdict(false, URL, 0, 12, "TLS failed", PKIX, AT), check).containsKey("url"));
    }
}
