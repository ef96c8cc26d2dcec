package dev.numbers.web.number.boundary;

import dev.numbers.web.html.Html;
import dev.numbers.web.number.control.ApiWaitLimit;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.OptionalInt;

/**
 * {@code GET /} shows the button; {@code POST /} is the button pressed without JavaScript. The page is
 * rendered on the server from number-page.html, .css and .js beside this class: a form post works
 * without JavaScript; the small script only saves the reload. Everything is inline, so the page needs
 * nothing from anywhere else.
 */
@Path("/")
public class NumberPageResource {

    static final String UNAVAILABLE = "RNG service unavailable!";
    private static final String PAGE = Html.resource(NumberPageResource.class, "number-page.html");
    private static final String STYLE = Html.resource(NumberPageResource.class, "number-page.css");
    private static final String SCRIPT = Html.resource(NumberPageResource.class, "number-page.js");

    /** Only this page's own inline script and style may run: a hash, not 'unsafe-inline'. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src " + Html.sha256(STYLE) + "; script-src "
            + Html.sha256(SCRIPT) + "; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Inject
    ApiWaitLimit numbers;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return Html.response(PAGE.formatted(STYLE, "", "", SCRIPT), CONTENT_SECURITY_POLICY);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response draw() {
        OptionalInt drawn = numbers.next();
        String page = drawn.isPresent() ? PAGE.formatted(STYLE, "number", "Here it is: " + drawn.getAsInt(), SCRIPT)
                : PAGE.formatted(STYLE, "unavailable", UNAVAILABLE, SCRIPT);
        return Html.response(page, CONTENT_SECURITY_POLICY);
    }
}
