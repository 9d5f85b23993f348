package dev.darkroom.receiver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The webhook-receiver: records fal's signed webhooks durably, then copies each job's outputs into storage. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebhookReceiverApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebhookReceiverApplication.class, args);
    }
}
