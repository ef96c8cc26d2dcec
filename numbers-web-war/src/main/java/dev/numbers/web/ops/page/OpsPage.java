package dev.numbers.web.ops.page;

import dev.numbers.web.html.Html;
import dev.numbers.web.ops.entity.OpsStatus;
import dev.numbers.web.ops.entity.OpsStatus.CheckView;
import dev.numbers.web.ops.entity.OpsStatus.CircuitView;
import dev.numbers.web.ops.entity.OpsStatus.LastPoll;
import dev.numbers.web.ops.entity.OpsStatus.ServiceView;
import dev.numbers.web.ops.entity.Status;
import dev.numbers.web.ops.state.DataText;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.numbers.web.ops.page.Markup.html;

/**
 * The operations page, rendered on the server from the same snapshot as {@code /ops/status}. The panel
 * is rendered alone for the page's script, which swaps it in every poll interval: one renderer, no
 * templates in JavaScript, and without JavaScript a meta refresh does the same. Status is always a word
 * and a symbol as well as a colour. Every value is escaped (see {@link Markup}); health data comes from
 * other services and is never trusted.
 */
public final class OpsPage {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String[] UNITS = {"d", "h", "min", "s"};
    /** The page's own style and script, inline so that the page is one answer, kept as CSS and JavaScript beside this class. */
    private static final String STYLE = Html.resource(OpsPage.class, "ops.css");
    private static final String SCRIPT = Html.resource(OpsPage.class, "ops.js");
    /** The page around the panel, with a %s for each value; only the panel changes between two polls. */
    private static final String PAGE = Html.resource(OpsPage.class, "ops.html");

