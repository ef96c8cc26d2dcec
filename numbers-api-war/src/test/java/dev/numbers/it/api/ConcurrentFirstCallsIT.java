package dev.numbers.it.api;

import dev.numbers.it.ApiArchive;
import dev.numbers.it.Health;
import dev.numbers.it.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fail-after count is exact under concurrency: fifty parallel first calls, exactly three numbers. */
@ExtendWith(ArquillianExtension.class)
class ConcurrentFirstCallsIT {

    private static final int CALLERS = 50;

    @Deployment(testable = false)
    static WebArchive api() {
        return ApiArchive.named("concurrent-calls", "numbers.api.fail-after=3");
    }

    @ArquillianResource
    URL base;

    @Test
    void fiftyParallelFirstCallsGiveExactlyThreeNumbers() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            statuses.add(callers.submit(() -> {
                go.await();
                return Http.get(base, "/rng").statusCode();
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            codes.add(status.get(30, TimeUnit.SECONDS));
        }
        callers.shutdownNow();

        Map<Integer, Long> byStatus = codes.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(Map.of(200, 3L, 500, 47L), byStatus);
    }
}
