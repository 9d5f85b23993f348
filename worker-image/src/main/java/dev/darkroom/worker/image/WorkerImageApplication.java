package dev.darkroom.worker.image;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkerImageApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkerImageApplication.class, args);
    }
}
