package dev.numbers.peer.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The numbers-api as a Spring Boot application: {@code GET /rng} and Actuator health, nothing else. */
@SpringBootApplication
public class NumbersApiPeer {

    public static void main(String[] args) {
        SpringApplication.run(NumbersApiPeer.class, args);
    }
}
