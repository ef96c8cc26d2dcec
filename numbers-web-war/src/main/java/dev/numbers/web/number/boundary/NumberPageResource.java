package dev.numbers.web.number.boundary;

import dev.numbers.web.number.control.ApiWaitLimit;
import dev.numbers.web.html.Html;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.OptionalInt;

/** {@code GET /} shows the button; {@code POST /} is the button pressed without JavaScript. */
@Path("/")
public class NumberPageResource {

    @Inject
    ApiWaitLimit numbers;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return html(NumberPage.render(OptionalInt.empty(), false));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response draw() {
        return html(NumberPage.render(numbers.next(), true));
    }

    private static Response html(String page) {
        return Html.response(page, NumberPage.CONTENT_SECURITY_POLICY);
    }
}
