package dev.numbers.peer.web.number;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The {@link RestClient} toward the numbers-api, built from Boot's auto-configured builder.
 * <p>
 * Request factory: {@code JdkClientHttpRequestFactory} (the JDK's {@code java.net.http.HttpClient}),
 * which is what Spring Boot 3.4+ picks by default when neither Apache HttpClient, Jetty nor Reactor
 * Netty is on the class path, as here. Built through Boot's {@link ClientHttpRequestFactoryBuilder} only
 * to give this one client its own timeouts: connect 500 ms (a refused or silent host) and read 1000 ms
 * (Spring's JDK factory bounds the whole exchange with it), like the Liberty web's REST client.
 * Nothing else is tuned: default connection pool, HTTP version and executor of the JDK client.
 */
@Configuration(proxyBeanMethods = false)
class NumbersApiClientConfig {

    @Bean
    RestClient numbersApiRestClient(RestClient.Builder builder, NumbersApiProperties api) {
        ClientHttpRequestFactorySettings settings = ClientHttpRequestFactorySettings.defaults()
                .withConnectTimeout(api.connectTimeout())
                .withReadTimeout(api.readTimeout());
        return builder
                .baseUrl(api.url().toString())
                .requestFactory(ClientHttpRequestFactoryBuilder.jdk().build(settings))
                .build();
    }
}