    /** Only the page's own inline style and script run; the panel it fetches holds neither. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src " + Html.sha256(STYLE) + "; script-src "
            + Html.sha256(SCRIPT) + "; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private OpsPage() {
    }

    public static String page(OpsStatus status) {
        long refreshMs = Math.max(1000, status.polling().intervalMs());
        return html(PAGE, Math.max(1, refreshMs / 1000), Markup.raw(STYLE), CLOCK.format(status.generatedAt()),
                status.polling().enabled() ? "polls every " + duration(status.polling().intervalMs()) + ", each bounded to "
                        + status.polling().timeoutMs() + " ms" : "polling is switched off (numbers.ops.enabled=false)",
                refreshMs, Markup.raw(panel(status)), Markup.raw(SCRIPT)).toString();
    }

    public static String panel(OpsStatus status) {
        return html("<div data-generated=\"%s\"></div>\n<section class=\"cards\">\n%s%s%s</section>\n%s",
                CLOCK.format(status.generatedAt()),
                Markup.raw(status.services().isEmpty() ? "<p class=\"empty\">No service is watched: set numbers.ops.targets.</p>\n" : ""),
                Markup.join(status.services().stream().map(service -> service(service, status.generatedAt()))),
                circuit(status.circuitBreaker()), timeline(status)).toString();
    }

    private static Markup service(ServiceView service, Instant now) {
        LastPoll poll = service.lastPoll();
        String polled = poll == null ? " · not polled yet" : " · last poll " + CLOCK.format(poll.at()) + ", " + poll.latencyMs() + " ms"
                + (poll.httpStatus() > 0 ? ", HTTP " + poll.httpStatus() : "");
        return html("""
                <article class="service %s" data-service="%s" data-status="%s">
                <h2>%s %s</h2>
                <p class="meta">%s since %s%s · %s polls, %s failed · %s %s<br><code>%s</code></p>
                %s%s</article>
                """, css(service.status()), service.name(), service.status(), badge(service.status()), service.name(),
                service.status(), when(service.since(), now), polled, service.polls(), service.failedPolls(),
                service.transitionCount(), service.transitionCount() == 1 ? "change" : "changes", service.url(),
                poll == null || poll.problem() == null ? Markup.raw("") : html("<p class=\"problem\">%s</p>\n", poll.problem()),
                service.checks().isEmpty() ? Markup.raw("") : html("""
                        <table class="checks"><thead><tr><th class="check">Check</th><th class="status">Status</th>\
                        <th class="since">Since</th><th class="changes">Changes</th><th>Data</th></tr></thead><tbody>
                        %s</tbody></table>
                        """, Markup.join(service.checks().stream().map(check -> check(check, now)))));
    }

    private static Markup check(CheckView check, Instant now) {
        return html("<tr data-check=\"%s\" data-status=\"%s\"><td>%s</td><td>%s</td><td>%s</td><td class=\"n\">%s</td><td>%s</td></tr>\n",
                check.name(), check.status(), check.name(), badge(check.status()), when(check.since(), now), check.transitionCount(),
                Markup.join(check.data().entrySet().stream().map(entry ->
                        html("<span class=\"kv\"><b>%s=</b>%s</span>", entry.getKey(), DataText.text(entry.getValue())))));
    }

    private static Markup circuit(CircuitView circuit) {
        List<Map.Entry<String, Long>> stats = List.of(Map.entry("calls", circuit.calls()), Map.entry("succeeded", circuit.succeeded()),
                Map.entry("failed", circuit.failed()), Map.entry("fallbacks", circuit.fallbacks()),
                Map.entry("refused by the open circuit", circuit.rejectedByCircuit()),
                Map.entry("refused by the bulkhead", circuit.rejectedByBulkhead()), Map.entry("timed out", circuit.timedOut()));
        return html("""
                <article class="circuit %s" data-circuit="%s">
                <h2><span class="badge %s">%s</span> circuit breaker: web → numbers-api</h2>
                <p class="meta">%s · opened %s %s<br><code>%s</code></p>
                <dl class="stats">%s</dl>
                </article>
                """, circuit.state(), circuit.state(), circuit.state(),
                Map.of("open", "○ OPEN", "halfOpen", "◐ HALF-OPEN").getOrDefault(circuit.state(), "● CLOSED"),
                Map.of("open", "calls fail fast with the fallback, the API is spared", "halfOpen", "a trial call decides whether it closes")
                        .getOrDefault(circuit.state(), "calls go to the API"),
                circuit.opened(), circuit.opened() == 1 ? "time" : "times", circuit.method(),
                Markup.join(stats.stream().map(stat -> html("<div><dt>%s</dt><dd>%s</dd></div>", stat.getKey(), stat.getValue()))));
    }

    private static Markup timeline(OpsStatus status) {
        return html("<section class=\"timeline\">\n<h2>Timeline</h2>\n%s</section>\n", status.timeline().isEmpty()
                ? Markup.raw("<p class=\"empty\">No change seen yet.</p>\n") : html("""
                <table><thead><tr><th>Time (UTC)</th><th>Service</th><th>Check</th><th>Change</th><th>Detail</th></tr></thead><tbody>
                %s</tbody></table>
                """, Markup.join(status.timeline().stream().map(transition -> html("""
                <tr class="transition" data-service="%s" data-to="%s"><td>%s</td><td>%s</td><td>%s</td><td>%s → %s</td>\
                <td><code>%s</code></td></tr>
                """, transition.service(), transition.to(), STAMP.format(transition.at()), transition.service(),
                transition.check() == null ? Markup.raw("<em>overall</em>") : transition.check(),
                badge(transition.from()), badge(transition.to()), transition.detail() == null ? "" : transition.detail())))));
    }

    private static Markup badge(Status status) {
        return html("<span class=\"badge %s\">%s %s</span>", css(status),
                Map.of(Status.UP, "✔", Status.DOWN, "✖").getOrDefault(status, "?"), status);
    }

    private static String css(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static Markup when(Instant at, Instant now) {
        return html("%s (%s ago)", CLOCK.format(at), duration(Math.max(0, Duration.between(at, now).toMillis())));
    }

    /**
     * A duration as people read it at a glance: "850 ms", "42 s", "3 min 5 s", "2 h 10 min", "3 d 4 h".
     * Under a second in ms; else the largest unit that is not zero, and the next one unless it is zero.
     */
    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        Duration duration = Duration.ofMillis(millis);
        long[] parts = {duration.toDays(), duration.toHoursPart(), duration.toMinutesPart(), duration.toSecondsPart()};
        int i = 0;
        while (parts[i] == 0) {
            i++;
        }
        return parts[i] + " " + UNITS[i] + (i < 3 && parts[i + 1] != 0 ? " " + parts[i + 1] + " " + UNITS[i + 1] : "");
    }
}
