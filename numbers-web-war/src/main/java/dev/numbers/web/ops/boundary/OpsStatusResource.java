package dev.numbers.web.ops.boundary;

import dev.numbers.web.ops.entity.OpsStatus;
import dev.numbers.web.ops.state.OpsSnapshot;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /ops/status}: the operations view as JSON for scripts and tools (schema in the README). */
@Path("ops/status")
public class OpsStatusResource {

    @Inject
    OpsSnapshot snapshot;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        OpsStatus status = snapshot.now();
        return Response.ok(status).header("Cache-Control", "no-store").build();
    }
}
