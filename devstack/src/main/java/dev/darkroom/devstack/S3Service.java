package dev.darkroom.devstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/** s3proxy with its filesystem blob store under {@code <data-dir>/s3} (one directory per bucket), SigV4 auth. */
final class S3Service implements RunningService {

    private final S3Proxy proxy;
    private final int port;
    private final S3Credentials credentials;

    private S3Service(S3Proxy proxy, int port, S3Credentials credentials) {
        this.proxy = proxy;
        this.port = port;
        this.credentials = credentials;
    }

    static S3Service start(Path dataDir, int port, S3Credentials credentials) throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("s3"));
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(dir.toString()))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V4, credentials.accessKey(), credentials.secretKey())
                .jettyMaxThreads(32)
                .stopTimeout(1_000)
                .build();
        proxy.start();
        if (!"STARTED".equals(proxy.getState())) {
            proxy.stop();
            throw new IllegalStateException("s3proxy is " + proxy.getState() + " after start");
        }
        return new S3Service(proxy, port, credentials);
    }

    @Override
    public String readyLine() {
        return "s3 " + endpoint() + " access-key=" + credentials.accessKey();
    }

    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("S3_ENDPOINT", endpoint());
        env.put("S3_ACCESS_KEY", credentials.accessKey());
        env.put("S3_SECRET_KEY", credentials.secretKey());
        return env;
    }

    private String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop cleanly", e);
        }
    }
}
