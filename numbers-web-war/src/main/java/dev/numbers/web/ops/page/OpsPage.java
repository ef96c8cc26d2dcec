package dev.numbers.web.ops.page;

import dev.numbers.web.html.Html;
import dev.numbers.web.ops.entity.CheckView;
import dev.numbers.web.ops.entity.CircuitView;
import dev.numbers.web.ops.entity.LastPoll;
import dev.numbers.web.ops.entity.OpsStatus;
import dev.numbers.web.ops.entity.ServiceView;
import dev.numbers.web.ops.entity.Status;
import dev.numbers.web.ops.entity.Transition;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The operations page, rendered on the server from the same snapshot as {@code /ops/status}. The panel
 * is rendered alone for the page's script, which swaps it in every poll interval: one renderer, no
 * templates in JavaScript, and without JavaScript a meta refresh does the same. Status is always a word
 * and a symbol as well as a colour.
 */
public final class OpsPage {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; color: #1d2430; background: #f6f7f9; }
            h1 { font-size: 1.5rem; margin: 0; }
            h2 { font-size: 1.15rem; margin: 0 0 .4rem; display: flex; gap: .6rem; align-items: center; }
            header { display: flex; justify-content: space-between; align-items: baseline; flex-wrap: wrap; gap: .5rem; margin-bottom: 1rem; }
            header p { margin: 0; color: #4a5468; }
            #lost { display: none; background: #fde2e1; color: #7a1212; padding: .5rem .8rem; border-radius: .3rem; margin-bottom: 1rem; }
            body.stale #lost { display: block; }
            .cards { display: grid; gap: 1rem; }
            article { background: #fff; border: 1px solid #d9dde5; border-left: .4rem solid #8a94a6; border-radius: .4rem; padding: .8rem 1rem; }
            article.up { border-left-color: #1b7a34; }
            article.down { border-left-color: #b3261e; }
            article.unknown { border-left-color: #8a94a6; }
            article.open { border-left-color: #b3261e; }
            article.halfOpen { border-left-color: #a05a00; }
            article.closed { border-left-color: #1b7a34; }
            .meta, .problem { margin: .2rem 0 .6rem; font-size: .9rem; color: #4a5468; }
            .problem { color: #7a1212; font-weight: 600; }
            table { border-collapse: collapse; width: 100%; font-size: .9rem; }
            th, td { text-align: left; padding: .3rem .4rem; border-top: 1px solid #e6e9ef; vertical-align: top; }
            th { font-weight: 600; color: #4a5468; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            code { font-size: .85rem; word-break: break-word; }
            th.check { width: 14rem; } th.status { width: 7rem; } th.since { width: 13rem; } th.changes { width: 5rem; }
            .kv { display: inline-block; margin: 0 .9rem .1rem 0; font-family: ui-monospace, monospace; font-size: .85rem; }
            .kv b { font-weight: 400; color: #4a5468; }
            dl.stats { display: flex; flex-wrap: wrap; gap: .4rem 1.6rem; margin: .4rem 0 0; }
            dl.stats div { min-width: 6rem; }
            dl.stats dt { font-size: .8rem; color: #4a5468; }
            dl.stats dd { margin: 0; font-size: 1.3rem; font-weight: 600; font-variant-numeric: tabular-nums; }
            .badge { display: inline-block; min-width: 4.8rem; padding: .1rem .45rem; border-radius: .3rem; font-weight: 700; font-size: .85rem; text-align: center; white-space: nowrap; }
            .badge.up, .badge.closed { background: #d6f0dc; color: #0f4d20; }
            .badge.down, .badge.open { background: #fbd9d6; color: #7a1212; }
            .badge.unknown { background: #e6e9ef; color: #333c4d; }
            .badge.halfOpen { background: #fde7c4; color: #6b3b00; }
            section.timeline { margin-top: 1.5rem; background: #fff; border: 1px solid #d9dde5; border-radius: .4rem; padding: .8rem 1rem; }
            .empty { color: #4a5468; font-style: italic; }
            tr.transition td:first-child, tr.transition td:nth-child(2), tr.transition td:nth-child(4) { white-space: nowrap; }
            """;

    private static final String SCRIPT = """
            const panel = document.getElementById('panel');
            const every = Math.max(1000, Number(panel.dataset.refreshMs) || 5000);
            async function refresh() {
              try {
                const response = await fetch(location.pathname.replace(/\\/?$/, '/panel'), { cache: 'no-store', headers: { 'Accept': 'text/html' } });
                if (!response.ok) { throw new Error('HTTP ' + response.status); }
                panel.innerHTML = await response.text();
                document.getElementById('updated').textContent = panel.querySelector('[data-generated]').dataset.generated;
                document.body.classList.remove('stale');
              } catch (e) {
                document.body.classList.add('stale');
              }
              setTimeout(refresh, every);
            }
            setTimeout(refresh, every);
            """;

    /** Only the page's own inline style and script run; the panel it fetches holds neither. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src " + Html.sha256(STYLE) + "; script-src "
            + Html.sha256(SCRIPT) + "; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private OpsPage() {
    }

    public static String page(OpsStatus status) {
        long refreshMs = Math.max(1000, status.polling().intervalMs());
        // Concatenated, not formatted: the style sheet is full of '%'.
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>numbers: operations</title>\n"
                + "<noscript><meta http-equiv=\"refresh\" content=\"" + Math.max(1, refreshMs / 1000) + "\"></noscript>\n"
                + "<style>" + STYLE + "</style>\n</head>\n<body>\n"
                + "<header>\n<h1>numbers · operations</h1>\n<p>updated <span id=\"updated\">" + CLOCK.format(status.generatedAt())
                + "</span> UTC · " + Html.escape(pollingText(status)) + "</p>\n</header>\n"
                + "<p id=\"lost\" role=\"alert\">The web does not answer: this is the last state it reported.</p>\n"
                + "<main id=\"panel\" data-refresh-ms=\"" + refreshMs + "\">\n" + panel(status) + "</main>\n"
                + "<script>" + SCRIPT + "</script>\n</body>\n</html>\n";
    }

    public static String panel(OpsStatus status) {
        StringBuilder html = new StringBuilder();
        html.append("<div data-generated=\"").append(CLOCK.format(status.generatedAt())).append("\"></div>\n");
        html.append("<section class=\"cards\">\n");
        if (status.services().isEmpty()) {
            html.append("<p class=\"empty\">No service is watched: set numbers.ops.targets.</p>\n");
        }
        for (ServiceView service : status.services()) {
            service(html, service, status.generatedAt());
        }
        circuit(html, status.circuitBreaker());
        html.append("</section>\n");
        timeline(html, status);
        return html.toString();
    }

    private static String pollingText(OpsStatus status) {
        if (!status.polling().enabled()) {
            return "polling is switched off (numbers.ops.enabled=false)";
        }
        return "polls every " + DurationText.ofMillis(status.polling().intervalMs()) + ", each bounded to "
                + status.polling().timeoutMs() + " ms";
    }

    private static void service(StringBuilder html, ServiceView service, Instant now) {
        String css = service.status().name().toLowerCase();
        html.append("<article class=\"service ").append(css).append("\" data-service=\"").append(Html.escape(service.name()))
                .append("\" data-status=\"").append(service.status()).append("\">\n");
        html.append("<h2>").append(badge(service.status())).append(' ').append(Html.escape(service.name())).append("</h2>\n");
        html.append("<p class=\"meta\">").append(service.status()).append(" since ").append(when(service.since(), now));
        LastPoll poll = service.lastPoll();
        if (poll == null) {
            html.append(" · not polled yet");
        } else {
            html.append(" · last poll ").append(CLOCK.format(poll.at())).append(", ").append(poll.latencyMs()).append(" ms");
            if (poll.httpStatus() > 0) {
                html.append(", HTTP ").append(poll.httpStatus());
            }
        }
        html.append(" · ").append(service.polls()).append(" polls, ").append(service.failedPolls()).append(" failed · ")
                .append(service.transitionCount()).append(service.transitionCount() == 1 ? " change" : " changes")
                .append("<br><code>").append(Html.escape(service.url())).append("</code></p>\n");
        if (poll != null && poll.problem() != null) {
            html.append("<p class=\"problem\">").append(Html.escape(poll.problem())).append("</p>\n");
        }
        if (!service.checks().isEmpty()) {
            html.append("<table class=\"checks\"><thead><tr><th class=\"check\">Check</th><th class=\"status\">Status</th>")
                    .append("<th class=\"since\">Since</th><th class=\"changes\">Changes</th><th>Data</th></tr></thead><tbody>\n");
            for (CheckView check : service.checks()) {
                html.append("<tr data-check=\"").append(Html.escape(check.name())).append("\" data-status=\"").append(check.status())
                        .append("\"><td>").append(Html.escape(check.name())).append("</td><td>").append(badge(check.status()))
                        .append("</td><td>").append(when(check.since(), now)).append("</td><td class=\"n\">").append(check.transitionCount())
                        .append("</td><td>").append(dataOf(check.data())).append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        html.append("</article>\n");
    }

    private static void circuit(StringBuilder html, CircuitView circuit) {
        html.append("<article class=\"circuit ").append(circuit.state()).append("\" data-circuit=\"").append(circuit.state()).append("\">\n");
        html.append("<h2>").append(circuitBadge(circuit.state())).append(" circuit breaker: web → numbers-api</h2>\n");
        html.append("<p class=\"meta\">").append(circuitMeaning(circuit.state())).append(" · opened ").append(circuit.opened())
                .append(circuit.opened() == 1 ? " time" : " times").append("<br><code>").append(Html.escape(circuit.method()))
                .append("</code></p>\n");
        html.append("<dl class=\"stats\">");
        stat(html, "calls", circuit.calls());
        stat(html, "succeeded", circuit.succeeded());
        stat(html, "failed", circuit.failed());
        stat(html, "fallbacks", circuit.fallbacks());
        stat(html, "refused by the open circuit", circuit.rejectedByCircuit());
        stat(html, "refused by the bulkhead", circuit.rejectedByBulkhead());
        stat(html, "timed out", circuit.timedOut());
        html.append("</dl>\n</article>\n");
    }

    private static void stat(StringBuilder html, String name, long count) {
        html.append("<div><dt>").append(name).append("</dt><dd>").append(count).append("</dd></div>");
    }

    /** A check's data as name=value pairs; values are other services' words, so escaped. */
    private static String dataOf(JsonObject data) {
        StringBuilder html = new StringBuilder();
        for (Map.Entry<String, JsonValue> entry : data.entrySet()) {
            JsonValue value = entry.getValue();
            html.append("<span class=\"kv\"><b>").append(Html.escape(entry.getKey())).append("=</b>")
                    .append(Html.escape(value instanceof JsonString text ? text.getString() : value.toString())).append("</span>");
        }
        return html.toString();
    }

    private static void timeline(StringBuilder html, OpsStatus status) {
        html.append("<section class=\"timeline\">\n<h2>Timeline</h2>\n");
        if (status.timeline().isEmpty()) {
            html.append("<p class=\"empty\">No change seen yet.</p>\n</section>\n");
            return;
        }
        html.append("<table><thead><tr><th>Time (UTC)</th><th>Service</th><th>Check</th><th>Change</th><th>Detail</th></tr></thead><tbody>\n");
        for (Transition transition : status.timeline()) {
            html.append("<tr class=\"transition\" data-service=\"").append(Html.escape(transition.service()))
                    .append("\" data-to=\"").append(transition.to()).append("\"><td>").append(STAMP.format(transition.at()))
                    .append("</td><td>").append(Html.escape(transition.service())).append("</td><td>")
                    .append(transition.check() == null ? "<em>overall</em>" : Html.escape(transition.check())).append("</td><td>")
                    .append(badge(transition.from())).append(" → ").append(badge(transition.to())).append("</td><td><code>")
                    .append(transition.detail() == null ? "" : Html.escape(transition.detail())).append("</code></td></tr>\n");
        }
        html.append("</tbody></table>\n</section>\n");
    }

    private static String badge(Status status) {
        String symbol = switch (status) {
            case UP -> "✔";
            case DOWN -> "✖";
            case UNKNOWN -> "?";
        };
        return "<span class=\"badge " + status.name().toLowerCase() + "\">" + symbol + " " + status + "</span>";
    }

    private static String circuitBadge(String state) {
        String text = switch (state) {
            case "open" -> "○ OPEN";
            case "halfOpen" -> "◐ HALF-OPEN";
            default -> "● CLOSED";
        };
        return "<span class=\"badge " + state + "\">" + text + "</span>";
    }

    private static String circuitMeaning(String state) {
        return switch (state) {
            case "open" -> "calls fail fast with the fallback, the API is spared";
            case "halfOpen" -> "a trial call decides whether it closes";
            default -> "calls go to the API";
        };
    }

    private static String when(Instant at, Instant now) {
        return CLOCK.format(at) + " (" + DurationText.between(at, now) + " ago)";
    }
}
