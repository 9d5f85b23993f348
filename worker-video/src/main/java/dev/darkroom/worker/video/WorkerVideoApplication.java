package dev.darkroom.worker.video;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WorkerVideoApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkerVideoApplication.class, args);
    }
}
