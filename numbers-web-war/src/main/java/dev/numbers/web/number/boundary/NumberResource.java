package dev.numbers.web.number.boundary;

import dev.numbers.web.number.control.ApiWaitLimit;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.OptionalInt;

/** {@code GET /api/number}: the page's answer for scripts and tests. */
@Path("api/number")
public class NumberResource {

    public record Drawn(int number) {
    }

    public record Unavailable(String error) {
    }

    @Inject
    ApiWaitLimit numbers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response next() {
        OptionalInt drawn = numbers.next();
        return (drawn.isPresent() ? Response.ok(new Drawn(drawn.getAsInt()))
                : Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(new Unavailable("RNG service unavailable")))
                .header("Cache-Control", "no-store")
                .build();
    }
}
