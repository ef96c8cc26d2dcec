package dev.numbers.web.number.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiCallSettingsTest {

    private static List<String> problems(Map<String, String> set) {
        return ApiCallSettings.problems(key -> Optional.ofNullable(set.get(key)));
    }

    @Test
    void nothingSetIsNothingToSay() {
        assertEquals(List.of(), problems(Map.of()));
    }

    @Test
    void valuesThatSpinOrWaitForEverAreNamed() {
        String retry = "dev.numbers.web.number.control.RandomNumbers/next/Retry/";
        List<String> problems = problems(Map.of(retry + "maxRetries", "-1", retry + "maxDuration", "0", retry + "delay", "10",
                "numbers-api/mp-rest/readTimeout", "0", "dev.numbers.web.number.control.ApiWaitLimit/next/Bulkhead/value", "lots"));

        assertEquals(4, problems.size(), "a delay of 10 ms is within its range: " + problems);
        assertTrue(problems.get(0).startsWith(retry + "maxRetries=-1 is outside the safe range 0 to 10 (-1 retries"), problems.get(0));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("numbers-api/mp-rest/readTimeout=0 ")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("Bulkhead/value=lots")), problems.toString());
    }
}
