package dev.darkroom.orchestrator.deadletters;

import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.contracts.messaging.Route;
import dev.darkroom.contracts.messaging.Topology;
import dev.darkroom.support.problems.InvalidRequestException;
import dev.darkroom.support.problems.NotFoundException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin API: dead-letter depth per queue, a peek at the messages, and re-drive. */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * @param queue the work queue
     * @param deadLetterQueue its dead-letter queue
     * @param depth messages waiting there
     */
    record QueueDepth(String queue, String deadLetterQueue, long depth) {}

    @GetMapping("/v1/admin/dead-letters")
    List<QueueDepth> list() {
        return Topology.ROUTES.stream()
                .map(r -> new QueueDepth(r.queue(), Messaging.deadLetterQueue(r.queue()), deadLetters.depth(r.queue())))
                .toList();
    }

    @GetMapping("/v1/admin/dead-letters/{queue}")
    List<DeadLetters.Letter> peek(@PathVariable String queue, @RequestParam(defaultValue = "20") int limit) {
        return deadLetters.peek(route(queue).queue(), bounded(limit));
    }

    /** @param redriven how many messages went back to their queue */
    record Redriven(String queue, int redriven) {}

    @PostMapping("/v1/admin/dead-letters/{queue}/redrive")
    Redriven redrive(@PathVariable String queue, @RequestParam(defaultValue = "100") int limit) {
        Route route = route(queue);
        return new Redriven(route.queue(), deadLetters.redrive(route, bounded(limit)));
    }

    private static Route route(String queue) {
        return DeadLetters.route(queue).orElseThrow(() -> new NotFoundException("unknown_queue", "no queue " + queue));
    }

    private static int bounded(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "limit must be from 1 to 1000");
        }
        return limit;
    }
}
