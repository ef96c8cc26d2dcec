package dev.numbers.web.ops.boundary;

import dev.numbers.web.html.Html;
import dev.numbers.web.ops.entity.OpsStatus;
import dev.numbers.web.ops.page.OpsPage;
import dev.numbers.web.ops.state.CircuitBreakerReader;
import dev.numbers.web.ops.state.HealthHistory;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /ops}: the operations page; {@code GET /ops/panel}: its changing part, which the page fetches
 * to refresh itself; {@code GET /ops/status}: the same as JSON for scripts and tools (schema in docs/operations.md).
 * Each answer is one consistent snapshot.
 */
@Path("ops")
public class OpsResource {

    @Inject
    HealthHistory history;

    @Inject
    CircuitBreakerReader circuit;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return Html.response(OpsPage.page(snapshot()), OpsPage.CONTENT_SECURITY_POLICY);
    }

    @GET
    @Path("panel")
    @Produces(MediaType.TEXT_HTML)
    public Response panel() {
        return Html.response(OpsPage.panel(snapshot()), OpsPage.CONTENT_SECURITY_POLICY);
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        return Response.ok(snapshot()).header("Cache-Control", "no-store").build();
    }

    private OpsStatus snapshot() {
        return history.snapshot(circuit.read());
    }
}
