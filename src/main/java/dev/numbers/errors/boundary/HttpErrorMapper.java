package dev.numbers.errors.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 404 for an unknown path, 405 for a wrong method, 406 for an Accept header the app cannot serve: the
 * status and headers stay as JAX-RS chose them (405 keeps its {@code Allow}), the body becomes one plain line.
 * Shared by both WARs (the top-level src/main/java, added to each by build-helper-maven-plugin).
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        return Response.fromResponse(original)
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity(status.getStatusCode() + " " + status.getReasonPhrase())
                .build();
    }
}
