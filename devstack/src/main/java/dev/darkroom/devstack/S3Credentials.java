package dev.darkroom.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The S3 server's key pair: the one given, else the one generated on the first start and kept in
 * {@code <data-dir>/s3-credentials.properties} (owner-readable only), so clients configured once keep working.
 *
 * @param accessKey the access key id
 * @param secretKey the secret access key
 */
record S3Credentials(String accessKey, String secretKey) {

    static final String FILE = "s3-credentials.properties";

    static S3Credentials resolve(DevStackConfig config) throws IOException {
        if (config.s3AccessKey() != null) {
            return new S3Credentials(config.s3AccessKey(), config.s3SecretKey());
        }
        Path file = config.dataDir().resolve(FILE);
        if (Files.exists(file)) {
            Properties stored = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                stored.load(in);
            }
            return new S3Credentials(stored.getProperty("access-key"), stored.getProperty("secret-key"));
        }
        S3Credentials generated = new S3Credentials("DR" + hex(9).toUpperCase(Locale.ROOT), hex(20));
        Properties props = new Properties();
        props.setProperty("access-key", generated.accessKey());
        props.setProperty("secret-key", generated.secretKey());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file)) {
            props.store(out, "S3 credentials of the Darkroom devstack");
        }
        return generated;
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
