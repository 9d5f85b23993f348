package dev.darkroom.support.amqp;

import dev.darkroom.contracts.messaging.Topology;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.MessageRecoverer;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
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
        return Topology.declarables(properties.rabbitmqFeatures(), properties.deliveryLimit());
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

    @Bean
    @ConditionalOnMissingBean
    ConfirmedPublisher confirmedPublisher(RabbitTemplate rabbitTemplate, AmqpProperties properties) {
        return new ConfirmedPublisher(rabbitTemplate, properties.confirmTimeout());
    }
}
