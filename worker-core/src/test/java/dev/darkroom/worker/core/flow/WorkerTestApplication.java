package dev.darkroom.worker.core.flow;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A worker as the apps build it: nothing but auto-configuration; the test names its kind. */
@SpringBootConfiguration
@EnableAutoConfiguration
class WorkerTestApplication {}
