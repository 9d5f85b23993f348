package dev.darkroom.support.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.darkroom.contracts.messaging.Messaging;
import dev.darkroom.testsupport.MarkdownTables;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The messaging tables of {@code docs/architecture.md} are what the services declare. The declarations are read from
 * the auto-configured {@link Declarables} beans every service gets, not from the class that builds them, so the test
 * follows the topology wherever its code lives. Needs no broker: declaring happens on the first connection.
 */
class TopologyDocTest {

    private static final String DOC = "docs/architecture.md";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(RabbitAutoConfiguration.class, DarkroomAmqpAutoConfiguration.class));

    @Test
    void theExchangeTableListsEveryDeclaredExchangeWithItsType() {
        Set<String> documented = MarkdownTables.rows(DOC, "Exchanges").stream()
                .map(row -> row.get("exchange") + " " + row.get("type"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented)
                .as("the Exchanges table of %s (actual) against the declared exchanges", DOC)
                .containsExactlyElementsOf(declared(this::exchanges));
    }

    @Test
    void theQueueTableListsEveryDeclaredQueueWithItsBindingAndDeadLetterQueue() {
        Set<String> documented = MarkdownTables.rows(DOC, "Queues").stream()
                .map(row -> String.join(
                        " ",
                        row.get("queue"),
                        row.get("exchange"),
                        row.get("routing key"),
                        row.get("dead-letter queue")))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented)
                .as("the Queues table of %s (actual) against the declared queues", DOC)
                .containsExactlyElementsOf(declared(this::queues));
    }

    private Set<String> declared(java.util.function.Function<List<Declarables>, Set<String>> view) {
        Set<String> result = new TreeSet<>();
        context.run(ctx -> result.addAll(
                view.apply(List.copyOf(ctx.getBeansOfType(Declarables.class).values()))));
        return result;
    }

    private Set<String> exchanges(List<Declarables> all) {
        return all.stream()
                .flatMap(d -> d.getDeclarablesByType(Exchange.class).stream())
                .map(e -> e.getName() + " " + e.getType())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * "queue exchange key dead-letter-queue" for every queue that is not itself a dead-letter queue; a queue's
     * dead-letter queue is the one bound to the exchange its arguments (or, on classic queues, the application's
     * recoverer) dead-letter to, under the queue's name.
     */
    private Set<String> queues(List<Declarables> all) {
        List<Binding> bindings = all.stream()
                .flatMap(d -> d.getDeclarablesByType(Binding.class).stream())
                .toList();
        Set<String> queueNames = all.stream()
                .flatMap(d -> d.getDeclarablesByType(Queue.class).stream())
                .map(Queue::getName)
                .collect(Collectors.toSet());
        Map<String, Binding> deadLetterBindings = bindings.stream()
                .filter(b -> b.getExchange().equals(Messaging.DEAD_LETTER_EXCHANGE))
                .collect(Collectors.toMap(Binding::getRoutingKey, b -> b));
        assertThat(queueNames)
                .allSatisfy(name -> assertThat(bindings)
                        .as("every queue is bound somewhere: %s", name)
                        .anyMatch(b -> b.getDestination().equals(name)));
        Map<String, Queue> byName = all.stream()
                .flatMap(d -> d.getDeclarablesByType(Queue.class).stream())
                .collect(Collectors.toMap(Queue::getName, q -> q));
        return bindings.stream()
                .filter(b -> !b.getExchange().equals(Messaging.DEAD_LETTER_EXCHANGE))
                .peek(b -> assertThat(byName.get(b.getDestination()).getArguments())
                        .as("%s is a quorum queue that dead-letters under its own name", b.getDestination())
                        .containsEntry("x-queue-type", "quorum")
                        .containsEntry("x-dead-letter-exchange", Messaging.DEAD_LETTER_EXCHANGE)
                        .containsEntry("x-dead-letter-routing-key", b.getDestination())
                        .containsKey("x-delivery-limit"))
                .map(b -> String.join(
                        " ",
                        b.getDestination(),
                        b.getExchange(),
                        b.getRoutingKey(),
                        deadLetterBindings.get(b.getDestination()).getDestination()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
