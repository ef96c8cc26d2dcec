package dev.numbers.peer.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The numbers-web as a Spring Boot application: the page, {@code GET /api/number}, Actuator health. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NumbersWebPeer {

    public static void main(String[] args) {
        SpringApplication.run(NumbersWebPeer.class, args);
    }
}
