package dev.numbers.web.ops.boundary;

import dev.numbers.web.html.Html;
import dev.numbers.web.ops.page.OpsPage;
import dev.numbers.web.ops.state.OpsSnapshot;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /ops}: the operations page; {@code GET /ops/panel}: its changing part, which the page fetches to refresh itself. */
@Path("ops")
public class OpsPageResource {

    @Inject
    OpsSnapshot snapshot;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return html(OpsPage.page(snapshot.now()));
    }

    @GET
    @Path("panel")
    @Produces(MediaType.TEXT_HTML)
    public Response panel() {
        return html(OpsPage.panel(snapshot.now()));
    }

    private static Response html(String html) {
        return Html.response(html, OpsPage.CONTENT_SECURITY_POLICY);
    }
}
