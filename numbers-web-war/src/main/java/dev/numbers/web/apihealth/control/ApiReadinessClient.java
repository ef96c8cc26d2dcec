package dev.numbers.web.apihealth.control;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.CompletionStage;

/**
 * The numbers-api's readiness, as the web's readiness check asks it: a MicroProfile Rest Client that
 * {@link ApiReadiness} builds with the check's own time bounds (so not {@code @RegisterRestClient}).
 * Asynchronous, so that the caller's wait has a hard bound whatever the API does. A status of 400 and
 * up arrives as the default exception mapper's WebApplicationException (turning the mapper off costs a
 * warning in the log at every build).
 */
@Path("health/ready")
public interface ApiReadinessClient extends AutoCloseable {

    @GET
    CompletionStage<Response> ready();
}
