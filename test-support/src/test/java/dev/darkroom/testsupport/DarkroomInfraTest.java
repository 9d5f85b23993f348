package dev.darkroom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@SpringBootTest(classes = DarkroomInfraTest.Empty.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DarkroomInfra({Infra.POSTGRES, Infra.RABBITMQ, Infra.S3, Infra.FAL_SIM})
class DarkroomInfraTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {}

    @Autowired
    Environment env;

    @Test
    void theContextGetsItsOwnEmptyDatabase() throws Exception {
        String url = env.getRequiredProperty("spring.datasource.url");
        assertThat(url).contains("/darkroom_t_");
        try (Connection c = DriverManager.getConnection(
                        url,
                        env.getRequiredProperty("spring.datasource.username"),
                        env.getRequiredProperty("spring.datasource.password"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void theBrokerIsTheSharedOne() {
        TestRabbit rabbit = TestRabbit.shared();
        assertThat(env.getRequiredProperty("spring.rabbitmq.host")).isEqualTo(rabbit.host());
        assertThat(env.getRequiredProperty("spring.rabbitmq.port", Integer.class))
                .isEqualTo(rabbit.port());
        assertThat(env.getRequiredProperty("spring.rabbitmq.username")).isEqualTo(rabbit.username());
    }

    @Test
    void theContextGetsItsOwnBucketOnTheSharedS3Server() throws Exception {
        S3Server s3 = S3Server.shared();
        assertThat(env.getRequiredProperty("darkroom.storage.endpoint")).isEqualTo(s3.endpoint());
        String bucket = env.getRequiredProperty("darkroom.storage.bucket");
        MinioClient client = s3.client(
                env.getRequiredProperty("darkroom.storage.access-key"),
                env.getRequiredProperty("darkroom.storage.secret-key"));
        assertThat(env.getRequiredProperty("darkroom.storage.region")).isEqualTo(s3.region());
        assertThat(client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()))
                .isTrue();
    }

    @Test
    void falPointsAtTheSimulator() {
        FalSimServer fal = FalSimServer.shared();
        assertThat(env.getProperty("darkroom.fal.queue-url")).isEqualTo(fal.queueUrl());
        assertThat(env.getProperty("darkroom.fal.rest-url")).isEqualTo(fal.restUrl());
        assertThat(env.getProperty("darkroom.fal.cdn-url")).isEqualTo(fal.cdnUrl());
        assertThat(env.getProperty("darkroom.fal.jwks-url")).isEqualTo(fal.jwksUrl());
        assertThat(env.getProperty("darkroom.fal.key")).isEqualTo("darkroom-sim:local-secret");
    }
}
