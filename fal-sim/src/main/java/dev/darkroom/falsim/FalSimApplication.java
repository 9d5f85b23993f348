package dev.darkroom.falsim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FalSimApplication {

    public static void main(String[] args) {
        SpringApplication.run(FalSimApplication.class, args);
    }
}
