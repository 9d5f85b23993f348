package dev.darkroom.testsupport;

import io.minio.BucketExistsArgs;
import io.minio.Http;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.MinioException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import okhttp3.OkHttpClient;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * An embedded S3 server (s3proxy with an in-memory blob store) on a random loopback port, signing with SigV4 and
 * generated credentials. Use {@link #shared()} for the JVM-wide instance or {@link #start()} for one of your own,
 * closed with {@link #close()}.
 */
public final class S3Server implements AutoCloseable {

    /** The region every client of this server uses; presigning then needs no network. */
    public static final String REGION = "us-east-1";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static S3Server shared;

    private final S3Proxy proxy;
    private final String endpoint;
    private final String accessKey;
    private final String secretKey;
    private final MinioClient client;

    private S3Server(S3Proxy proxy, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.endpoint = "http://127.0.0.1:" + proxy.getPort();
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.client = client(accessKey, secretKey);
    }

    /** The server shared by this JVM's tests; it lives until the JVM exits. */
    public static synchronized S3Server shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Starts a server of your own. */
    public static S3Server start() {
        String accessKey = "AK" + random(9).toUpperCase();
        String secretKey = random(20);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, accessKey, secretKey)
                // no graceful phase: tests do not wait for idle keep-alive connections at close
                .stopTimeout(0)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
        if (!"STARTED".equals(proxy.getState())) {
            throw new IllegalStateException("s3proxy is " + proxy.getState() + " after start()");
        }
        return new S3Server(proxy, accessKey, secretKey);
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String endpoint() {
        return endpoint;
    }

    public int port() {
        return proxy.getPort();
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public String region() {
        return REGION;
    }

    /** A ready MinIO client for this server. */
    public MinioClient client() {
        return client;
    }

    /**
     * Another MinIO client for this server, e.g. with wrong credentials. It shares one HTTP client with every other:
     * building MinIO's default one parses each CA certificate under {@code SSL_CERT_FILE}/{@code SSL_CERT_DIR},
     * which takes seconds.
     */
    public MinioClient client(String accessKey, String secretKey) {
        return MinioClient.builder()
                .httpClient(SharedHttpClient.INSTANCE)
                .endpoint(endpoint)
                .credentials(accessKey, secretKey)
                .region(REGION)
                .build();
    }

    private static final class SharedHttpClient {
        static final OkHttpClient INSTANCE = Http.newDefaultClient();
    }

    /** Creates a bucket with a fresh random name and returns the name. */
    public String newBucket() {
        String bucket = "darkroom-t-" + random(6);
        createBucket(bucket);
        return bucket;
    }

    /** Creates a bucket unless it exists. */
    public void createBucket(String bucket) {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (MinioException e) {
            throw new IllegalStateException("Cannot create bucket " + bucket + " on " + endpoint, e);
        }
    }

    @Override
    public void close() {
        try {
            client.close();
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop cleanly", e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
