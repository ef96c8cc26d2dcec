package dev.numbers.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The API's resources sit at the context root: {@code GET /rng}. */
@ApplicationPath("/")
public class NumbersApiApplication extends Application {
}
