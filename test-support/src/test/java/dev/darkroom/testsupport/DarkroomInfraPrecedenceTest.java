package dev.darkroom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@SpringBootTest(
        classes = DarkroomInfraPrecedenceTest.Empty.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "darkroom.storage.bucket=chosen-by-the-test")
@DarkroomInfra(Infra.S3)
class DarkroomInfraPrecedenceTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {}

    @Autowired
    Environment env;

    @Test
    void whatTheTestSaysWinsOverTheProvisionedDefaults() {
        assertThat(env.getProperty("darkroom.storage.bucket")).isEqualTo("chosen-by-the-test");
        assertThat(env.getProperty("darkroom.storage.endpoint"))
                .isEqualTo(S3Server.shared().endpoint());
    }
}
