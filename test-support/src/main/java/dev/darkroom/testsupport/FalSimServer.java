package dev.darkroom.testsupport;

import dev.darkroom.falsim.FalSimApplication;
import dev.darkroom.falsim.auth.AuthProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * fal-sim running inside the test JVM on a random loopback port. Its base URLs stand in for fal's hosts: the queue
 * host ({@link #queueUrl()}), the REST host ({@link #restUrl()}) and the CDN ({@link #cdnUrl()}).
 */
public final class FalSimServer implements AutoCloseable {

    private static FalSimServer shared;

    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final String falKey;

    private FalSimServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
        this.falKey = context.getBean(AuthProperties.class).keys().get(0);
    }

    /** The instance shared by this JVM's tests; it lives until the JVM exits. */
    public static synchronized FalSimServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Starts an instance of your own with fal-sim's defaults. */
    public static FalSimServer start() {
        return start(Map.of());
    }

    /**
     * Starts an instance of your own.
     *
     * @param properties fal-sim properties (e.g. {@code fal-sim.*}); they win over everything else
     */
    public static FalSimServer start(Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", 0);
        all.put("server.address", "127.0.0.1");
        all.putAll(properties);
        return new FalSimServer(FalSimApplication.start(all));
    }

    /** The simulator's root, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Stands in for {@code https://queue.fal.run}. */
    public String queueUrl() {
        return baseUrl + "/queue";
    }

    /** Stands in for {@code https://rest.fal.ai}. */
    public String restUrl() {
        return baseUrl + "/rest";
    }

    /** Stands in for fal's CDN ({@code https://v3.fal.media}). */
    public String cdnUrl() {
        return baseUrl + "/cdn";
    }

    /** The JWKS fal-sim signs its webhooks with. */
    public String jwksUrl() {
        return restUrl() + "/.well-known/jwks.json";
    }

    /** Stands in for fal's platform API ({@code https://api.fal.ai}). */
    public String apiUrl() {
        return baseUrl + "/api";
    }

    /** The {@code Authorization: Key ...} credential fal-sim accepts: the first of {@code fal-sim.auth.keys}. */
    public String falKey() {
        return falKey;
    }

    /** What the simulator did with each request and its webhook. */
    public FalSimRequests requests() {
        return new FalSimRequests(baseUrl);
    }

    /** The simulator's application context, for tests that reach into it. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
