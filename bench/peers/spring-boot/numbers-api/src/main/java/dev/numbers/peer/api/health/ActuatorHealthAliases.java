package dev.numbers.peer.api.health;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Health sits at {@code /health} like Liberty's (see application.yml); Spring's usual
 * {@code /actuator/health}, {@code /actuator/health/liveness} and {@code /actuator/health/readiness}
 * answer too, forwarded to the same endpoint, so a probe written for either stack works unchanged.
 */
@Configuration(proxyBeanMethods = false)
public class ActuatorHealthAliases implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/actuator/health").setViewName("forward:/health");
        registry.addViewController("/actuator/health/liveness").setViewName("forward:/health/liveness");
        registry.addViewController("/actuator/health/readiness").setViewName("forward:/health/readiness");
    }
}
