package dev.darkroom.support.amqp;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.config.ContainerCustomizer;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.boot.amqp.autoconfigure.RabbitListenerRetrySettingsCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Every service declares the whole topology, converts messages as JSON records from {@code contracts}, and sends
 * messages whose listener retries are spent to the dead-letter queue (Boot's listener retry picks up the
 * {@link MessageRecoverer} bean).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
@ConditionalOnClass(RabbitTemplate.class)
@EnableConfigurationProperties(AmqpProperties.class)
public class DarkroomAmqpAutoConfiguration {

    @Bean
    Declarables darkroomTopology(AmqpProperties properties) {
        return TopologyDeclarables.of(properties.rabbitmqFeatures(), properties.deliveryLimit());
    }

    @Bean
    @ConditionalOnMissingBean
    MessageConverter darkroomMessageConverter() {
        return new JacksonJsonMessageConverter("dev.darkroom.contracts.messages");
    }

    @Bean
    @ConditionalOnMissingBean
    MessageRecoverer deadLetterRecoverer(RabbitTemplate rabbitTemplate) {
        return new DeadLetterRecoverer(rabbitTemplate);
    }

    /** A message that fails the same way on every attempt goes to its dead-letter queue at once. */
    @Bean
    RabbitListenerRetrySettingsCustomizer poisonMessagesAreNotRetried() {
        return settings -> settings.setExceptionPredicate(new PoisonMessages());
    }

    /**
     * On shutdown a listener stops taking messages and finishes the ones in hand, for up to
     * {@code darkroom.amqp.shutdown-timeout}; a message still unfinished is not acked and goes to another instance.
     * Services set that property rather than add a customizer of their own: Boot applies a container customizer
     * only when it is the single one, so one more from another auto-configuration would silently disable both.
     */
    @Bean
    @ConditionalOnMissingBean(ContainerCustomizer.class)
    ContainerCustomizer<SimpleMessageListenerContainer> drainOnShutdown(AmqpProperties properties) {
        return container ->
                container.setShutdownTimeout(properties.shutdownTimeout().toMillis());
    }

    @Bean
    @ConditionalOnMissingBean
    ConfirmedPublisher confirmedPublisher(RabbitTemplate rabbitTemplate, AmqpProperties properties) {
        return new ConfirmedPublisher(rabbitTemplate, properties.confirmTimeout());
    }
}
