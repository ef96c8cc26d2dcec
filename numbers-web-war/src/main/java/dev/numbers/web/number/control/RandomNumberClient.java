package dev.numbers.web.number.control;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The numbers-api, as the web sees it. Its base URL and its own connect and read timeouts come from
 * MicroProfile Config under the key {@code numbers-api} (see META-INF/microprofile-config.properties).
 * <p>
 * It answers a {@link Response} rather than a String so that the body is read with a size limit: a
 * broken API that sends megabytes must not fill the web's heap.
 */
@RegisterRestClient(configKey = "numbers-api")
public interface RandomNumberClient {

    @GET
    @Path("rng")
    @Produces(MediaType.TEXT_PLAIN)
    Response next();
}
