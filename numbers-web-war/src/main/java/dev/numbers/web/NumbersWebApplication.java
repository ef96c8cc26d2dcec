package dev.numbers.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The page at {@code /} and its JSON twin at {@code /api/number}. */
@ApplicationPath("/")
public class NumbersWebApplication extends Application {
}
