package dev.darkroom.support.amqp;

import java.util.function.Predicate;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.support.converter.MessageConversionException;

/**
 * The listener retry's rule: retry everything except a poison message. A message marked with {@link
 * AmqpRejectAndDontRequeueException} (unknown model), or one that cannot be read at all fails the same way every time, so it goes to
 * the dead-letter recoverer at once instead of after every backoff.
 */
public final class PoisonMessages implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AmqpRejectAndDontRequeueException || t instanceof MessageConversionException) {
                return false;
            }
        }
        return true;
    }
}
