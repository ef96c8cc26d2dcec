package dev.numbers.web.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for every JSON answer. Without a resolver the JAX-RS runtime builds a new one for
 * each answer, with its serializers: under load that made a {@code GET /api/number} cost the web about
 * 5 ms of CPU, five times a page answer (bench/load.sh). A Jsonb is thread-safe and meant to be shared.
 */
@Provider
public class SharedJsonb implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
