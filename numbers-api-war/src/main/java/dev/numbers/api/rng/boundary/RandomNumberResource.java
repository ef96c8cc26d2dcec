package dev.numbers.api.rng.boundary;

import dev.numbers.api.rng.control.CallBudget;
import dev.numbers.api.rng.control.RandomNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.logging.Logger;

/** {@code GET /rng}: a random number as plain text, until the book's bug strikes. */
@Path("rng")
@ApplicationScoped
public class RandomNumberResource {

    static final String BROKEN = "RNG broken: this service has failed for good, as the book's bug intends";
    private static final Logger LOG = Logger.getLogger(RandomNumberResource.class.getName());

    @Inject
    CallBudget budget;

    @Inject
    RandomNumbers numbers;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response next() {
        CallBudget.Outcome outcome = budget.spend();
        if (outcome == CallBudget.Outcome.SERVED) {
            return Response.ok(String.valueOf(numbers.next())).build();
        }
        if (outcome == CallBudget.Outcome.BREAKS_NOW) {
            LOG.warning("fail-after " + budget.failAfter() + " reached: /rng is broken for good and answers 500 from now on");
        }
        return Response.serverError().type(MediaType.TEXT_PLAIN).entity(BROKEN).build();
    }
}
