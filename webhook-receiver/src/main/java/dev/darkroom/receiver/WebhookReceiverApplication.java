package dev.darkroom.receiver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WebhookReceiverApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebhookReceiverApplication.class, args);
    }
}
