package dev.numbers.errors.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Whatever else goes wrong: a 500 with one plain line for the caller, the details for the log only. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        LOG.log(Level.WARNING, "Unexpected error: " + exception, exception);
        return Response.serverError()
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity("500 Internal Server Error")
                .build();
    }
}
