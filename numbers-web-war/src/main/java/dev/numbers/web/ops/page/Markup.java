package dev.numbers.web.ops.page;

import dev.numbers.web.html.Html;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * HTML whose inserted values are escaped by default: a value is text unless it is Markup already, so
 * another service's words can never become markup through a forgotten escape.
 */
final class Markup {

    private final String html;

    private Markup(String html) {
        this.html = html;
    }

    /** Markup as it stands: only for the page's own constant markup, never for a value from elsewhere. */
    static Markup raw(String html) {
        return new Markup(html);
    }

    /** The template with each {@code %s} replaced by the next value, escaped unless it is Markup. */
    static Markup html(String template, Object... values) {
        Object[] safe = Arrays.stream(values).map(value -> value instanceof Markup markup ? markup.html : Html.escape(value)).toArray();
        return new Markup(String.format(Locale.ROOT, template, safe));
    }

    static Markup join(Stream<Markup> parts) {
        return new Markup(parts.map(part -> part.html).collect(Collectors.joining()));
    }

    @Override
    public String toString() {
        return html;
    }
}
