package dev.darkroom.worker.image;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WorkerImageApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkerImageApplication.class, args);
    }
}
