import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmCallback;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling of one hop on this machine, for the platform benchmark to compare with: a confirmed publish of a
 * persistent message to a quorum queue, consumed, one row inserted into Postgres, acked. The same parts Darkroom's
 * hops use (RabbitMQ's Java client, pgjdbc), without Spring or any of Darkroom's work.
 *
 * <p>Run by {@code ops/bench/bench.sh} as a single-file program:
 * {@code java -cp <amqp-client and postgresql jars> BareLoop.java <messages> <jdbc url> <user> <password> <amqp host>
 * <port> <user> <password> <vhost>}. Prints one line: {@code bare_loop messages=N seconds=S per_second=R}.
 */
public class BareLoop {

    public static void main(String[] args) throws Exception {
        int messages = Integer.parseInt(args[0]);
        String jdbc = args[1];
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(args[4]);
        factory.setPort(Integer.parseInt(args[5]));
        factory.setUsername(args[6]);
        factory.setPassword(args[7]);
        factory.setVirtualHost(args[8]);
        String queue = "bench.bare." + UUID.randomUUID();
        try (java.sql.Connection db = DriverManager.getConnection(jdbc, args[2], args[3]);
                Connection publishing = factory.newConnection("bare-loop-publisher");
                Connection consuming = factory.newConnection("bare-loop-consumer")) {
            db.createStatement().execute("create table if not exists bench_bare (id uuid primary key, body text)");
            db.createStatement().execute("truncate bench_bare");
            Channel declare = publishing.createChannel();
            declare.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum"));

            CountDownLatch consumed = new CountDownLatch(messages);
            Channel in = consuming.createChannel();
            in.basicQos(50);
            PreparedStatement insert = db.prepareStatement("insert into bench_bare (id, body) values (?, ?)");
            DeliverCallback onMessage = (tag, delivery) -> {
                try {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, new String(delivery.getBody(), StandardCharsets.UTF_8));
                    insert.executeUpdate();
                    in.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
                    consumed.countDown();
                } catch (java.sql.SQLException e) {
                    throw new java.io.IOException(e);
                }
            };
            in.basicConsume(queue, false, onMessage, tag -> {});

            Channel out = publishing.createChannel();
            out.confirmSelect();
            // at most 100 unconfirmed publishes, as a publisher waiting for confirms in a pool would have
            Semaphore window = new Semaphore(100);
            ConcurrentNavigableMap<Long, Boolean> unconfirmed = new ConcurrentSkipListMap<>();
            ConfirmCallback confirmed = (tag, multiple) -> {
                int count;
                if (multiple) {
                    Map<Long, Boolean> done = unconfirmed.headMap(tag, true);
                    count = done.size();
                    done.clear();
                } else {
                    count = unconfirmed.remove(tag) != null ? 1 : 0;
                }
                window.release(count);
            };
            out.addConfirmListener(confirmed, confirmed);
            AMQP.BasicProperties persistent =
                    new AMQP.BasicProperties.Builder().deliveryMode(2).contentType("application/json").build();
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                window.acquire();
                unconfirmed.put(out.getNextPublishSeqNo(), true);
                out.basicPublish("", queue, true, persistent,
                        ("{\"job_id\":\"" + UUID.randomUUID() + "\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            }
            if (!consumed.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException(consumed.getCount() + " messages not consumed in 5 minutes");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("bare_loop messages=%d seconds=%.2f per_second=%.0f%n", messages, seconds, messages / seconds);
            declare.queueDelete(queue);
            db.createStatement().execute("drop table bench_bare");
        }
    }
}
